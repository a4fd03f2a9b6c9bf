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
  /** SARIF level: 'warning', or 'note' for a finding that asks for a manual review. */
  severity: string;
  file: string;
  location: string;
}

/** Electronegativity's report in SARIF: one rule id and one location per result. */
interface SarifReport {
  runs: Array<{
    results: Array<{
      ruleId: string;
      level: string;
      locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }>;
    }>;
  }>;
}

/**
 * The findings of a SARIF report. (Its CSV report is not used: electronegativity writes the CSV
 * header and the rows with two asynchronous writes that race, and the header sometimes
 * overwrote the first finding, which made the gate pass or fail from run to run.)
 */
export function parseReport(sarif: string): Finding[] {
  const report = JSON.parse(sarif) as SarifReport;
  return report.runs.flatMap((run) => run.results.map((r) => {
    const at = r.locations?.[0]?.physicalLocation;
    const uri = at?.artifactLocation?.uri ?? 'file:///';
    return {
      issue: r.ruleId,
      severity: r.level,
      file: uri === 'file:///' ? 'N/A' : uri.split(path.sep).join('/'),
      location: `${at?.region?.startLine ?? 0}:${(at?.region?.startColumn ?? 1) - 1}`,
    };
  }));
}

export async function scanWithElectronegativity(electronVersion: string): Promise<Finding[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'puente-electronegativity-'));
  try {
    const app = path.join(work, 'app');
    cpSync(path.join(ROOT, 'electron'), path.join(app, 'electron'), { recursive: true });
    cpSync(path.join(ROOT, 'renderer'), path.join(app, 'renderer'), { recursive: true, filter: (src) => !src.includes(`${path.sep}public${path.sep}`) });
    const report = path.join(work, 'report.sarif');
    const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
    // The release-list check needs the internet; the Electron version is pinned in package-lock.json instead.
    await promisify(execFile)(process.execPath, [
      '-r', path.join(ROOT, 'scripts/security/electronegativity-typescript.cjs'), cli,
      '-i', app, '-r', '-e', electronVersion, '-x', 'availablesecurityfixesglobalcheck', '-o', report, '-v', 'false',
    ], { cwd: work, timeout: 120_000 });
    return parseReport(readFileSync(report, 'utf8'));
  } finally {
    if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  }
}
