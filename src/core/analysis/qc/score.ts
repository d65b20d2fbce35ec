/**
 * Scores and verdicts as in Nextclade (`qc_run.rs`): each rule's score is calibrated so that
 * 30 is mediocre and 100 is bad, on its own; the overall score is Σ score² / 100 with the same
 * cut-offs, so one bad rule makes the sequence bad and several mild ones do not.
 */
import { BAD_SCORE, MEDIOCRE_SCORE, verdictOfScore } from '../../../shared/qc-scale';

export { BAD_SCORE, MEDIOCRE_SCORE, verdictOfScore };

export function overallScore(scores: number[]): number {
  return scores.reduce((sum, score) => sum + (score * score) / 100, 0);
}

/** For a score that grows linearly from `free` by 100 per `span`: the values where it turns mediocre and bad. */
export function linearCutoffs(
  free: number,
  span: number,
): { mediocreFrom: number; badFrom: number } {
  return {
    mediocreFrom: free + (span * MEDIOCRE_SCORE) / BAD_SCORE,
    badFrom: free + span,
  };
}

/** For a score of `weight` per event: how many events make it mediocre and bad (Infinity: never). */
export function countCutoffs(weight: number): { mediocreFrom: number; badFrom: number } {
  if (weight <= 0) return { mediocreFrom: Infinity, badFrom: Infinity };
  return {
    mediocreFrom: Math.max(1, Math.ceil(MEDIOCRE_SCORE / weight)),
    badFrom: Math.max(1, Math.ceil(BAD_SCORE / weight)),
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 3210 -> "3,210"; 15.2 -> "15.2". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'never';
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** "1 stop codon" / "2 stop codons". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
