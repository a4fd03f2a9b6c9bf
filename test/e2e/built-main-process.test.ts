import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT = path.join(ROOT, 'dist/electron');

/** What a sandboxed preload's `require` can load (Electron's sandbox docs): nothing from disk. */
const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

const requiredBy = (code: string) => [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
const notLoadableInSandboxedPreload = (code: string) => requiredBy(code).filter((r) => !SANDBOXED_PRELOAD_MODULES.has(r));
const notLoadableInPackagedMain = (code: string) => requiredBy(code).filter((r) => r !== 'electron' && !isBuiltin(r));

function built(file: string): string {
  const at = path.join(BUILT, file);
  expect(existsSync(at), `${at} is missing: run npm run build first`).toBe(true);
  const code = readFileSync(at, 'utf8');
  expect(requiredBy(code).length, `${file} requires nothing at all: the check would be empty`).toBeGreaterThan(0);
  return code;
}

/** Runs after `npm run build` (npm test builds before the end-to-end tests): the package ships no node_modules, so the bundles must need none. */
describe('the built main process and preload', () => {
  it('the main process requires only electron and Node built-ins', () => {
    expect(notLoadableInPackagedMain(built('main.cjs'))).toEqual([]);
  });

  it('the records thread requires only Node built-ins (never electron, which a worker thread cannot load)', () => {
    const code = built('records-thread.cjs');
    expect(notLoadableInPackagedMain(code)).toEqual([]);
    expect(code).not.toMatch(/require\(["']electron["']\)/);
  });

  it('the preload requires only what a sandboxed preload can load: electron, events, timers, url', () => {
    expect(notLoadableInSandboxedPreload(built('preload.cjs'))).toEqual([]);
  });

  it('the preload check is not a rubber stamp: a Node built-in or a package in the preload is caught', () => {
    const sample = 'const { ipcRenderer } = require("electron"); const fs = require("node:fs"); const p = require(\'path\'); const z = require("zod"); require("events");';
    expect(notLoadableInSandboxedPreload(sample)).toEqual(['node:fs', 'path', 'zod']);
    expect(notLoadableInPackagedMain(sample)).toEqual(['zod']);
  });
});
