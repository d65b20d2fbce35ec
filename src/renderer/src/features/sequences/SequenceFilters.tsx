import { useId } from 'react';
import { useSequencesStore, type FilterDraft } from './sequences.store';

const fields: { key: keyof FilterDraft; label: string; placeholder: string; numeric: boolean }[] = [
  { key: 'idContains', label: 'Id contains', placeholder: 'e.g. England', numeric: false },
  { key: 'minLength', label: 'Length min', placeholder: '0', numeric: true },
  { key: 'maxLength', label: 'Length max', placeholder: 'any', numeric: true },
  { key: 'maxNPercent', label: 'Max N %', placeholder: '100', numeric: true },
  { key: 'minGcPercent', label: 'GC min %', placeholder: '0', numeric: true },
  { key: 'maxGcPercent', label: 'GC max %', placeholder: '100', numeric: true },
];

/** The filter as typed; the page debounces it before asking the server. */
export function SequenceFilters() {
  const draft = useSequencesStore((state) => state.filterDraft);
  const setFilterField = useSequencesStore((state) => state.setFilterField);
  const clearFilter = useSequencesStore((state) => state.clearFilter);
  const baseId = useId();
  const active = Object.values(draft).some((value) => value.trim() !== '');

  return (
    <form
      className="filters"
      aria-label="Filter sequences"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      {fields.map((field) => (
        <div key={field.key} className={`field field-compact${field.numeric ? '' : ' field-wide'}`}>
          <label className="field-label" htmlFor={`${baseId}-${field.key}`}>
            {field.label}
          </label>
          <input
            id={`${baseId}-${field.key}`}
            className="input"
            type={field.numeric ? 'number' : 'search'}
            min={field.numeric ? 0 : undefined}
            step="any"
            inputMode={field.numeric ? 'decimal' : undefined}
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
