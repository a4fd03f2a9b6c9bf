/**
 * The installers' configuration (electron-builder.yml), its icons and the release workflow,
 * checked item by item; then what the package would actually contain, by running
 * electron-builder's `--dir` step (the one every installer is made from) on a stand-in
 * project with a stand-in Electron. That step needs no network: `electronDist` points at a
 * folder with a fake Electron executable, so nothing is downloaded, and the fake carries a
 * fuse wire so the fuses electron-builder flips can be read back. The stand-in project has a
 * tiny dist/ tree (unit tests run before `npm run build`), decoy sources, tests, content and
 * maps, and the real node_modules, so a pattern that lets any of them in fails here.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { UserConfig, UserConfigFnObject } from 'vite';
import { build, Platform, type Configuration } from 'electron-builder';
import electronViteConfig from '../../vite.electron.config.ts';
import { ICON_SOURCE, LINUX_SIZES, MASTER_SIZE, makeIcons, type IconFiles } from '../../scripts/make-icons.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = YAML.parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  productName?: string;
  version: string;
  main: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

type TargetList = NonNullable<Configuration['linux']>['target'];
const targetNames = (target: TargetList): string[] =>
  (Array.isArray(target) ? target : target == null ? [] : [target]).map((t) => (typeof t === 'string' ? t : t.target));

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'puente-release-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder.yml', () => {
  it('takes name, product name and version from package.json and repeats none of them', () => {
    expect(config.appId).toBe('org.puente.manual');
    expect(pkg.productName).toBe('Puente');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    const yml = config as Record<string, unknown>;
    for (const key of ['version', 'productName', 'name']) expect(yml[key], key).toBeUndefined();
    const extra = (config.extraMetadata ?? {}) as Record<string, unknown>;
    for (const key of ['version', 'productName', 'name', 'main']) expect(extra[key], `extraMetadata.${key}`).toBeUndefined();
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('makes an NSIS installer (per user, folder can be chosen) and a portable .exe for Windows', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowToChangeInstallationDirectory).toBe(true);
    // Two .exe files: their names must differ and say which is which.
    expect(config.nsis?.artifactName).toMatch(/setup/);
    expect(config.portable?.artifactName).toMatch(/portable/);
  });

  it('makes an AppImage and a .deb for Linux and a dmg for macOS', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(config.linux?.maintainer, 'the .deb needs a maintainer').toBeTruthy();
  });

  it('files every platform under Education', () => {
    expect(config.linux?.category).toBe('Education');
    expect(config.deb?.packageCategory).toBe('education');
    expect(config.mac?.category).toBe('public.app-category.education');
    expect(config.nsis?.menuCategory).toBe('Education');
  });

  it('packs the app into an asar archive on every platform', () => {
    expect(config.asar).toBe(true);
    for (const p of [config.win, config.linux, config.mac]) expect(p?.asar ?? true).toBe(true);
  });

  it('sets every release fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('selects only package.json and the built app, with no platform adding files of its own', () => {
    const files = config.files as string[];
    const included = files.filter((p) => !p.startsWith('!'));
    expect(included.every((p) => p === 'package.json' || p.startsWith('dist/electron/') || p.startsWith('dist/renderer/')), included.join(', ')).toBe(true);
    expect(files).toContain('!**/*.map');
    expect(files.some((p) => /^!node_modules\b/.test(p))).toBe(true);
    for (const p of [config.win, config.linux, config.mac] as Record<string, unknown>[]) {
      for (const key of ['files', 'extraFiles', 'extraResources']) expect(p[key], key).toBeUndefined();
    }
    for (const key of ['extraFiles', 'extraResources', 'asarUnpack']) expect((config as Record<string, unknown>)[key], key).toBeUndefined();
  });

  it('needs nothing from node_modules at run time: the main process and preload bundle their dependencies', () => {
    for (const mode of ['production', 'preload']) {
      const c = (electronViteConfig as UserConfigFnObject)({ command: 'build', mode, isSsrBuild: true, isPreview: false }) as UserConfig;
      expect(c.ssr?.noExternal, mode).toBe(true);
      expect(c.build?.rollupOptions?.external, mode).toEqual(['electron', /^node:/]);
    }
    expect(config.npmRebuild).toBe(false);
  });
  // What the built bundles require is checked after the build: test/e2e/built-main-process.test.ts.
});

