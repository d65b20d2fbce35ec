import type { QcRuleResult } from '../../../../shared/analysis-types';
import { formatScore } from '../../lib/format';
import { ruleLabels } from '../qc/verdicts';
import { VerdictBadge } from '../qc/VerdictBadge';

/** Each QC rule of one sequence: its verdict, its score, and why. */
export function QcRuleList({ rules }: { rules: QcRuleResult[] }) {
  return (
    <ul className="rule-list" aria-label="QC rules">
      {rules.map((rule) => (
        <li key={rule.rule} className="rule-item">
          <div className="rule-head">
            <span className="rule-name">{ruleLabels[rule.rule]}</span>
            <span className={`score score-${rule.verdict}`}>{formatScore(rule.score)}</span>
            <VerdictBadge verdict={rule.verdict} />
          </div>
          <p className="muted small">{rule.reason}</p>
        </li>
      ))}
    </ul>
  );
}
