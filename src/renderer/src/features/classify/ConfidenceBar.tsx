import { formatConfidence } from './classify-labels';

interface ConfidenceBarProps {
  /** Calibrated probability, 0..1. */
  confidence: number;
  /** Below it the bar is drawn as not trusted. */
  threshold: number;
}

/** A confidence as a small bar and its number; below the threshold in the warning colour. */
export function ConfidenceBar({ confidence, threshold }: ConfidenceBarProps) {
  return (
    <span className={`frequency confidence${confidence < threshold ? ' is-low' : ''}`}>
      <span className="frequency-track" aria-hidden="true">
        <span
          className="frequency-fill"
          style={{ width: `${Math.min(100, Math.max(0, confidence * 100))}%` }}
        />
      </span>
      <span className="frequency-value">{formatConfidence(confidence)}</span>
    </span>
  );
}
