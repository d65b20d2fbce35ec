import { useState } from 'react';
import type { ModelVersionDetail } from '../../../../shared/classify-types';
import { formatScore3 } from '../classify/classify-labels';
import { formatCount } from '../../lib/format';

type PerClassRow = ModelVersionDetail['perClass'][number];
type Column = 'label' | 'precision' | 'recall' | 'f1' | 'support';

const columns: { key: Column; label: string; numeric: boolean }[] = [
  { key: 'label', label: 'Label', numeric: false },
  { key: 'precision', label: 'Precision', numeric: true },
  { key: 'recall', label: 'Recall', numeric: true },
  { key: 'f1', label: 'F1', numeric: true },
  { key: 'support', label: 'Support', numeric: true },
];

function compare(a: PerClassRow, b: PerClassRow, column: Column): number {
  if (column === 'label') return a.label.localeCompare(b.label, 'en', { numeric: true });
  return a[column] - b[column];
}

/** Precision, recall, F1 and support of each label; a header sorts by its column. */
export function PerClassTable({ rows }: { rows: PerClassRow[] }) {
  const [sort, setSort] = useState<{ column: Column; direction: 1 | -1 }>({
    column: 'label',
    direction: 1,
  });
  const sorted = [...rows].sort((a, b) => sort.direction * compare(a, b, sort.column));
  const toggle = (column: Column) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 1 ? -1 : 1 }
        : { column, direction: column === 'label' ? 1 : -1 },
    );

  return (
    <div className="table-scroll per-class-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">Per-class figures</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort.column === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sorted ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                    {column.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted ? (sort.direction === 1 ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{formatScore3(row.precision)}</td>
              <td className="numeric">{formatScore3(row.recall)}</td>
              <td className={`numeric${row.f1 < 0.5 ? ' text-warn' : ''}`}>
                {formatScore3(row.f1)}
              </td>
              <td className="numeric">{formatCount(row.support)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
