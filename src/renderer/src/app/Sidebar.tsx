import { api } from '../api';
import { pages, useNavigationStore } from './navigation.store';
import { JobIndicator } from './JobIndicator';
import { NavLink } from '../ui/NavLink';

export function Sidebar() {
  const current = useNavigationStore((state) => state.page);
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          VD
        </span>
        <span className="brand-name">VariantDesk</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav-list">
          {pages.map((page) => (
            <li key={page.id}>
              <NavLink page={page.id} className="nav-link" current={page.id === current}>
                {page.title}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <JobIndicator />
      <p className="sidebar-footer muted small">
        {api.runtime === 'electron' ? 'Desktop' : 'Browser mode'} · offline
      </p>
    </aside>
  );
}
