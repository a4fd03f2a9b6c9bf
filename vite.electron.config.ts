import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** The Electron main process and preload, bundled to CommonJS (the sandboxed preload requires it). */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: path.join(root, 'dist/electron'),
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { main: path.join(root, 'electron/main.ts'), preload: path.join(root, 'electron/preload.ts') },
      external: ['electron', /^node:/],
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: true },
});
