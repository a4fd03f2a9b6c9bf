/** Watches the calling thread while `work` runs: its time, the longest gap between 5 ms ticks (how long the thread was blocked) and the peak resident memory. */
import { performance } from 'node:perf_hooks';

export async function watch<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longestBlockMs: number; peakRssMb: number }> {
  let last = performance.now();
  let longest = 0;
  let peak = process.memoryUsage().rss;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, longestBlockMs: Math.max(0, longest), peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(ticker);
  }
}
