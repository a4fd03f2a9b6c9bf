import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The flags every boot measurement runs Chromium with (headless, and nothing talking to the network). */
export const BOOT_CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export function bootChromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}): install Debian's chromium package or set CHROMIUM_PATH`);
  return found;
}

/**
 * Runs in every page before its own scripts: marks the chapter's heading and the first
 * paragraph of its text for the Element Timing API as they enter the document, and keeps the time each
 * was first painted (milliseconds since the navigation started).
 */
const PAINT_TIMES_SCRIPT = `(() => {
  const times = (window.__paintTimes = {});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!(e.identifier in times)) times[e.identifier] = e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
  const mark = (selector, name) => {
    const el = document.querySelector(selector);
    if (el && !el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', name);
  };
  new MutationObserver(() => {
    mark('main h1', 'heading');
    mark('.chapter-body p:not(.loading)', 'text'); // not the app's "Loading…" line that stands in for the text
  }).observe(document, { childList: true, subtree: true });
})();`;

/** How long a new browser is left to finish starting before the timed load. */
const SETTLE_MS = 500;

export interface PaintTimes {
  heading: number;
  text: number;
}

/** A browser with a fresh profile (nothing cached, nothing stored): one cold start. */
export async function withColdBrowser<T>(run: (context: BrowserContext, page: Page) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), 'puente-boot-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: bootChromiumPath(), args: BOOT_CHROMIUM_FLAGS, headless: true,
    locale: 'en-GB', viewport: { width: 1366, height: 768 }, serviceWorkers: 'block',
  });
  try {
    return await run(context, context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Loads `url` cold with the CPU slowed `cpuSlowdown` times; returns when the heading and the first paragraph were painted. */
export async function coldPaintTimes(url: string, cpuSlowdown: number): Promise<PaintTimes> {
  return withColdBrowser(async (context, page) => {
    await context.addInitScript({ content: PAINT_TIMES_SCRIPT });
    // Let the new browser finish starting (its own processes, fonts) so that what is timed is the page.
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => {
      const t = (window as unknown as { __paintTimes?: Record<string, number> }).__paintTimes;
      return t && t.heading !== undefined && t.text !== undefined ? { heading: t.heading, text: t.text } : null;
    }, undefined, { timeout: 60_000, polling: 50 });
    return (await handle.jsonValue()) as PaintTimes;
  });
}
