/** Pages of the dataset-wide mutation table. */
import type { MutationRow } from '../../../../shared/analysis-types';
import { api } from '../../api';
import type { MutationQuery } from './variants.store';
import { createPagedRowsStore } from '../../lib/paged-rows';

export const MUTATION_PAGE_SIZE = 500;

export const useMutationPagesStore = createPagedRowsStore<MutationQuery, MutationRow>(
  (query, offset, limit) => api.listMutations({ ...query, offset, limit }),
  MUTATION_PAGE_SIZE,
);
