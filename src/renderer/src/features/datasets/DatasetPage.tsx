import type { ReactNode } from 'react';
import type { DatasetSummary } from '../../../../shared/types';
import { NoDatasets } from './NoDatasets';
import type { useDatasetsStore } from './datasets.store';

interface DatasetPageProps {
  /** The page's classes, e.g. `page page-fill`. */
  className: string;
  title: string;
  intro?: ReactNode;
  datasets: DatasetSummary[];
  status: ReturnType<typeof useDatasetsStore.getState>['status'];
  /** The page's body, shown unless there is no dataset yet. */
  children: ReactNode;
}

/** A page about one dataset: its title, and the way to import one while there is none. */
export function DatasetPage({
  className,
  title,
  intro,
  datasets,
  status,
  children,
}: DatasetPageProps) {
  return (
    <div className={className}>
      <header className="page-header">
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
      </header>
      {status === 'ready' && datasets.length === 0 ? <NoDatasets /> : children}
    </div>
  );
}
