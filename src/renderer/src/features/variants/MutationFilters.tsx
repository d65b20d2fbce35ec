import type { GeneSummary } from '../../../../shared/analysis-types';
import {
  FilterForm,
  NumberFilterFields,
  SearchField,
  type NumberFilter,
} from '../../ui/FilterForm';
import { SelectField } from '../../ui/SelectField';
import { useVariantsStore, type MutationFilterDraft } from './variants.store';

const numericFields: NumberFilter<keyof MutationFilterDraft>[] = [
  { key: 'minPosition', label: 'Position from', placeholder: '1' },
  { key: 'maxPosition', label: 'Position to', placeholder: 'end' },
  { key: 'minFrequencyPercent', label: 'Freq. min %', placeholder: '0' },
  { key: 'maxFrequencyPercent', label: 'Freq. max %', placeholder: '100' },
];

/** The mutation table's filter as typed; the page debounces it before asking the server. */
export function MutationFilters({ genes }: { genes: GeneSummary[] }) {
  const draft = useVariantsStore((state) => state.filterDraft);
  const setFilterField = useVariantsStore((state) => state.setFilterField);
  const clearFilter = useVariantsStore((state) => state.clearFilter);
  const active = Object.values(draft).some((value) => value.trim() !== '');

  return (
    <FilterForm label="Filter mutations" active={active} onClear={clearFilter}>
      <SearchField
        label="Mutation or aa change"
        placeholder="e.g. N501Y, 23063"
        value={draft.text}
        onChange={(value) => setFilterField('text', value)}
      />
      <SelectField
        label="Gene"
        value={draft.gene}
        onChange={(value) => setFilterField('gene', value)}
      >
        <option value="">All genes</option>
        {genes.map((gene) => (
          <option key={gene.name} value={gene.name}>
            {gene.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kind"
        value={draft.kind}
        onChange={(value) => setFilterField('kind', value as MutationFilterDraft['kind'])}
      >
        <option value="">All kinds</option>
        <option value="substitution">Substitutions</option>
        <option value="deletion">Deletions</option>
        <option value="insertion">Insertions</option>
      </SelectField>
      <NumberFilterFields fields={numericFields} values={draft} onChange={setFilterField} />
    </FilterForm>
  );
}
