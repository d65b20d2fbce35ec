/** Result types of the model registry and classification operations. */
import type { QcVerdict } from './analysis-types';

/** Why a sequence is unassigned. */
export type UnassignedReason = 'low-confidence' | 'not-aligned' | 'bad-qc';
export const unassignedReasons = ['low-confidence', 'not-aligned', 'bad-qc'] as const;

/**
 * Where a sequence sits on its pathogen's reference tree (as Nextclade places it): the node
 * nearest over the positions it covers, that node's clade, how many nodes are as near, and
 * the sequence's own mutations against the node.
 */
export interface TreePlacement {
  /** The node's name (a tip is a labeled reference; internal nodes are its ancestors). */
  node: string;
  /**
   * The tree's call: the node's clade, or the tree's `recombinant` clade when the sequence
   * is a mosaic of two clades and the tree has that clade.
   */
  clade: string;
  /** The node's `clade_membership` ('' when the tree gives it none). */
  nodeClade: string;
  /** Nextclade's distance to the node over covered positions. */
  distance: number;
  /** Nodes at that distance (1: unambiguous). */
  nodesAtBest: number;
  /** Share of `clade` among the nodes at the best distance (1: every one agrees). */
  cladeShare: number;
  /** The other clades among them, with their shares, largest first (at most 3). */
  otherClades: { clade: string; share: number }[];
  /** Private mutations against the node, `REF<pos>ALT` (ALT '-' for a deletion). */
  privateMutations: {
    /** Back to the reference base where the node has a mutation. */
    reversions: string[];
    /** Substitutions some clade's defining branch carries, with that clade. */
    labeled: { mutation: string; clade: string }[];
    unlabeled: string[];
    deletions: string[];
    /** Amino-acid calls that differ from the node's, `gene:NODE_AA codon QUERY_AA` (`S:N501Y`). */
    aaSubstitutions: string[];
    /** Amino-acid changes of the node that the sequence (covering the codon) does not have. */
    aaReversions: string[];
  };
  /** Two nodes of different clades explain it much better than the single node, or null. */
  recombinant: null | {
    parents: [{ node: string; clade: string }, { node: string; clade: string }];
    /** Between the last informative site of one parent's part and the first of the next. */
    breakpoints: { after: number; before: number }[];
    /** Mismatches of the single placement and of the mosaic over the informative sites. */
    singleMismatches: number;
    mosaicMismatches: number;
  };
}

/** What classification reports per sequence (the CLI, the API and the stored rows). */
export interface Prediction {
  id: string;
  /** The model's label, or null when unassigned. */
  label: string | null;
  /** Calibrated probability of the most probable label (0 when the model could not run). */
  confidence: number;
  status: 'assigned' | 'unassigned';
  reason?: UnassignedReason;
  /** The aligner's reason when the sequence did not align. */
  detail?: string;
  /** The three most probable labels with their calibrated probabilities. */
  top: { label: string; probability: number }[];
  /** Nearest exemplar's label (N-aware mismatch distance), null without exemplars or alignment. */
  fallbackLabel: string | null;
  /** The nearest exemplar's name (a labeled reference genome). */
  fallbackExemplar: string | null;
  /** Its mismatches over the positions the query covers. */
  fallbackDistance: number | null;
  /** A two-parent mosaic explains the sequence much better than any single exemplar. */
  recombinant: null | {
    parents: [string, string];
    /** 1-based reference position of the first informative site from the second parent. */
    breakpoint: number;
  };
  /** Placement on the pathogen's reference tree; null without a tree or an alignment. */
  tree: TreePlacement | null;
  model: string;
  modelVersion: string;
}

/** Headline figures of a model, from its bundle's cross-validation report. */
export interface ModelHeadline {
  accuracy: number | null;
  macroF1: number | null;
  weightedF1: number | null;
  logLoss: number | null;
  /** Share of validation sequences at or above the confidence threshold. */
  coverage: number | null;
}

export type ModelSource = 'bundled' | 'imported' | 'trained';

