/** Pages of the predictions table, fetched as the viewport reaches them. */
import type { PredictionRow } from '../../../../shared/classify-types';
import { api } from '../../api';
import { createPagedRowsStore } from '../../lib/paged-rows';
import type { PredictionQuery } from './predictions.store';

export const PREDICTION_PAGE_SIZE = 500;

export const usePredictionPagesStore = createPagedRowsStore<PredictionQuery, PredictionRow>(
  (query, offset, limit) => api.listPredictions({ ...query, offset, limit }),
  PREDICTION_PAGE_SIZE,
);
