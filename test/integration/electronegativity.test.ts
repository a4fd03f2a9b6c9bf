import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, scanWithElectronegativity } from '../../scripts/security/electronegativity.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const allowList = JSON.parse(readFileSync(path.join(ROOT, 'test/security/electronegativity-allowlist.json'), 'utf8')) as {
  accepted: Array<{ issue: string; file: string; reason: string }>;
};
const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

describe('electronegativity over electron/ and renderer/', () => {
  it('finds nothing that is not reviewed and justified in the allow-list, and the allow-list has no stale entry', async () => {
    const findings = await scanWithElectronegativity(electronVersion);
    const accepted = (f: { issue: string; file: string }) => allowList.accepted.some((a) => a.issue === f.issue && a.file === f.file);
    const unexplained = findings.filter((f) => !accepted(f)).map((f) => `${f.issue} ${f.severity} ${f.file}:${f.location}`);
    expect(unexplained, 'new electronegativity findings: fix them, or justify them in test/security/electronegativity-allowlist.json').toEqual([]);
    const stale = allowList.accepted.filter((a) => !findings.some((f) => f.issue === a.issue && f.file === a.file)).map((a) => `${a.issue} ${a.file}`);
    const all = findings.map((f) => `${f.issue} ${f.file}:${f.location}`).join('; ');
    expect(stale, `allow-list entries that no longer match a finding: remove them (the scan found: ${all})`).toEqual([]);
    for (const a of allowList.accepted) expect(a.reason.length, `${a.issue}: give the reason`).toBeGreaterThan(40);
  }, 180_000);
});

describe('reading electronegativity\'s SARIF report', () => {
  it('gives each result its rule, file and line, and N/A for a finding about the whole app', () => {
    const sarif = JSON.stringify({ runs: [{ results: [
      { ruleId: 'SANDBOX_JS_CHECK', level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/main.ts' }, region: { startLine: 86, startColumn: 11 } } }] },
      { ruleId: 'CSP_GLOBAL_CHECK', level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1, startColumn: 1 } } }] },
    ] }] });
    expect(parseReport(sarif)).toEqual([
      { issue: 'SANDBOX_JS_CHECK', severity: 'warning', file: 'electron/main.ts', location: '86:10' },
      { issue: 'CSP_GLOBAL_CHECK', severity: 'warning', file: 'N/A', location: '1:0' },
    ]);
  });
});
