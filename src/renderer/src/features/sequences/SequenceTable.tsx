/** The Sequences table: the rows of the current query, fetched page by page as they scroll in. */
import { rowAt } from '../../lib/paged-rows';
import { PAGE_SIZE, useSequencePagesStore } from './sequence-pages.store';
import { useSequencesStore } from './sequences.store';
import type { SequenceColumn } from './sequence-columns';
import { VirtualTable } from '../../ui/VirtualTable';

export function SequenceTable({ columns }: { columns: SequenceColumn[] }) {
  const total = useSequencePagesStore((state) => state.total);
  const pages = useSequencePagesStore((state) => state.pages);
  const queryKey = useSequencePagesStore((state) => state.queryKey);
  const ensureRows = useSequencePagesStore((state) => state.ensureRows);
  const sort = useSequencesStore((state) => state.sort);
  const toggleSort = useSequencesStore((state) => state.toggleSort);

  return (
    <VirtualTable
      label="Sequences"
      columns={columns}
      total={total}
      rowAt={(index) => rowAt(pages, PAGE_SIZE, index)}
      ensureRows={ensureRows}
      queryKey={queryKey}
      sort={sort}
      onSort={toggleSort}
    />
  );
}
