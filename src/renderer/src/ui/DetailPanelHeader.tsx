interface DetailPanelHeaderProps {
  /** What the panel shows: a sequence id, a model name. */
  name: string;
  onClose(): void;
}

/** A detail panel's title and its close button. */
export function DetailPanelHeader({ name, onClose }: DetailPanelHeaderProps) {
  return (
    <div className="detail-header">
      <h2 className="mono detail-title" title={name}>
        {name}
      </h2>
      <button
        type="button"
        className="button button-quiet button-small"
        aria-label={`Close ${name}`}
        onClick={onClose}
      >
        ✕
      </button>
    </div>
  );
}
