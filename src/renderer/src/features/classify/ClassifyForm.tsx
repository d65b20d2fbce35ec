import { useClassifyForm } from './useClassifyForm';
import { useClassifyStore } from './classify.store';
import { ClassifyModelSelect } from './ClassifyModelSelect';
import { ClassifyPathogenSelect } from './ClassifyPathogenSelect';
import { DetectionNote } from './DetectionNote';
import { ModelFigures } from './ModelFigures';
import { NavLink } from '../../ui/NavLink';
import { LoadError } from '../../ui/LoadError';

interface ClassifyFormProps {
  datasetId: number;
  /** A run of this dataset is under way. */
  busy: boolean;
}

/**
 * What to classify with: the pathogen detected in the sequences (or chosen), and its
 * production model (or another version), with the model's cross-validated figures.
 */
export function ClassifyForm({ datasetId, busy }: ClassifyFormProps) {
  const form = useClassifyForm(datasetId);
  const choosePathogen = useClassifyStore((state) => state.choosePathogen);
  const chooseModel = useClassifyStore((state) => state.chooseModel);
  const classify = useClassifyStore((state) => state.classify);
  const { model, pathogenId } = form;
  const pathogenName =
    form.pathogens.find((pathogen) => pathogen.id === pathogenId)?.name ?? pathogenId;

  return (
    <form
      className="card classify-form"
      aria-label="Classify the dataset"
      onSubmit={(event) => {
        event.preventDefault();
        if (model) void classify(datasetId, model.id);
      }}
    >
      <div className="row row-bottom">
        <ClassifyPathogenSelect
          pathogens={form.pathogens}
          value={pathogenId}
          detected={form.detection?.status === 'ready' ? form.detection.detection : null}
          disabled={busy}
          onChange={(id) => choosePathogen(datasetId, id)}
        />
        <ClassifyModelSelect
          models={form.models}
          value={model}
          disabled={busy || pathogenId === null}
          onChange={(id) => chooseModel(datasetId, id)}
        />
        <button type="submit" className="button button-primary" disabled={busy || !model}>
          Classify
        </button>
      </div>
      <DetectionNote
        detection={form.detection}
        pathogens={form.pathogens}
        chosen={form.pathogenChosen ? pathogenId : null}
      />
      <LoadError what="the models" error={form.modelsError} />
      {pathogenId && !form.modelsLoading && !form.modelsError && form.models.length === 0 && (
        <p className="text-warn">
          No model is registered for {pathogenName}.{' '}
          <NavLink page="models">Import a model bundle</NavLink> to classify it.
        </p>
      )}
      {model && <ModelFigures model={model} />}
    </form>
  );
}