describe('package.json', () => {
  it('asks for at least the Node.js that Electron and its downloader require', () => {
    const engines = (file: string) => (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { engines: { node: string } }).engines.node;
    /** The lowest version a `>=` range allows, as [major, minor, patch]. */
    const lowest = (range: string) => {
      const m = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(range.trim());
      expect(m, range).not.toBeNull();
      return [Number(m![1]), Number(m![2]), Number(m![3] ?? 0)];
    };
    const atLeast = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    const ours = lowest(engines('package.json'));
    for (const dep of ['node_modules/electron/package.json', 'node_modules/@electron/get/package.json']) {
      expect(atLeast(ours, lowest(engines(dep))), `${dep} needs ${engines(dep)}`).toBeGreaterThanOrEqual(0);
    }
  });
});

// ---------------------------------------------------------------- icons

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('icons from build/icon.svg (`npm run icons`)', () => {
  let icons: IconFiles;
  const outDir = () => path.join(tmp, 'icons');
  beforeAll(() => {
    icons = makeIcons(ICON_SOURCE, outDir());
  }, 60_000);

  it('come from the one source image, and are generated rather than committed', () => {
    expect(ICON_SOURCE).toBe(path.join(ROOT, 'build/icon.svg'));
    expect(readFileSync(ICON_SOURCE, 'utf8')).toMatch(/<svg[\s>]/);
    const ignored = readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split(/\r?\n/);
    for (const f of ['build/icon.png', 'build/icon.ico', 'build/icon.icns', 'build/icons/']) expect(ignored).toContain(f);
    expect(ignored).not.toContain('build/');
  });

  it('are where the config points, for every platform', () => {
    // Config paths are relative to the project: build/… maps to the generator's output folder.
    const inOut = (p: unknown) => {
      expect(typeof p === 'string' && p.startsWith('build/'), String(p)).toBe(true);
      return path.join(outDir(), (p as string).slice('build/'.length));
    };
    expect(inOut(config.win?.icon)).toBe(icons.ico);
    expect(inOut(config.mac?.icon)).toBe(icons.icns);
    expect(inOut(config.linux?.icon)).toBe(icons.linuxDir);
    expect(config.directories?.buildResources).toBe('build');
    for (const f of [icons.png, icons.ico, icons.icns, ...icons.linux]) expect(existsSync(f), f).toBe(true);
    expect(statSync(icons.linuxDir).isDirectory()).toBe(true);
  });

  it(`writes build/icon.png at ${MASTER_SIZE}×${MASTER_SIZE} and the Linux sizes as <n>x<n>.png`, () => {
    expect(pngSize(readFileSync(icons.png))).toEqual({ width: MASTER_SIZE, height: MASTER_SIZE });
    expect(readdirSync(icons.linuxDir).sort()).toEqual(LINUX_SIZES.map((n) => `${n}x${n}.png`).sort());
    for (const n of LINUX_SIZES) expect(pngSize(readFileSync(path.join(icons.linuxDir, `${n}x${n}.png`))), `${n}`).toEqual({ width: n, height: n });
    expect(LINUX_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256, 512]));
  });

  it('writes a Windows ICO from 16 to 256 pixels', () => {
    const ico = readFileSync(icons.ico);
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + i * 16;
      const width = ico[e] || 256;
      const height = ico[e + 1] || 256;
      expect(height).toBe(width);
      const bytes = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const data = ico.subarray(offset, offset + bytes);
      if (data.subarray(0, 4).toString('hex') === '89504e47') expect(pngSize(data)).toEqual({ width, height });
      else expect(data.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('writes a macOS ICNS up to 1024 pixels', () => {
    const icns = readFileSync(icons.icns);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks = new Map<string, Buffer>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.subarray(at, at + 4).toString('ascii');
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      chunks.set(type, icns.subarray(at + 8, at + length));
      at += length;
    }
    const pngChunks: Record<string, number> = { ic10: 1024, ic09: 512, ic14: 512, ic08: 256, ic13: 256, ic07: 128 };
    for (const [type, size] of Object.entries(pngChunks)) {
      expect(chunks.has(type), type).toBe(true);
      expect(pngSize(chunks.get(type)!), type).toEqual({ width: size, height: size });
    }
    expect(chunks.has('is32') || chunks.has('ic11') || chunks.has('icp4'), '16 px').toBe(true);
  });
});

// ---------------------------------------------------------------- what the package contains

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// The stand-in's fuses start as the opposite of what the release sets, so each flip shows.
const FAKE_WIRE = '10110001';

