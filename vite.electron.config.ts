import path from 'node:path';
import { defineConfig } from 'vite';

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
