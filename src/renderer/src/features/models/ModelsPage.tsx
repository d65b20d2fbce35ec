import { useEffect, useMemo } from 'react';
import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { ModelDetailPanel } from './ModelDetailPanel';
import { ModelImport } from './ModelImport';
import { ModelTable } from './ModelTable';
import { useModels } from './useModels';
import { useAnalysisStore } from '../analysis/analysis.store';
import { useModelsStore } from './models.store';
import { LoadError } from '../../ui/LoadError';

/** Versions grouped by the pathogen they were trained on, pathogens in name order. */
function byPathogen(models: ModelVersionSummary[]): [string, ModelVersionSummary[]][] {
  const groups = new Map<string, ModelVersionSummary[]>();
  for (const model of models) {
    groups.set(model.pathogenId, [...(groups.get(model.pathogenId) ?? []), model]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function ModelsPage() {
  const { models, loading, error } = useModels();
  const pathogens = useAnalysisStore((state) => state.pathogens);
  const loadPathogens = useAnalysisStore((state) => state.loadPathogens);
  const selectedId = useModelsStore((state) => state.selectedId);
  const select = useModelsStore((state) => state.select);
  const groups = useMemo(() => byPathogen(models), [models]);
  const selected = models.find((model) => model.id === selectedId) ?? null;
  const nameOf = (id: string) => pathogens.find((pathogen) => pathogen.id === id)?.name ?? id;

  // Pathogen names for the section titles; the ids read fine until they arrive.
  useEffect(() => {
    void loadPathogens();
  }, [loadPathogens]);

  return (
    <div className="page page-analysis models-page">
      <header className="page-header">
        <h1>Models</h1>
        <p className="muted">
          The classifiers registered for each pathogen, with their cross-validated figures. The
          production version is the one Classify uses by default. Import a bundle to add a version;
          it is verified before it is registered.
        </p>
      </header>
      <ModelImport />
      <LoadError what="the models" error={error} />
      {loading && models.length === 0 && <p className="muted">Loading the models…</p>}
      {!loading && !error && models.length === 0 && (
        <div className="empty-state">
          <p>No model is registered. Import a model bundle (.zip) to classify sequences.</p>
        </div>
      )}
      {groups.map(([pathogenId, versions]) => (
        <section key={pathogenId} className="stack-tight" aria-label={nameOf(pathogenId)}>
          <h2>{nameOf(pathogenId)}</h2>
          <ModelTable
            caption={`Models of ${nameOf(pathogenId)}`}
            models={versions}
            selectedId={selectedId}
            onSelect={(id) => select(id === selectedId ? null : id)}
          />
        </section>
      ))}
      {selected && (
        <ModelDetailPanel key={selected.id} model={selected} onClose={() => select(null)} />
      )}
    </div>
  );
}
