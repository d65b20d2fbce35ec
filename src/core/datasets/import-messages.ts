import type { ImportFilesInput } from '../../shared/schemas';
import type { ImportReport } from '../../shared/types';
import type { SerializedWorkerError } from '../jobs/worker-host';
import type { ImportProgress } from './import-dataset';

export interface ImportWorkerData {
  dataDir: string;
  input: ImportFilesInput;
}

/** Main thread -> worker. */
export type ImportRequest = { type: 'cancel' };

/** Worker -> main thread. */
export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'cancelled' }
  | { type: 'error'; error: SerializedWorkerError };
