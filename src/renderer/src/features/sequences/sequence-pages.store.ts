/** Pages of the Sequences table, fetched as the viewport reaches them (one query's cache). */
import type { SequenceRow } from '../../../../shared/types';
import { api } from '../../api';
import { createPagedRowsStore } from '../../lib/paged-rows';
import type { SequenceFilter, SequenceSort } from './sequences.store';

export const PAGE_SIZE = 500;

export interface SequenceQuery {
  datasetId: number;
  filter: SequenceFilter;
  sort: SequenceSort;
}

export const useSequencePagesStore = createPagedRowsStore<SequenceQuery, SequenceRow>(
  (query, offset, limit) => api.listSequences({ ...query, offset, limit }),
  PAGE_SIZE,
);
