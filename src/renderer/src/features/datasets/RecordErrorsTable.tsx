import type { RecordError } from '../../../../shared/types';
import { formatCount } from '../../lib/format';

interface RecordErrorsTableProps {
  errors: RecordError[];
  /** All errors met; `errors` may hold only the first ones. */
  errorCount: number;
}

/** Records left out of the import, with where and why. */
export function RecordErrorsTable({ errors, errorCount }: RecordErrorsTableProps) {
  if (errorCount === 0) {
    return <p className="muted">No record errors: every record was valid.</p>;
  }
  return (
    <div className="stack-tight">
      <p className="muted small">
        {errorCount > errors.length
          ? `Showing the first ${formatCount(errors.length)} of ${formatCount(errorCount)} record errors.`
          : `${formatCount(errorCount)} record ${errorCount === 1 ? 'error' : 'errors'}.`}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Record errors list">
        <table className="table">
          <caption className="visually-hidden">Record errors</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="numeric">
                Line
              </th>
              <th scope="col">Record id</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={`${error.file}:${error.line}:${index}`}>
                <td>{error.file}</td>
                <td className="numeric">{formatCount(error.line)}</td>
                <td className="mono">{error.recordId ?? <span className="muted">—</span>}</td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
