/**
 * Progress of a multi-stage job as one bar: each stage owns a share of 1,000 steps, and
 * the message names the stage and its own count.
 */
import type { JobContext } from '../jobs/job-manager';

export const PROGRESS_STEPS = 1000;

export interface Stage {
  name: string;
  weight: number;
}

export class StageProgress {
  private readonly offsets = new Map<string, { start: number; span: number }>();
  private records = 0;

  constructor(
    stages: Stage[],
    private readonly report: JobContext['report'] | undefined,
  ) {
    const total = stages.reduce((sum, stage) => sum + stage.weight, 0);
    let start = 0;
    for (const stage of stages) {
      const span = (stage.weight / total) * PROGRESS_STEPS;
      this.offsets.set(stage.name, { start, span });
      start += span;
    }
  }

  /** `done` of `total` units of `stage`; `records` counts sequences featurized so far. */
  update(stage: string, done: number, total: number, message: string, records?: number): void {
    const offset = this.offsets.get(stage);
    if (!offset) throw new Error(`unknown stage '${stage}'`);
    if (records !== undefined) this.records = records;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    this.report?.({
      unit: 'steps',
      done: Math.round(offset.start + offset.span * fraction),
      total: PROGRESS_STEPS,
      records: this.records,
      message,
      files: [],
    });
  }
}
