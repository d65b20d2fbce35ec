import { useEffect, useRef } from 'react';
import type { ModelVersionDetail, ModelVersionSummary } from '../../../../shared/classify-types';
import { formatConfidence, formatHeadline, formatScore3, modelName } from '../classify/classify-labels';
import { formatBytes, formatCount, formatDate } from '../../lib/format';
import { useModelsStore } from './models.store';
import { sourceLabels } from './ModelTable';
import { PerClassTable } from './PerClassTable';
import { DetailPanelHeader } from '../../ui/DetailPanelHeader';
import { Stat } from '../../ui/Stat';
import { LoadError } from '../../ui/LoadError';

interface ModelDetailPanelProps {
  model: ModelVersionSummary;
  onClose(): void;
}

/** Everything that identifies the version: how it was built, from what, and its bundle. */
function ModelFacts({ model, detail }: { model: ModelVersionSummary; detail: ModelVersionDetail | null }) {
  const { headline } = model;
  return (
    <dl className="facts">
      <dt>Task</dt>
      <dd>{model.task}</dd>
      <dt>Pathogen</dt>
      <dd>{model.pathogenId}</dd>
      <dt>Family</dt>
      <dd>{model.family}</dd>
      <dt>Features</dt>
      <dd>{model.featurizer}</dd>
      <dt>Labels</dt>
      <dd>{formatCount(model.labels.length)}</dd>
      <dt>Threshold</dt>
      <dd>{formatConfidence(model.confidenceThreshold)}</dd>
      <dt>Temperature</dt>
      <dd>{model.temperature.toFixed(3)}</dd>
      <dt>Log loss</dt>
      <dd>{formatScore3(headline.logLoss)}</dd>
      <dt>Source</dt>
      <dd>{sourceLabels[model.source]}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(model.sizeBytes)}</dd>
      <dt>Created</dt>
      <dd>{formatDate(model.createdAt)}</dd>
      <dt>Registered</dt>
      <dd>{formatDate(model.registeredAt)}</dd>
      <dt>Tool version</dt>
      <dd>{model.toolVersion}</dd>
      <dt>Bundle sha256</dt>
      <dd className="mono small">{model.bundleSha256}</dd>
      {detail && (
        <>
          <dt>Training data</dt>
          <dd className="mono small">{detail.trainingDataSha256}</dd>
          <dt>Reference</dt>
          <dd className="mono small">{detail.referenceSha256}</dd>
        </>
      )}
    </dl>
  );
}

interface PerClassSectionProps {
  detail: ModelVersionDetail | null;
  error: string | null;
}

/** How well the version knows each label, from the bundle's report. */
function PerClassSection({ detail, error }: PerClassSectionProps) {
  return (
    <section className="stack-tight" aria-label="Per-class figures">
      <h3>Per class (cross-validation)</h3>
      <LoadError what="the model's report" error={error} />
      {!detail && !error && <p className="muted">Loading the report…</p>}
      {detail && detail.perClass.length === 0 && (
        <p className="muted small">The bundle&apos;s report has no per-class figures.</p>
      )}
      {detail && detail.perClass.length > 0 && <PerClassTable rows={detail.perClass} />}
    </section>
  );
}

/** One model version: its configuration, its figures, and how well it knows each label. */
export function ModelDetailPanel({ model, onClose }: ModelDetailPanelProps) {
  const detail = useModelsStore((state) => state.details[model.id] ?? null);
  const error = useModelsStore((state) => state.detailErrors[model.id] ?? null);
  const loadDetail = useModelsStore((state) => state.loadDetail);
  const ref = useRef<HTMLElement>(null);
  const name = modelName(model);
  const { headline } = model;

  useEffect(() => {
    void loadDetail(model.id);
  }, [model.id, loadDetail]);

  // It opens below the tables: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  return (
    <section ref={ref} className="card stack-tight model-detail" aria-label={`Model ${name}`}>
      <DetailPanelHeader name={name} onClose={onClose} />
      <p className="small model-description">{model.description}</p>
      <div className="model-detail-body">
        <div className="stack-tight">
          <div className="stats stats-compact">
            <Stat label="CV accuracy" value={formatHeadline(headline.accuracy)} />
            <Stat label="Macro-F1" value={formatScore3(headline.macroF1)} />
            <Stat label="Weighted F1" value={formatScore3(headline.weightedF1)} />
            <Stat label="Coverage" value={formatHeadline(headline.coverage)} />
          </div>
          <ModelFacts model={model} detail={detail} />
        </div>
        <PerClassSection detail={detail} error={error} />
      </div>
    </section>
  );
}
