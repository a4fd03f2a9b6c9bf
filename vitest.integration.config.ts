import { defineConfig } from 'vitest/config';

/**
 * Integration tests (`npm run test:integration`): what takes seconds because it starts processes or
 * reads the whole manual — the installers' contents (electron-builder --dir), electronegativity,
 * writers killed mid-save, records on a failing disk, the real content and search over it, the
 * common/ compile probe, the Electron installer run as a child.
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    // Reading the whole manual and building its search index take seconds alone, minutes on a
    // shared 2-core machine under load.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
