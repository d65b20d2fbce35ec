import type { QcRow, QcRuleName } from '../../../../shared/analysis-types';
import { formatCount, formatScore } from '../../lib/format';
import { ruleLabels, ruleNames } from './verdicts';
import type { QcSortColumn } from './qc.store';
import type { TableColumn } from '../../ui/table-column';
import { VerdictBadge } from './VerdictBadge';

export type QcColumn = TableColumn<QcRow, QcSortColumn>;

function renderRuleScore(row: QcRow, name: QcRuleName) {
  const rule = row.rules.find((candidate) => candidate.rule === name);
  if (!rule) {
    return (
      <span className="muted" title={row.failure ? 'Not aligned' : 'Not checked for this pathogen'}>
        —
      </span>
    );
  }
  return (
    <span className={`score score-${rule.score === 0 ? 'zero' : rule.verdict}`} title={rule.reason}>
      {formatScore(rule.score)}
    </span>
  );
}

const ruleColumns: QcColumn[] = ruleNames.map((name) => ({
  id: `rule:${name}`,
  label: ruleLabels[name],
  title: `${ruleLabels[name]}: the rule's score (0 is perfect; 30 mediocre, 100 bad)`,
  sortKey: null,
  // Wide enough for the header at 12px semibold.
  width: Math.max(96, ruleLabels[name].length * 7 + 34),
  numeric: true,
  render: (row) => renderRuleScore(row, name),
}));

export const qcColumns: QcColumn[] = [
  {
    id: 'ordinal',
    label: '#',
    title: 'Order in the dataset',
    sortKey: 'ordinal',
    width: 64,
    numeric: true,
    render: (row) => formatCount(row.ordinal + 1),
  },
  {
    id: 'seqId',
    label: 'Sequence id',
    sortKey: 'seqId',
    width: 220,
    mono: true,
    render: (row) => (
      <button type="button" className="button-link cell-button">
        {row.seqId}
      </button>
    ),
  },
  {
    id: 'verdict',
    label: 'Verdict',
    sortKey: null,
    width: 104,
    render: (row) => <VerdictBadge verdict={row.verdict} />,
  },
  {
    id: 'qcScore',
    label: 'Score',
    title: 'Overall QC score: the sum of each rule score² / 100',
    sortKey: 'qcScore',
    width: 92,
    numeric: true,
    render: (row) =>
      row.overallScore === null ? (
        <span className="muted">—</span>
      ) : (
        <strong className={`score score-${row.verdict ?? 'failed'}`}>
          {formatScore(row.overallScore)}
        </strong>
      ),
  },
  ...ruleColumns,
  {
    id: 'substitutionCount',
    label: 'Substitutions',
    sortKey: 'substitutionCount',
    width: 124,
    numeric: true,
    render: (row) => formatCount(row.substitutionCount),
  },
  {
    id: 'missingCount',
    label: 'Missing bases',
    title: 'N and uncovered reference positions',
    sortKey: 'missingCount',
    width: 124,
    numeric: true,
    render: (row) => formatCount(row.missingCount),
  },
  {
    id: 'nearest',
    label: 'Nearest reference',
    sortKey: null,
    width: 200,
    render: (row) => row.nearest?.name ?? <span className="muted">—</span>,
  },
  {
    id: 'clade',
    label: 'Clade',
    sortKey: null,
    width: 90,
    render: (row) => row.nearest?.clade ?? <span className="muted">—</span>,
  },
  {
    id: 'distance',
    label: 'Distance',
    title: 'Differing positions from the nearest labeled reference',
    sortKey: null,
    width: 90,
    numeric: true,
    render: (row) => (row.nearest ? formatCount(row.nearest.distance) : '—'),
  },
  {
    id: 'failure',
    label: 'Failure',
    title: 'Why the sequence did not align',
    sortKey: null,
    width: 280,
    render: (row) =>
      row.failure ? (
        <span className="error-text" title={row.failure}>
          {row.failure}
        </span>
      ) : (
        ''
      ),
  },
];
