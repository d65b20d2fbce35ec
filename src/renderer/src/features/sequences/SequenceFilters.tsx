import {
  FilterForm,
  NumberFilterFields,
  SearchField,
  type NumberFilter,
} from '../../ui/FilterForm';
import { useSequencesStore, type FilterDraft } from './sequences.store';

const numericFields: NumberFilter<keyof FilterDraft>[] = [
  { key: 'minLength', label: 'Length min', placeholder: '0' },
  { key: 'maxLength', label: 'Length max', placeholder: 'any' },
  { key: 'maxNPercent', label: 'Max N %', placeholder: '100' },
  { key: 'minGcPercent', label: 'GC min %', placeholder: '0' },
  { key: 'maxGcPercent', label: 'GC max %', placeholder: '100' },
];

/** The filter as typed; the page debounces it before asking the server. */
export function SequenceFilters() {
  const draft = useSequencesStore((state) => state.filterDraft);
  const setFilterField = useSequencesStore((state) => state.setFilterField);
  const clearFilter = useSequencesStore((state) => state.clearFilter);
  const active = Object.values(draft).some((value) => value.trim() !== '');

  return (
    <FilterForm label="Filter sequences" active={active} onClear={clearFilter}>
      <SearchField
        label="Id contains"
        placeholder="e.g. England"
        value={draft.idContains}
        onChange={(value) => setFilterField('idContains', value)}
      />
      <NumberFilterFields fields={numericFields} values={draft} onChange={setFilterField} />
    </FilterForm>
  );
}
