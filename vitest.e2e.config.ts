import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built renderer served on 127.0.0.1, driven in Debian's Chromium (and Electron where it exists). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
