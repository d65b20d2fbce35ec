interface DetailPanelHeaderProps {
  /** The sequence id the panel shows. */
  seqId: string;
  onClose(): void;
}

/** A side panel's title (the sequence id) and its close button. */
export function DetailPanelHeader({ seqId, onClose }: DetailPanelHeaderProps) {
  return (
    <div className="detail-header">
      <h2 className="mono detail-title" title={seqId}>
        {seqId}
      </h2>
      <button
        type="button"
        className="button button-quiet button-small"
        aria-label={`Close ${seqId}`}
        onClick={onClose}
      >
        ✕
      </button>
    </div>
  );
}
