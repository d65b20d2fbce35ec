import type { ClassificationComparison } from '../../../../shared/classify-types';
import { formatCount, formatPercent } from '../../lib/format';
import { Stat } from '../../ui/Stat';

/** How many sequences the two runs call alike, as figures and as one bar. */
export function ComparisonAgreement({ comparison }: { comparison: ClassificationComparison }) {
  const { sequenceCount, agreeCount, disagreementCount, left, right } = comparison;
  const share = (count: number) => (sequenceCount > 0 ? count / sequenceCount : 0);
  const partial = sequenceCount !== left.sequenceCount || sequenceCount !== right.sequenceCount;

  return (
    <section className="card compare-agreement" aria-label="Agreement">
      <div className="stats">
        <Stat
          label="Agree"
          tone="good"
          value={`${formatCount(agreeCount)} of ${formatCount(sequenceCount)} (${formatPercent(share(agreeCount))})`}
        />
        <Stat
          label="Differ"
          tone={disagreementCount > 0 ? 'warn' : 'default'}
          value={`${formatCount(disagreementCount)} (${formatPercent(share(disagreementCount))})`}
        />
      </div>
      <div className="agreement-bar" aria-hidden="true">
        <span className="agreement-fill" style={{ width: `${share(agreeCount) * 100}%` }} />
      </div>
      <p className="muted small">
        A sequence agrees when both runs give it the same label, or leave it unassigned in both.
        {partial &&
          ` Only the ${formatCount(sequenceCount)} sequences present in both runs are compared.`}
      </p>
    </section>
  );
}
