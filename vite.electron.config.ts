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

/**
 * The Electron main process (`vite build --config vite.electron.config.ts`) and, with
 * `--mode preload`, the preload: one self-contained CommonJS file, as a sandboxed preload
 * cannot load other files.
 */
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    publicDir: false,
    plugins: preload ? [] : [copySqlWasm()],
    build: {
      outDir: path.join(root, 'dist/electron'),
      emptyOutDir: !preload,
      ssr: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: path.join(root, preload ? 'electron/preload.ts' : 'electron/main.ts'),
        external: ['electron', /^node:/],
        output: { format: 'cjs', entryFileNames: preload ? 'preload.cjs' : 'main.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
});
