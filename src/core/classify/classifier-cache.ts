/**
 * Opened classifiers (model session + worker pool) kept between requests, so the API and
 * repeated runs do not pay for opening a bundle each time. A few stay open; the least
 * recently used one is closed once nobody is using it.
 */
import type { Classifier } from './';

interface Entry {
  classifier: Promise<Classifier>;
  users: number;
  lastUsed: number;
}

export class ClassifierCache {
  private readonly entries = new Map<number, Entry>();
  private clock = 0;

  constructor(
    private readonly open: (modelId: number) => Promise<Classifier>,
    private readonly capacity = 3,
  ) {}

  /** Runs `work` with the model's classifier, opening it if needed. */
  async use<T>(modelId: number, work: (classifier: Classifier) => Promise<T>): Promise<T> {
    let entry = this.entries.get(modelId);
    if (!entry) {
      entry = { classifier: this.open(modelId), users: 0, lastUsed: 0 };
      this.entries.set(modelId, entry);
      // A bundle that fails to open is not kept: the next call tries again and reports why.
      entry.classifier.catch(() => this.entries.delete(modelId));
    }
    entry.users += 1;
    entry.lastUsed = ++this.clock;
    try {
      return await work(await entry.classifier);
    } finally {
      entry.users -= 1;
      await this.evict();
    }
  }

  /** Closes every classifier (waiting for none: call when no work is running). */
  async close(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      all.map(async (entry) => (await entry.classifier.catch(() => null))?.close()),
    );
  }

  private async evict(): Promise<void> {
    while (this.entries.size > this.capacity) {
      const idle = [...this.entries.entries()]
        .filter(([, entry]) => entry.users === 0)
        .sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (!idle) return;
      this.entries.delete(idle[0]);
      await (await idle[1].classifier.catch(() => null))?.close();
    }
  }
}
