import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useCarrierQuery } from './useCarrierQuery';
import { formatCount, formatPercent } from '../../lib/format';
import { useVariantsStore } from './variants.store';
import { CarrierList } from './CarrierList';
import { SequenceDetailPanel } from '../analysis/SequenceDetailPanel';

/** The chosen mutation: who carries it, and the mutations of the carrier opened from it. */
export function MutationSidePanel({ analysis }: { analysis: AnalysisSummary }) {
  const selectedMutation = useVariantsStore((state) => state.selectedMutation);
  const selectedSequence = useVariantsStore((state) => state.selectedSequence);
  const selectMutation = useVariantsStore((state) => state.selectMutation);
  const selectSequence = useVariantsStore((state) => state.selectSequence);
  const mutation = selectedMutation?.analysisId === analysis.id ? selectedMutation.mutation : null;
  const seqId = selectedSequence?.analysisId === analysis.id ? selectedSequence.seqId : null;
  useCarrierQuery(analysis.id, mutation?.label ?? null);

  if (!mutation) {
    return (
      <aside className="side-panel side-panel-empty">
        <p className="muted">
          Choose a mutation in the table or on the map to see the sequences that carry it.
        </p>
      </aside>
    );
  }

  return (
    <aside className="side-panel stack-tight" aria-label={`Mutation ${mutation.label}`}>
      <div className="detail-header">
        <div className="stack-tight">
          <h2 className="mono detail-title">{mutation.label}</h2>
          {mutation.aaChanges.length > 0 && (
            <ul className="label-list" aria-label="Amino-acid changes">
              {mutation.aaChanges.map((change) => (
                <li key={change} className="mono">
                  {change}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Close ${mutation.label}`}
          onClick={() => selectMutation(null)}
        >
          ✕
        </button>
      </div>
      <p className="small">
        <span className="muted">
          {mutation.gene ? `Gene ${mutation.gene} · ` : 'Intergenic · '}
        </span>
        carried by <strong>{formatCount(mutation.count)}</strong> of{' '}
        {formatCount(analysis.alignedCount)} aligned sequences ({formatPercent(mutation.frequency)})
      </p>
      <h3>Carriers</h3>
      <CarrierList
        label={mutation.label}
        selectedSeqId={seqId}
        onSelect={(id) => selectSequence({ analysisId: analysis.id, seqId: id })}
      />
      {seqId && (
        <div className="detail-divider">
          <SequenceDetailPanel
            key={seqId}
            analysisId={analysis.id}
            seqId={seqId}
            showQc={false}
            highlight={mutation.label}
            onClose={() => selectSequence(null)}
          />
        </div>
      )}
    </aside>
  );
}
