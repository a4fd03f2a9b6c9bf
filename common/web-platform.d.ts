/**
 * The few web-platform globals that every host of common/ provides (Node ≥ 20, browsers and
 * their workers), for tsconfig.common.json, which compiles common/ without the DOM library and
 * without Node's types so that nothing host-only slips in. The main tsconfig.json leaves this
 * file out and takes the full declarations from its DOM and Node libraries.
 */

type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

/** A number in browsers, an object in Node: only ever handed back to clearTimeout. */
interface TimerHandle {
  readonly timerHandle: unique symbol;
}
declare function setTimeout(callback: () => void, ms?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

interface CryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly usages: string[];
}
interface SubtleCrypto {
  importKey(format: 'raw', keyData: BufferSource, algorithm: string, extractable: boolean, keyUsages: string[]): Promise<CryptoKey>;
  deriveKey(algorithm: { name: string; hash: string; salt: BufferSource; iterations: number }, baseKey: CryptoKey, derivedKeyType: { name: string; length: number }, extractable: boolean, keyUsages: string[]): Promise<CryptoKey>;
  encrypt(algorithm: { name: string; iv: BufferSource }, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: string; iv: BufferSource }, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}
declare var crypto: {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
};
