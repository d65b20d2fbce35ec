import { useEffect } from 'react';
import { formatCount, formatDate } from '../../lib/format';
import { useDatasetsStore } from './datasets.store';
import { MetadataReportView } from './MetadataReportView';
import { NavLink } from '../../ui/NavLink';
import { RecordErrorsTable } from './RecordErrorsTable';
import { SourceFilesTable } from './SourceFilesTable';
import { Stat } from '../../ui/Stat';

/** Everything stored about one dataset: where it came from and what was left out. */
export function DatasetDetailPanel({ datasetId }: { datasetId: number }) {
  const detail = useDatasetsStore((state) => state.details[datasetId]);
  const error = useDatasetsStore((state) => state.detailErrors[datasetId]);
  const loadDetail = useDatasetsStore((state) => state.loadDetail);

  useEffect(() => {
    void loadDetail(datasetId);
  }, [datasetId, loadDetail]);

  if (error) {
    return (
      <p className="error-text" role="alert">
        {error}
      </p>
    );
  }
  if (!detail) return <p className="muted">Loading dataset…</p>;

  return (
    <section className="stack" aria-label={`Dataset ${detail.name}`}>
      <div className="card stack-tight">
        <div className="row row-between">
          <h2>{detail.name}</h2>
          <NavLink page="sequences" datasetId={detail.id} className="button">
            Open sequences
          </NavLink>
        </div>
        <p className="muted small">
          Imported {formatDate(detail.createdAt)} · content sha256{' '}
          <code title={detail.contentSha256}>{detail.contentSha256.slice(0, 16)}…</code>
        </p>
        <div className="stats">
          <Stat label="Sequences" value={formatCount(detail.sequenceCount)} tone="good" />
          <Stat
            label="Invalid records"
            value={formatCount(detail.invalidCount)}
            tone={detail.invalidCount > 0 ? 'warn' : 'default'}
          />
          <Stat label="Total bases" value={formatCount(detail.totalBases)} />
        </div>
      </div>
      <div className="card stack-tight">
        <h3>Source files</h3>
        <SourceFilesTable files={detail.sourceFiles} />
      </div>
      <div className="card stack-tight">
        <h3>Metadata</h3>
        <MetadataReportView report={detail.metadata} />
      </div>
      <div className="card stack-tight">
        <h3>Import errors</h3>
        <RecordErrorsTable errors={detail.errors} errorCount={detail.errorCount} />
      </div>
    </section>
  );
}
