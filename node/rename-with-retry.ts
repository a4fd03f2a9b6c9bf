const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

export type Wait = (ms: number) => Promise<unknown>;
const sleep: Wait = (ms) => new Promise((r) => setTimeout(r, ms));

/** Renames, retrying a few times when an antivirus or an indexer holds the target on Windows. */
export async function renameWithRetry(rename: (from: string, to: string) => Promise<void>, from: string, to: string, wait: Wait = sleep): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 5) throw error;
      await wait(50 * (attempt + 1));
    }
  }
}
