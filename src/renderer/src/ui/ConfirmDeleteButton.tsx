interface ConfirmDeleteButtonProps {
  /** What is deleted, in the buttons' names: `run 3`. */
  what: string;
  /** Whether this row asks for confirmation now. */
  confirming: boolean;
  onRequest(): void;
  onConfirm(): void;
  onKeep(): void;
}

/** Delete, then Confirm delete or Keep: nothing is deleted on one click. */
export function ConfirmDeleteButton({
  what,
  confirming,
  onRequest,
  onConfirm,
  onKeep,
}: ConfirmDeleteButtonProps) {
  if (!confirming)
    return (
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label={`Delete ${what}`}
        onClick={onRequest}
      >
        Delete
      </button>
    );
  return (
    <span className="row" role="group" aria-label={`Confirm deleting ${what}`}>
      <button type="button" className="button button-small button-danger" onClick={onConfirm}>
        Confirm delete
      </button>
      <button type="button" className="button button-small" onClick={onKeep}>
        Keep
      </button>
    </span>
  );
}
