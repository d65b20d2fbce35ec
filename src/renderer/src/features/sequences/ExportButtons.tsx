import { api } from '../../api';
import { ExportButton, ExportError, useFileExport } from '../../ui/ExportButton';
import type { SequenceQuery } from './sequence-pages.store';

/** Exports the rows of the current query (filter and sort included), not only those in view. */
export function ExportButtons({ query }: { query: SequenceQuery | null }) {
  // The buttons are disabled until there is a query.
  const exporter = useFileExport((format: 'tsv' | 'csv') =>
    api.exportSequences({ ...query!, format }),
  );
  return (
    <div className="row">
      <ExportButton
        exporter={exporter}
        format="tsv"
        className="button"
        disabled={!query}
        busyLabel="Exporting…"
      >
        Export TSV
      </ExportButton>
      <ExportButton
        exporter={exporter}
        format="csv"
        className="button"
        disabled={!query}
        busyLabel="Exporting…"
      >
        Export CSV
      </ExportButton>
      <ExportError error={exporter.error} />
    </div>
  );
}
