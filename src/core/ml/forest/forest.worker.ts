/** Worker thread: grows the trees it is asked for. */
import { serveWorkerRequests } from '../../jobs/worker-pool';
import type { DecisionTree } from './decision-tree';
import { growForestTree } from './forest-task';
import type { TreeRequest } from './train-forest';

serveWorkerRequests<TreeRequest, DecisionTree>(({ task, seed }) => {
  const tree = growForestTree(task, seed);
  const { feature, threshold, left, right, value } = tree;
  // The tree's arrays are fresh slices (plain ArrayBuffers), so they can move, not copy.
  const transfer = [feature, threshold, left, right, value].map((a) => a.buffer as ArrayBuffer);
  return { result: tree, transfer };
}, true);
