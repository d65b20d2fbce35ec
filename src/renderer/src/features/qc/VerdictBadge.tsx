import type { QcVerdict } from '../../../../shared/analysis-types';
import { verdictLabels } from './verdicts';

/** A verdict as a coloured word; a sequence that did not align is `failed`. */
export function VerdictBadge({ verdict }: { verdict: QcVerdict | null }) {
  const key = verdict ?? 'failed';
  return <span className={`badge badge-${key}`}>{verdictLabels[key]}</span>;
}
