/**
 * Fetching the Electron binary for `npm start`. Electron 45's npm package has no install
 * step: the binary is downloaded the first time it is asked for, by the package's own
 * `install.js` (`@electron/get`: download, checksum, unzip into `dist/`, write `path.txt`).
 * We run that installer as a child with a time limit, and turn what it printed into a reason
 * a person can act on.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { LaunchDecision } from './launch-decision.ts';

export interface InstallerRun {
  /** Exit code; null when killed or never started. */
  code: number | null;
  /** What it printed, stdout and stderr together. */
  output: string;
  timedOut: boolean;
  /** Why it could not be started at all. */
  startError?: string;
}

export type SpawnLike = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export const DEFAULT_FETCH_SECONDS = 120;

/** How long `npm start` lets the download take: PUENTE_ELECTRON_FETCH_SECONDS, 0 meaning never fetch. */
export function fetchSeconds(env: Record<string, string | undefined>): number {
  const raw = env.PUENTE_ELECTRON_FETCH_SECONDS;
  const n = raw === undefined || raw.trim() === '' ? DEFAULT_FETCH_SECONDS : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_FETCH_SECONDS;
}

/** Runs `node <installScript>`, killing it after `timeoutMs`. Never rejects. */
export function runElectronInstaller(
  spawn: SpawnLike,
  options: { nodePath: string; installScript: string; timeoutMs: number; env: NodeJS.ProcessEnv },
): Promise<InstallerRun> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let child: ChildProcess;
    try {
      child = spawn(options.nodePath, [options.installScript], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
    } catch (e) {
      resolve({ code: null, output, timedOut, startError: String(e) });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, options.timeoutMs);
    child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, output, timedOut, startError: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

const NETWORK_FAILURE = /fetch failed|getaddrinfo|\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET|CERT_\w+|UNABLE_TO_\w+)\b/;

/** Why the installer did not leave a binary, in words, from what it printed and how it ended. */
export function installerFailureReason(run: InstallerRun, seconds: number): string {
  if (run.timedOut) return `Electron's download did not finish within ${seconds} s (set PUENTE_ELECTRON_FETCH_SECONDS to wait longer)`;
  if (run.startError) return `Electron's installer could not be started (${run.startError})`;
  const http = /HTTPError: Response code (\d+)(?: \(([^)]*)\))?/.exec(run.output);
  if (http) return `Electron's download was refused (HTTP ${http[1]}${http[2] ? ` ${http[2]}` : ''})`;
  // undici reports every connection failure as "fetch failed"; install.js prints no cause.
  if (NETWORK_FAILURE.test(run.output)) return "Electron could not be downloaded: this computer is offline or cannot reach Electron's download server";
  if (/checksum/i.test(run.output)) return 'the downloaded Electron did not match its published checksum, so it was not used';
  const firstLine = run.output.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('at ')) ?? 'it printed nothing';
  return `Electron's installer failed (exit code ${run.code ?? 'none'}): ${firstLine}`;
}

export interface FetchingLaunch {
  decide(): LaunchDecision;
  /** Runs Electron's installer with this time limit. */
  runInstaller(timeoutMs: number): Promise<InstallerRun>;
  /** PUENTE_ELECTRON_FETCH_SECONDS (`fetchSeconds`); 0 never fetches. */
  seconds: number;
  electronVersion: string;
  say(line: string): void;
}

/**
 * The launch decision, fetching the binary first when that is all that is missing, then
 * deciding again. Falls back to the browser edition with the true reason.
 */
export async function decideLaunchFetchingElectron(f: FetchingLaunch): Promise<LaunchDecision> {
  const first = f.decide();
  if (first.mode === 'electron' || !first.fetchable) return first;
  if (f.seconds === 0) return { mode: 'browser', reason: `${first.reason}, and fetching it is off (PUENTE_ELECTRON_FETCH_SECONDS=0)` };
  f.say(`Fetching Electron ${f.electronVersion}, the desktop app's runtime (once; giving up after ${f.seconds} s)…`);
  const run = await f.runInstaller(f.seconds * 1000);
  if (run.code !== 0 || run.timedOut) return { mode: 'browser', reason: installerFailureReason(run, f.seconds) };
  const again = f.decide();
  if (again.mode === 'browser' && again.fetchable) return { mode: 'browser', reason: "Electron's installer finished but left no binary where its path.txt says" };
  return again;
}
