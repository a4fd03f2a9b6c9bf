import path from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import renderer from './vite.config.ts';
import { portableSingleFile } from './scripts/vite-plugin-portable.ts';
import { LANGS } from './common/facets.ts';

const root = import.meta.dirname;

/**
 * The portable edition: the renderer build (same code, same content plugin) with code
 * splitting off, so every page, both language packs, the catalogue, the search engine and the
 * styles end up in one script and one stylesheet, which scripts/vite-plugin-portable.ts inlines
 * with the search indexes into dist/portable/puente.html (and no route-preload.js: there is
 * nothing to preload).
 */
export default mergeConfig(renderer, defineConfig({
  // The icon is embedded by the portable plugin; nothing is copied next to the file.
  publicDir: false,
  // No database worker in a single file opened from a stick: the records say so instead.
  resolve: { alias: [{ find: /^\.\.\/records\/records-worker-client\.ts$/, replacement: path.join(root, 'renderer/src/records/records-unavailable.ts') }] },
  plugins: [portableSingleFile({ iconFile: path.join(root, 'renderer/public/icon.svg'), langs: LANGS })],
  build: {
    outDir: path.join(root, 'dist/portable'),
    emptyOutDir: true,
    cssCodeSplit: false,
    // Anything imported as an asset becomes a data: URL: there is nothing next to the file.
    assetsInlineLimit: () => true,
    chunkSizeWarningLimit: 20_000,
    // The file's size is the last line the build prints.
    rolldownOptions: { output: { codeSplitting: false }, checks: { bundlerTimings: false } },
  },
}));
