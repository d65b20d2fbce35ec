import { useId } from 'react';
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
  const selectId = useId();
  const others = metadataColumns.filter((column) => column !== labelColumn);
  return (
    <div className="field field-compact field-inline">
      <label className="field-label" htmlFor={selectId}>
        Color by
      </label>
      <select
        id={selectId}
        className="input"
        value={encode(value)}
        onChange={(event) => onChange(decode(event.target.value))}
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
      </select>
    </div>
  );
}
