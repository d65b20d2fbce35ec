import { useMemo, useState } from 'react';
import type { ClassificationComparison } from '../../../../shared/classify-types';
import { useOpenClassification } from './useOpenClassification';
import {
  disagreementsFileName,
  disagreementsTsv,
  sortDisagreements,
  type DisagreementSort,
  type DisagreementSortKey,
} from './classification-comparison';
import { formatCount } from '../../lib/format';
import { disagreementColumns } from './disagreement-columns';
import { ExportButton, ExportError, useFileExport } from '../../ui/ExportButton';
import { VirtualTable } from '../../ui/VirtualTable';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 36;
const MAX_HEIGHT = 540;
// Room for a horizontal scrollbar under the last row.
const SCROLLBAR = 18;

// Every listed row is in memory: nothing to fetch as the viewport moves.
const allLoaded = () => undefined;

/** The sequences the two runs call differently, sortable, each openable in either run. */
export function DisagreementsCard({ comparison }: { comparison: ClassificationComparison }) {
  const { left, right, disagreements, disagreementCount } = comparison;
  const openRun = useOpenClassification();
  const [sort, setSort] = useState<DisagreementSort>({ column: 'ordinal', direction: 'asc' });
  const rows = useMemo(() => sortDisagreements(disagreements, sort), [disagreements, sort]);
  const columns = useMemo(
    () => disagreementColumns({ left, right, onOpen: openRun }),
    [left, right, openRun],
  );
  const truncated = disagreements.length < disagreementCount;
  const exporter = useFileExport(() => ({
    content: disagreementsTsv(comparison),
    fileName: disagreementsFileName(comparison),
    mimeType: 'text/tab-separated-values',
  }));

  const toggleSort = (column: DisagreementSortKey) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: column.endsWith('Confidence') ? 'desc' : 'asc' },
    );

  return (
    <section className="card stack-tight" aria-label="Differing sequences">
      <div className="row row-between">
        <h3 className="card-title">
          Differing sequences{' '}
          <span className="muted small">
            {formatCount(disagreementCount)}; a label opens the sequence in its run
          </span>
        </h3>
        {disagreements.length > 0 && (
          <ExportButton exporter={exporter} format="tsv">
            Export TSV
          </ExportButton>
        )}
        <ExportError error={exporter.error} />
      </div>
      {truncated && (
        <p className="text-warn small">
          Listing the first {formatCount(disagreements.length)} of {formatCount(disagreementCount)}{' '}
          differing sequences, in dataset order; the export holds the same.
        </p>
      )}
      {disagreementCount === 0 ? (
        <p className="muted">Both runs call every sequence alike.</p>
      ) : (
        <div
          className="compare-differences"
          style={{
            height: Math.min(MAX_HEIGHT, HEADER_HEIGHT + rows.length * ROW_HEIGHT + SCROLLBAR),
          }}
        >
          <VirtualTable
            label="Differing sequences"
            columns={columns}
            total={rows.length}
            rowAt={(index) => rows[index]}
            ensureRows={allLoaded}
            queryKey={`${left.id}:${right.id}:${sort.column}:${sort.direction}`}
            sort={sort}
            onSort={toggleSort}
          />
        </div>
      )}
    </section>
  );
}
