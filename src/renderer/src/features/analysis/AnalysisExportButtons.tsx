import type { ExportAnalysisInput } from '../../../../shared/analysis-schemas';
import { api } from '../../api';
import { ExportFormatButtons } from '../../ui/ExportFormatButtons';

type ExportFormat = ExportAnalysisInput['format'];

interface AnalysisExportButtonsProps {
  analysisId: number;
  table: ExportAnalysisInput['table'];
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
  return (
    <ExportFormatButtons
      label={label}
      formats={formats}
      fetchFile={(format) => api.exportAnalysis({ analysisId, table, format })}
    />
  );
}
