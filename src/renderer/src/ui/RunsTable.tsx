import { Fragment, type ReactNode } from 'react';
import { useConfirmedDelete } from '../hooks/useConfirmedDelete';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

interface Run {
  id: number;
}

export interface RunColumn<R extends Run> {
  key: string;
  header: ReactNode;
  /** The header cell's class, e.g. `numeric`. */
  className?: string;
  /** The run's cell: a whole `<td>`, so that it sets its own class and title. */
  cell(run: R): ReactNode;
}

interface RunsTableProps<R extends Run> {
  /** The table's accessible name, e.g. "Clustering runs". */
  caption: string;
  /** The scroll box's class beside `table-scroll`. */
  scrollClassName: string;
  runs: R[];
  /** Columns before the run's number (a tick to compare). */
  leadingColumns?: RunColumn<R>[];
  /** Columns after it. */
  columns: RunColumn<R>[];
  /** What the run's button does, in its name: `Show` gives "Show run 3". */
  openVerb: string;
  onOpen(run: R): void;
  /** Whether the run's button is pressed (the run is the one shown); none when left out. */
  pressed?(run: R): boolean;
  rowClassName?(run: R): string | undefined;
  /** A click anywhere on the row opens the run too. */
  rowOpens?: boolean;
  /** Deletes the run: an error message, or null when it is gone. */
  remove(run: R): Promise<string | null>;
  /** Drops a deleted run from whatever else remembers it. */
  forget(runId: number): void;
}

function HeaderCells<R extends Run>({ columns }: { columns: RunColumn<R>[] }) {
  return columns.map((column) => (
    <th key={column.key} scope="col" className={column.className}>
      {column.header}
    </th>
  ));
}

function BodyCells<R extends Run>({ columns, run }: { columns: RunColumn<R>[]; run: R }) {
  return columns.map((column) => <Fragment key={column.key}>{column.cell(run)}</Fragment>);
}

/** Runs of a job, one per row: its number opens it, Delete asks before it deletes. */
export function RunsTable<R extends Run>({
  caption,
  scrollClassName,
  runs,
  leadingColumns = [],
  columns,
  openVerb,
  onOpen,
  pressed,
  rowClassName,
  rowOpens,
  remove,
  forget,
}: RunsTableProps<R>) {
  const { confirmingId, setConfirmingId, deleteError, confirmDelete } = useConfirmedDelete(
    remove,
    forget,
  );
  return (
    <div className="stack-tight">
      {deleteError && (
        <p className="error-text" role="alert">
          {deleteError}
        </p>
      )}
      <div className={`table-scroll ${scrollClassName}`}>
        <table className="table table-interactive table-compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <HeaderCells columns={leadingColumns} />
              <th scope="col">Run</th>
              <HeaderCells columns={columns} />
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr
                key={run.id}
                className={rowClassName?.(run)}
                onClick={rowOpens ? () => onOpen(run) : undefined}
              >
                <BodyCells columns={leadingColumns} run={run} />
                <th scope="row">
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`${openVerb} run ${run.id}`}
                    aria-pressed={pressed?.(run)}
                    onClick={() => onOpen(run)}
                  >
                    #{run.id}
                  </button>
                </th>
                <BodyCells columns={columns} run={run} />
                {/* Deleting must not open the run, as a click elsewhere on the row may. */}
                <td className="actions" onClick={(event) => event.stopPropagation()}>
                  <ConfirmDeleteButton
                    what={`run ${run.id}`}
                    confirming={confirmingId === run.id}
                    onRequest={() => setConfirmingId(run.id)}
                    onConfirm={() => void confirmDelete(run)}
                    onKeep={() => setConfirmingId(null)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
