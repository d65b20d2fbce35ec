/** Test worker: answers n with `${prefix}${n}`, the prefix coming from the pool's setup. */
import { serveWorkerRequestsAfterSetup } from '../../../src/core/jobs/worker-pool';

serveWorkerRequestsAfterSetup<{ prefix: string }, number, string>((setup) => {
  if (!setup.prefix) throw new Error('setup has no prefix');
  return (n) => `${setup.prefix}${n}`;
});
