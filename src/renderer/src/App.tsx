import { useEffect } from 'react';
import { Sidebar } from './components/Sidebar';
import { useJobEvents } from './hooks/useJobEvents';
import { ClassifyPage } from './pages/ClassifyPage';
import { ClustersPage } from './pages/ClustersPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { HistoryPage } from './pages/HistoryPage';
import { ImportPage } from './pages/ImportPage';
import { ModelsPage } from './pages/ModelsPage';
import { QcPage } from './pages/QcPage';
import { SequencesPage } from './pages/SequencesPage';
import { VariantsPage } from './pages/VariantsPage';
import { pages, useNavigationStore } from './stores/navigation.store';

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
        {page === 'history' && <HistoryPage />}
        {page === 'models' && <ModelsPage />}
      </main>
    </div>
  );
}
