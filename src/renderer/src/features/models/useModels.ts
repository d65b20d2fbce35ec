import { useEffect } from 'react';
import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { useModelsStore } from './models.store';

/** The registered model versions, loaded (again) when a page that shows them opens. */
export function useModels(): {
  models: ModelVersionSummary[];
  loading: boolean;
  error: string | null;
} {
  const models = useModelsStore((state) => state.models);
  const status = useModelsStore((state) => state.status);
  const error = useModelsStore((state) => state.error);
  const loadModels = useModelsStore((state) => state.loadModels);

  useEffect(() => {
    void loadModels();
  }, [loadModels]);

  return {
    models,
    loading: status === 'idle' || status === 'loading',
    error: status === 'error' ? (error ?? 'unknown error') : null,
  };
}
