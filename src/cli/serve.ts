import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { VariantDeskCore } from '../core/variantdesk-core';
import { createServer } from '../server/app';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function serveCommand(program: Command, dataDir: () => string): void {
  program
    .command('serve')
    .description('serve the HTTP API and the app in a browser (browser mode)')
    .option('--port <port>', 'port', '4173')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--token <token>',
      'access token checked on every request (default: $VARIANTDESK_TOKEN; generated off loopback)',
    )
    .action(async (options: { port: string; host: string; token?: string }) => {
      const offLoopback = !LOOPBACK.has(options.host);
      const token =
        options.token ||
        process.env.VARIANTDESK_TOKEN ||
        (offLoopback ? randomBytes(18).toString('base64url') : undefined);
      const webRoot = fileURLToPath(new URL('../../out/web', import.meta.url));
      const core = new VariantDeskCore(dataDir());
      const app = await createServer({ core, webRoot, token });
      const address = await app.listen({ port: Number(options.port), host: options.host });
      const url = new URL(address);
      if (token) url.searchParams.set('token', token);
      process.stdout.write(`VariantDesk is running at ${url.href}\n`);
      process.stdout.write(`Data directory: ${core.dataDir}\n`);
      if (!existsSync(webRoot))
        process.stdout.write('(API only: run `npm run build:web` to serve the app)\n');
      if (token) process.stdout.write(`Access token: ${token}\n`);
      const stop = async (): Promise<void> => {
        await app.close();
        await core.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
