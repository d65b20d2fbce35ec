/**
 * Adding a pathogen from files and removing an added one. The list itself is the analysis
 * store's (every page that chooses a pathogen reads it there), reloaded after each change.
 */
import { create } from 'zustand';
import type { PathogenSummary } from '../../../../shared/analysis-types';
import type { FileRef } from '../../../../shared/schemas';
import { api, errorMessage } from '../../api';
import { useAnalysisStore } from '../analysis/analysis.store';

/** The files of a new pathogen, as picked. */
export interface PathogenFiles {
  reference: File | null;
  annotation: File | null;
  tree: File | null;
  labeled: File | null;
}

export type PathogenFileRole = keyof PathogenFiles;

export type Addition =
  | { phase: 'staging' | 'validating' }
  | { phase: 'refused'; error: string }
  | { phase: 'done'; pathogen: PathogenSummary };

interface PathogensState {
  addition: Addition | null;
  /** The pathogen whose removal waits for confirmation. */
  confirmingRemoval: string | null;
  removalError: string | null;
  add(id: string, name: string, files: PathogenFiles): Promise<void>;
  dismissAddition(): void;
  askRemoval(id: string | null): void;
  remove(id: string): Promise<void>;
}

/** Stages the picked files; the refs by role, optional ones only when picked. */
async function stagePathogenFiles(files: PathogenFiles): Promise<Record<string, FileRef>> {
  const roles = (Object.keys(files) as PathogenFileRole[]).filter((role) => files[role]);
  const refs = await api.stageFiles(roles.map((role) => files[role]!));
  if (refs.length !== roles.length) throw new Error('the files could not be staged');
  return Object.fromEntries(roles.map((role, index) => [role, refs[index]!]));
}

export const usePathogensStore = create<PathogensState>()((set) => ({
  addition: null,
  confirmingRemoval: null,
  removalError: null,

  async add(id, name, files) {
    if (!files.reference || !files.annotation) {
      set({
        addition: { phase: 'refused', error: 'pick a reference FASTA and a GFF3 annotation' },
      });
      return;
    }
    set({ addition: { phase: 'staging' } });
    try {
      const refs = await stagePathogenFiles(files);
      set({ addition: { phase: 'validating' } });
      const pathogen = await api.addPathogen({
        id,
        name,
        reference: refs.reference!,
        annotation: refs.annotation!,
        ...(refs.tree && { tree: refs.tree }),
        ...(refs.labeled && { labeled: refs.labeled }),
      });
      set({ addition: { phase: 'done', pathogen } });
      await useAnalysisStore.getState().reloadPathogens();
    } catch (error) {
      set({ addition: { phase: 'refused', error: errorMessage(error) } });
    }
  },

  dismissAddition: () => set({ addition: null }),

  askRemoval: (confirmingRemoval) => set({ confirmingRemoval, removalError: null }),

  async remove(id) {
    set({ confirmingRemoval: null, removalError: null });
    try {
      await api.removePathogen({ id });
      await useAnalysisStore.getState().reloadPathogens();
    } catch (error) {
      set({ removalError: errorMessage(error) });
    }
  },
}));
