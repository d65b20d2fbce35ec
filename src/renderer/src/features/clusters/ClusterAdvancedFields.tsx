import { SelectField } from '../../ui/SelectField';
import type { DraftField } from './cluster-params';
import { useClusterViewStore } from './cluster-view.store';
import { DraftNumberField } from './DraftNumberField';

interface ClusterAdvancedFieldsProps {
  metadataColumns: string[];
  errors: Partial<Record<DraftField, string>>;
}

/** The knobs most runs leave alone: k-mer size, UMAP's neighbours and spread, seed, labels. */
export function ClusterAdvancedFields({ metadataColumns, errors }: ClusterAdvancedFieldsProps) {
  const featurizer = useClusterViewStore((state) => state.draft.featurizer);
  const embed = useClusterViewStore((state) => state.draft.embed);
  const labelColumn = useClusterViewStore((state) => state.draft.labelColumn);
  const setField = useClusterViewStore((state) => state.setDraftField);

  return (
    <details className="cluster-advanced">
      <summary>Advanced</summary>
      <div className="row row-bottom">
        {featurizer !== 'mutations' && (
          <DraftNumberField field="kmerSize" label="k-mer size" error={errors.kmerSize} />
        )}
        {embed === 'umap' && (
          <>
            <DraftNumberField field="nNeighbors" label="n_neighbors" error={errors.nNeighbors} />
            <DraftNumberField field="minDist" label="min_dist" step="0.05" error={errors.minDist} />
          </>
        )}
        <DraftNumberField field="seed" label="Seed" error={errors.seed} />
        <SelectField
          label="Label column"
          value={metadataColumns.includes(labelColumn) ? labelColumn : ''}
          onChange={(column) => setField('labelColumn', column)}
        >
          <option value="">
            {metadataColumns.length > 0 ? 'Guess from the metadata' : 'None (no metadata)'}
          </option>
          {metadataColumns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </SelectField>
      </div>
    </details>
  );
}
