import type { ImportReport } from '../../../../shared/types';
import { formatCount } from '../../lib/format';
import { MetadataReportView } from '../datasets/MetadataReportView';
import { NavLink } from '../../ui/NavLink';
import { Notice } from '../../ui/Notice';
import { RecordErrorsTable } from '../datasets/RecordErrorsTable';
import { SourceFilesTable } from '../datasets/SourceFilesTable';
import { Stat } from '../../ui/Stat';

/** What a finished import made: the dataset, its counts, the join and the refused records. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { dataset, duplicateOf, records } = report;
  return (
    <div className="stack">
      {duplicateOf ? (
        <Notice tone="info" title="Nothing new to import">
          <p>
            Identical content was already imported as dataset{' '}
            <NavLink page="datasets" datasetId={duplicateOf.id}>
              {duplicateOf.name}
            </NavLink>
            .
          </p>
        </Notice>
      ) : (
        dataset && (
          <Notice tone="success" title={`Imported dataset “${dataset.name}”`}>
            <p>
              <NavLink page="sequences" datasetId={dataset.id}>
                Open sequences
              </NavLink>
              {' · '}
              <NavLink page="datasets" datasetId={dataset.id}>
                Dataset details
              </NavLink>
            </p>
          </Notice>
        )
      )}

      <section className="card stack-tight" aria-labelledby="import-records">
        <h2 id="import-records">Records</h2>
        <div className="stats">
          <Stat label="Records read" value={formatCount(records.total)} />
          <Stat label="Valid sequences" value={formatCount(records.valid)} tone="good" />
          <Stat
            label="Invalid records"
            value={formatCount(records.invalid)}
            tone={records.invalid > 0 ? 'warn' : 'default'}
          />
        </div>
        <SourceFilesTable files={report.files} />
      </section>

      <section className="card stack-tight" aria-labelledby="import-metadata">
        <h2 id="import-metadata">Metadata</h2>
        <MetadataReportView report={report.metadata} />
      </section>

      <section className="card stack-tight" aria-labelledby="import-errors">
        <h2 id="import-errors">Record errors</h2>
        <RecordErrorsTable errors={report.errors} errorCount={report.errorCount} />
      </section>
    </div>
  );
}
