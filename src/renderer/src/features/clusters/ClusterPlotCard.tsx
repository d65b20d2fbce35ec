import { useRef } from 'react';
import type { ClusteringDetail, ClusteringSummary } from '../../../../shared/cluster-types';
import { useClusterFigure } from './useClusterFigure';
import type { ClusteringResult } from './useClusteringResult';
import { useClusterViewStore, type ColorBy } from './cluster-view.store';
import { ClusterPlot } from './ClusterPlot';
import { ColorBySelect } from './ColorBySelect';
import { PlotImageButtons } from './PlotImageButtons';
import { PlotSelectionBar } from './PlotSelectionBar';
import { usePlotSelection } from './usePlotSelection';

interface ClusterPlotCardProps {
  clustering: ClusteringSummary;
  detail: ClusteringDetail | null;
  result: ClusteringResult;
  /** What the points are colored by (the choice, when this run has that column). */
  colorBy: ColorBy;
}

/** The plot with its coloring, the picked points and where to open them, and image export. */
export function ClusterPlotCard({ clustering, detail, result, colorBy }: ClusterPlotCardProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const setColorBy = useClusterViewStore((state) => state.setColorBy);
  const { points, labels, colorValues } = result;
  const { selection, selectionRevision, picked, onPick, openIn, clear } = usePlotSelection(
    clustering,
    points,
  );
  const { figure, groups, pending } = useClusterFigure({
    clustering,
    points,
    labels,
    colorBy,
    colorValues,
    selection,
    selectionRevision,
  });
  const hasVerdicts = points?.qcVerdicts.some((verdict) => verdict !== null) ?? false;

  return (
    <section className="card cluster-plot-card" aria-label="Cluster plot card">
      <div className="row row-between">
        <div className="row">
          <ColorBySelect
            value={colorBy}
            labelColumn={clustering.metrics.labelColumn}
            hasVerdicts={hasVerdicts}
            metadataColumns={detail?.metadataColumns ?? []}
            onChange={setColorBy}
          />
          {pending && <span className="muted small">Loading the column…</span>}
        </div>
        <PlotImageButtons
          plotRef={plotRef}
          fileName={`clustering-${clustering.id}`}
          disabled={!figure}
        />
      </div>
      {picked ? (
        <PlotSelectionBar
          count={picked.indexes.length}
          cluster={picked.cluster}
          onOpenSequences={() => openIn('sequences')}
          onOpenQc={() => openIn('qc')}
          onClear={clear}
        />
      ) : (
        <p className="muted small selection-hint">
          {points?.dimensions === 3
            ? 'Drag to rotate, scroll to zoom. Click a cluster on the right to pick its points.'
            : 'Lasso or box to pick points; click a cluster on the right to pick it. Click a legend entry to hide a group.'}
        </p>
      )}
      {points ? (
        <ClusterPlot plotRef={plotRef} figure={figure} groups={groups} onPick={onPick} />
      ) : (
        <p className="muted cluster-plot-placeholder">Loading the points…</p>
      )}
    </section>
  );
}
