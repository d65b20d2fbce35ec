/** Pages of the QC table, and of the carriers of one mutation (the same rows, filtered). */
import type { QcRow } from '../../../../shared/analysis-types';
import { api } from '../../api';
import { createPagedRowsStore } from '../../lib/paged-rows';
import type { QcQuery } from './qc.store';

export const QC_PAGE_SIZE = 500;
export const CARRIER_PAGE_SIZE = 200;

const fetchQcPage = (query: QcQuery, offset: number, limit: number) =>
  api.listQc({ ...query, offset, limit });

export const useQcPagesStore = createPagedRowsStore<QcQuery, QcRow>(fetchQcPage, QC_PAGE_SIZE);

/** The Variants page's side list: sequences carrying the chosen mutation. */
export const useCarrierPagesStore = createPagedRowsStore<QcQuery, QcRow>(
  fetchQcPage,
  CARRIER_PAGE_SIZE,
);
