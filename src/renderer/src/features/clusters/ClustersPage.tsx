import { ClusterExportButtons } from './ClusterExportButtons';
import { ClusteringRunsTable } from './ClusteringRunsTable';
import { ClusteringView } from './ClusteringView';
import { ClusterParamsForm } from './ClusterParamsForm';
import { ChainedRunStatus, type ChainedRunWords } from '../analysis/ChainedRunStatus';
import { DatasetSelect } from '../datasets/DatasetSelect';
import { DatasetPage } from '../datasets/DatasetPage';
import { ExportMenu } from '../../ui/ExportMenu';
import { useClusterings } from './useClusterings';
import { useCurrentDataset } from '../datasets/useCurrentDataset';
import { useClustersStore } from './clusters.store';
import { isFinished } from '../../app/jobs.store';
import { LoadError } from '../../ui/LoadError';

const CLUSTER_WORDS: ChainedRunWords = {
  what: 'Clustering',
  running: 'Clustering…',
  aligning: 'Aligning the sequences first…',
  alignmentNote:
    'This dataset has no alignment yet: the clustering needs one for its defining mutations and QC mix, and starts when it is done.',
};

export function ClustersPage() {
  const { datasets, status, dataset } = useCurrentDataset();
  const { clusterings, clustering, loading, error, run, job, alignment } = useClusterings(
    dataset?.id ?? null,
  );
  const cancel = useClustersStore((state) => state.cancel);
  const running = run !== null && run.phase !== 'error' && (!job || !isFinished(job));

  return (
    <DatasetPage
      className="page page-fill page-analysis"
      title="Clusters"
      intro={
        <>
          Group the dataset&apos;s sequences by their k-mer spectra or mutations, see the groups in
          2D or 3D, and check them against the metadata labels.
        </>
      }
      datasets={datasets}
      status={status}
    >
      <>
        <div className="toolbar">
          <DatasetSelect datasets={datasets} dataset={dataset} />
          {clustering && (
            <ExportMenu>
              <ClusterExportButtons clusteringId={clustering.id} />
            </ExportMenu>
          )}
        </div>
        {dataset && (
          <ClusterParamsForm
            datasetId={dataset.id}
            metadataColumns={dataset.metadataColumns}
            busy={running}
          />
        )}
        {dataset && (
          <ChainedRunStatus
            run={run}
            job={job}
            alignment={alignment}
            words={CLUSTER_WORDS}
            onCancel={() => void cancel(dataset.id, alignment ? [alignment.id] : [])}
          />
        )}
        <LoadError what="the clusterings" error={error} />
        {dataset && loading && <p className="muted">Loading the clusterings…</p>}
        {dataset && !loading && !error && clusterings.length === 0 && !running && (
          <div className="empty-state">
            <p>
              <strong>{dataset.name}</strong> has not been clustered yet. The defaults suit most
              datasets: press Run clustering.
            </p>
          </div>
        )}
        {clusterings.length > 0 && (
          <ClusteringRunsTable clusterings={clusterings} selectedId={clustering?.id ?? null} />
        )}
        {clustering && <ClusteringView key={clustering.id} clustering={clustering} />}
      </>
    </DatasetPage>
  );
}
