import type { SequenceCalls } from '../../../../shared/analysis-types';
import { formatCount } from '../../lib/format';
import {
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatFrameShift,
  formatInsertion,
  formatNucSubstitution,
  formatRange,
  formatStopCodon,
} from './mutation-labels';
import { CallList } from './CallList';

interface SequenceCallsViewProps {
  calls: SequenceCalls;
  highlight?: string | null;
}

/** Everything called in one sequence against the reference, nucleotide then amino acid. */
export function SequenceCallsView({ calls, highlight }: SequenceCallsViewProps) {
  return (
    <div className="stack-tight">
      <p className="muted small">
        Covers reference positions {formatCount(calls.alignmentStart)}–
        {formatCount(calls.alignmentEnd)}
        {calls.reverseComplemented ? ' · reverse complemented before alignment' : ''}
      </p>
      <section className="call-section" aria-label="Nucleotide mutations">
        <h3>Nucleotide mutations</h3>
        <CallList
          title="Substitutions"
          labels={calls.substitutions.map(formatNucSubstitution)}
          highlight={highlight}
        />
        <CallList
          title="Deletions"
          labels={calls.deletions.map(formatDeletion)}
          highlight={highlight}
        />
        <CallList
          title="Insertions"
          labels={calls.insertions.map(formatInsertion)}
          highlight={highlight}
        />
        <CallList title="Missing ranges" labels={calls.missing.map(formatRange)} />
        <CallList
          title="Mixed sites"
          labels={calls.ambiguous.map((site) => `${site.code}${site.position}`)}
        />
      </section>
      <section className="call-section" aria-label="Amino-acid mutations">
        <h3>Amino-acid mutations</h3>
        <CallList
          title="Amino-acid substitutions"
          labels={calls.aaSubstitutions.map(formatAaSubstitution)}
        />
        <CallList title="Amino-acid deletions" labels={calls.aaDeletions.map(formatAaDeletion)} />
        <CallList title="Frame shifts" labels={calls.frameShifts.map(formatFrameShift)} />
        <CallList title="Stop codons" labels={calls.stopCodons.map(formatStopCodon)} />
      </section>
    </div>
  );
}
