import { useState } from 'react';
import type { ExportAnalysisInput } from '../../../shared/analysis-schemas';
import { api, errorMessage } from '../api';
import { downloadText } from '../lib/download';

type ExportTable = ExportAnalysisInput['table'];
type ExportFormat = ExportAnalysisInput['format'];

interface AnalysisExportButtonsProps {
  analysisId: number;
  table: ExportTable;
  /** The table's name, e.g. "QC table". */
  label: string;
  formats: ExportFormat[];
}

/** Downloads one table of the analysis (every row, not only the filtered ones) in a format. */
export function AnalysisExportButtons({
  analysisId,
  table,
  label,
  formats,
}: AnalysisExportButtonsProps) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await api.exportAnalysis({ analysisId, table, format });
      downloadText(file.content, file.fileName, file.mimeType);
    } catch (exportError) {
      setError(errorMessage(exportError));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-group" role="group" aria-label={label}>
      <span className="export-label">{label}</span>
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
