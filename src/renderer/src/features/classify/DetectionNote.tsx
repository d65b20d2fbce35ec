import type { PathogenSummary } from '../../../../shared/analysis-types';
import { formatPercent } from '../../lib/format';
import type { Detection } from './classify.store';

interface DetectionNoteProps {
  detection: Detection | null;
  pathogens: PathogenSummary[];
  /** The pathogen the analyst chose instead of the detected one. */
  chosen: string | null;
}

/** What the sequences look like: the detected pathogen and how much of it they share. */
export function DetectionNote({ detection, pathogens, chosen }: DetectionNoteProps) {
  const nameOf = (id: string) => pathogens.find((pathogen) => pathogen.id === id)?.name ?? id;
  if (!detection || detection.status === 'loading') {
    return <p className="muted small">Detecting the pathogen from the sequences…</p>;
  }
  if (detection.status === 'error') {
    return (
      <p className="error-text small" role="alert">
        Could not detect the pathogen: {detection.error}. Choose it above.
      </p>
    );
  }
  const { pathogenId, matches } = detection.detection;
  const best = matches[0];
  const match = pathogenId
    ? matches.find((candidate) => candidate.pathogenId === pathogenId)
    : null;
  return (
    <p className="small detection-note" role="status" aria-label="Detected pathogen">
      {pathogenId ? (
        <>
          <span className="muted">Detected from the sequences: </span>
          <strong>{nameOf(pathogenId)}</strong>
          {match && (
            <span className="muted">
              {' '}
              ({formatPercent(match.sharedFraction, 0)} of their k-mers shared)
            </span>
          )}
          {chosen && (
            <span className="text-warn"> · classifying as {nameOf(chosen)}, as you chose</span>
          )}
        </>
      ) : (
        <span className="text-warn">
          No reference matches the sequences closely enough
          {best
            ? ` (best: ${nameOf(best.pathogenId)}, ${formatPercent(best.sharedFraction, 0)} of k-mers shared)`
            : ''}
          : choose the pathogen.
        </span>
      )}
    </p>
  );
}
