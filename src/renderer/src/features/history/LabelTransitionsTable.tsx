import { useState } from 'react';
import type { ClassificationComparison } from '../../../../shared/classify-types';
import { formatCount, formatPercent } from '../../lib/format';
import { CallLabel } from './CallLabel';

/**
 * Label in the left run -> label in the right run, with how many sequences, most frequent
 * first; the pairs where both runs agree are muted, or left out.
 */
export function LabelTransitionsTable({ comparison }: { comparison: ClassificationComparison }) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const { left, right, sequenceCount, transitions } = comparison;
  const rows = onlyChanges
    ? transitions.filter((transition) => transition.from !== transition.to)
    : transitions;

  return (
    <section className="card stack-tight" aria-label="Label transitions">
      <div className="row row-between">
        <h3 className="card-title">
          Label transitions{' '}
          <span className="muted small">
            run #{left.id} → run #{right.id}, most frequent first
          </span>
        </h3>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={onlyChanges}
            onChange={(event) => setOnlyChanges(event.target.checked)}
          />
          Only changes
        </label>
      </div>
      <div className="table-scroll transitions-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">Label transitions</caption>
          <thead>
            <tr>
              <th scope="col">From (run #{left.id})</th>
              <th scope="col">To (run #{right.id})</th>
              <th scope="col" className="numeric">
                Sequences
              </th>
              <th scope="col" className="numeric">
                Share
              </th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((transition) => {
              const same = transition.from === transition.to;
              return (
                <tr
                  key={`${transition.from ?? ''}\u0000${transition.to ?? ''}`}
                  className={same ? 'transition-same' : undefined}
                >
                  <td>
                    <CallLabel label={transition.from} />
                  </td>
                  <td>
                    <span className="transition-arrow" aria-hidden="true">
                      →{' '}
                    </span>
                    <CallLabel label={transition.to} />
                  </td>
                  <td className="numeric">{formatCount(transition.count)}</td>
                  <td className="numeric">
                    {formatPercent(sequenceCount > 0 ? transition.count / sequenceCount : 0)}
                  </td>
                  <td className="small">{same ? 'same' : 'changed'}</td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No sequence changes label.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
