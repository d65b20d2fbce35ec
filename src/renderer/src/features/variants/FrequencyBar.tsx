import { formatPercent } from '../../lib/format';

/** A share of the aligned sequences, as a number and a small bar. */
export function FrequencyBar({ frequency }: { frequency: number }) {
  return (
    <span className="frequency">
      <span className="frequency-track" aria-hidden="true">
        <span className="frequency-fill" style={{ width: `${Math.min(100, frequency * 100)}%` }} />
      </span>
      <span className="frequency-value">{formatPercent(frequency)}</span>
    </span>
  );
}
