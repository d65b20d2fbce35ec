import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { formatConfidence, formatHeadline, formatScore3, modelName } from './classify-labels';
import { formatCount } from '../../lib/format';

/** A model version's cross-validated headline figures on one line. */
export function ModelFigures({ model }: { model: ModelVersionSummary }) {
  const { headline } = model;
  return (
    <p className="analysis-line model-figures" role="group" aria-label="Model figures">
      <span>
        <span className="pathogen-name mono">{modelName(model)}</span>
        {model.aliases.map((alias) => (
          <span key={alias} className="badge badge-alias">
            {alias}
          </span>
        ))}
      </span>
      <span>
        <span className="muted">CV accuracy </span>
        <strong>{formatHeadline(headline.accuracy)}</strong>
      </span>
      <span>
        <span className="muted">macro-F1 </span>
        <strong>{formatScore3(headline.macroF1)}</strong>
      </span>
      <span>
        <span className="muted">coverage </span>
        {formatHeadline(headline.coverage)}
      </span>
      <span>
        <span className="muted">confidence threshold </span>
        {formatConfidence(model.confidenceThreshold)}
      </span>
      <span className="muted">{formatCount(model.labels.length)} labels</span>
    </p>
  );
}
