/** QC verdicts: their order, their names, and the score zones that decide them. */
import type { QcRuleName, QcVerdict } from '../../../../shared/analysis-types';
import {
  BAD_SCORE,
  MEDIOCRE_SCORE,
  qcRuleNames,
  verdictOfScore,
} from '../../../../shared/qc-scale';

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
export const MEDIOCRE_FROM = MEDIOCRE_SCORE;
export const BAD_FROM = BAD_SCORE;
export { verdictOfScore };

/** The rules in the order they are shown. */
export const ruleNames = qcRuleNames;

export const ruleLabels: Record<QcRuleName, string> = {
  missingData: 'Missing data',
  mixedSites: 'Mixed sites',
  privateMutations: 'Private mutations',
  snpClusters: 'SNP clusters',
  frameShifts: 'Frame shifts',
  stopCodons: 'Stop codons',
};