/** Files of the stand-in project: `true` ships in the package, `false` must stay out. */
const STAND_IN: Record<string, boolean> = {
  'dist/electron/main.cjs': true,
  'dist/electron/preload.cjs': true,
  'dist/renderer/index.html': true,
  'dist/renderer/icon.svg': true,
  'dist/renderer/content-manifest.json': true,
  'dist/renderer/search-index-en.json': true,
  'dist/renderer/assets/index-Bq3f.js': true,
  'dist/renderer/assets/index-Bq3f.css': true,
  'dist/renderer/assets/index-Bq3f.js.map': false,
  'dist/electron/main.cjs.map': false,
  'dist/portable/puente.html': false,
  'src/index.ts': false,
  'electron/main.ts': false,
  'common/facets.ts': false,
  'renderer/index.html': false,
  'renderer/src/main.tsx': false,
  'renderer/public/icon.svg': false,
  'scripts/make-icons.ts': false,
  'test/unit/release-config.test.ts': false,
  'test/fixtures/content/en/a.mdx': false,
  'content/en/introduction.mdx': false,
  'content/sources.yaml': false,
  'build/icon.svg': false,
  'README.md': false,
  'tsconfig.json': false,
  'vite.config.ts': false,
  'vite.electron.config.ts': false,
};

/** Why each file in `files` should not be in the package; empty when the package is exactly the built app. */
function packagingProblems(files: string[]): string[] {
  const problems: string[] = [];
  const expected = ['package.json', ...Object.keys(STAND_IN).filter((f) => STAND_IN[f])];
  for (const f of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!files.includes(f)) problems.push(`${f}: missing`);
  }
  const devDeps = Object.keys(pkg.devDependencies ?? {});
  for (const f of files) {
    if (/\.(ts|tsx|mts|cts|mdx)$/.test(f)) problems.push(`${f}: source file`);
    if (f.endsWith('.map')) problems.push(`${f}: source map`);
    if (/^(test|content|scripts|renderer\/src|src|electron|common|build)\//.test(f)) problems.push(`${f}: not the built app`);
    const dep = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1];
    if (dep) problems.push(`${f}: node_modules${devDeps.includes(dep) ? ' (dev dependency)' : ''}`);
    if (!expected.includes(f)) problems.push(`${f}: not expected`);
  }
  return [...new Set(problems)];
}

/** File paths inside an asar archive (header: two pickles, then the JSON directory). */
function asarFiles(file: string): string[] {
  const buf = readFileSync(file);
  const json = JSON.parse(buf.subarray(16, 16 + buf.readUInt32LE(12)).toString('utf8')) as AsarDir;
  const out: string[] = [];
  const walk = (dir: AsarDir, prefix: string) => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(json, '');
  return out.sort();
}
interface AsarDir {
  files: Record<string, AsarDir | { size?: number; link?: string; unpacked?: boolean }>;
}

interface Packed {
  /** The executable, relative to the output folder, with forward slashes. */
  executable: string;
  asar: string[];
  resources: string[];
  packagedJson: Record<string, unknown>;
  wire: string;
}

/** The stand-in project, once: real package.json and node_modules, tiny dist/, decoys around it. */
function standInProject(): string {
  const dir = path.join(tmp, 'project');
  if (existsSync(dir)) return dir;
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  put('package.json', readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const f of Object.keys(STAND_IN)) put(f, f.endsWith('.json') ? '{}' : `// ${f}\n`);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

/** electron-builder's `--dir` step for Linux, with `config`, on the stand-in project. */
async function pack(label: string, cfg: Configuration): Promise<Packed> {
  const project = standInProject();
  const electronDist = path.join(tmp, `electron-${label}`);
  mkdirSync(electronDist, { recursive: true });
  const fake = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, FAKE_WIRE.length]), Buffer.from(FAKE_WIRE)]);
  writeFileSync(path.join(electronDist, 'electron'), fake, { mode: 0o755 });
  const output = path.join(tmp, `out-${label}`);
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // electron-builder normalises the config object it is given in place: hand it a copy.
    config: { ...structuredClone(cfg), electronDist, directories: { ...cfg.directories, output } },
  });
  const appOut = path.join(output, 'linux-unpacked');
  const exe = readdirSync(appOut).map((f) => path.join(appOut, f)).find((f) => statSync(f).isFile() && readFileSync(f).includes(SENTINEL));
  if (!exe) throw new Error(`no Electron executable in ${appOut}`);
  const bin = readFileSync(exe);
  const at = bin.indexOf(SENTINEL) + SENTINEL.length;
  const resources = path.join(appOut, 'resources');
  return {
    executable: path.relative(output, exe).split(path.sep).join('/'),
    asar: asarFiles(path.join(resources, 'app.asar')),
    resources: readdirSync(resources).sort(),
    packagedJson: JSON.parse(asarFileText(path.join(resources, 'app.asar'), 'package.json')) as Record<string, unknown>,
    wire: bin.subarray(at + 2, at + 2 + bin[at + 1]!).toString('latin1'),
  };
}

