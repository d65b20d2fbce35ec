interface LoadErrorProps {
  /** What could not be loaded, e.g. "the models". */
  what: string;
  /** Why; nothing is shown while it is null. */
  error: string | null | undefined;
}

/** Says, as an alert, what could not be loaded and why. */
export function LoadError({ what, error }: LoadErrorProps) {
  if (!error) return null;
  return (
    <p className="error-text" role="alert">
      Could not load {what}: {error}
    </p>
  );
}
