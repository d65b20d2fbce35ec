import { SearchField } from '../../ui/FilterForm';
import { useQcStore } from './qc.store';

/** The QC table's id search; the verdict filter is the chips above. */
export function QcIdFilter() {
  const idContains = useQcStore((state) => state.idContains);
  const setIdContains = useQcStore((state) => state.setIdContains);
  return (
    <SearchField
      label="Id contains"
      placeholder="e.g. England"
      value={idContains}
      onChange={setIdContains}
      fieldClassName="field-inline"
      inputClassName="input-search"
      role="search"
    />
  );
}
