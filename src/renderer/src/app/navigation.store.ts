import { create } from 'zustand';

export type PageId =
  | 'import'
  | 'datasets'
  | 'sequences'
  | 'qc'
  | 'variants'
  | 'clusters'
  | 'classify'
  | 'tree'
  | 'history'
  | 'models'
  | 'pathogens';

export const pages: { id: PageId; title: string }[] = [
  { id: 'import', title: 'Import' },
  { id: 'datasets', title: 'Datasets' },
  { id: 'sequences', title: 'Sequences' },
  { id: 'qc', title: 'QC' },
  { id: 'variants', title: 'Variants' },
  { id: 'clusters', title: 'Clusters' },
  { id: 'classify', title: 'Classify' },
  { id: 'tree', title: 'Tree' },
  { id: 'history', title: 'History' },
  { id: 'models', title: 'Models' },
  { id: 'pathogens', title: 'Pathogens' },
];

interface NavigationState {
  page: PageId;
  /**
   * The dataset the Datasets detail, the Sequences table, the analysis, cluster and
   * classify pages show.
   */
  datasetId: number | null;
  navigate(page: PageId, datasetId?: number | null): void;
  selectDataset(datasetId: number | null): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  page: 'import',
  datasetId: null,
  navigate: (page, datasetId) =>
    set((state) => ({ page, datasetId: datasetId === undefined ? state.datasetId : datasetId })),
  selectDataset: (datasetId) => set({ datasetId }),
}));
