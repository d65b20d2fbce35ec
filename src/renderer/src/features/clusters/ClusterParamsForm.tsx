import { SelectField } from '../../ui/SelectField';
import {
  embedLabels,
  featurizerLabels,
  methodLabels,
  paramsFromDraft,
  type ClusterParamsDraft,
  type DraftField,
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

type ChoiceDraft = 'featurizer' | 'embed' | 'method';

interface ChoiceFieldProps<F extends ChoiceDraft> {
  field: F;
  label: string;
  labels: Record<ClusterParamsDraft[F], string>;
}

/** One of the form's named choices: features, embedding or method. */
function ChoiceField<F extends ChoiceDraft>({ field, label, labels }: ChoiceFieldProps<F>) {
  const value = useClusterViewStore((state) => state.draft[field]);
  const setField = useClusterViewStore((state) => state.setDraftField);
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(choice) => setField(field, choice as ClusterParamsDraft[F])}
    >
      {(Object.keys(labels) as ClusterParamsDraft[F][]).map((choice) => (
        <option key={choice} value={choice}>
          {labels[choice]}
        </option>
      ))}
    </SelectField>
  );
}

function DimensionsField() {
  const dimensions = useClusterViewStore((state) => state.draft.dimensions);
  const setField = useClusterViewStore((state) => state.setDraftField);
  return (
    <SelectField
      label="Dimensions"
      value={dimensions}
      onChange={(value) => setField('dimensions', value === '3' ? 3 : 2)}
    >
      <option value="2">2D</option>
      <option value="3">3D</option>
    </SelectField>
  );
}

/** k for k-means, the smallest cluster for HDBSCAN. */
function MethodSizeField({ errors }: { errors: Partial<Record<DraftField, string>> }) {
  const method = useClusterViewStore((state) => state.draft.method);
  return method === 'kmeans' ? (
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
  );
}

/** What a clustering run does, with the schema's defaults; Run starts it. */
export function ClusterParamsForm({ datasetId, metadataColumns, busy }: ClusterParamsFormProps) {
  const draft = useClusterViewStore((state) => state.draft);
  const resetDraft = useClusterViewStore((state) => state.resetDraft);
  const cluster = useClustersStore((state) => state.cluster);
  // A label column chosen for another dataset does not carry over.
  const parsed = paramsFromDraft(
    metadataColumns.includes(draft.labelColumn) ? draft : { ...draft, labelColumn: '' },
  );
  const errors = parsed.errors ?? {};

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
        <ChoiceField field="featurizer" label="Features" labels={featurizerLabels} />
        <ChoiceField field="embed" label="Embedding" labels={embedLabels} />
        <DimensionsField />
        <ChoiceField field="method" label="Method" labels={methodLabels} />
        <MethodSizeField errors={errors} />
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
