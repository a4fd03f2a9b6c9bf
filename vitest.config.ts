import { defineConfig } from 'vitest/config';

/** Unit tests: pure modules, the content pipeline, search, and the Electron main-process modules under Node. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Loading the real content takes a few seconds; more on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
