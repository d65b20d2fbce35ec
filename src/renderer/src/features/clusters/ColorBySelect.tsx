import { SelectField } from '../../ui/SelectField';
import type { ColorBy } from './cluster-view.store';

interface ColorBySelectProps {
  value: ColorBy;
  labelColumn: string | null;
  /** Whether any point has a QC verdict (the dataset was aligned). */
  hasVerdicts: boolean;
  metadataColumns: string[];
  onChange(colorBy: ColorBy): void;
}

const encode = (colorBy: ColorBy) =>
  colorBy.kind === 'column' ? `column:${colorBy.column}` : colorBy.kind;

function decode(value: string): ColorBy {
  if (value.startsWith('column:')) return { kind: 'column', column: value.slice('column:'.length) };
  return value === 'qc' ? { kind: 'qc' } : { kind: 'cluster' };
}

/** What the points are colored by: cluster, label column, QC verdict, or any metadata column. */
export function ColorBySelect({
  value,
  labelColumn,
  hasVerdicts,
  metadataColumns,
  onChange,
}: ColorBySelectProps) {
  const others = metadataColumns.filter((column) => column !== labelColumn);
  return (
    <SelectField
      label="Color by"
      fieldClassName="field-inline"
      value={encode(value)}
      onChange={(encoded) => onChange(decode(encoded))}
    >
      <option value="cluster">Cluster</option>
      {labelColumn && <option value={`column:${labelColumn}`}>Label ({labelColumn})</option>}
      {hasVerdicts && <option value="qc">QC verdict</option>}
      {others.length > 0 && (
        <optgroup label="Metadata">
          {others.map((column) => (
            <option key={column} value={`column:${column}`}>
              {column}
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  );
}
