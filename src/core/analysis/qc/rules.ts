/**
 * The six QC rules. Each returns its score (0 = perfect, 100 = bad on its own), the measured
 * value and a sentence with the numbers and the thresholds, shown next to the verdict.
 */
import type { NucRange, QcRuleResult, SequenceCalls } from '../../../shared/analysis-types';
import type { QcConfig } from './config';
import type { NearestReferenceMatch } from './labeled-references';
import { privateSubstitutionPositions } from './private-mutations';
import { countCutoffs, formatNumber as n, linearCutoffs, plural, verdictOfScore } from './score';
import { findSnpClusters } from './snp-clusters';

function result(
  rule: QcRuleResult['rule'],
  score: number,
  value: number,
  reason: string,
): QcRuleResult {
  return { rule, score, verdict: verdictOfScore(score), value, reason };
}

/** Bases in the union of the ranges (the aligner's ranges should not overlap; this does not rely on it). */
export function countMissing(missing: NucRange[]): number {
  const sorted = [...missing].sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredTo = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, coveredTo + 1);
    if (end >= from) total += end - from + 1;
    coveredTo = Math.max(coveredTo, end);
  }
  return total;
}

export function ruleMissingData(
  calls: SequenceCalls,
  config: QcConfig['missingData'],
): QcRuleResult {
  const missing = countMissing(calls.missing);
  const { scoreBias, missingDataThreshold } = config;
  const score = Math.max(0, ((missing - scoreBias) * 100) / missingDataThreshold);
  const { mediocreFrom, badFrom } = linearCutoffs(scoreBias, missingDataThreshold);
  return result(
    'missingData',
    score,
    missing,
    `${plural(missing, 'missing base')} (N or not covered); counted above ${n(scoreBias)}, ` +
      `mediocre from ${n(Math.ceil(mediocreFrom))}, bad from ${n(badFrom)}.`,
  );
}

export function ruleMixedSites(calls: SequenceCalls, config: QcConfig['mixedSites']): QcRuleResult {
  const mixed = calls.ambiguous.length;
  const threshold = config.mixedSitesThreshold;
  const score = (100 * mixed) / threshold;
  const { mediocreFrom, badFrom } = linearCutoffs(0, threshold);
  return result(
    'mixedSites',
    score,
    mixed,
    `${plural(mixed, 'ambiguous base')} (IUPAC codes other than N); ` +
      `mediocre from ${n(Math.ceil(mediocreFrom))}, bad from ${n(badFrom)}.`,
  );
}

export function rulePrivateMutations(
  match: NearestReferenceMatch,
  config: QcConfig['privateMutations'],
): QcRuleResult {
  const { reversions, labeled, unlabeled, deletions } = match.privateMutations;
  const weighted =
    reversions.length * config.weightReversionSubstitutions +
    labeled.length * config.weightLabeledSubstitutions +
    unlabeled.length * config.weightUnlabeledSubstitutions +
    deletions.length;
  const score = (Math.max(0, weighted - config.typical) * 100) / config.cutoff;
  const { mediocreFrom, badFrom } = linearCutoffs(config.typical, config.cutoff);
  const parts = [
    `${plural(reversions.length, 'reversion')} × ${n(config.weightReversionSubstitutions)}`,
    `${n(labeled.length)} labeled (seen in other references) × ${n(config.weightLabeledSubstitutions)}`,
    `${n(unlabeled.length)} unlabeled × ${n(config.weightUnlabeledSubstitutions)}`,
    `${plural(deletions.length, 'deletion run')} × 1`,
  ];
  return result(
    'privateMutations',
    score,
    weighted,
    `${n(weighted)} weighted private mutations relative to ${match.nearest.name} ` +
      `(${parts.join(', ')}); typical ${n(config.typical)}, mediocre from ${n(mediocreFrom)}, ` +
      `bad from ${n(badFrom)}.`,
  );
}

