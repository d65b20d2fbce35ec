/**
 * The operation names alone, with no dependency: the sandboxed preload bundles this file
 * and nothing else of the contract.
 */
export const operationNames = [
  'importFiles',
  'getJob',
  'listJobs',
  'cancelJob',
  'listDatasets',
  'getDataset',
  'deleteDataset',
  'listSequences',
  'exportSequences',
  'listPathogens',
  'addPathogen',
  'removePathogen',
  'analyzeDataset',
  'listAnalyses',
  'getAnalysis',
  'listQc',
  'getSequenceResult',
  'listMutations',
  'exportAnalysis',
  'clusterDataset',
  'listClusterings',
  'getClustering',
  'getClusterPoints',
  'deleteClustering',
  'exportClustering',
  'listModels',
  'getModel',
  'importModel',
  'detectPathogen',
  'classifyDataset',
  'listClassifications',
  'getClassification',
  'listPredictions',
  'getPrediction',
  'exportClassification',
  'exportTree',
  'getTreeView',
  'deleteClassification',
  'compareClassifications',
] as const;

export type OperationName = (typeof operationNames)[number];

/** IPC channel of an operation, and of job events. */
export const ipcChannel = (name: OperationName): string => `variantdesk:${name}`;
export const JOB_EVENT_CHANNEL = 'variantdesk:job-event';

/** What an IPC handler replies: errors keep their kind across the bridge. */
export type IpcReply<T> =
  { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
