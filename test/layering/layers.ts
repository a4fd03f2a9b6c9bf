/**
 * Which code may import which: the one table test/unit/layering.test.ts checks over every
 * source file of the project (type-only imports included). A file belongs to the first layer
 * whose pattern matches its path; a file no layer matches is itself an error.
 */

/** What an import can reach besides project files. */
export const NODE = 'Node built-ins';
export const NPM = 'npm packages';
export const ELECTRON = 'the electron package';
export const VIRTUAL = "the build's virtual modules";
export const ANYTHING = 'anything';
export type PackageKind = typeof NODE | typeof NPM | typeof ELECTRON | typeof VIRTUAL;

export interface Layer {
  name: string;
  /** Paths from the project root; `*` is any name, `**` any depth. */
  files: readonly string[];
  /** Layer names, single project files (a path with a `/`), package kinds or ANYTHING. */
  mayImport: readonly string[];
  /** Project files or layers this layer may import for their types only (erased from its bundle). */
  mayImportTypes?: readonly string[];
}

export const LAYERS: readonly Layer[] = [
  // Runs anywhere (Node, browser, worker): compiled without the DOM library or Node's types (tsconfig.common.json).
  // The interface catalogues are data common/i18n reads (content/locales/<lang>.json).
  { name: 'common', files: ['common/**'], mayImport: ['common', 'catalogues', NPM] },
  { name: 'catalogues', files: ['content/locales/*.json'], mayImport: [] },
  // Node-only code that the main process and the scripts share, with no Electron in it.
  { name: 'node', files: ['node/**'], mayImport: ['node', 'common', NODE, NPM] },
  { name: 'renderer', files: ['renderer/src/**'], mayImport: ['renderer', 'common', NPM, VIRTUAL] },
  // The sandboxed preload is one bundled file: the channel list, and the contract's types only.
  { name: 'preload', files: ['electron/preload.ts'], mayImport: ['preload-bridge', 'common/ipc-channels.ts', ELECTRON] },
  { name: 'preload-bridge', files: ['electron/preload-bridge.ts'], mayImport: ['common/ipc-channels.ts'], mayImportTypes: ['common/ipc-contract.ts'] },
  // main.ts is the wiring: the only main-process file that touches Electron's API.
  { name: 'electron-main', files: ['electron/main.ts'], mayImport: ['main-modules', 'node', 'common', NODE, NPM, ELECTRON] },
  // Every decision of the main process, with the Electron API injected, so it runs under Node in the unit tests.
  { name: 'main-modules', files: ['electron/**'], mayImport: ['main-modules', 'node', 'common', NODE, NPM] },
  { name: 'scripts', files: ['scripts/**'], mayImport: ['scripts', 'node', 'common', NODE, NPM] },
  { name: 'build-configs', files: ['*.config.ts'], mayImport: ['build-configs', 'scripts', 'common', NODE, NPM] },
  { name: 'tests', files: ['test/**'], mayImport: [ANYTHING] },
];
