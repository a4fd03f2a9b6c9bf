import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** sql.js's WebAssembly, next to main.cjs, where electron/main.ts loads it from. */
function copySqlWasm(): Plugin {
  return {
    name: 'copy-sql-wasm',
    writeBundle(options) {
      mkdirSync(options.dir!, { recursive: true });
      copyFileSync(path.join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'), path.join(options.dir!, 'sql-wasm.wasm'));
    },
  };
}

const root = import.meta.dirname;

/** What each mode builds: the main process, the preload, the records thread. */
const ENTRIES: Record<string, { input: string; output: string }> = {
  production: { input: 'electron/main.ts', output: 'main.cjs' },
  preload: { input: 'electron/preload.ts', output: 'preload.cjs' },
  'records-thread': { input: 'electron/records-thread.ts', output: 'records-thread.cjs' },
};

/**
 * The Electron main process (`vite build --config vite.electron.config.ts`), with
 * `--mode preload` the preload and with `--mode records-thread` the records' worker thread:
 * each one self-contained CommonJS file (a sandboxed preload cannot load other files).
 */
export default defineConfig(({ mode }) => {
  const entry = ENTRIES[mode] ?? ENTRIES.production;
  const main = entry === ENTRIES.production;
  return {
    publicDir: false,
    plugins: main ? [copySqlWasm()] : [],
    build: {
      outDir: path.join(root, 'dist/electron'),
      emptyOutDir: main,
      ssr: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: path.join(root, entry.input),
        external: ['electron', /^node:/],
        output: { format: 'cjs', entryFileNames: entry.output, codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
