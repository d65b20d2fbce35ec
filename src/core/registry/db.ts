/**
 * Opens the registry: one SQLite file in the data directory, WAL mode, migrations from
 * drizzle-kit applied at open. Every connection (main thread or worker) goes through here.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type RegistryDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const REGISTRY_FILE = 'variantdesk.sqlite';

/** The migrations folder beside this module in source, or beside the bundle when built. */
function migrationsFolder(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  // Source: beside this file. Built app: `out/main/migrations`, this code in `out/main/` or a chunk.
  const candidates = [join(here, 'migrations'), join(here, '..', 'migrations')];
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`registry migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface OpenOptions {
  /** Apply pending migrations (the main connection does; workers open an up-to-date file). */
  migrate?: boolean;
}

export function registryPath(dataDir: string): string {
  return join(dataDir, REGISTRY_FILE);
}

export function openRegistry(dataDir: string, options: OpenOptions = {}): RegistryDb {
  mkdirSync(dataDir, { recursive: true });
  const client = new Database(registryPath(dataDir));
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  // A long import holds the write lock; other writers wait for it rather than fail.
  client.pragma('busy_timeout = 60000');
  const db = drizzle({ client, schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
  return db as RegistryDb;
}
