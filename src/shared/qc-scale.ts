/** The QC score scale, shared by the core that scores and every front that shows verdicts. */
import type { QcRuleName, QcVerdict } from './analysis-types';

/** Scores from 30 are mediocre and from 100 bad, for each rule and overall (as in Nextclade). */
export const MEDIOCRE_SCORE = 30;
export const BAD_SCORE = 100;

export function verdictOfScore(score: number): QcVerdict {
  if (score >= BAD_SCORE) return 'bad';
  if (score >= MEDIOCRE_SCORE) return 'mediocre';
  return 'good';
}

/** The rules in the order they are run, stored and shown. */
export const qcRuleNames: readonly QcRuleName[] = [
  'missingData',
  'mixedSites',
  'privateMutations',
  'snpClusters',
  'frameShifts',
  'stopCodons',
];
