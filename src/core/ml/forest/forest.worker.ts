/** Worker thread: grows the trees it is asked for. */
import { serveWorkerRequests, type Transferred } from '../../jobs/worker-pool';
import type { DecisionTree } from './decision-tree';
import { growForestTree, type ForestTask } from './forest-task';

/** One tree for a worker; the task's big arrays are SharedArrayBuffers, so cloning is cheap. */
interface TreeRequest {
  task: ForestTask;
  seed: number;
}

const growRequestedTree = ({ task, seed }: TreeRequest): Transferred<DecisionTree> => {
  const tree = growForestTree(task, seed);
  const { feature, threshold, left, right, value } = tree;
  // The tree's arrays are fresh slices (plain ArrayBuffers), so they can move, not copy.
  const transfer = [feature, threshold, left, right, value].map((a) => a.buffer as ArrayBuffer);
  return { result: tree, transfer };
};

serveWorkerRequests(growRequestedTree, true);

/** This worker's handler: its pool's request and result types come from it. */
export type ForestWorker = typeof growRequestedTree;
