import { useEffect, useMemo } from 'react';
import type { PathogenSummary } from '../../../../shared/analysis-types';
import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { isProduction } from './classify-labels';
import { useAnalysisStore } from '../analysis/analysis.store';
import { useClassifyStore, type Detection } from './classify.store';
import { useModels } from '../models/useModels';

export interface ClassifyForm {
  detection: Detection | null;
  pathogens: PathogenSummary[];
  /** The pathogen to classify against: the analyst's choice, else the detected one. */
  pathogenId: string | null;
  /** The analyst chose the pathogen (it was not detected, or another was preferred). */
  pathogenChosen: boolean;
  /** The pathogen's registered versions, newest first. */
  models: ModelVersionSummary[];
  /** The version to run: the analyst's choice, else the pathogen's production model. */
  model: ModelVersionSummary | null;
  modelsLoading: boolean;
  modelsError: string | null;
}

/** The pathogen's `production` version, else its newest. */
export function defaultModel(models: ModelVersionSummary[]): ModelVersionSummary | null {
  return models.find(isProduction) ?? models[0] ?? null;
}

/** Detects the dataset's pathogen and resolves the pathogen and model the run will use. */
export function useClassifyForm(datasetId: number): ClassifyForm {
  const detection = useClassifyStore((state) => state.detections[datasetId] ?? null);
  const choice = useClassifyStore((state) => state.choices[datasetId] ?? null);
  const detect = useClassifyStore((state) => state.detect);
  const pathogens = useAnalysisStore((state) => state.pathogens);
  const loadPathogens = useAnalysisStore((state) => state.loadPathogens);
  const { models: allModels, loading, error } = useModels();

  useEffect(() => {
    void loadPathogens();
  }, [loadPathogens]);

  useEffect(() => {
    void detect(datasetId);
  }, [datasetId, detect]);

  const detected = detection?.status === 'ready' ? detection.detection.pathogenId : null;
  const pathogenId = choice?.pathogenId ?? detected;
  const models = useMemo(
    () => allModels.filter((model) => model.pathogenId === pathogenId),
    [allModels, pathogenId],
  );
  const chosenModel = models.find((model) => model.id === choice?.modelId) ?? null;

  return {
    detection,
    pathogens,
    pathogenId,
    pathogenChosen: choice?.pathogenId != null && choice.pathogenId !== detected,
    models,
    model: chosenModel ?? defaultModel(models),
    modelsLoading: loading,
    modelsError: error,
  };
}
