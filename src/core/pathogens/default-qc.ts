/**
 * The QC config an added pathogen starts with: the shipped SARS-CoV-2 dataset's `qc` values
 * (mixed sites bad at 10, private mutations typical 8 / cutoff 24, SNP clusters of 6 in 100 nt
 * weighing 50, frame shifts and stop codons 75 each) with the labeled and reversion weights
 * set to 1 (an added pathogen may have no labeled references), and missing data scaled to
 * the genome as the shipped flu config does: about 1% of the genome free, bad at 10%.
 */
import type { QcConfig } from '../analysis/qc/config';

/** Says where the values come from, in the written pathogen.json's `qcSource`. */
export const DEFAULT_QC_SOURCE =
  "VariantDesk's default for an added pathogen: the shipped SARS-CoV-2 QC values with labeled and reversion weights 1, missing data scaled to the genome (1% free, bad at 10%). Edit pathogen.json to tune.";

export function defaultQcConfig(genomeLength: number): QcConfig {
  const scoreBias = Math.max(1, Math.round(genomeLength * 0.01));
  return {
    missingData: {
      enabled: true,
      scoreBias,
      missingDataThreshold: Math.max(1, Math.round(genomeLength * 0.1) - scoreBias),
    },
    mixedSites: { enabled: true, mixedSitesThreshold: 10 },
    privateMutations: {
      enabled: true,
      weightReversionSubstitutions: 1,
      weightLabeledSubstitutions: 1,
      weightUnlabeledSubstitutions: 1,
      typical: 8,
      cutoff: 24,
    },
    snpClusters: { enabled: true, windowSize: 100, clusterCutOff: 6, scoreWeight: 50 },
    frameShifts: { enabled: true, scoreWeight: 75, ignoredFrameShifts: [] },
    stopCodons: { enabled: true, scoreWeight: 75, ignoredStopCodons: [] },
  };
}
