interface ProgressBarProps {
  label: string;
  /** 0..1, or null for an indeterminate bar. */
  value: number | null;
  detail?: string;
  size?: 'normal' | 'small';
}

export function ProgressBar({ label, value, detail, size = 'normal' }: ProgressBarProps) {
  const percent = value === null ? undefined : Math.round(value * 1000) / 10;
  return (
    <div className={`progress progress-${size}`}>
      <div className="progress-labels">
        <span className="progress-label">{label}</span>
        {detail && <span className="progress-detail">{detail}</span>}
      </div>
      <div
        className={`progress-track${value === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
      </div>
    </div>
  );
}
