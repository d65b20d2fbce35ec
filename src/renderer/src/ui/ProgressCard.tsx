import type { ReactNode } from 'react';

interface ProgressCardProps {
  /** The region's name, e.g. "Import progress". */
  label: string;
  /** What is happening, e.g. "Importing…". */
  title: ReactNode;
  /** Whether cancelling was asked for: the button says so and waits. */
  cancelRequested: boolean;
  /** Cancel cannot be pressed yet (the job does not exist). */
  cancelDisabled?: boolean;
  onCancel(): void;
  /** The progress itself. */
  children: ReactNode;
}

/** A long step in progress: what it is doing, its progress, and Cancel. */
export function ProgressCard({
  label,
  title,
  cancelRequested,
  cancelDisabled,
  onCancel,
  children,
}: ProgressCardProps) {
  return (
    <section className="card stack" aria-label={label}>
      <div className="row row-between">
        <h2>{title}</h2>
        <button
          type="button"
          className="button button-danger"
          onClick={onCancel}
          disabled={cancelRequested || cancelDisabled}
        >
          {cancelRequested ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      {children}
    </section>
  );
}
