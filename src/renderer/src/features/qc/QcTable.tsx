/** The per-sequence QC table of the current query; a row opens the sequence's detail. */
import { rowAt } from '../../lib/paged-rows';
import { QC_PAGE_SIZE, useQcPagesStore } from './qc-pages.store';
import { useQcStore } from './qc.store';
import { qcColumns } from './qc-columns';
import { VirtualTable } from '../../ui/VirtualTable';

export function QcTable({ analysisId }: { analysisId: number }) {
  const total = useQcPagesStore((state) => state.total);
  const pages = useQcPagesStore((state) => state.pages);
  const queryKey = useQcPagesStore((state) => state.queryKey);
  const ensureRows = useQcPagesStore((state) => state.ensureRows);
  const sort = useQcStore((state) => state.sort);
  const toggleSort = useQcStore((state) => state.toggleSort);
  const selected = useQcStore((state) => state.selected);
  const select = useQcStore((state) => state.select);

  return (
    <VirtualTable
      label="QC results"
      columns={qcColumns}
      total={total}
      rowAt={(index) => rowAt(pages, QC_PAGE_SIZE, index)}
      ensureRows={ensureRows}
      queryKey={queryKey}
      sort={sort}
      onSort={toggleSort}
      onRowClick={(row) => select({ analysisId, seqId: row.seqId })}
      isSelected={(row) => selected?.analysisId === analysisId && selected.seqId === row.seqId}
      emptyText="No sequence matches the verdict and id filter."
    />
  );
}
