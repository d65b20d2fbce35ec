/** The dataset-wide mutation table of the current filter; a row shows who carries it. */
import { rowAt } from '../../lib/paged-rows';
import { MUTATION_PAGE_SIZE, useMutationPagesStore } from './mutation-pages.store';
import { useVariantsStore } from './variants.store';
import { mutationColumns } from './mutation-columns';
import { VirtualTable } from '../../ui/VirtualTable';

export function MutationTable({ analysisId }: { analysisId: number }) {
  const total = useMutationPagesStore((state) => state.total);
  const pages = useMutationPagesStore((state) => state.pages);
  const queryKey = useMutationPagesStore((state) => state.queryKey);
  const ensureRows = useMutationPagesStore((state) => state.ensureRows);
  const sort = useVariantsStore((state) => state.sort);
  const toggleSort = useVariantsStore((state) => state.toggleSort);
  const selected = useVariantsStore((state) => state.selectedMutation);
  const selectMutation = useVariantsStore((state) => state.selectMutation);

  return (
    <VirtualTable
      label="Mutations"
      columns={mutationColumns}
      total={total}
      rowAt={(index) => rowAt(pages, MUTATION_PAGE_SIZE, index)}
      ensureRows={ensureRows}
      queryKey={queryKey}
      sort={sort}
      onSort={toggleSort}
      onRowClick={(mutation) => selectMutation({ analysisId, mutation })}
      isSelected={(row) =>
        selected?.analysisId === analysisId && selected.mutation.label === row.label
      }
      emptyText="No mutation matches the filter."
    />
  );
}
