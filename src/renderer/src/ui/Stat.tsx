import type { ReactNode } from 'react';

interface StatProps {
  label: string;
  value: ReactNode;
  tone?: 'default' | 'good' | 'warn';
}

/** One labelled figure; a named group so that tests and screen readers find it by label. */
export function Stat({ label, value, tone = 'default' }: StatProps) {
  return (
    <div className={`stat stat-${tone}`} role="group" aria-label={label}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}
