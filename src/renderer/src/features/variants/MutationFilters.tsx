import { useId } from 'react';
import type { GeneSummary } from '../../../../shared/analysis-types';
import { useVariantsStore, type MutationFilterDraft } from './variants.store';

const numericFields: { key: keyof MutationFilterDraft; label: string; placeholder: string }[] = [
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
  const baseId = useId();
  const active = Object.values(draft).some((value) => value.trim() !== '');

  return (
    <form
      className="filters"
      aria-label="Filter mutations"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field field-compact field-wide">
        <label className="field-label" htmlFor={`${baseId}-text`}>
          Mutation or aa change
        </label>
        <input
          id={`${baseId}-text`}
          className="input"
          type="search"
          placeholder="e.g. N501Y, 23063"
          value={draft.text}
          onChange={(event) => setFilterField('text', event.target.value)}
        />
      </div>
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-gene`}>
          Gene
        </label>
        <select
          id={`${baseId}-gene`}
          className="input"
          value={draft.gene}
          onChange={(event) => setFilterField('gene', event.target.value)}
        >
          <option value="">All genes</option>
          {genes.map((gene) => (
            <option key={gene.name} value={gene.name}>
              {gene.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-compact">
        <label className="field-label" htmlFor={`${baseId}-kind`}>
          Kind
        </label>
        <select
          id={`${baseId}-kind`}
          className="input"
          value={draft.kind}
          onChange={(event) =>
            setFilterField('kind', event.target.value as MutationFilterDraft['kind'])
          }
        >
          <option value="">All kinds</option>
          <option value="substitution">Substitutions</option>
          <option value="deletion">Deletions</option>
          <option value="insertion">Insertions</option>
        </select>
      </div>
      {numericFields.map((field) => (
        <div key={field.key} className="field field-compact">
          <label className="field-label" htmlFor={`${baseId}-${field.key}`}>
            {field.label}
          </label>
          <input
            id={`${baseId}-${field.key}`}
            className="input"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            placeholder={field.placeholder}
            value={draft[field.key]}
            onChange={(event) => setFilterField(field.key, event.target.value)}
          />
        </div>
      ))}
      <button
        type="button"
        className="button button-quiet"
        disabled={!active}
        onClick={clearFilter}
      >
        Clear filters
      </button>
    </form>
  );
}
