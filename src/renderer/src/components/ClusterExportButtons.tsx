import { useState } from 'react';
import { api, errorMessage } from '../api';
import { downloadText } from '../lib/download';

type ExportFormat = 'tsv' | 'csv' | 'json' | 'ndjson';
const formats: ExportFormat[] = ['tsv', 'csv', 'json', 'ndjson'];

/** Downloads the clustering's assignments: one row per sequence with its cluster and label. */
export function ClusterExportButtons({ clusteringId }: { clusteringId: number }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await api.exportClustering({ clusteringId, format });
      downloadText(file.content, file.fileName, file.mimeType);
    } catch (exportError) {
      setError(errorMessage(exportError));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-group" role="group" aria-label="Cluster assignments">
      <span className="export-label">Cluster assignments</span>
      <span className="segmented">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-small"
            disabled={busy !== null}
            aria-busy={busy === format}
            onClick={() => void exportAs(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </span>
      {error && (
        <span className="error-text" role="alert">
          Export failed: {error}
        </span>
      )}
    </div>
  );
}
