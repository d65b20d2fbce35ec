import type { QcResult, QcRuleResult, SequenceCalls } from '../../../shared/analysis-types';
import type { QcConfig } from './config';
import type { NearestReferenceMatch } from './labeled-references';
import {
  ruleFrameShifts,
  ruleMissingData,
  ruleMixedSites,
  rulePrivateMutations,
  ruleSnpClusters,
  ruleStopCodons,
} from './rules';
import { overallScore, verdictOfScore } from './score';

export interface QcContext {
  config: QcConfig;
  /** From `findNearestReference` on the same calls. */
  nearest: NearestReferenceMatch;
}

/**
 * QC of one aligned sequence: the enabled rules in a fixed order (missing data, mixed sites,
 * private mutations, SNP clusters, frame shifts, stop codons) and the overall score
 * Σ score² / 100. Pure; disabled rules are left out.
 */
export function runQc(calls: SequenceCalls, context: QcContext): QcResult {
  const { config, nearest } = context;
  const rules: QcRuleResult[] = [];
  if (config.missingData.enabled) rules.push(ruleMissingData(calls, config.missingData));
  if (config.mixedSites.enabled) rules.push(ruleMixedSites(calls, config.mixedSites));
  if (config.privateMutations.enabled) {
    rules.push(rulePrivateMutations(nearest, config.privateMutations));
  }
  if (config.snpClusters.enabled) rules.push(ruleSnpClusters(nearest, config.snpClusters));
  if (config.frameShifts.enabled) rules.push(ruleFrameShifts(calls, config.frameShifts));
  if (config.stopCodons.enabled) rules.push(ruleStopCodons(calls, config.stopCodons));
  const score = overallScore(rules.map((rule) => rule.score));
  return { overallScore: score, verdict: verdictOfScore(score), rules };
}