/** One registered model version. */
export interface ModelVersionSummary {
  id: number;
  name: string;
  version: string;
  /** What it predicts, e.g. `clade`. */
  task: string;
  /** The reference it was trained against (a pathogen id). */
  pathogenId: string;
  family: string;
  /** The chosen configuration in words (e.g. `0.75*random-forest(...) + 0.25*mlp(...)`). */
  description: string;
  featurizer: string;
  labels: string[];
  confidenceThreshold: number;
  temperature: number;
  headline: ModelHeadline;
  /** Aliases pointing at this version, e.g. `production`. */
  aliases: string[];
  source: ModelSource;
  /** sha256 of the bundle file. */
  bundleSha256: string;
  sizeBytes: number;
  /** When the model was trained (the manifest's createdAt). */
  createdAt: string;
  registeredAt: string;
  toolVersion: string;
}

/** A version with its whole evaluation report. */
export interface ModelVersionDetail extends ModelVersionSummary {
  trainingDataSha256: string;
  referenceSha256: string;
  parameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  /** Per-class figures from cross-validation, when the report has them. */
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

export interface ImportModelResult {
  model: ModelVersionSummary;
  /** The same bundle (same name, version and bytes) was registered already. */
  alreadyRegistered: boolean;
}

export interface PathogenDetection {
  /** The best match when it shares enough k-mers, else null (the analyst chooses). */
  pathogenId: string | null;
  matches: { pathogenId: string; sharedFraction: number }[];
}

export interface LabelCount {
  label: string;
  count: number;
  meanConfidence: number;
}

/** One classification run of a dataset by one model version. */
export interface ClassificationSummary {
  id: number;
  datasetId: number;
  datasetName: string;
  model: { id: number; name: string; version: string; task: string };
  pathogenId: string;
  /** The analysis whose QC verdicts and mutations the run used (null once it is deleted). */
  analysisId: number | null;
  createdAt: string;
  sequenceCount: number;
  assignedCount: number;
  unassignedCount: number;
  unassignedByReason: Record<UnassignedReason, number>;
  recombinantCount: number;
  /** Assigned sequences per label, most frequent first. */
  labelCounts: LabelCount[];
  confidenceThreshold: number;
  durationMs: number;
}

export interface ConfidenceBin {
  /** Inclusive lower and exclusive upper bound (the last bin includes 1). */
  from: number;
  to: number;
  assigned: number;
  unassigned: number;
}

export interface ClassificationDetail extends ClassificationSummary {
  confidenceHistogram: ConfidenceBin[];
  /** QC verdicts of the classified sequences; `none` without an analysis. */
  qcCounts: Record<QcVerdict | 'failed' | 'none', number>;
}

/** One stored prediction. */
export interface PredictionRow {
  ordinal: number;
  seqId: string;
  label: string | null;
  /** The most probable label, also when unassigned. */
  topLabel: string | null;
  confidence: number;
  status: 'assigned' | 'unassigned';
  reason: UnassignedReason | null;
  detail: string | null;
  fallbackLabel: string | null;
  fallbackExemplar: string | null;
  fallbackDistance: number | null;
  recombinant: Prediction['recombinant'];
  tree: Prediction['tree'];
  /** `failed`: it did not align; null: the run had no analysis. */
  qcVerdict: QcVerdict | 'failed' | null;
  /** Amino-acid substitutions from the analysis (`S:N501Y`), when the sequence aligned. */
  aaSubstitutions: string[];
}

export interface PredictionPage {
  rows: PredictionRow[];
  total: number;
  offset: number;
}

export interface PredictionDetail extends PredictionRow {
  top: Prediction['top'];
  classificationId: number;
  analysisId: number | null;
  model: { id: number; name: string; version: string };
}

/** What a classification job returns. */
export interface ClassifyReport {
  classification: ClassificationSummary;
}

/** One side of a compared sequence. */
export interface ComparedCall {
  label: string | null;
  status: 'assigned' | 'unassigned';
  confidence: number;
}

/** Two runs of the same dataset side by side (e.g. two model versions). */
export interface ClassificationComparison {
  left: ClassificationSummary;
  right: ClassificationSummary;
  /** Sequences in both runs. */
  sequenceCount: number;
  /** Same label, or unassigned in both. */
  agreeCount: number;
  /** Label in the left run -> label in the right run (null: unassigned), most frequent first. */
  transitions: { from: string | null; to: string | null; count: number }[];
  /** Total sequences whose call differs. */
  disagreementCount: number;
  /** The first of them, in dataset order. */
  disagreements: { ordinal: number; seqId: string; left: ComparedCall; right: ComparedCall }[];
}
