import type { MouseEvent, ReactNode } from 'react';
import { useNavigationStore, type PageId } from '../app/navigation.store';

interface NavLinkProps {
  page: PageId;
  datasetId?: number | null;
  className?: string;
  current?: boolean;
  /** Accessible name, when the content alone does not make a good one. */
  label?: string;
  children: ReactNode;
}

/** A real link (keyboard, screen readers, middle-click safe) that moves within the app. */
export function NavLink({ page, datasetId, className, current, label, children }: NavLinkProps) {
  const navigate = useNavigationStore((state) => state.navigate);
  const href = datasetId ? `#${page}/${datasetId}` : `#${page}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(page, datasetId);
  };
  return (
    <a
      href={href}
      className={className}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </a>
  );
}
