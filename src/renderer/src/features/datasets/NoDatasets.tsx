import { NavLink } from '../../ui/NavLink';

/** Shown wherever a page needs a dataset and there is none yet. */
export function NoDatasets() {
  return (
    <div className="empty-state">
      <p>No datasets yet.</p>
      <NavLink page="import" className="button button-primary">
        Import sequences
      </NavLink>
    </div>
  );
}
