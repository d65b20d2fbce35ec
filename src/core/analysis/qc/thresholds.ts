/** The QC thresholds of a pathogen in words, for the UI to show next to verdicts. */
import type { QcConfig } from './config';
import { countCutoffs, formatNumber as n, linearCutoffs, plural } from './score';

function perEvent(weight: number, event: string): string {
  const { mediocreFrom, badFrom } = countCutoffs(weight);
  return `each ${event} adds ${n(weight)} (mediocre from ${n(mediocreFrom)}, bad from ${n(badFrom)})`;
}

/** One line per rule (disabled ones say so), then how the verdicts are reached. */
export function describeQcThresholds(config: QcConfig): string[] {
  const { missingData, mixedSites, privateMutations, snpClusters, frameShifts, stopCodons } =
    config;
  const lines: string[] = [];
  const rule = (enabled: boolean, title: string, text: () => string) =>
    lines.push(`${title}: ${enabled ? text() : 'not checked for this pathogen.'}`);

  rule(missingData.enabled, 'Missing data', () => {
    const { mediocreFrom, badFrom } = linearCutoffs(
      missingData.scoreBias,
      missingData.missingDataThreshold,
    );
    return (
      `missing bases (N or not covered) count above ${n(missingData.scoreBias)}; ` +
      `mediocre from ${n(Math.ceil(mediocreFrom))}, bad from ${n(badFrom)}.`
    );
  });
  rule(mixedSites.enabled, 'Mixed sites', () => {
    const { mediocreFrom, badFrom } = linearCutoffs(0, mixedSites.mixedSitesThreshold);
    return `ambiguous bases other than N; mediocre from ${n(Math.ceil(mediocreFrom))}, bad from ${n(badFrom)}.`;
  });
  rule(privateMutations.enabled, 'Private mutations', () => {
    const { mediocreFrom, badFrom } = linearCutoffs(
      privateMutations.typical,
      privateMutations.cutoff,
    );
    return (
      'differences from the nearest labeled reference, weighted: reversions ' +
      `${n(privateMutations.weightReversionSubstitutions)}, labeled (seen in other references) ` +
      `${n(privateMutations.weightLabeledSubstitutions)}, unlabeled ` +
      `${n(privateMutations.weightUnlabeledSubstitutions)}, each deletion run 1; typical ` +
      `${n(privateMutations.typical)}, mediocre from ${n(mediocreFrom)}, bad from ${n(badFrom)}.`
    );
  });
  rule(
    snpClusters.enabled,
    'SNP clusters',
    () =>
      `more than ${n(snpClusters.clusterCutOff)} private substitutions within ` +
      `${n(snpClusters.windowSize)} bases make a cluster; ${perEvent(snpClusters.scoreWeight, 'cluster')}.`,
  );
  rule(
    frameShifts.enabled,
    'Frame shifts',
    () =>
      `${perEvent(frameShifts.scoreWeight, 'frame shift')}; ` +
      `${plural(frameShifts.ignoredFrameShifts.length, 'known one')} ignored.`,
  );
  rule(
    stopCodons.enabled,
    'Stop codons',
    () =>
      `${perEvent(stopCodons.scoreWeight, 'premature stop')}; ` +
      `${plural(stopCodons.ignoredStopCodons.length, 'known one')} ignored.`,
  );
  lines.push(
    'Each rule: good below 30, mediocre from 30, bad from 100 on its own score.',
    'Overall: the sum of each score² / 100; good below 30, mediocre from 30, bad from 100.',
  );
  return lines;
}