export function ruleSnpClusters(
  match: NearestReferenceMatch,
  config: QcConfig['snpClusters'],
): QcRuleResult {
  const positions = privateSubstitutionPositions(match.privateMutations);
  const clusters = findSnpClusters(positions, config.windowSize, config.clusterCutOff);
  const score = clusters.length * config.scoreWeight;
  const { mediocreFrom, badFrom } = countCutoffs(config.scoreWeight);
  const what = `more than ${n(config.clusterCutOff)} private substitutions within ${n(config.windowSize)} bases`;
  const where = clusters
    .map((c) => `${n(c.start)}–${n(c.end)}: ${n(c.substitutionCount)}`)
    .join('; ');
  return result(
    'snpClusters',
    score,
    clusters.length,
    `${clusters.length === 0 ? 'No cluster' : `${plural(clusters.length, 'cluster')} (${where})`} ` +
      `of ${what}; each adds ${n(config.scoreWeight)}, mediocre from ${n(mediocreFrom)}, ` +
      `bad from ${n(badFrom)}.`,
  );
}

const frameShiftKeys = new WeakMap<QcConfig['frameShifts'], Set<string>>();
const stopCodonKeys = new WeakMap<QcConfig['stopCodons'], Set<string>>();

function cachedKeys<C extends object>(
  cache: WeakMap<C, Set<string>>,
  config: C,
  keys: () => string[],
) {
  let set = cache.get(config);
  if (!set) cache.set(config, (set = new Set(keys())));
  return set;
}

/** "1 known one ignored (ORF8:27)" or "". */
function ignoredNote(ignored: string[]): string {
  if (ignored.length === 0) return '';
  const verb = ignored.length === 1 ? 'one' : 'ones';
  return `; ${n(ignored.length)} known ${verb} ignored (${ignored.join(', ')})`;
}

export function ruleFrameShifts(
  calls: SequenceCalls,
  config: QcConfig['frameShifts'],
): QcRuleResult {
  const known = cachedKeys(frameShiftKeys, config, () =>
    config.ignoredFrameShifts.map((s) => `${s.gene}:${s.codonStart}-${s.codonEnd}`),
  );
  const labels = calls.frameShifts.map((s) => `${s.gene}:${s.codonStart}-${s.codonEnd}`);
  const counted = labels.filter((label) => !known.has(label));
  const score = counted.length * config.scoreWeight;
  const { mediocreFrom, badFrom } = countCutoffs(config.scoreWeight);
  const listed = counted.length > 0 ? ` (codons ${counted.join(', ')})` : '';
  return result(
    'frameShifts',
    score,
    counted.length,
    `${counted.length === 0 ? 'No frame shift' : plural(counted.length, 'frame shift')}${listed}` +
      `${ignoredNote(labels.filter((label) => known.has(label)))}; each adds ` +
      `${n(config.scoreWeight)}, mediocre from ${n(mediocreFrom)}, bad from ${n(badFrom)}.`,
  );
}

export function ruleStopCodons(calls: SequenceCalls, config: QcConfig['stopCodons']): QcRuleResult {
  const known = cachedKeys(stopCodonKeys, config, () =>
    config.ignoredStopCodons.map((s) => `${s.gene}:${s.codon}`),
  );
  const labels = calls.stopCodons.map((s) => `${s.gene}:${s.codon}`);
  const counted = labels.filter((label) => !known.has(label));
  const score = counted.length * config.scoreWeight;
  const { mediocreFrom, badFrom } = countCutoffs(config.scoreWeight);
  const listed = counted.length > 0 ? ` (${counted.join(', ')})` : '';
  return result(
    'stopCodons',
    score,
    counted.length,
    `${counted.length === 0 ? 'No premature stop codon' : plural(counted.length, 'premature stop codon')}` +
      `${listed}${ignoredNote(labels.filter((label) => known.has(label)))}; each adds ` +
      `${n(config.scoreWeight)}, mediocre from ${n(mediocreFrom)}, bad from ${n(badFrom)}.`,
  );
}
