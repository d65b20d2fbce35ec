import { useId } from 'react';
import { useQcStore } from './qc.store';

/** The QC table's id search; the verdict filter is the chips above. */
export function QcIdFilter() {
  const idContains = useQcStore((state) => state.idContains);
  const setIdContains = useQcStore((state) => state.setIdContains);
  const inputId = useId();
  return (
    <div className="field field-compact field-inline" role="search">
      <label className="field-label" htmlFor={inputId}>
        Id contains
      </label>
      <input
        id={inputId}
        className="input input-search"
        type="search"
        placeholder="e.g. England"
        value={idContains}
        onChange={(event) => setIdContains(event.target.value)}
      />
    </div>
  );
}
