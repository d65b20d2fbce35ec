import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { downloadText } from '../../lib/download';
import type { SequenceQuery } from './sequence-pages.store';

/** Exports the rows of the current query (filter and sort included), not only those in view. */
export function ExportButtons({ query }: { query: SequenceQuery | null }) {
  const [busy, setBusy] = useState<'tsv' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: 'tsv' | 'csv') => {
    if (!query) return;
    setBusy(format);
    setError(null);
    try {
      const file = await api.exportSequences({ ...query, format });
      downloadText(file.content, file.fileName, file.mimeType);
    } catch (exportError) {
      setError(errorMessage(exportError));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="row">
      <button
        type="button"
        className="button"
        disabled={!query || busy !== null}
        onClick={() => void exportAs('tsv')}
      >
        {busy === 'tsv' ? 'Exporting…' : 'Export TSV'}
      </button>
      <button
        type="button"
        className="button"
        disabled={!query || busy !== null}
        onClick={() => void exportAs('csv')}
      >
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      {error && (
        <span className="error-text" role="alert">
          Export failed: {error}
        </span>
      )}
    </div>
  );
}
