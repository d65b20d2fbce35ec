import { DetailPanelHeader } from '../../ui/DetailPanelHeader';
import { SequenceResultView } from './SequenceResultView';

interface SequenceDetailPanelProps {
  analysisId: number;
  seqId: string;
  /** With the QC rules and nearest reference (QC page), or the mutations alone (Variants). */
  showQc: boolean;
  highlight?: string | null;
  onClose(): void;
}

/** One sequence of an analysis: why it got its verdict, and what was called in it. */
export function SequenceDetailPanel({
  analysisId,
  seqId,
  showQc,
  highlight,
  onClose,
}: SequenceDetailPanelProps) {
  return (
    <section className="detail stack-tight" aria-label={`Sequence ${seqId}`}>
      <DetailPanelHeader name={seqId} onClose={onClose} />
      <SequenceResultView
        analysisId={analysisId}
        seqId={seqId}
        showQc={showQc}
        highlight={highlight}
      />
    </section>
  );
}
