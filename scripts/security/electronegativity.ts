/**
 * Runs @doyensec/electronegativity over the main process (electron/) and the renderer
 * (renderer/) together, so its global checks see the whole app, and returns its findings.
 * Used by the security gate in the unit tests.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}

/** One CSV line of electronegativity's report: quoted fields may hold commas. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export function parseReport(csv: string): Finding[] {
  return csv.split(/\r?\n/).slice(1).map(csvFields).filter((f) => f.length >= 6).map(([issue, severity, confidence, file, location, sample]) => (
    { issue, severity, confidence, file: file.split(path.sep).join('/'), location, sample }));
}

export async function scanWithElectronegativity(electronVersion: string): Promise<Finding[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'puente-electronegativity-'));
  try {
    const app = path.join(work, 'app');
    cpSync(path.join(ROOT, 'electron'), path.join(app, 'electron'), { recursive: true });
    cpSync(path.join(ROOT, 'renderer'), path.join(app, 'renderer'), { recursive: true, filter: (src) => !src.includes(`${path.sep}public${path.sep}`) });
    const report = path.join(work, 'report.csv');
    const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
    // The release-list check needs the internet; the Electron version is pinned in package-lock.json instead.
    // The CSP check looks for a <meta> tag or a webRequest header hook in the sources. Puente sends its CSP as
    // a header of its own app:// protocol handler, which the scanner cannot see, and its answer about that was
    // not the same on every machine; test/unit/app-files.test.ts checks the header on every kind of response.
    await promisify(execFile)(process.execPath, [
      '-r', path.join(ROOT, 'scripts/security/electronegativity-typescript.cjs'), cli,
      '-i', app, '-r', '-e', electronVersion, '-x', 'availablesecurityfixesglobalcheck,cspglobalcheck', '-o', report, '-v', 'false',
    ], { cwd: work, timeout: 120_000 });
    return parseReport(readFileSync(report, 'utf8'));
  } finally {
    if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  }
}
