/**
 * Encryption at rest for the records file: AES-GCM (256 bits) with a key derived from the
 * user's passphrase by PBKDF2-SHA-256. WebCrypto only, so the same code runs in Electron's
 * main process (Node) and in the browser edition's worker.
 *
 * File layout: "PUENTE-ENC" · version (1 byte) · PBKDF2 iterations (uint32, big-endian) ·
 * salt (16 bytes) · IV (12 bytes) · ciphertext with its 16-byte tag.
 */
import { refusal } from './records-store.ts';

const MAGIC = new TextEncoder().encode('PUENTE-ENC');
const VERSION = 1;
const HEADER = MAGIC.length + 1 + 4 + 16 + 12;
/** For new passphrases: OWASP's figure for PBKDF2-SHA256, slow enough to make guessing costly, quick enough to unlock on an old laptop (README gives the measured time). */
export const DEFAULT_ITERATIONS = 600_000;
/**
 * The counts this app has written: 310,000 until December 2026, 600,000 since. The count is
 * read from the file's header, so any other count (0, or 31 million that would block for
 * seconds) is refused before a key is derived.
 */
export const ACCEPTED_ITERATIONS: readonly number[] = [310_000, DEFAULT_ITERATIONS];

export function isEncrypted(bytes: Uint8Array): boolean {
  return bytes.byteLength > HEADER && MAGIC.every((b, i) => bytes[i] === b);
}

export interface RecordsKey {
  key: CryptoKey;
  salt: Uint8Array;
  iterations: number;
}

export async function deriveKey(passphrase: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)), iterations = DEFAULT_ITERATIONS): Promise<RecordsKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, salt, iterations };
}

export async function encryptRecords(plain: Uint8Array, k: RecordsKey): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k.key, plain as BufferSource));
  const out = new Uint8Array(HEADER + cipher.byteLength);
  out.set(MAGIC, 0);
  out[MAGIC.length] = VERSION;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, k.iterations);
  out.set(k.salt, MAGIC.length + 5);
  out.set(iv, MAGIC.length + 21);
  out.set(cipher, HEADER);
  return out;
}

/** Decrypts a records file with the passphrase; a wrong passphrase, a damaged file or an iteration count not in `accepted` is a clear error. */
export async function decryptRecords(file: Uint8Array, passphrase: string, accepted: readonly number[] = ACCEPTED_ITERATIONS): Promise<{ plain: Uint8Array; key: RecordsKey }> {
  if (!isEncrypted(file)) throw refusal('not-encrypted');
  if (file[MAGIC.length] !== VERSION) throw refusal('newer-encryption', { version: file[MAGIC.length] });
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const iterations = view.getUint32(MAGIC.length + 1);
  if (!accepted.includes(iterations)) {
    throw refusal('bad-encryption', { iterations });
  }
  const salt = file.slice(MAGIC.length + 5, MAGIC.length + 21);
  const iv = file.slice(MAGIC.length + 21, HEADER);
  const key = await deriveKey(passphrase, salt, iterations);
  try {
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key.key, file.subarray(HEADER) as BufferSource));
    return { plain, key };
  } catch {
    throw refusal('wrong-passphrase');
  }
}

/** Decrypts a file this app encrypted with a key it still holds (the copy kept before a restore). */
export async function decryptWithKey(file: Uint8Array, k: RecordsKey): Promise<Uint8Array> {
  if (!isEncrypted(file)) throw refusal('not-encrypted');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: file.slice(MAGIC.length + 21, HEADER) }, k.key, file.subarray(HEADER) as BufferSource));
  } catch {
    throw refusal('wrong-passphrase', { reason: 'before_restore' });
  }
}