/** One file's text out of an asar archive (data follows the header). */
function asarFileText(archive: string, name: string): string {
  const buf = readFileSync(archive);
  const json = JSON.parse(buf.subarray(16, 16 + buf.readUInt32LE(12)).toString('utf8')) as AsarDir;
  const entry = json.files[name] as { size: number; offset: string };
  const start = 8 + buf.readUInt32LE(4) + Number(entry.offset);
  return buf.subarray(start, start + entry.size).toString('utf8');
}

describe('what the package contains (electron-builder --dir on a stand-in project, offline)', () => {
  let packed: Packed;
  beforeAll(async () => {
    packed = await pack('release', config);
  }, 180_000);

  it('is exactly the built app: package.json, dist/electron and dist/renderer, no maps', () => {
    expect(packagingProblems(packed.asar)).toEqual([]);
    expect(packed.asar).toEqual(['package.json', ...Object.keys(STAND_IN).filter((f) => STAND_IN[f])].sort());
  });

  it('has no node_modules at all, neither production nor dev dependencies', () => {
    expect(Object.keys(pkg.dependencies ?? {}).length).toBeGreaterThan(0); // electron-builder would add these…
    expect(packed.asar.filter((f) => f.startsWith('node_modules/'))).toEqual([]); // …the config keeps them out
  });

  it('keeps everything inside app.asar (nothing unpacked beside it)', () => {
    expect(packed.resources).toEqual(['app.asar']);
  });

  it('ships the package.json the app starts from', () => {
    expect(packed.packagedJson).toMatchObject({ name: pkg.name, productName: pkg.productName, version: pkg.version, main: 'dist/electron/main.cjs' });
  });

  it('flips the fuses in the packaged Electron binary', () => {
    const fuses = config.electronFuses as Record<string, boolean | undefined>;
    const expected = FUSE_ORDER.map((name, i) => (fuses[name] === undefined ? FAKE_WIRE[i] : fuses[name] ? '1' : '0')).join('');
    expect(packed.wire).toBe(expected);
    expect(packed.wire[FUSE_ORDER.indexOf('enableNodeCliInspectArguments')]).toBe('0');
  });

  it('writes the Linux executable where the CI workflow starts the packaged app', () => {
    const ci = YAML.parse(readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as CiWorkflow;
    const linux = Object.values(ci.jobs)[0]!.strategy.matrix.include.find((m) => m.os === 'ubuntu-latest');
    expect(config.directories?.output).toBe('release');
    expect(linux?.packaged).toBe(`release/${packed.executable}`);
  });

  it('the check above catches a config that lets sources, maps or node_modules in', async () => {
    const loose: Configuration = {
      ...config,
      files: [...(config.files as string[]).filter((p) => p !== '!**/*.map' && !p.startsWith('!node_modules')), 'src/**'],
    };
    const problems = packagingProblems((await pack('loose', loose)).asar);
    expect(problems).toContain('src/index.ts: source file');
    expect(problems).toContain('dist/renderer/assets/index-Bq3f.js.map: source map');
    expect(problems.some((p) => p.startsWith('node_modules/react/'))).toBe(true);
  }, 180_000);
});

// ---------------------------------------------------------------- release workflow

describe('.github/workflows/release.yml', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, unknown>;
  }
  const text = readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
  const wf = YAML.parse(text) as {
    on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
    env?: Record<string, unknown>;
    jobs: Record<string, { strategy: { matrix: { include: { os: string; platform: string }[] } }; env?: Record<string, unknown>; steps: Step[] }>;
  };
  const job = Object.values(wf.jobs)[0]!;

  it('runs on a tag push and by hand, on Windows, Linux and macOS', () => {
    expect(wf.on.push?.tags?.length).toBeGreaterThan(0);
    expect('workflow_dispatch' in wf.on).toBe(true);
    expect(job.strategy.matrix.include).toEqual([
      { os: 'windows-latest', platform: 'win' },
      { os: 'ubuntu-latest', platform: 'linux' },
      { os: 'macos-latest', platform: 'mac' },
    ]);
  });

  it('installs with the Electron binary, makes the icons, builds, packages and uploads, in that order', () => {
    const steps = job.steps;
    const index = (pred: (s: Step) => boolean, what: string) => {
      const i = steps.findIndex(pred);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      index((s) => !!s.uses?.startsWith('actions/checkout@'), 'checkout'),
      index((s) => !!s.uses?.startsWith('actions/setup-node@') && String(s.with?.['node-version']) === '22', 'Node 22'),
      index((s) => /^npm ci\b/.test(s.run ?? ''), 'npm ci'),
      index((s) => s.run === 'npm run icons', 'icons'),
      index((s) => s.run === 'npm run build', 'build'),
      index((s) => s.run === 'npx electron-builder --${{ matrix.platform }} --publish never', 'electron-builder'),
      index((s) => !!s.uses?.startsWith('actions/upload-artifact@'), 'upload'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD\s*:/);
    const upload = steps[order[6]!]!.with!;
    expect(String(upload.path)).toMatch(/\.exe[\s\S]*\.AppImage[\s\S]*\.deb[\s\S]*\.dmg/);
  });
});

