import { api } from '../../api';
import { ExportFormatButtons } from '../../ui/ExportFormatButtons';

const formats = ['tsv', 'csv', 'json', 'ndjson'] as const;

/** Downloads the clustering's assignments: one row per sequence with its cluster and label. */
export function ClusterExportButtons({ clusteringId }: { clusteringId: number }) {
  return (
    <ExportFormatButtons
      label="Cluster assignments"
      formats={formats}
      fetchFile={(format) => api.exportClustering({ clusteringId, format })}
    />
  );
}
