/** How two runs are paired, which runs can be paired, and the differing sequences as rows. */
import type {
  ClassificationComparison,
  ClassificationSummary,
} from '../../../../shared/classify-types';

export type Disagreement = ClassificationComparison['disagreements'][number];

export type DisagreementSortKey =
  'ordinal' | 'seqId' | 'leftLabel' | 'leftConfidence' | 'rightLabel' | 'rightConfidence';

export interface DisagreementSort {
  column: DisagreementSortKey;
  direction: 'asc' | 'desc';
}

/** What a compared call reads as: its label, or `Unassigned`. */
export function callLabel(label: string | null): string {
  return label ?? 'Unassigned';
}

/** The older run on the left, so that transitions read from the earlier run to the later. */
export function orderPair(
  a: ClassificationSummary,
  b: ClassificationSummary,
): { leftId: number; rightId: number } {
  const aFirst = a.createdAt === b.createdAt ? a.id < b.id : a.createdAt < b.createdAt;
  return aFirst ? { leftId: a.id, rightId: b.id } : { leftId: b.id, rightId: a.id };
}

/** Whether any dataset has two runs, so that there is something to compare. */
export function hasComparableRuns(classifications: ClassificationSummary[]): boolean {
  const datasets = new Set<number>();
  for (const run of classifications) {
    if (datasets.has(run.datasetId)) return true;
    datasets.add(run.datasetId);
  }
  return false;
}

/**
 * Why a run cannot be ticked beside the ones ticked already; null when it can.
 * `classifications` is every run, to tell a dataset classified only once.
 */
export function pickBlocker(
  candidate: ClassificationSummary,
  picked: ClassificationSummary[],
  classifications: ClassificationSummary[],
): string | null {
  if (picked.some((run) => run.id === candidate.id)) return null;
  if (
    !classifications.some((run) => run.datasetId === candidate.datasetId && run.id !== candidate.id)
  ) {
    return `Run #${candidate.id} is the only run of “${candidate.datasetName}”: classify it again (another model version) to compare.`;
  }
  if (picked.length >= 2) return 'Two runs are ticked: untick one to pick another.';
  const other = picked.find((run) => run.datasetId !== candidate.datasetId);
  if (other) {
    return `Run #${candidate.id} classifies “${candidate.datasetName}”, run #${other.id} “${other.datasetName}”: only runs of one dataset can be compared.`;
  }
  return null;
}

const byLabel = (a: string | null, b: string | null) =>
  callLabel(a).localeCompare(callLabel(b), 'en', { numeric: true });

const comparators: Record<DisagreementSortKey, (a: Disagreement, b: Disagreement) => number> = {
  ordinal: (a, b) => a.ordinal - b.ordinal,
  seqId: (a, b) => a.seqId.localeCompare(b.seqId, 'en', { numeric: true }),
  leftLabel: (a, b) => byLabel(a.left.label, b.left.label),
  leftConfidence: (a, b) => a.left.confidence - b.left.confidence,
  rightLabel: (a, b) => byLabel(a.right.label, b.right.label),
  rightConfidence: (a, b) => a.right.confidence - b.right.confidence,
};

/** A sorted copy; ties keep dataset order. */
export function sortDisagreements(rows: Disagreement[], sort: DisagreementSort): Disagreement[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = comparators[sort.column];
  return [...rows].sort((a, b) => sign * compare(a, b) || a.ordinal - b.ordinal);
}

const cell = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

/** The listed differing sequences as TSV, in dataset order; unassigned labels are empty. */
export function disagreementsTsv(comparison: ClassificationComparison): string {
  const header = [
    'id',
    'left_label',
    'left_status',
    'left_confidence',
    'right_label',
    'right_status',
    'right_confidence',
  ];
  const lines = comparison.disagreements.map((row) =>
    [
      cell(row.seqId),
      cell(row.left.label ?? ''),
      row.left.status,
      row.left.confidence.toFixed(4),
      cell(row.right.label ?? ''),
      row.right.status,
      row.right.confidence.toFixed(4),
    ].join('\t'),
  );
  return `${[header.join('\t'), ...lines].join('\n')}\n`;
}

/** `comparison-3-vs-5.SARS-CoV-2_example.differing.tsv` */
export function disagreementsFileName(comparison: ClassificationComparison): string {
  const safeName = comparison.left.datasetName.replace(/[^\w.-]+/g, '_').slice(0, 60);
  return `comparison-${comparison.left.id}-vs-${comparison.right.id}.${safeName}.differing.tsv`;
}
