import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors';
import { VariantDeskCore } from '../core/variantdesk-core';
import { createServer } from '../server/app';
import { DEFAULT_MAX_UPLOAD_BYTES, formatBytes, parseByteSize } from '../server/request-limits';

// Cookie-safe: the page gets the token back as a cookie value.
const tokenSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._~+/=-]+$/,
    'an access token is letters, digits and . _ ~ + / = - (no spaces, quotes, commas or semicolons)',
  );

const serveOptionsSchema = z.object({
  port: z.number().int(),
  host: z.string(),
  token: z.string().optional(),
  allowPath: z.array(z.string()),
  allowHost: z.array(z.string()),
  maxUploadBytes: z.number().int().positive(),
});

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function byteSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === null)
    throw new InvalidInputError(
      `--max-upload-bytes: '${value}' is not a size (a number of bytes, or 512M, 4G)`,
    );
  return bytes;
}

function portNumber(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new InvalidInputError(
      `--port: '${value}' is not a port (a whole number from 0 to 65535)`,
    );
  return port;
}

/** `--token`, else $VARIANTDESK_TOKEN, else a new one for this launch. */
function chooseToken(given: string | undefined): string {
  const token = given || process.env.VARIANTDESK_TOKEN || randomBytes(18).toString('base64url');
  const checked = tokenSchema.safeParse(token);
  if (!checked.success)
    throw new InvalidInputError(
      `--token / VARIANTDESK_TOKEN: ${checked.error.issues[0]?.message ?? 'not a token'}`,
    );
  return token;
}

export function serveCommand(program: Command, dataDir: () => string): void {
  program
    .command('serve')
    .description('serve the HTTP API and the app in a browser (browser mode)')
    .option('--port <port>', 'port (0: any free port)', portNumber, 4173)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--token <token>',
      'access token checked on every request but the health checks (default: $VARIANTDESK_TOKEN, else generated per launch)',
    )
    .option(
      '--allow-path <dir>',
      'a folder whose files HTTP clients may import by path (repeatable; default: uploads only)',
      collect,
      [],
    )
    .option(
      '--allow-host <name>',
      'a host name the server answers to besides its address and localhost (repeatable)',
      collect,
      [],
    )
    .option(
      '--max-upload-bytes <size>',
      `the largest upload, in bytes or as 512M, 4G (default ${formatBytes(DEFAULT_MAX_UPLOAD_BYTES)})`,
      byteSize,
      DEFAULT_MAX_UPLOAD_BYTES,
    )
    .action(async (raw: unknown) => {
      const options = serveOptionsSchema.parse(raw);
      const token = chooseToken(options.token);
      const webRoot = fileURLToPath(new URL('../../out/web', import.meta.url));
      const core = new VariantDeskCore(dataDir(), {
        maxRecordLength: program.opts<{ maxRecordLength?: number }>().maxRecordLength,
      });
      const app = await createServer({
        core,
        webRoot,
        token,
        allowPaths: options.allowPath,
        allowedHosts: options.allowHost,
        maxUploadBytes: options.maxUploadBytes,
      }).catch(async (error: unknown) => {
        await core.close();
        throw error;
      });
      const address = await app.listen({ port: options.port, host: options.host });
      const url = new URL(address);
      url.searchParams.set('token', token);
      process.stdout.write(`VariantDesk is running at ${url.href}\n`);
      process.stdout.write(`Data directory: ${core.dataDir}\n`);
      if (!existsSync(webRoot))
        process.stdout.write('(API only: run `npm run build:web` to serve the app)\n');
      for (const dir of options.allowPath)
        process.stdout.write(`Clients may import files under: ${dir}\n`);
      process.stdout.write(`Access token: ${token}\n`);
      const stop = async (): Promise<void> => {
        await app.close();
        await core.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
