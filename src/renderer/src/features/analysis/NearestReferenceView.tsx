import type { NearestReference } from '../../../../shared/analysis-types';
import { formatCount } from '../../lib/format';

/** The labeled reference closest to a sequence over the positions it covers. */
export function NearestReferenceView({ nearest }: { nearest: NearestReference | null }) {
  if (!nearest) return <p className="muted">No labeled reference to compare with.</p>;
  return (
    <dl className="facts">
      <dt>Name</dt>
      <dd className="mono">{nearest.name}</dd>
      <dt>Clade</dt>
      <dd>{nearest.clade || '—'}</dd>
      <dt>Lineage</dt>
      <dd>{nearest.pango || '—'}</dd>
      <dt>Distance</dt>
      <dd>
        {formatCount(nearest.distance)} differing{' '}
        {nearest.distance === 1 ? 'position' : 'positions'}
      </dd>
    </dl>
  );
}
