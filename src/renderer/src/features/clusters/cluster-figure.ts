/**
 * The cluster plot as plotly traces and layout: one trace per color group (so the legend
 * toggles groups), coordinates in typed arrays, and hover text as flat string arrays
 * rather than per-point objects, so that 100k points stay fluid.
 */
import type { ClusterPoints } from '../../../../shared/cluster-types';
import { clusterName } from './cluster-colors';
import type { PointGroup } from './cluster-groups';
import { formatCount } from '../../lib/format';
import type { Data, Layout } from './plotly';

export interface FigureInput {
  points: ClusterPoints;
  groups: PointGroup[];
  /** What the groups are of ("cluster", "qc", a column): with the group name, a trace's uid. */
  groupKind: string;
  /** The label column's value per point, for the hover. */
  labels: { column: string; values: readonly (string | null)[] } | null;
  /** The colored-by column, when it is not the label column, for the hover. */
  colored: { column: string; values: readonly (string | null)[] } | null;
  /** 1 for each picked point; null when nothing is picked. */
  picked: Uint8Array | null;
}

const HOVER = '<b>%{text}</b><br>%{customdata}<extra></extra>';
const MARKER_OPACITY = 0.85;

/** Plotly puts a uid in CSS selectors: every character outside [A-Za-z0-9] is escaped. */
function traceUid(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, (char) => `_${char.charCodeAt(0).toString(36)}_`);
}

function hoverLine(input: FigureInput, index: number): string {
  const parts = [clusterName(input.points.assignments[index]!)];
  const label = input.labels?.values[index];
  if (input.labels && label) parts.push(`${input.labels.column}: ${label}`);
  const colored = input.colored?.values[index];
  if (input.colored && colored) parts.push(`${input.colored.column}: ${colored}`);
  return parts.join(' · ');
}

/** Marker size by point count: small points once they are many. */
function markerSize(count: number, dimensions: 2 | 3): number {
  if (dimensions === 3) return count > 20_000 ? 1.5 : 3;
  return count > 50_000 ? 2.5 : count > 5_000 ? 4 : 6;
}

export function buildTraces(input: FigureInput): Data[] {
  const { points, groups, picked } = input;
  const { dimensions, coordinates, ids } = points;
  const size = markerSize(ids.length, dimensions);
  const traces: Data[] = groups.map((group) => {
    const count = group.indexes.length;
    const axes = Array.from({ length: dimensions }, () => new Float32Array(count));
    const text = new Array<string>(count);
    const customdata = new Array<string>(count);
    const selectedpoints: number[] = [];
    group.indexes.forEach((index, position) => {
      for (let axis = 0; axis < dimensions; axis++) {
        axes[axis]![position] = coordinates[index * dimensions + axis]!;
      }
      text[position] = ids[index]!;
      customdata[position] = hoverLine(input, index);
      if (picked?.[index]) selectedpoints.push(position);
    });
    const common = {
      // Legend toggles stay with their group, not with a trace index, across recoloring.
      uid: traceUid(`${input.groupKind}:${group.name}`),
      name: `${group.name} (${formatCount(count)})`,
      mode: 'markers' as const,
      text,
      customdata,
      hovertemplate: HOVER,
    };
    if (dimensions === 3) {
      return {
        ...common,
        type: 'scatter3d' as const,
        x: axes[0]!,
        y: axes[1]!,
        z: axes[2]!,
        marker: { color: group.color, size, opacity: picked ? 0.25 : MARKER_OPACITY },
      };
    }
    return {
      ...common,
      type: 'scattergl' as const,
      x: axes[0]!,
      y: axes[1]!,
      marker: { color: group.color, size, opacity: MARKER_OPACITY },
      // Picked points keep their look; the others fade (as after a lasso).
      selectedpoints: picked ? selectedpoints : null,
      unselected: { marker: { opacity: 0.12 } },
    };
  });
  if (dimensions === 3 && picked) traces.push(pickedOverlay(points, picked, size));
  return traces;
}

/** 3-D traces cannot show a selection: the picked points are drawn again, ringed, on top. */
function pickedOverlay(points: ClusterPoints, picked: Uint8Array, size: number): Data {
  const indexes: number[] = [];
  picked.forEach((flag, index) => {
    if (flag) indexes.push(index);
  });
  const axes = [0, 1, 2].map((axis) =>
    Float32Array.from(indexes, (index) => points.coordinates[index * 3 + axis]!),
  );
  return {
    type: 'scatter3d',
    mode: 'markers',
    name: 'Picked',
    showlegend: false,
    hoverinfo: 'skip',
    x: axes[0]!,
    y: axes[1]!,
    z: axes[2]!,
    marker: { color: '#111827', size: size + 1.5, symbol: 'circle-open' },
  };
}

const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 };

export interface LayoutInput {
  clusteringId: number;
  dimensions: 2 | 3;
  /** "UMAP" or "PC". */
  axisName: string;
  legendTitle: string;
  /** Changes when the pick changed off the plot: a lasso or box drawn earlier is dropped. */
  selectionRevision: number;
}

export function buildLayout(input: LayoutInput): Partial<Layout> {
  const axis = (n: number) => ({
    title: { text: `${input.axisName} ${n}` },
    zeroline: false,
    showgrid: true,
    gridcolor: '#eef0f3',
  });
  const layout: Partial<Layout> = {
    // Zoom, rotation and legend toggles survive recoloring; another run starts afresh.
    uirevision: input.clusteringId,
    selectionrevision: `${input.clusteringId}:${input.selectionRevision}`,
    autosize: true,
    font: FONT,
    // Room above the plot for the mode bar, clear of the legend.
    margin: { l: 48, r: 8, t: 30, b: 44 },
    hovermode: 'closest',
    dragmode: input.dimensions === 2 ? 'lasso' : 'orbit',
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    legend: {
      title: { text: input.legendTitle },
      itemsizing: 'constant',
      bgcolor: 'rgba(255,255,255,0.85)',
    },
  };
  if (input.dimensions === 3) {
    layout.scene = { xaxis: axis(1), yaxis: axis(2), zaxis: axis(3) };
  } else {
    layout.xaxis = axis(1);
    layout.yaxis = axis(2);
  }
  return layout;
}
