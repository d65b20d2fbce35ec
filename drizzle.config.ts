import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/core/registry/schema.ts',
  out: './src/core/registry/migrations',
});
