import { verdictColors } from './cluster-colors';
import { formatCount } from '../../lib/format';
import { verdictFilters, verdictLabels, type VerdictFilter } from '../qc/verdicts';
import { MISSING_COLOR } from './cluster-colors';

/** A cluster's QC verdicts as one stacked bar (verdict order, then anything else). */
export function QcMixBar({ mix }: { mix: Record<string, number> }) {
  const known = verdictFilters.filter((verdict) => (mix[verdict] ?? 0) > 0);
  const others = Object.keys(mix).filter(
    (key) => !verdictFilters.includes(key as VerdictFilter) && (mix[key] ?? 0) > 0,
  );
  const parts = [
    ...known.map((verdict) => ({
      key: verdict,
      label: verdictLabels[verdict],
      color: verdictColors[verdict]!,
    })),
    ...others.map((key) => ({ key, label: key, color: MISSING_COLOR })),
  ];
  const total = parts.reduce((sum, part) => sum + (mix[part.key] ?? 0), 0);
  if (total === 0) return null;
  const description = parts
    .map((part) => `${part.label} ${formatCount(mix[part.key]!)}`)
    .join(', ');

  return (
    <div className="qc-mix" role="img" aria-label={`QC mix: ${description}`} title={description}>
      {parts.map((part) => (
        <span
          key={part.key}
          className="qc-mix-part"
          style={{ flexGrow: mix[part.key], background: part.color }}
        />
      ))}
    </div>
  );
}
