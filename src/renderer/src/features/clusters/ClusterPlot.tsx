import { useCallback, type RefObject } from 'react';
import type { PointGroup } from './cluster-groups';
import type { PlotSelectionEvent } from './plotly';
import { usePlotlyFigure, type PlotlyFigure } from './usePlotlyFigure';

interface ClusterPlotProps {
  plotRef: RefObject<HTMLDivElement | null>;
  figure: PlotlyFigure | null;
  groups: PointGroup[];
  /** Indexes (into the clustering's points) picked by lasso or box; null when cleared. */
  onPick(indexes: number[] | null): void;
}

/** The WebGL scatter of the embedding: one trace per color group, lasso and box to pick. */
export function ClusterPlot({ plotRef, figure, groups, onPick }: ClusterPlotProps) {
  const onSelected = useCallback(
    (event: PlotSelectionEvent | null) => {
      if (!event) {
        onPick(null);
        return;
      }
      const indexes = new Set<number>();
      for (const point of event.points) {
        const index = groups[point.curveNumber]?.indexes[point.pointIndex];
        if (index !== undefined) indexes.add(index);
      }
      onPick([...indexes].sort((a, b) => a - b));
    },
    [groups, onPick],
  );
  const { drawn, error } = usePlotlyFigure(plotRef, figure, onSelected);

  return (
    <div className="cluster-plot-frame">
      <div ref={plotRef} className="cluster-plot" aria-label="Cluster plot" role="figure" />
      {!drawn && !error && <p className="cluster-plot-note muted">Drawing the plot…</p>}
      {error && (
        <p className="cluster-plot-note error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
