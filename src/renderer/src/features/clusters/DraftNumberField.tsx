import { NumberField } from '../../ui/NumberField';
import type { DraftField } from './cluster-params';
import { useClusterViewStore } from './cluster-view.store';

type DraftNumber = Exclude<
  DraftField,
  'featurizer' | 'embed' | 'dimensions' | 'method' | 'labelColumn'
>;

interface DraftNumberFieldProps {
  field: DraftNumber;
  label: string;
  placeholder?: string;
  title?: string;
  step?: string;
  error?: string;
}

/** One number of the clustering form, as typed; the schema's complaint below it. */
export function DraftNumberField({
  field,
  label,
  placeholder,
  title,
  step,
  error,
}: DraftNumberFieldProps) {
  const value = useClusterViewStore((state) => state.draft[field]);
  const setField = useClusterViewStore((state) => state.setDraftField);
  return (
    <NumberField
      label={label}
      inputClassName="input-number"
      step={step ?? '1'}
      placeholder={placeholder}
      title={title}
      value={value}
      error={error}
      onChange={(typed) => setField(field, typed)}
    />
  );
}
