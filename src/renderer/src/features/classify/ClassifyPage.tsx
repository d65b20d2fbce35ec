import { ClassificationRunSelect } from './ClassificationRunSelect';
import { ClassificationView } from './ClassificationView';
import { ClassifyForm } from './ClassifyForm';
import { ChainedRunStatus, type ChainedRunWords } from '../analysis/ChainedRunStatus';
import { DatasetSelect } from '../datasets/DatasetSelect';
import { DatasetPage } from '../datasets/DatasetPage';
import { useClassifications } from './useClassifications';
import { useClassifyRun } from './useClassifyRun';
import { useCurrentDataset } from '../datasets/useCurrentDataset';
import { useClassifyStore } from './classify.store';
import { LoadError } from '../../ui/LoadError';

const CLASSIFY_WORDS: ChainedRunWords = {
  what: 'Classification',
  running: 'Classifying…',
  aligning: 'Aligning and checking QC first…',
  alignmentNote:
    "This dataset has no alignment against the model's reference yet: classification needs its QC verdicts and mutations, and starts when it is done.",
};

export function ClassifyPage() {
  const { datasets, status, dataset } = useCurrentDataset();
  const { classifications, classification, loading, error } = useClassifications(
    dataset?.id ?? null,
  );
  const runStatus = useClassifyRun(dataset?.id ?? null);
  const cancel = useClassifyStore((state) => state.cancel);
  const { running, alignment } = runStatus;

  return (
    <DatasetPage
      className="page page-fill page-analysis"
      title="Classify"
      intro={
        <>
          Label each sequence of a dataset with a registered model (the clade, by default), see how
          sure the model is, and find the sequences it would not label, with the reason.
        </>
      }
      datasets={datasets}
      status={status}
    >
      <>
        <div className="toolbar">
          <div className="row row-bottom">
            <DatasetSelect datasets={datasets} dataset={dataset} />
            {classification && classifications.length > 1 && (
              <ClassificationRunSelect classifications={classifications} shown={classification} />
            )}
          </div>
        </div>
        {dataset && (
          // Keys apart from the run view's: the two are siblings, and a dataset and a run
          // can share a number.
          <ClassifyForm key={`dataset-${dataset.id}`} datasetId={dataset.id} busy={running} />
        )}
        {dataset && (
          <ChainedRunStatus
            run={runStatus.run}
            job={runStatus.job}
            alignment={runStatus.alignment}
            words={CLASSIFY_WORDS}
            onCancel={() => void cancel(dataset.id, alignment ? [alignment.id] : [])}
          />
        )}
        <LoadError what="the classifications" error={error} />
        {dataset && loading && !classification && (
          <p className="muted">Loading the classifications…</p>
        )}
        {dataset && !loading && !error && !classification && !running && (
          <div className="empty-state">
            <p>
              <strong>{dataset.name}</strong> has not been classified yet. The detected pathogen and
              its production model suit most datasets: press Classify.
            </p>
          </div>
        )}
        {classification && (
          <ClassificationView key={`run-${classification.id}`} classification={classification} />
        )}
      </>
    </DatasetPage>
  );
}
