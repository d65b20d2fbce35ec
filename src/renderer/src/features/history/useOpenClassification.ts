import { useCallback } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useClassificationsStore } from '../classify/classifications.store';
import { useNavigationStore } from '../../app/navigation.store';
import { usePredictionsStore } from '../classify/predictions.store';

/**
 * Opens a run in the Classify page as it was stored: every sequence, and none open unless
 * `seqId` names the one whose detail panel to show.
 */
export function useOpenClassification(): (
  classification: ClassificationSummary,
  seqId?: string,
) => void {
  const selectClassification = useClassificationsStore((state) => state.selectClassification);
  const clearFilter = usePredictionsStore((state) => state.clearFilter);
  const selectPrediction = usePredictionsStore((state) => state.select);
  const navigate = useNavigationStore((state) => state.navigate);

  return useCallback(
    (classification, seqId) => {
      selectClassification(classification.datasetId, classification.id);
      clearFilter();
      selectPrediction(seqId ? { classificationId: classification.id, seqId } : null);
      navigate('classify', classification.datasetId);
    },
    [selectClassification, clearFilter, selectPrediction, navigate],
  );
}
