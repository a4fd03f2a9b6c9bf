import { describe, expect, it } from 'vitest';
import { ACCEPTED_ITERATIONS, decryptRecords, deriveKey, DEFAULT_ITERATIONS, encryptRecords } from '../../common/records/encryption.ts';
import { RecordsError } from '../../common/records/records-store.ts';
import { recordsService } from '../fixtures/records-service.ts';

const plain = new TextEncoder().encode('SQLite format 3\u0000 and the rest');

/** An encrypted file whose header names `iterations` (what a forged or damaged header would say). */
async function fileClaiming(iterations: number, realIterations = 1000): Promise<Uint8Array> {
  const file = await encryptRecords(plain, await deriveKey('correct horse', undefined, realIterations));
  new DataView(file.buffer).setUint32('PUENTE-ENC'.length + 1, iterations);
  return file;
}

describe('the PBKDF2 iteration count in a file header', () => {
  it('new passphrases use 600,000 iterations (OWASP’s figure for PBKDF2-SHA256); files made with 310,000 stay readable', () => {
    expect(DEFAULT_ITERATIONS).toBe(600_000);
    expect([...ACCEPTED_ITERATIONS].sort()).toEqual([310_000, 600_000]);
  });

  it('refuses any count this app does not write, 0 and 31 million included, before deriving a key, with a clear message', async () => {
    for (const forged of [0, 1, 1000, 31_000_000, 2 ** 32 - 1]) {
      const started = performance.now();
      const error = await decryptRecords(await fileClaiming(forged), 'correct horse').then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RecordsError);
      expect((error as RecordsError).code).toBe('bad-encryption');
      expect((error as RecordsError).params).toEqual({ iterations: forged });
      expect((error as RecordsError).detail).toMatch(/not one Puente writes.*Nothing was changed/);
      // 31 million iterations took 18 s; a refusal before deriving takes no time at all.
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  it('opens a file at an accepted count, and one a host adds (the tests’ quick count)', async () => {
    const file = await encryptRecords(plain, await deriveKey('correct horse', undefined, 1000));
    await expect(decryptRecords(file, 'correct horse')).rejects.toMatchObject({ code: 'bad-encryption' });
    expect((await decryptRecords(file, 'correct horse', [...ACCEPTED_ITERATIONS, 1000])).plain).toEqual(plain);
  });

  it('still opens a file written with 310,000 iterations', async () => {
    const file = await encryptRecords(plain, await deriveKey('correct horse', undefined, 310_000));
    const { plain: opened, key } = await decryptRecords(file, 'correct horse');
    expect(opened).toEqual(plain);
    expect(key.iterations).toBe(310_000);
  });

  it('a records file with a forged count stays locked: unlocking is refused at once, and nothing is written', async () => {
    const forged = await fileClaiming(31_000_000);
    const { call, disk } = await recordsService({ current: forged });
    expect(await call({ op: 'status' })).toMatchObject({ state: 'locked' });
    const started = performance.now();
    await expect(call({ op: 'unlock', passphrase: 'correct horse' })).rejects.toThrow(/^\[bad-encryption\|.*31000000 PBKDF2 iterations\) is not one Puente writes/);
    expect(performance.now() - started).toBeLessThan(500);
    expect(disk.current).toBe(forged);
    expect(disk.writes ?? 0).toBe(0);
  });
});
