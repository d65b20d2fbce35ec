import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useClassificationDetail } from './useClassifications';
import { usePredictionQuery } from './usePredictionQuery';
import { formatCount } from '../../lib/format';
import { useModelsStore } from '../models/models.store';
import { usePredictionPagesStore } from './prediction-pages.store';
import { usePredictionsStore } from './predictions.store';
import { ClassificationExportButtons } from './ClassificationExportButtons';
import { ClassificationOverview } from './ClassificationOverview';
import { ExportMenu } from '../../ui/ExportMenu';
import { PredictionDetailPanel } from './PredictionDetailPanel';
import { PredictionFilters } from './PredictionFilters';
import { PredictionTable } from './PredictionTable';
import { StatusChips } from './StatusChips';
import { LoadError } from '../../ui/LoadError';

/** One run's results: summary and charts, the filtered table, and the open sequence. */
export function ClassificationView({ classification }: { classification: ClassificationSummary }) {
  const { detail, error } = useClassificationDetail(classification.id);
  const query = usePredictionQuery(classification.id);
  const total = usePredictionPagesStore((state) => state.total);
  const loadError = usePredictionPagesStore((state) => state.error);
  const selected = usePredictionsStore((state) => state.selected);
  const select = usePredictionsStore((state) => state.select);
  const modelLabels = useModelsStore(
    (state) => state.models.find((model) => model.id === classification.model.id)?.labels,
  );
  const open = selected?.classificationId === classification.id ? selected.seqId : null;
  const filtered = Object.keys(query.filter).length > 0;
  const splitRef = useRef<HTMLDivElement>(null);
  // A run opened with a sequence chosen (from a comparison): its detail is below the summary.
  const [openedWithSequence] = useState(open !== null);

  useEffect(() => {
    if (openedWithSequence) splitRef.current?.scrollIntoView({ block: 'start' });
  }, [openedWithSequence]);

  // Every label the model knows: an unassigned sequence's most probable label may be one no
  // sequence was assigned.
  const labels = useMemo(
    () =>
      [
        ...new Set([
          ...classification.labelCounts.map((entry) => entry.label),
          ...(modelLabels ?? []),
        ]),
      ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    [classification.labelCounts, modelLabels],
  );

  return (
    <>
      <ClassificationOverview classification={classification} detail={detail} />
      <LoadError what={`the confidences of run #${classification.id}`} error={error} />
      <PredictionFilters labels={labels} />
      <div className="row row-between">
        <div className="row">
          <StatusChips classification={classification} />
          <p className="muted" role="status" aria-live="polite">
            {total === null
              ? 'Loading predictions…'
              : `${formatCount(total)} of ${formatCount(classification.sequenceCount)} sequences${filtered ? ' · filtered' : ''}`}
          </p>
        </div>
        <ExportMenu>
          <ClassificationExportButtons query={query} />
        </ExportMenu>
      </div>
      <LoadError what="the predictions" error={loadError} />
      <div ref={splitRef} className={`split classify-split${open ? ' has-detail' : ''}`}>
        <PredictionTable classification={classification} />
        {open ? (
          <aside className="side-panel">
            <PredictionDetailPanel
              key={open}
              classification={classification}
              seqId={open}
              onClose={() => select(null)}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}
