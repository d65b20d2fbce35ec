import { useEffect } from 'react';
import { Sidebar } from './Sidebar';
import { useJobEvents } from './useJobEvents';
import { TreePage } from '../features/tree/TreePage';
import { ClassifyPage } from '../features/classify/ClassifyPage';
import { ClustersPage } from '../features/clusters/ClustersPage';
import { DatasetsPage } from '../features/datasets/DatasetsPage';
import { HistoryPage } from '../features/history/HistoryPage';
import { ImportPage } from '../features/import/ImportPage';
import { ModelsPage } from '../features/models/ModelsPage';
import { PathogensPage } from '../features/pathogens/PathogensPage';
import { QcPage } from '../features/qc/QcPage';
import { SequencesPage } from '../features/sequences/SequencesPage';
import { VariantsPage } from '../features/variants/VariantsPage';
import { pages, useNavigationStore } from './navigation.store';

export function App() {
  const page = useNavigationStore((state) => state.page);
  useJobEvents();

  useEffect(() => {
    const title = pages.find((candidate) => candidate.id === page)?.title;
    document.title = title ? `${title} — VariantDesk` : 'VariantDesk';
  }, [page]);

  return (
    <div className="app">
      <Sidebar />
      <main className="main" id="main">
        {page === 'import' && <ImportPage />}
        {page === 'datasets' && <DatasetsPage />}
        {page === 'sequences' && <SequencesPage />}
        {page === 'qc' && <QcPage />}
        {page === 'variants' && <VariantsPage />}
        {page === 'clusters' && <ClustersPage />}
        {page === 'classify' && <ClassifyPage />}
        {page === 'tree' && <TreePage />}
        {page === 'history' && <HistoryPage />}
        {page === 'models' && <ModelsPage />}
        {page === 'pathogens' && <PathogensPage />}
      </main>
    </div>
  );
}
