import { defineConfig } from 'vitest/config';

/**
 * Unit tests (`npm run test:unit`), the everyday loop: pure modules, the content checks on the small
 * fixture, search on made-up documents, the records service in memory, the main-process modules under
 * Node. Nothing here starts a process or reads the whole manual: that is test/integration/.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Worker threads that keep loaded modules between files (sql.js, the instruments, the content
    // checker load once per worker): about half the time of a fresh process per file.
    pool: 'threads',
    isolate: false,
    // Every core: Vitest's default leaves one free, which on a 2-core laptop is a single worker.
    maxWorkers: '100%',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
