/** Two classification runs of one dataset compared sequence by sequence. */
import type {
  ClassificationComparison,
  ClassificationSummary,
  ComparedCall,
} from '../../shared/classify-types';
import { InvalidInputError } from '../errors';
import type { RegistryDb } from '../registry/db';

interface JoinedRow {
  ordinal: number;
  seq_id: string;
  l_label: string | null;
  l_status: 'assigned' | 'unassigned';
  l_confidence: number;
  r_label: string | null;
  r_status: 'assigned' | 'unassigned';
  r_confidence: number;
}

const call = (label: string | null, status: ComparedCall['status'], confidence: number) => ({
  label,
  status,
  confidence,
});

/**
 * @throws InvalidInputError when the runs are of different datasets
 */
export function compareClassifications(
  db: RegistryDb,
  left: ClassificationSummary,
  right: ClassificationSummary,
  limit: number,
): ClassificationComparison {
  if (left.datasetId !== right.datasetId)
    throw new InvalidInputError(
      `runs ${left.id} and ${right.id} classify different datasets ('${left.datasetName}' and '${right.datasetName}'); compare runs of one dataset`,
    );
  const rows = db.$client
    .prepare(
      `SELECT l.ordinal, l.seq_id,
              l.label AS l_label, l.status AS l_status, l.confidence AS l_confidence,
              r.label AS r_label, r.status AS r_status, r.confidence AS r_confidence
         FROM predictions l
         JOIN predictions r ON r.classification_id = ? AND r.seq_id = l.seq_id
        WHERE l.classification_id = ?
        ORDER BY l.ordinal`,
    )
    .all(right.id, left.id) as JoinedRow[];
  const transitions = new Map<string, { from: string | null; to: string | null; count: number }>();
  const disagreements: ClassificationComparison['disagreements'] = [];
  let agreeCount = 0;
  for (const row of rows) {
    const key = JSON.stringify([row.l_label, row.r_label]);
    const entry = transitions.get(key) ?? { from: row.l_label, to: row.r_label, count: 0 };
    entry.count += 1;
    transitions.set(key, entry);
    if (row.l_label === row.r_label) {
      agreeCount += 1;
      continue;
    }
    if (disagreements.length < limit)
      disagreements.push({
        ordinal: row.ordinal,
        seqId: row.seq_id,
        left: call(row.l_label, row.l_status, row.l_confidence),
        right: call(row.r_label, row.r_status, row.r_confidence),
      });
  }
  return {
    left,
    right,
    sequenceCount: rows.length,
    agreeCount,
    transitions: [...transitions.values()].sort(
      (a, b) =>
        b.count - a.count ||
        (a.from ?? '').localeCompare(b.from ?? '') ||
        (a.to ?? '').localeCompare(b.to ?? ''),
    ),
    disagreementCount: rows.length - agreeCount,
    disagreements,
  };
}
