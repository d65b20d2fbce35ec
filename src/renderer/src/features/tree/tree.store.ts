/** The Tree page's choice (pathogen, run, layout) and the tree view it loaded. */
import { create } from 'zustand';
import type { TreeView } from '../../../../shared/tree-types';
import { api, errorMessage } from '../../api';
import type { TreeShape } from './tree-layout';

interface TreeState {
  pathogenId: string | null;
  /** The run whose sequences are placed; null shows the tree alone. */
  classificationId: number | null;
  shape: TreeShape;
  view: TreeView | null;
  loading: boolean;
  error: string | null;
  choose(pathogenId: string, classificationId: number | null): Promise<void>;
  setShape(shape: TreeShape): void;
}

let request = 0;

export const useTreeStore = create<TreeState>()((set) => ({
  pathogenId: null,
  classificationId: null,
  shape: 'rectangular',
  view: null,
  loading: false,
  error: null,
  async choose(pathogenId, classificationId) {
    const mine = ++request;
    set({ pathogenId, classificationId, loading: true, error: null });
    try {
      const view = await api.getTreeView({
        pathogenId,
        ...(classificationId !== null && { classificationId }),
      });
      if (mine === request) set({ view, loading: false });
    } catch (error) {
      if (mine === request) set({ view: null, loading: false, error: errorMessage(error) });
    }
  },
  setShape: (shape) => set({ shape }),
}));
