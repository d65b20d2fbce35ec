import { useEffect } from 'react';
import type { SequenceResult } from '../../../../shared/analysis-types';
import { sequenceResultKey, useSequenceResultsStore } from './sequence-results.store';

/** One sequence's QC and calls, loaded on first use. */
export function useSequenceResult(
  analysisId: number,
  seqId: string,
): { result: SequenceResult | null; error: string | null } {
  const key = sequenceResultKey(analysisId, seqId);
  const result = useSequenceResultsStore((state) => state.results[key] ?? null);
  const error = useSequenceResultsStore((state) => state.errors[key] ?? null);
  const load = useSequenceResultsStore((state) => state.load);

  useEffect(() => {
    void load(analysisId, seqId);
  }, [analysisId, seqId, load]);

  return { result, error };
}
