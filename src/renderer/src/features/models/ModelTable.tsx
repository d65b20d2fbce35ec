import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { formatConfidence, formatHeadline, formatScore3, modelName } from '../classify/classify-labels';
import { formatBytes, formatCount, formatDate } from '../../lib/format';

interface ModelTableProps {
  caption: string;
  /** One pathogen's versions, newest first. */
  models: ModelVersionSummary[];
  selectedId: number | null;
  onSelect(modelId: number): void;
}

export const sourceLabels: Record<ModelVersionSummary['source'], string> = {
  bundled: 'Bundled',
  imported: 'Imported',
  trained: 'Trained here',
};

/** One pathogen's model versions with their cross-validated figures; a name opens its detail. */
export function ModelTable({ caption, models, selectedId, onSelect }: ModelTableProps) {
  return (
    <div className="table-scroll models-scroll">
      <table className="table table-interactive table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Task</th>
            <th scope="col">Family</th>
            <th scope="col" className="numeric">
              Labels
            </th>
            <th scope="col" className="numeric" title="Cross-validated accuracy over every genome">
              CV accuracy
            </th>
            <th scope="col" className="numeric" title="Cross-validated macro-averaged F1">
              Macro-F1
            </th>
            <th
              scope="col"
              className="numeric"
              title="Share of validation genomes at or above the confidence threshold"
            >
              Coverage
            </th>
            <th scope="col" className="numeric" title="Confidence needed to assign a label">
              Threshold
            </th>
            <th scope="col">Source</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model.id} className={model.id === selectedId ? 'is-selected' : undefined}>
              <th scope="row">
                <span className="row model-name-cell">
                  <button
                    type="button"
                    className="button-link mono"
                    aria-pressed={model.id === selectedId}
                    onClick={() => onSelect(model.id)}
                  >
                    {modelName(model)}
                  </button>
                  {model.aliases.map((alias) => (
                    <span key={alias} className="badge badge-alias">
                      {alias}
                    </span>
                  ))}
                </span>
              </th>
              <td>{model.task}</td>
              <td className="model-family" title={model.description}>
                {model.family}
              </td>
              <td className="numeric">{formatCount(model.labels.length)}</td>
              <td className="numeric">{formatHeadline(model.headline.accuracy)}</td>
              <td className="numeric">{formatScore3(model.headline.macroF1)}</td>
              <td className="numeric">{formatHeadline(model.headline.coverage)}</td>
              <td className="numeric">{formatConfidence(model.confidenceThreshold)}</td>
              <td>{sourceLabels[model.source]}</td>
              <td className="numeric">{formatBytes(model.sizeBytes)}</td>
              <td title={`Registered ${formatDate(model.registeredAt)}`}>
                {formatDate(model.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
