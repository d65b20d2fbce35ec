import type { PredictionRow } from '../../../../shared/classify-types';
import { explainReason, formatConfidence, formatDistance, reasonLabels } from './classify-labels';
import { formatCount } from '../../lib/format';
import type { PredictionSort } from './predictions.store';
import { ConfidenceBar } from './ConfidenceBar';
import { StatusBadge } from './StatusBadge';
import type { TableColumn } from '../../ui/table-column';
import { VerdictBadge } from '../qc/VerdictBadge';
import { treeAgrees } from '../../../../shared/tree-placement';

export type PredictionColumn = TableColumn<PredictionRow, PredictionSort['column']>;

/** Amino-acid substitutions shown in a row; the rest are counted. */
const SHOWN_MUTATIONS = 3;

const dash = <span className="muted">—</span>;

function renderMutations(row: PredictionRow) {
  if (row.aaSubstitutions.length === 0) return dash;
  const shown = row.aaSubstitutions.slice(0, SHOWN_MUTATIONS);
  const more = row.aaSubstitutions.length - shown.length;
  return (
    <span className="mutation-cell" title={row.aaSubstitutions.join(', ')}>
      {shown.map((change) => (
        <span key={change} className="mutation-chip mono">
          {change}
        </span>
      ))}
      {more > 0 && <span className="muted">+{formatCount(more)}</span>}
    </span>
  );
}

/** Why unassigned, short enough for a cell; the cell's tooltip has the whole sentence. */
function shortReason(row: PredictionRow, threshold: number): string {
  if (!row.reason) return '';
  if (row.reason === 'low-confidence') {
    return `${reasonLabels[row.reason]} (< ${formatConfidence(threshold)})`;
  }
  if (row.reason === 'not-aligned') {
    return row.detail ? `${reasonLabels[row.reason]}: ${row.detail}` : reasonLabels[row.reason];
  }
  return `${reasonLabels[row.reason]} verdict`;
}

/** The sequence and what the model called it; the run's threshold explains low confidences. */
function callColumns(threshold: number): PredictionColumn[] {
  return [
    {
      id: 'ordinal',
      label: '#',
      title: 'Order in the dataset',
      sortKey: 'ordinal',
      width: 52,
      numeric: true,
      render: (row) => formatCount(row.ordinal + 1),
    },
    {
      id: 'seqId',
      label: 'Sequence id',
      sortKey: 'seqId',
      width: 180,
      mono: true,
      render: (row) => (
        <button type="button" className="button-link cell-button">
          {row.seqId}
        </button>
      ),
    },
    {
      id: 'label',
      label: 'Label',
      title: 'The label the model assigned',
      sortKey: 'label',
      width: 120,
      render: (row) =>
        row.label ?? (
          <span
            className="muted"
            title={row.topLabel ? `Most probable: ${row.topLabel}` : undefined}
          >
            {row.topLabel ? `(${row.topLabel}?)` : '—'}
          </span>
        ),
    },
    {
      id: 'confidence',
      label: 'Confidence',
      title: 'Calibrated probability of the most probable label',
      sortKey: 'confidence',
      width: 150,
      render: (row) => <ConfidenceBar confidence={row.confidence} threshold={threshold} />,
    },
    {
      id: 'status',
      label: 'Status',
      sortKey: null,
      width: 108,
      render: (row) => <StatusBadge status={row.status} />,
    },
    {
      id: 'reason',
      label: 'Why unassigned',
      sortKey: null,
      width: 250,
      render: (row) =>
        row.reason ? (
          <span className="reason-text" title={explainReason(row, threshold)}>
            {shortReason(row, threshold)}
          </span>
        ) : (
          ''
        ),
    },
  ];
}

/** The nearest labeled reference, QC, mutations and the recombinant flag: the evidence. */
const evidenceColumns: PredictionColumn[] = [
  {
    id: 'treeClade',
    label: 'Tree clade',
    title:
      "The clade of the sequence's placement on the reference tree (marked where it differs from the label)",
    sortKey: null,
    width: 120,
    render: (row) => {
      if (!row.tree) return dash;
      const agrees = treeAgrees(row.label, row.tree);
      return (
        <span
          className={agrees === false ? 'tree-disagrees' : undefined}
          title={`On ${row.tree.node}, ${row.tree.distance} private mutations${agrees === false ? `; the model says ${row.label}` : ''}`}
        >
          {row.tree.clade || '—'}
          {agrees === false && ' ≠'}
        </span>
      );
    },
  },
  {
    id: 'fallbackLabel',
    label: 'Nearest label',
    title: 'Label of the nearest labeled reference genome (the fallback)',
    sortKey: null,
    width: 108,
    render: (row) => row.fallbackLabel ?? dash,
  },
  {
    id: 'fallbackExemplar',
    label: 'Nearest exemplar',
    title: 'The nearest labeled reference genome',
    sortKey: null,
    width: 190,
    mono: true,
    render: (row) =>
      row.fallbackExemplar ? (
        <span className="cell-text" title={row.fallbackExemplar}>
          {row.fallbackExemplar}
        </span>
      ) : (
        dash
      ),
  },
  {
    id: 'fallbackDistance',
    label: 'Distance',
    title: 'Mismatches to the nearest exemplar over the positions the sequence covers',
    sortKey: 'fallbackDistance',
    width: 96,
    numeric: true,
    render: (row) =>
      row.fallbackDistance === null ? (
        dash
      ) : (
        <span title={formatDistance(row.fallbackDistance)}>
          {formatCount(row.fallbackDistance)}
        </span>
      ),
  },
  {
    id: 'qc',
    label: 'QC',
    title: 'QC verdict of the analysis the run used',
    sortKey: null,
    width: 100,
    render: (row) =>
      row.qcVerdict === null ? (
        dash
      ) : (
        <VerdictBadge verdict={row.qcVerdict === 'failed' ? null : row.qcVerdict} />
      ),
  },
  {
    id: 'mutations',
    label: 'Key mutations',
    title: 'Amino-acid substitutions',
    sortKey: null,
    width: 300,
    render: renderMutations,
  },
  {
    id: 'recombinant',
    label: 'Recombinant',
    title: 'A mosaic of two labeled references explains the sequence better than either',
    sortKey: null,
    width: 160,
    render: (row) =>
      row.recombinant ? (
        <span
          className="badge badge-recombinant"
          title={`Parents ${row.recombinant.parents.join(' and ')}, breakpoint at ${formatCount(row.recombinant.breakpoint)}`}
        >
          {row.recombinant.parents.join(' × ')}
        </span>
      ) : row.tree?.recombinant ? (
        <span
          className="badge badge-recombinant"
          title={`A mosaic of two tree nodes: ${row.tree.recombinant.parents.map((p) => `${p.clade} (${p.node})`).join(' and ')}`}
        >
          {row.tree.recombinant.parents.map((p) => p.clade).join(' × ')}
        </span>
      ) : (
        ''
      ),
  },
];

/** The predictions table's columns; the run's threshold explains low confidences. */
export function predictionColumns(threshold: number): PredictionColumn[] {
  return [...callColumns(threshold), ...evidenceColumns];
}
