import type { MetadataReport } from '../../../../shared/types';
import { formatCount } from '../../lib/format';
import { Stat } from '../../ui/Stat';

/** How the metadata table joined the sequences, and which of its ids found none. */
export function MetadataReportView({ report }: { report: MetadataReport | null }) {
  if (!report) return <p className="muted">No metadata table was joined.</p>;
  return (
    <div className="stack-tight">
      <p>
        <span className="file-name">{report.file}</span>{' '}
        <span className="muted">
          · id column <code>{report.idColumn}</code> · {report.columns.length} columns
        </span>
      </p>
      <div className="stats">
        <Stat label="Metadata rows" value={formatCount(report.rows)} />
        <Stat label="Matched" value={formatCount(report.matched)} tone="good" />
        <Stat
          label="Unmatched metadata ids"
          value={formatCount(report.unmatchedCount)}
          tone={report.unmatchedCount > 0 ? 'warn' : 'default'}
        />
        <Stat
          label="Sequences without metadata"
          value={formatCount(report.sequencesWithoutMetadata)}
          tone={report.sequencesWithoutMetadata > 0 ? 'warn' : 'default'}
        />
      </div>
      {report.unmatchedIds.length > 0 && (
        <details open>
          <summary>
            Metadata ids with no sequence
            {report.unmatchedCount > report.unmatchedIds.length
              ? ` (first ${formatCount(report.unmatchedIds.length)} of ${formatCount(report.unmatchedCount)})`
              : ''}
          </summary>
          <ul className="id-list" aria-label="Unmatched metadata ids">
            {report.unmatchedIds.map((id) => (
              <li key={id} className="mono">
                {id}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
