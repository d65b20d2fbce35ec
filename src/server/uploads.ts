/** Browser mode: dropped files are uploaded to the local server and imported from there. */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FileRef } from '../shared/schemas';

export class UploadStore {
  constructor(private readonly dir: string) {}

  async save(body: Readable, rawName: string): Promise<FileRef> {
    const name = rawName.replace(/[/\\]/g, '_').slice(0, 200) || 'upload';
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${randomUUID()}-${name}`);
    try {
      await pipeline(body, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, name };
  }

  owns(path: string): boolean {
    return path.startsWith(this.dir);
  }

  async remove(paths: string[]): Promise<void> {
    await Promise.all(paths.filter((p) => this.owns(p)).map((p) => rm(p, { force: true })));
  }

  /** Uploads left by an earlier run that stopped before importing them. */
  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
