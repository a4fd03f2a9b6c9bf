/**
 * A process killed in the middle of a save, many times at different moments: the file is
 * always one whole version, and from the second save on a whole previous copy exists.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoredCopies } from '../../node/atomic-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'puente-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 2 * 1024 * 1024;
/** The version a file holds, or null if its bytes are not one whole version. */
function versionOf(bytes: Uint8Array): number | null {
  if (bytes.byteLength !== SIZE) return null;
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(SIZE - 4);
  for (let i = 0; i < SIZE - 4; i += 4093) if (bytes[i] !== n % 251) return null;
  return n;
}

describe('atomic file writes under kill -9', () => {
  it('leaves the old or the new file, never a torn one, when the writing process is killed mid-save, many times', async () => {
    const file = path.join(dir, 'killed', 'records.sqlite');
    let killedMidWrite = 0;
    for (let round = 0; round < 24; round++) {
      const child = fork(path.resolve(import.meta.dirname, '../fixtures/atomic-write-loop.ts'), [file, String(SIZE)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      let written = 0;
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m) => {
          if (typeof m === 'number') written = m;
          // Kill at a different moment each round: after 1 to 4 whole writes, then mid-way through the next.
          if (typeof m === 'number' && m >= 1 + (round % 4)) setTimeout(() => child.kill('SIGKILL'), round % 3);
        });
        child.on('exit', () => resolve());
        child.on('error', reject);
      });
      if (readdirSync(path.dirname(file)).some((n) => n.endsWith('.tmp'))) killedMidWrite++;
      const copies = await readStoredCopies(file);
      expect(copies.length).toBeGreaterThan(0);
      const current = versionOf(copies[0].bytes);
      expect(current, `round ${round}: the file is torn`).not.toBeNull();
      expect(current!).toBeGreaterThanOrEqual(written);
      // From the second whole save on, a whole previous copy exists through every step of the next one.
      if (round > 0 || written >= 2) expect(copies.map((c) => c.label), `round ${round}: the previous copy is missing`).toEqual(['current', 'previous']);
      if (copies[1]) expect(versionOf(copies[1].bytes)).not.toBeNull();
      expect(readFileSync(file).byteLength).toBe(SIZE);
    }
    // The kills did land in the middle of writes (a temporary file was left behind), not only between them.
    expect(killedMidWrite).toBeGreaterThan(0);
  }, 120_000);
});
