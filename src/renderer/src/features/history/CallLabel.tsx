import { callLabel } from './classification-comparison';

/** A compared label, or `Unassigned` in the warning colour. */
export function CallLabel({ label }: { label: string | null }) {
  return <span className={label === null ? 'call-unassigned' : undefined}>{callLabel(label)}</span>;
}
