import { useState } from 'react';
import type { ExportedFile } from '../../../shared/types';
import { errorMessage } from '../api';
import { downloadText } from '../lib/download';

interface ExportFormatButtonsProps<F extends string> {
  /** What is exported, e.g. "QC table". */
  label: string;
  formats: readonly F[];
  /** Fetches the file in one format; it is then downloaded. */
  fetchFile: (format: F) => Promise<ExportedFile>;
}

/** One button per format that downloads a file; busy while it runs, the error if it fails. */
export function ExportFormatButtons<F extends string>({
  label,
  formats,
  fetchFile,
}: ExportFormatButtonsProps<F>) {
  const [busy, setBusy] = useState<F | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: F) => {
    setBusy(format);
    setError(null);
    try {
      const file = await fetchFile(format);
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
