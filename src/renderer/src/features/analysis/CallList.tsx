interface CallListProps {
  title: string;
  labels: string[];
  /** A label to mark (the mutation the sequence was opened from). */
  highlight?: string | null;
}

/** One kind of call of one sequence, as a wrapping list of labels. */
export function CallList({ title, labels, highlight }: CallListProps) {
  return (
    <div className="call-group">
      <h4 className="call-title">
        {title} <span className="muted">{labels.length}</span>
      </h4>
      {labels.length === 0 ? (
        <p className="muted small">None</p>
      ) : (
        <ul className="label-list" aria-label={title}>
          {labels.map((label, index) => (
            <li
              key={`${label}:${index}`}
              className={`mono${label === highlight ? ' is-highlighted' : ''}`}
            >
              {label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
