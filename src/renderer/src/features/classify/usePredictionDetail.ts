import { useEffect } from 'react';
import type { PredictionDetail } from '../../../../shared/classify-types';
import { predictionKey, usePredictionDetailsStore } from './prediction-details.store';

/** One sequence's prediction with its top labels, loaded on first use. */
export function usePredictionDetail(
  classificationId: number,
  seqId: string,
): { detail: PredictionDetail | null; error: string | null } {
  const key = predictionKey(classificationId, seqId);
  const detail = usePredictionDetailsStore((state) => state.details[key] ?? null);
  const error = usePredictionDetailsStore((state) => state.errors[key] ?? null);
  const load = usePredictionDetailsStore((state) => state.load);

  useEffect(() => {
    void load(classificationId, seqId);
  }, [classificationId, seqId, load]);

  return { detail, error };
}
