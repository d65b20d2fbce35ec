/** QC verdicts: their order, their names, and the score zones that decide them. */
import type { QcRuleName, QcVerdict } from '../../../shared/analysis-types';

/** A verdict, or `failed` for a sequence that did not align (it has no score). */
export type VerdictFilter = QcVerdict | 'failed';

export const verdictFilters: VerdictFilter[] = ['good', 'mediocre', 'bad', 'failed'];

export const verdictLabels: Record<VerdictFilter, string> = {
  good: 'Good',
  mediocre: 'Mediocre',
  bad: 'Bad',
  failed: 'Failed',
};

/** Scores from 30 are mediocre and from 100 bad, for each rule and overall. */
export const MEDIOCRE_FROM = 30;
export const BAD_FROM = 100;

export function verdictOfScore(score: number): QcVerdict {
  if (score >= BAD_FROM) return 'bad';
  return score >= MEDIOCRE_FROM ? 'mediocre' : 'good';
}

/** The rules in the order they are shown. */
export const ruleNames: QcRuleName[] = [
  'missingData',
  'mixedSites',
  'privateMutations',
  'snpClusters',
  'frameShifts',
  'stopCodons',
];

export const ruleLabels: Record<QcRuleName, string> = {
  missingData: 'Missing data',
  mixedSites: 'Mixed sites',
  privateMutations: 'Private mutations',
  snpClusters: 'SNP clusters',
  frameShifts: 'Frame shifts',
  stopCodons: 'Stop codons',
};
