import type { ClassificationSummary } from '../../../../shared/classify-types';
import { formatCount, formatPercent } from '../../lib/format';
import { Stat } from '../../ui/Stat';

/** A run's sequences, assigned and unassigned, the last two with their share. */
export function RunCountStats({ classification }: { classification: ClassificationSummary }) {
  const { sequenceCount, assignedCount, unassignedCount } = classification;
  const share = (count: number) => formatPercent(sequenceCount > 0 ? count / sequenceCount : 0);
  return (
    <>
      <Stat label="Sequences" value={formatCount(sequenceCount)} />
      <Stat
        label="Assigned"
        tone="good"
        value={`${formatCount(assignedCount)} (${share(assignedCount)})`}
      />
      <Stat
        label="Unassigned"
        tone={unassignedCount > 0 ? 'warn' : 'default'}
        value={`${formatCount(unassignedCount)} (${share(unassignedCount)})`}
      />
    </>
  );
}
