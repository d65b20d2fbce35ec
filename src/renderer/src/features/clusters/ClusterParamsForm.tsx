import { useId } from 'react';
import {
  embedLabels,
  featurizerLabels,
  methodLabels,
  paramsFromDraft,
  type ClusterParamsDraft,
} from './cluster-params';
import { useClusterViewStore } from './cluster-view.store';
import { useClustersStore } from './clusters.store';
import { ClusterAdvancedFields } from './ClusterAdvancedFields';
import { DraftNumberField } from './DraftNumberField';

interface ClusterParamsFormProps {
  datasetId: number;
  metadataColumns: string[];
  busy: boolean;
}

/** What a clustering run does, with the schema's defaults; Run starts it. */
export function ClusterParamsForm({ datasetId, metadataColumns, busy }: ClusterParamsFormProps) {
  const draft = useClusterViewStore((state) => state.draft);
  const setField = useClusterViewStore((state) => state.setDraftField);
  const resetDraft = useClusterViewStore((state) => state.resetDraft);
  const cluster = useClustersStore((state) => state.cluster);
  const baseId = useId();
  // A label column chosen for another dataset does not carry over.
  const parsed = paramsFromDraft(
    metadataColumns.includes(draft.labelColumn) ? draft : { ...draft, labelColumn: '' },
  );
  const errors = parsed.errors ?? {};

  const choice = <F extends 'featurizer' | 'embed' | 'method'>(
    field: F,
    label: string,
    labels: Record<ClusterParamsDraft[F], string>,
  ) => (
    <div className="field field-compact">
      <label className="field-label" htmlFor={`${baseId}-${field}`}>
        {label}
      </label>
      <select
        id={`${baseId}-${field}`}
        className="input"
        value={draft[field]}
        onChange={(event) => setField(field, event.target.value as ClusterParamsDraft[F])}
      >
        {(Object.keys(labels) as ClusterParamsDraft[F][]).map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="card cluster-form"
      aria-label="Clustering parameters"
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.params) void cluster(datasetId, parsed.params);
      }}
    >
      <div className="row row-bottom">
        {choice('featurizer', 'Features', featurizerLabels)}
        {choice('embed', 'Embedding', embedLabels)}
        <div className="field field-compact">
          <label className="field-label" htmlFor={`${baseId}-dimensions`}>
            Dimensions
          </label>
          <select
            id={`${baseId}-dimensions`}
            className="input"
            value={draft.dimensions}
            onChange={(event) => setField('dimensions', event.target.value === '3' ? 3 : 2)}
          >
            <option value="2">2D</option>
            <option value="3">3D</option>
          </select>
        </div>
        {choice('method', 'Method', methodLabels)}
        {draft.method === 'kmeans' ? (
          <DraftNumberField
            field="k"
            label="k"
            placeholder="auto"
            title="Number of clusters; leave blank to choose k by silhouette"
            error={errors.k}
          />
        ) : (
          <DraftNumberField
            field="minClusterSize"
            label="Min cluster size"
            error={errors.minClusterSize}
          />
        )}
        <button type="submit" className="button button-primary" disabled={busy || !parsed.params}>
          Run clustering
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={resetDraft}>
          Reset to defaults
        </button>
      </div>
      <ClusterAdvancedFields metadataColumns={metadataColumns} errors={errors} />
    </form>
  );
}
