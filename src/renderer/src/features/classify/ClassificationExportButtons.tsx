import { api } from '../../api';
import type { PredictionQuery } from './predictions.store';
import { ExportFormatButtons } from '../../ui/ExportFormatButtons';

const formats = ['tsv', 'csv', 'json', 'ndjson'] as const;

/** Downloads the predictions the table shows: its filter and its order. */
export function ClassificationExportButtons({ query }: { query: PredictionQuery }) {
  return (
    <ExportFormatButtons
      label="Prediction table"
      formats={formats}
      fetchFile={(format) => api.exportClassification({ ...query, format })}
    />
  );
}
