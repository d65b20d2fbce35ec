import type { ReactNode } from 'react';
import type { ExportedFile } from '../../../shared/types';
import { ExportButton, ExportError, useFileExport } from './ExportButton';

interface ExportGroupProps {
  /** What is exported, e.g. "QC table". */
  label: string;
  error: string | null;
  /** What failed, in the error: "Export" unless told. */
  what?: string;
  /** The format buttons. */
  children: ReactNode;
}

/** A named group of an export menu: the label, a button per format, the error if one failed. */
export function ExportGroup({ label, error, what, children }: ExportGroupProps) {
  return (
    <div className="export-group" role="group" aria-label={label}>
      <span className="export-label">{label}</span>
      <span className="segmented">{children}</span>
      <ExportError error={error} what={what} />
    </div>
  );
}

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
  const exporter = useFileExport(fetchFile);
  return (
    <ExportGroup label={label} error={exporter.error}>
      {formats.map((format) => (
        <ExportButton key={format} exporter={exporter} format={format}>
          {format.toUpperCase()}
        </ExportButton>
      ))}
    </ExportGroup>
  );
}
