/** The per-sequence predictions of the current query; a row opens the sequence's detail. */
import { useMemo } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { rowAt } from '../../lib/paged-rows';
import { PREDICTION_PAGE_SIZE, usePredictionPagesStore } from './prediction-pages.store';
import { usePredictionsStore } from './predictions.store';
import { predictionColumns } from './prediction-columns';
import { VirtualTable } from '../../ui/VirtualTable';

export function PredictionTable({ classification }: { classification: ClassificationSummary }) {
  const total = usePredictionPagesStore((state) => state.total);
  const pages = usePredictionPagesStore((state) => state.pages);
  const queryKey = usePredictionPagesStore((state) => state.queryKey);
  const ensureRows = usePredictionPagesStore((state) => state.ensureRows);
  const sort = usePredictionsStore((state) => state.sort);
  const toggleSort = usePredictionsStore((state) => state.toggleSort);
  const selected = usePredictionsStore((state) => state.selected);
  const select = usePredictionsStore((state) => state.select);
  const classificationId = classification.id;
  const columns = useMemo(
    () => predictionColumns(classification.confidenceThreshold),
    [classification.confidenceThreshold],
  );

  return (
    <VirtualTable
      label="Predictions"
      columns={columns}
      total={total}
      rowAt={(index) => rowAt(pages, PREDICTION_PAGE_SIZE, index)}
      ensureRows={ensureRows}
      queryKey={queryKey}
      sort={sort}
      onSort={toggleSort}
      onRowClick={(row) => select({ classificationId, seqId: row.seqId })}
      isSelected={(row) =>
        selected?.classificationId === classificationId && selected.seqId === row.seqId
      }
      emptyText="No sequence matches the filters."
    />
  );
}
