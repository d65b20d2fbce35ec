import { useState, type ReactNode } from 'react';
import type { ExportedFile } from '../../../shared/types';
import { errorMessage } from '../api';
import { downloadBlob, downloadText } from '../lib/download';

export interface FileExport<F extends string> {
  /** The format being exported, null when none is. */
  busy: F | null;
  /** Why the last export failed, null when it did not. */
  error: string | null;
  exportAs(format: F): Promise<void>;
}

/** A file made in the renderer as bytes (an image), not text. */
export interface BinaryFile {
  blob: Blob;
  fileName: string;
}

/**
 * Exports that download a file: one runs at a time, and the last failure is kept to show.
 * `makeFile` fetches (or writes) the file in a format.
 */
export function useFileExport<F extends string>(
  makeFile: (format: F) => ExportedFile | BinaryFile | Promise<ExportedFile | BinaryFile>,
): FileExport<F> {
  const [busy, setBusy] = useState<F | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportAs = async (format: F) => {
    setBusy(format);
    setError(null);
    try {
      const file = await makeFile(format);
      if ('blob' in file) downloadBlob(file.blob, file.fileName);
      else downloadText(file.content, file.fileName, file.mimeType);
    } catch (exportError) {
      setError(errorMessage(exportError));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, exportAs };
}

interface ExportButtonProps<F extends string> {
  exporter: FileExport<F>;
  format: F;
  /** `button button-small` unless told. */
  className?: string;
  disabled?: boolean;
  /** Shown instead of the name while this format exports. */
  busyLabel?: string;
  children: ReactNode;
}

/** A button that downloads the export in one format; every export's button waits while one runs. */
export function ExportButton<F extends string>({
  exporter,
  format,
  className = 'button button-small',
  disabled,
  busyLabel,
  children,
}: ExportButtonProps<F>) {
  const busy = exporter.busy === format;
  return (
    <button
      type="button"
      className={className}
      disabled={disabled || exporter.busy !== null}
      aria-busy={busy}
      onClick={() => void exporter.exportAs(format)}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** Why an export failed, announced. */
export function ExportError({ error, what = 'Export' }: { error: string | null; what?: string }) {
  if (!error) return null;
  return (
    <span className="error-text" role="alert">
      {what} failed: {error}
    </span>
  );
}
