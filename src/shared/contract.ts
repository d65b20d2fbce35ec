/**
 * The one declaration of every operation: name, input schema, result type. The Electron
 * IPC registry, the preload bridge, the HTTP server and the CLI are adapters over it.
 */
import type { z } from 'zod';
import {
  analysisIdInput,
  analyzeDatasetInput,
  exportAnalysisInput,
  getSequenceResultInput,
  listAnalysesInput,
  listMutationsInput,
  listQcInput,
} from './analysis-schemas';
import type {
  AnalysisSummary,
  MutationPage,
  PathogenSummary,
  QcPage,
  SequenceResult,
} from './analysis-types';
import {
  clusterDatasetInput,
  clusteringIdInput,
  exportClusteringInput,
  getClusterPointsInput,
  listClusteringsInput,
} from './cluster-schemas';
import type { ClusteringDetail, ClusteringSummary, ClusterPoints } from './cluster-types';
import {
  classificationIdInput,
  classifyDatasetInput,
  compareClassificationsInput,
  detectPathogenInput,
  exportClassificationInput,
  exportTreeInput,
  getPredictionInput,
  getTreeViewInput,
  importModelInput,
  listClassificationsInput,
  listModelsInput,
  listPredictionsInput,
  modelIdInput,
} from './classify-schemas';
import type {
  ClassificationComparison,
  ClassificationDetail,
  ClassificationSummary,
  ImportModelResult,
  ModelVersionDetail,
  ModelVersionSummary,
  PathogenDetection,
  PredictionDetail,
  PredictionPage,
} from './classify-types';
import type { OperationName } from './operation-names';
import { addPathogenInput, removePathogenInput } from './pathogen-schemas';
import type { TreeView } from './tree-types';
import {
  datasetIdInput,
  emptyInput,
  exportSequencesInput,
  importFilesInput,
  jobIdInput,
  listSequencesInput,
} from './schemas';
import type { FileRef } from './schemas';
import type {
  DatasetDetail,
  DatasetSummary,
  ExportedFile,
  JobEvent,
  JobSnapshot,
  SequencePage,
} from './types';

export const operationInputs = {
  importFiles: importFilesInput,
  getJob: jobIdInput,
  listJobs: emptyInput,
  cancelJob: jobIdInput,
  listDatasets: emptyInput,
  getDataset: datasetIdInput,
  deleteDataset: datasetIdInput,
  listSequences: listSequencesInput,
  exportSequences: exportSequencesInput,
  listPathogens: emptyInput,
  addPathogen: addPathogenInput,
  removePathogen: removePathogenInput,
  analyzeDataset: analyzeDatasetInput,
  listAnalyses: listAnalysesInput,
  getAnalysis: analysisIdInput,
  listQc: listQcInput,
  getSequenceResult: getSequenceResultInput,
  listMutations: listMutationsInput,
  exportAnalysis: exportAnalysisInput,
  clusterDataset: clusterDatasetInput,
  listClusterings: listClusteringsInput,
  getClustering: clusteringIdInput,
  getClusterPoints: getClusterPointsInput,
  deleteClustering: clusteringIdInput,
  exportClustering: exportClusteringInput,
  listModels: listModelsInput,
  getModel: modelIdInput,
  importModel: importModelInput,
  detectPathogen: detectPathogenInput,
  classifyDataset: classifyDatasetInput,
  listClassifications: listClassificationsInput,
  getClassification: classificationIdInput,
  listPredictions: listPredictionsInput,
  getPrediction: getPredictionInput,
  exportClassification: exportClassificationInput,
  exportTree: exportTreeInput,
  getTreeView: getTreeViewInput,
  deleteClassification: classificationIdInput,
  compareClassifications: compareClassificationsInput,
} as const satisfies Record<OperationName, z.ZodType>;

export interface OperationResults {
  importFiles: { jobId: string };
  getJob: JobSnapshot;
  listJobs: JobSnapshot[];
  cancelJob: { cancelled: boolean };
  listDatasets: DatasetSummary[];
  getDataset: DatasetDetail;
  deleteDataset: { deleted: boolean };
  listSequences: SequencePage;
  exportSequences: ExportedFile;
  listPathogens: PathogenSummary[];
  /**
   * Validates the files (reference, annotation, optional tree and labeled tips) and writes
   * the pathogen under the data directory; it is then used like a shipped one.
   */
  addPathogen: PathogenSummary;
  /** An added pathogen that no analysis, classification or model uses. */
  removePathogen: { removed: true };
  /** jobId is null when an analysis with the same reference already exists (reused). */
  analyzeDataset: { jobId: string | null; analysisId: number | null };
  listAnalyses: AnalysisSummary[];
  getAnalysis: AnalysisSummary;
  listQc: QcPage;
  getSequenceResult: SequenceResult;
  listMutations: MutationPage;
  exportAnalysis: ExportedFile;
  /**
   * When the dataset has no analysis yet, the alignment runs first as its own job
   * (`alignmentJobId`), and the clustering job waits for it.
   */
  clusterDataset: { jobId: string; alignmentJobId: string | null };
  listClusterings: ClusteringSummary[];
  getClustering: ClusteringDetail;
  getClusterPoints: ClusterPoints;
  deleteClustering: { deleted: boolean };
  exportClustering: ExportedFile;
  /** Newest first within each pathogen. */
  listModels: ModelVersionSummary[];
  getModel: ModelVersionDetail;
  /** Verifies the bundle and registers it; a bundle that fails verification is refused. */
  importModel: ImportModelResult;
  detectPathogen: PathogenDetection;
  /**
   * When the dataset has no analysis for the model's pathogen yet, the alignment and QC
   * run first as their own job (`alignmentJobId`), and the classification waits for it.
   */
  classifyDataset: { jobId: string; alignmentJobId: string | null };
  /** Newest first; every dataset's when datasetId is omitted. */
  listClassifications: ClassificationSummary[];
  getClassification: ClassificationDetail;
  listPredictions: PredictionPage;
  getPrediction: PredictionDetail;
  exportClassification: ExportedFile;
  /** Auspice v2 JSON or Newick of the pathogen's tree with the run's sequences attached. */
  exportTree: ExportedFile;
  getTreeView: TreeView;
  deleteClassification: { deleted: boolean };
  /** Two runs of the same dataset, sequence by sequence. */
  compareClassifications: ClassificationComparison;
}

export { operationNames, type OperationName } from './operation-names';
export type OperationInput<K extends OperationName> = z.input<(typeof operationInputs)[K]>;
export type ParsedInput<K extends OperationName> = z.output<(typeof operationInputs)[K]>;

export type Operations = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]>;
};

/** What the renderer sees as `window.variantdesk`. */
export interface VariantDeskApi extends Operations {
  /** Subscribes to job events; returns the unsubscribe function. */
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /**
   * Makes dropped or picked files readable by the core: their paths in Electron, an
   * upload to the local server in browser mode.
   */
  stageFiles(
    files: File[],
    onProgress?: (name: string, sent: number, total: number) => void,
  ): Promise<FileRef[]>;
  /** 'electron' or 'browser'. */
  readonly runtime: 'electron' | 'browser';
}

/** Errors that cross a boundary keep their kind so each front can map them. */
export type ErrorKind = 'invalid-input' | 'not-found' | 'conflict' | 'internal';

export interface SerializedError {
  kind: ErrorKind;
  message: string;
}
