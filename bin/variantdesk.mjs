#!/usr/bin/env node
// The CLI runs from its TypeScript source through tsx, so `npx variantdesk` works right
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