// ---------------------------------------------------------------- CI workflow

interface CiStep {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface CiWorkflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: { os: string; packaged: string }[] } }; env?: Record<string, unknown>; steps: CiStep[] }>;
}

describe('.github/workflows/ci.yml', () => {
  const text = readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8');
  const wf = YAML.parse(text) as CiWorkflow;
  const job = Object.values(wf.jobs)[0]!;
  const steps = job.steps;
  const index = (pred: (s: CiStep) => boolean, what: string) => {
    const i = steps.findIndex(pred);
    expect(i, what).toBeGreaterThanOrEqual(0);
    return i;
  };

  it('runs on every push and pull request, on Linux, Windows and macOS', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.include.map((m) => m.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
  });

  it('installs, fetches the Electron binary, tests, packages with --dir and starts the packaged app, in that order', () => {
    const order = [
      index((s) => !!s.uses?.startsWith('actions/checkout@'), 'checkout'),
      index((s) => !!s.uses?.startsWith('actions/setup-node@') && String(s.with?.['node-version']) === '22', 'Node 22'),
      index((s) => /^npm ci\b/.test(s.run ?? ''), 'npm ci'),
      index((s) => s.run === 'node node_modules/electron/install.js', "Electron's installer"),
      index((s) => /npm test$/.test(s.run ?? ''), 'npm test'),
      index((s) => s.run === 'npm run icons', 'icons'),
      index((s) => s.run === 'npx electron-builder --dir --publish never', 'electron-builder --dir'),
      index((s) => /vitest run --config vitest\.e2e\.config\.ts test\/e2e\/packaged-app\.test\.ts$/.test(s.run ?? ''), 'packaged-app test'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });

  it('checks every page for accessibility, here and in .ci/run, not only one page of each kind', () => {
    expect(steps.find((s) => /npm test$/.test(s.run ?? ''))?.env?.PUENTE_FULL_A11Y).toBe('1');
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/^PUENTE_FULL_A11Y=1 npm test$/m);
    expect(readFileSync(path.join(ROOT, 'test/e2e/accessibility.test.ts'), 'utf8')).toContain('process.env.PUENTE_FULL_A11Y');
  });

  it('makes a skipped Electron test fail, and gives Electron a display and its sandbox on Linux', () => {
    expect(job.env?.PUENTE_REQUIRE_ELECTRON).toBe('1');
    expect(readFileSync(path.join(ROOT, 'test/e2e/electron.test.ts'), 'utf8')).toContain("process.env.PUENTE_REQUIRE_ELECTRON === '1'");
    for (const s of steps.filter((s) => /npm test$|packaged-app\.test\.ts$/.test(s.run ?? ''))) {
      expect(s.run).toMatch(/^\$\{\{ runner\.os == 'Linux' && 'xvfb-run -a ' \|\| '' \}\}/);
    }
    const linuxSetup = steps.find((s) => s.if === "runner.os == 'Linux'");
    expect(linuxSetup?.run).toMatch(/sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0/);
    expect(text).not.toMatch(/--no-sandbox/);
  });

  it('starts the packaged executable where electron-builder --dir writes it on each system', () => {
    const step = steps.find((s) => /packaged-app\.test\.ts$/.test(s.run ?? ''))!;
    expect(step.env?.PUENTE_PACKAGED_APP).toBe('${{ matrix.packaged }}');
    expect(readFileSync(path.join(ROOT, 'test/e2e/packaged-app.test.ts'), 'utf8')).toContain('process.env.PUENTE_PACKAGED_APP');
    const packaged = Object.fromEntries(job.strategy.matrix.include.map((m) => [m.os, m.packaged]));
    // Windows and macOS name the executable after productName; macos-latest runs on Apple silicon.
    expect(packaged['windows-latest']).toBe(`release/win-unpacked/${pkg.productName}.exe`);
    expect(packaged['macos-latest']).toBe(`release/mac-arm64/${pkg.productName}.app/Contents/MacOS/${pkg.productName}`);
  });
});
