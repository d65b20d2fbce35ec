/**
 * The import in progress on the Import page: uploads, then the job it started. Kept here,
 * not in the page, so that leaving the page and coming back finds the import where it is.
 */
import { create } from 'zustand';
import { api, errorMessage } from '../../api';

/** `cancelled` is a cancel before the job existed; a job's own end is in the jobs store. */
export type ImportPhase = 'idle' | 'staging' | 'starting' | 'tracking' | 'cancelled' | 'error';

export interface UploadProgress {
  name: string;
  sent: number;
  total: number;
}

interface ImportState {
  phase: ImportPhase;
  uploads: UploadProgress[];
  jobId: string | null;
  error: string | null;
  cancelRequested: boolean;
  /** Stages the files, then starts the import job. Files are arguments, never state. */
  start(request: { sequences: File[]; metadata: File | null; name: string }): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export const useImportStore = create<ImportState>()((set, get) => ({
  phase: 'idle',
  uploads: [],
  jobId: null,
  error: null,
  cancelRequested: false,

  async start({ sequences, metadata, name }) {
    const files = metadata ? [...sequences, metadata] : sequences;
    set({
      phase: 'staging',
      uploads: files.map((file) => ({ name: file.name, sent: 0, total: file.size })),
      jobId: null,
      error: null,
      cancelRequested: false,
    });
    try {
      const refs = await api.stageFiles(files, (fileName, sent, total) =>
        set((state) => ({
          uploads: state.uploads.map((upload) =>
            upload.name === fileName ? { name: fileName, sent, total } : upload,
          ),
        })),
      );
      if (get().cancelRequested) {
        set({ phase: 'cancelled' });
        return;
      }
      set({ phase: 'starting' });
      const sequenceRefs = refs.slice(0, sequences.length);
      const metadataRef = metadata ? refs[sequences.length] : undefined;
      const trimmed = name.trim();
      const { jobId } = await api.importFiles({
        files: sequenceRefs,
        ...(metadataRef ? { metadata: metadataRef } : {}),
        ...(trimmed ? { name: trimmed } : {}),
      });
      set({ phase: 'tracking', jobId });
    } catch (error) {
      set({ phase: 'error', error: errorMessage(error) });
    }
  },

  async cancel() {
    const { jobId } = get();
    set({ cancelRequested: true });
    if (!jobId) return;
    try {
      await api.cancelJob({ jobId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  reset: () =>
    set({ phase: 'idle', uploads: [], jobId: null, error: null, cancelRequested: false }),
}));
