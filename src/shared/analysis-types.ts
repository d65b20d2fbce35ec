/**
 * Alignment, mutation calls and QC of one sequence against its pathogen's reference.
 * Positions are 1-based reference coordinates, as in the GFF annotation.
 */

export interface NucSubstitution {
  position: number;
  refNuc: string;
  /** A, C, G or T (ambiguity codes are listed in `ambiguous`, N in `missing`). */
  queryNuc: string;
}

/** A run of deleted reference positions, start..start+length-1. */
export interface NucDeletion {
  start: number;
  length: number;
}

/** Bases inserted after reference position `position` (0: before the first base). */
export interface NucInsertion {
  position: number;
  bases: string;
}

/** Inclusive range of reference positions. */
export interface NucRange {
  start: number;
  end: number;
}

export interface AmbiguousSite {
  position: number;
  /** IUPAC code other than N (R, Y, K, ...). */
  code: string;
}

export interface AaSubstitution {
  gene: string;
  /** 1-based codon number within the gene. */
  codon: number;
  refAa: string;
  /** One-letter amino acid, '*' for stop. */
  queryAa: string;
}

export interface AaDeletion {
  gene: string;
  codon: number;
  refAa: string;
}

export interface FrameShift {
  gene: string;
  /** Reference positions of the indel run that breaks the frame. */
  nucStart: number;
  nucEnd: number;
  /** First and last codon affected. */
  codonStart: number;
  codonEnd: number;
}

export interface StopCodon {
  gene: string;
  codon: number;
}

export interface SequenceCalls {
  /** First and last reference positions covered by the alignment. */
  alignmentStart: number;
  alignmentEnd: number;
  /** The input was the reverse complement of the reference strand (it was flipped). */
  reverseComplemented: boolean;
  substitutions: NucSubstitution[];
  deletions: NucDeletion[];
  insertions: NucInsertion[];
  /** N runs and uncovered ends, in reference coordinates. */
  missing: NucRange[];
  ambiguous: AmbiguousSite[];
  aaSubstitutions: AaSubstitution[];
  aaDeletions: AaDeletion[];
  frameShifts: FrameShift[];
  /** Premature stop codons (before the gene's own end). */
  stopCodons: StopCodon[];
}

export type AlignmentOutcome = { ok: true; calls: SequenceCalls } | { ok: false; reason: string };

export type QcVerdict = 'good' | 'mediocre' | 'bad';

export type QcRuleName =
  'missingData' | 'mixedSites' | 'privateMutations' | 'snpClusters' | 'frameShifts' | 'stopCodons';

export interface QcRuleResult {
  rule: QcRuleName;
  /** 0 = perfect; 100 on its own makes the sequence bad. */
  score: number;
  verdict: QcVerdict;
  /** The measured value (N count, mixed sites, weighted private mutations, ...). */
  value: number;
  /** Why, with the numbers and the threshold, e.g. "3,210 N (bad at 3,000)". */
  reason: string;
}

export interface QcResult {
  /** Sum over rules of score² / 100. */
  overallScore: number;
  verdict: QcVerdict;
  rules: QcRuleResult[];
}

/** The labeled reference (tree tip) closest to a sequence over the positions it covers. */
export interface NearestReference {
  name: string;
  clade: string;
  pango: string;
  /** Differing positions (substitutions and deleted positions) over the covered region. */
  distance: number;
}

export interface GeneSummary {
  name: string;
  start: number;
  end: number;
  strand: '+' | '-';
}

/** Shipped with the app (resources/pathogens) or added by the analyst (`addPathogen`). */
export type PathogenSource = 'shipped' | 'added';

export interface PathogenSummary {
  id: string;
  name: string;
  /** Only added pathogens can be removed. */
  source: PathogenSource;
  genomeLength: number;
  genes: GeneSummary[];
  /** The QC thresholds in words, shown wherever a verdict is shown. */
  qcThresholds: string[];
  /** Whether it has a reference tree to place sequences on (the Tree page). */
  hasTree: boolean;
}

export interface ScoreBin {
  /** Inclusive lower and exclusive upper bound of the overall QC score. */
  from: number;
  to: number;
  count: number;
}

export interface AnalysisSummary {
  id: number;
  datasetId: number;
  pathogen: PathogenSummary;
  createdAt: string;
  sequenceCount: number;
  alignedCount: number;
  failedCount: number;
  qc: Record<QcVerdict, number>;
  durationMs: number;
  scoreHistogram: ScoreBin[];
}

export interface AnalysisReport {
  analysis: AnalysisSummary;
  /** True when an earlier analysis with the same reference was reused. */
  reused: boolean;
}

export interface QcRow {
  seqId: string;
  ordinal: number;
  /** Why the sequence did not align; null when it did. */
  failure: string | null;
  verdict: QcVerdict | null;
  overallScore: number | null;
  rules: QcRuleResult[];
  nearest: NearestReference | null;
  substitutionCount: number;
  deletionCount: number;
  insertionCount: number;
  missingCount: number;
}

export interface QcPage {
  total: number;
  offset: number;
  rows: QcRow[];
}

export interface SequenceResult extends QcRow {
  calls: SequenceCalls | null;
}

export type MutationKind = 'substitution' | 'deletion' | 'insertion';

export interface MutationRow {
  label: string;
  kind: MutationKind;
  position: number;
  gene: string | null;
  aaChanges: string[];
  count: number;
  /** Share of the aligned sequences that carry it. */
  frequency: number;
}

export interface MutationPage {
  total: number;
  offset: number;
  rows: MutationRow[];
}

export interface CarrierPage {
  total: number;
  offset: number;
  seqIds: string[];
}
