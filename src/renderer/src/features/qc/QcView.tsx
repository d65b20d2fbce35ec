import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useQcQuery } from './useQcQuery';
import { formatCount } from '../../lib/format';
import { selectionFor } from '../../lib/seq-selection';
import { verdictLabels } from './verdicts';
import { useQcPagesStore } from './qc-pages.store';
import { useQcStore } from './qc.store';
import { QcIdFilter } from './QcIdFilter';
import { QcSummary } from './QcSummary';
import { QcTable } from './QcTable';
import { SeqSelectionChip } from '../../ui/SeqSelectionChip';
import { SequenceDetailPanel } from '../analysis/SequenceDetailPanel';
import { LoadError } from '../../ui/LoadError';

/** The QC page's content for one analysis: summary, table, and the open sequence. */
export function QcView({ analysis }: { analysis: AnalysisSummary }) {
  useQcQuery(analysis.id, analysis.datasetId);
  const total = useQcPagesStore((state) => state.total);
  const loadError = useQcPagesStore((state) => state.error);
  const verdict = useQcStore((state) => state.verdict);
  const selected = useQcStore((state) => state.selected);
  const select = useQcStore((state) => state.select);
  const picked = useQcStore((state) => selectionFor(state.seqSelection, analysis.datasetId));
  const clearSelection = useQcStore((state) => state.clearSelection);
  const open = selected?.analysisId === analysis.id ? selected.seqId : null;

  return (
    <>
      <QcSummary analysis={analysis} />
      <div className="row row-between">
        <div className="row">
          <QcIdFilter />
          {picked && <SeqSelectionChip count={picked.length} onRemove={clearSelection} />}
        </div>
        <p className="muted" role="status" aria-live="polite">
          {total === null
            ? 'Loading sequences…'
            : `${formatCount(total)} of ${formatCount(analysis.sequenceCount)} sequences${verdict ? ` · ${verdictLabels[verdict].toLowerCase()} only` : ''}`}
        </p>
      </div>
      <LoadError what="the QC table" error={loadError} />
      <div className={`split${open ? ' has-detail' : ''}`}>
        <QcTable analysisId={analysis.id} />
        {open ? (
          <aside className="side-panel">
            <SequenceDetailPanel
              key={open}
              analysisId={analysis.id}
              seqId={open}
              showQc
              onClose={() => select(null)}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}
