/**
 * Model versions in the registry. A bundle is verified, copied into the data directory
 * (`models/<sha256>.zip`, so the registry keeps working when the original moves or the
 * app ships a newer default) and recorded with its headline metrics. Each pathogen and
 * task has a `production` alias: the model used when none is named.
 */
// Every front builds the registry on its main thread before any worker runs a model, which
// is where onnxruntime's telemetry can still be turned off for the whole process.
import '../onnx/telemetry-off';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import type {
  ImportModelResult,
  ModelSource,
  ModelVersionDetail,
  ModelVersionSummary,
} from '../../shared/classify-types';
import { readBundleBytes, type BundleManifest } from '../bundles';
import { ConflictError, NotFoundError } from '../errors';
import { featurizerDimension } from '../features/featurizer-union';
import { loadClassifierBundle } from '../classify/classifier-bundle';
import { checkModelLoads } from '../classify/model-session';
import type { RegistryDb } from './db';
import { auditLog, modelAliases, modelVersions } from './schema';
import { storeBundle } from './bundle-store';
import {
  describeModel,
  headlineOf,
  perClassOf,
  toModelSummary,
  type ModelVersionRow,
} from './model-rows';

export const PRODUCTION = 'production';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class ModelRegistry {
  constructor(
    private readonly db: RegistryDb,
    private readonly dataDir: string,
  ) {}

  /**
   * Registers every `*.zip` of the given folders that is not registered yet (same name and
   * version). Cheap when nothing changed: one hash per file. A bundled file that fails
   * verification is skipped with its reason in the returned list, never fatal.
   */
  registerBundled(dirs: readonly string[]): { registered: string[]; refused: string[] } {
    const registered: string[] = [];
    const refused: string[] = [];
    const seen = new Set<string>();
    for (const dir of dirs) {
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()) {
        if (seen.has(file)) continue;
        seen.add(file);
        const path = join(dir, file);
        const bytes = readFileSync(path);
        const digest = sha256(bytes);
        if (this.db.select().from(modelVersions).where(eq(modelVersions.bundleSha256, digest)).get())
          continue;
        try {
          const { manifest } = readBundleBytes(bytes, { name: path });
          const existing = this.findByNameVersion(manifest.name, manifest.version);
          // A different file with a registered name and version: the registered one stays.
          if (existing) continue;
          this.insert(manifest, bytes, digest, 'bundled');
          registered.push(`${manifest.name}@${manifest.version}`);
        } catch (error) {
          refused.push(`${path}: ${(error as Error).message}`);
        }
      }
    }
    return { registered, refused };
  }

  /**
   * Verifies a bundle (every checksum, and that its files fit together), runs its model once
   * on a zero row (it must load and give one probability per label) and registers it.
   * @throws BundleError or InvalidInputError with the reason it is refused; ConflictError
   *   when another bundle is registered under the same name and version
   */
  async importBundle(
    path: string,
    source: ModelSource = 'imported',
    name = basename(path),
  ): Promise<ImportModelResult> {
    const bytes = readFileSync(path);
    const digest = sha256(bytes);
    const { manifest, model, labels } = await loadClassifierBundle(bytes, name);
    const known = this.alreadyRegistered(manifest, digest, name);
    if (known) return known;
    await checkModelLoads(model, featurizerDimension(manifest.featurizer), labels.length, name);
    // Another import of the same bundle may have registered it while the model ran.
    const meanwhile = this.alreadyRegistered(manifest, digest, name);
    if (meanwhile) return meanwhile;
    const row = this.insert(manifest, bytes, digest, source);
    return { model: this.summary(row), alreadyRegistered: false };
  }

  /** The registered version of this name and version, or null. @throws ConflictError */
  private alreadyRegistered(
    manifest: BundleManifest,
    digest: string,
    name: string,
  ): ImportModelResult | null {
    const existing = this.findByNameVersion(manifest.name, manifest.version);
    if (!existing) return null;
    if (existing.bundleSha256 !== digest)
      throw new ConflictError(
        `${name}: model ${manifest.name} version ${manifest.version} is already registered with different content; give the new bundle a new version`,
      );
    return { model: this.summary(existing), alreadyRegistered: true };
  }

  list(pathogenId?: string): ModelVersionSummary[] {
    const rows = this.db
      .select()
      .from(modelVersions)
      .where(pathogenId === undefined ? undefined : eq(modelVersions.pathogenId, pathogenId))
      .orderBy(asc(modelVersions.pathogenId), asc(modelVersions.task), desc(modelVersions.id))
      .all();
    const aliases = this.aliasesById();
    return rows.map((row) => toModelSummary(row, aliases.get(row.id) ?? []));
  }

  /** @throws NotFoundError */
  get(modelId: number): ModelVersionSummary {
    return this.summary(this.row(modelId));
  }

  /** The summary with the bundle's whole evaluation report (the bundle is verified again). */
  detail(modelId: number): ModelVersionDetail {
    const row = this.row(modelId);
    const { manifest } = readBundleBytes(readFileSync(this.bundlePath(modelId)), {
      name: `${row.name}@${row.version}`,
    });
    return {
      ...this.summary(row),
      trainingDataSha256: manifest.trainingDataSha256,
      referenceSha256: manifest.reference.sha256,
      parameters: manifest.model.parameters,
      metrics: manifest.metrics,
      perClass: perClassOf(manifest),
    };
  }

  /**
   * A registered version by name: `version` if given, else the production one, else the
   * newest registered.
   * @throws NotFoundError naming what is registered
   */
  findByName(name: string, version?: string): ModelVersionSummary {
    const versions = this.list().filter((model) => model.name === name);
    if (versions.length === 0) {
      const names = [...new Set(this.list().map((model) => model.name))];
      throw new NotFoundError(
        `no model '${name}' in the registry (registered: ${names.join(', ') || 'none'}); give a bundle file or import it`,
      );
    }
    if (version === undefined)
      return versions.find((model) => model.aliases.includes(PRODUCTION)) ?? versions[0]!;
    const found = versions.find((model) => model.version === version);
    if (!found)
      throw new NotFoundError(
        `model ${name} has no version ${version} (registered: ${versions.map((m) => m.version).join(', ')})`,
      );
    return found;
  }

  /** The production model of a pathogen (of `task`, or of any task, clade first). */
  production(pathogenId: string, task?: string): ModelVersionSummary | null {
    const rows = this.db
      .select({ id: modelAliases.modelVersionId, task: modelAliases.task })
      .from(modelAliases)
      .where(and(eq(modelAliases.pathogenId, pathogenId), eq(modelAliases.alias, PRODUCTION)))
      .all()
      .filter((r) => task === undefined || r.task === task)
      .sort((a, b) => Number(b.task === 'clade') - Number(a.task === 'clade') || a.task.localeCompare(b.task));
    return rows[0] ? this.get(rows[0].id) : null;
  }

  /** Every production model, one per pathogen and task. */
  current(): ModelVersionSummary[] {
    return this.list().filter((model) => model.aliases.includes(PRODUCTION));
  }

  /** Absolute path of a registered version's bundle. @throws NotFoundError */
  bundlePath(modelId: number): string {
    const row = this.row(modelId);
    const path = join(this.dataDir, row.bundlePath);
    if (!existsSync(path))
      throw new NotFoundError(
        `the bundle of model ${row.name}@${row.version} is missing from the data directory (${path})`,
      );
    return path;
  }

  private insert(
    manifest: BundleManifest,
    bytes: Uint8Array,
    digest: string,
    source: ModelSource,
  ): ModelVersionRow {
    const relative = storeBundle(this.dataDir, digest, bytes);
    return this.db.transaction((tx) => {
      const row = tx
        .insert(modelVersions)
        .values({
          name: manifest.name,
          version: manifest.version,
          task: manifest.task,
          pathogenId: manifest.reference.id,
          family: manifest.model.family,
          description: describeModel(manifest),
          featurizer: manifest.featurizer.kind,
          labels: Object.keys(manifest.labels).map((_, i) => manifest.labels[String(i)]!),
          confidenceThreshold: manifest.confidenceThreshold,
          temperature: manifest.calibration.temperature,
          headline: headlineOf(manifest),
          source,
          bundleSha256: digest,
          sizeBytes: bytes.length,
          bundlePath: relative,
          createdAt: manifest.createdAt,
          toolVersion: manifest.toolVersion,
        })
        .returning()
        .get();
      const hasProduction = tx
        .select()
        .from(modelAliases)
        .where(
          and(
            eq(modelAliases.pathogenId, row.pathogenId),
            eq(modelAliases.task, row.task),
            eq(modelAliases.alias, PRODUCTION),
          ),
        )
        .get();
      // The first model of a pathogen and task becomes its production model.
      if (!hasProduction)
        tx.insert(modelAliases)
          .values({
            pathogenId: row.pathogenId,
            task: row.task,
            alias: PRODUCTION,
            modelVersionId: row.id,
          })
          .run();
      tx.insert(auditLog)
        .values({
          action: 'model.register',
          detail: {
            modelId: row.id,
            name: row.name,
            version: row.version,
            source,
            sha256: digest,
            production: !hasProduction,
          },
        })
        .run();
      return row;
    });
  }

  private findByNameVersion(name: string, version: string): ModelVersionRow | undefined {
    return this.db
      .select()
      .from(modelVersions)
      .where(and(eq(modelVersions.name, name), eq(modelVersions.version, version)))
      .get();
  }

  private row(modelId: number): ModelVersionRow {
    const row = this.db.select().from(modelVersions).where(eq(modelVersions.id, modelId)).get();
    if (!row) throw new NotFoundError(`no model with id ${modelId}`);
    return row;
  }

  private summary(row: ModelVersionRow): ModelVersionSummary {
    return toModelSummary(row, this.aliasesById().get(row.id) ?? []);
  }

  private aliasesById(): Map<number, string[]> {
    const byId = new Map<number, string[]>();
    for (const { modelVersionId, alias } of this.db.select().from(modelAliases).all())
      byId.set(modelVersionId, [...(byId.get(modelVersionId) ?? []), alias]);
    return byId;
  }
}
