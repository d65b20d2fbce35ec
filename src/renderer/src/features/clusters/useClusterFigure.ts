import { useMemo } from 'react';
import type { ClusteringSummary, ClusterPoints } from '../../../../shared/cluster-types';
import { buildLayout, buildTraces } from './cluster-figure';
import { groupByCluster, groupByValue, groupByVerdict, type PointGroup } from './cluster-groups';
import type { ColorBy, PlotSelection } from './cluster-view.store';
import type { PlotlyFigure } from './usePlotlyFigure';

export interface ClusterFigure {
  figure: PlotlyFigure | null;
  /** The groups behind the traces, in trace order: trace i, point j is groups[i].indexes[j]. */
  groups: PointGroup[];
  /** Waiting for the colored-by column's values. */
  pending: boolean;
}

interface ClusterFigureInput {
  clustering: ClusteringSummary;
  points: ClusterPoints | null;
  labels: (string | null)[] | null;
  colorBy: ColorBy;
  colorValues: (string | null)[] | null;
  selection: PlotSelection | null;
  selectionRevision: number;
}

function legendTitle(colorBy: ColorBy): string {
  if (colorBy.kind === 'cluster') return 'Cluster';
  return colorBy.kind === 'qc' ? 'QC verdict' : colorBy.column;
}

/** The plot's traces and layout for a clustering, its coloring and the points picked. */
export function useClusterFigure({
  clustering,
  points,
  labels,
  colorBy,
  colorValues,
  selection,
  selectionRevision,
}: ClusterFigureInput): ClusterFigure {
  const pending = colorBy.kind === 'column' && colorValues === null;
  const groups = useMemo(() => {
    if (!points || pending) return [];
    if (colorBy.kind === 'qc') return groupByVerdict(points.qcVerdicts);
    if (colorBy.kind === 'column' && colorValues) return groupByValue(colorValues);
    return groupByCluster(points.assignments);
  }, [points, pending, colorBy.kind, colorValues]);

  const picked = useMemo(() => {
    if (!points || !selection || selection.clusteringId !== clustering.id) return null;
    const mask = new Uint8Array(points.ids.length);
    for (const index of selection.indexes) mask[index] = 1;
    return mask;
  }, [points, selection, clustering.id]);

  const labelColumn = clustering.metrics.labelColumn;
  const coloredColumn =
    colorBy.kind === 'column' && colorBy.column !== labelColumn ? colorBy.column : null;

  const figure = useMemo<PlotlyFigure | null>(() => {
    if (!points || groups.length === 0) return null;
    return {
      data: buildTraces({
        points,
        groups,
        groupKind: colorBy.kind === 'column' ? `column:${colorBy.column}` : colorBy.kind,
        labels: labelColumn && labels ? { column: labelColumn, values: labels } : null,
        colored:
          coloredColumn && colorValues ? { column: coloredColumn, values: colorValues } : null,
        picked,
      }),
      layout: buildLayout({
        clusteringId: clustering.id,
        dimensions: points.dimensions,
        axisName: clustering.params.embed === 'umap' ? 'UMAP' : 'PC',
        legendTitle: legendTitle(colorBy),
        selectionRevision,
      }),
    };
  }, [
    points,
    groups,
    labels,
    labelColumn,
    coloredColumn,
    colorValues,
    picked,
    clustering,
    colorBy,
    selectionRevision,
  ]);

  return { figure, groups, pending };
}
