import path from 'node:path';

export type LaunchDecision =
  | { mode: 'electron'; binary: string; /** Switches before the app folder. */ flags: string[]; /** Lines to show before starting. */ notes: string[] }
  | { mode: 'browser'; reason: string; /** Only the binary is missing: Electron's installer may fetch it. */ fetchable?: boolean };

export interface LaunchEnvironment {
  /** Folder of the installed `electron` package. */
  electronPackageDir: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  forceBrowser?: boolean;
  exists(file: string): boolean;
  readText(file: string): string | undefined;
  /** Linux: why Chromium's sandbox cannot start here, if it cannot (`sandboxProblem` below). Not probed when absent. */
  sandboxProblem?: () => string | undefined;
}

/** Where Electron's installer puts the executable inside `dist/` (its `path.txt`), per platform. */
export function electronExecutableName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * Whether `npm start` can open the Electron app, or must fall back to the browser edition.
 * Follows `node_modules/electron/index.js`: the binary is `dist/<path.txt>`, or under
 * ELECTRON_OVERRIDE_DIST_PATH. Never imports the electron package: its entry point downloads
 * the binary as a side effect, with no time limit and no reason given when it fails.
 */
export function decideLaunch(e: LaunchEnvironment): LaunchDecision {
  if (e.forceBrowser) return { mode: 'browser', reason: 'the browser edition was asked for (--browser)' };
  if (!e.exists(path.join(e.electronPackageDir, 'package.json'))) {
    return { mode: 'browser', reason: 'the electron package is not installed (run npm ci)' };
  }
  const listed = e.readText(path.join(e.electronPackageDir, 'path.txt'))?.trim();
  const override = e.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, listed || electronExecutableName(e.platform));
    if (!e.exists(binary)) return { mode: 'browser', reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary at ${binary}` };
    return electronLaunch(e, binary);
  }
  const binary = listed ? path.join(e.electronPackageDir, 'dist', listed) : undefined;
  if (!binary || !e.exists(binary)) {
    return { mode: 'browser', reason: 'the Electron binary has not been downloaded yet (Electron fetches it on first use)', fetchable: true };
  }
  return electronLaunch(e, binary);
}

/** The binary is there: start it, unless there is nowhere to show a window. */
function electronLaunch(e: LaunchEnvironment, binary: string): LaunchDecision {
  if (e.platform === 'linux' && !e.env.DISPLAY && !e.env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'there is no graphical display (DISPLAY is not set)' };
  }
  const problem = e.platform === 'linux' ? e.sandboxProblem?.() : undefined;
  if (!problem) return { mode: 'electron', binary, flags: [], notes: [] };
  return {
    mode: 'electron',
    binary,
    flags: ['--no-sandbox'],
    notes: [`Starting Electron without Chromium's sandbox (development launch only), because ${problem}.`],
  };
}

export interface SandboxProbe {
  readText(file: string): string | undefined;
  /** Whether a file is owned by root with the setuid bit (Chromium's fallback sandbox helper). */
  isSetuidRoot(file: string): boolean;
}

/**
 * Why Chromium's Linux sandbox cannot start from `node_modules` here, or undefined when it can.
 * It needs unprivileged user namespaces, or else a `chrome-sandbox` helper owned by root and
 * setuid, which an npm install never is; without either Electron aborts at once ("The SUID
 * sandbox helper binary was found, but is not configured correctly").
 */
export function sandboxProblem(probe: SandboxProbe, chromeSandbox: string): string | undefined {
  // Kernel switches read, not a trial namespace: under AppArmor creating one may still succeed
  // and fail only later, inside Chromium; reading runs nothing and names the switch to blame.
  const setting = (file: string) => probe.readText(file)?.trim();
  const reasons: [string, string, string][] = [
    ['/proc/sys/kernel/apparmor_restrict_unprivileged_userns', '1', 'AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1, as on Ubuntu 24.04)'],
    ['/proc/sys/kernel/unprivileged_userns_clone', '0', 'unprivileged user namespaces are off (kernel.unprivileged_userns_clone = 0)'],
    ['/proc/sys/user/max_user_namespaces', '0', 'user namespaces are off (user.max_user_namespaces = 0)'],
  ];
  const found = reasons.find(([file, value]) => setting(file) === value);
  if (!found || probe.isSetuidRoot(chromeSandbox)) return undefined;
  return found[2];
}

/** The command that opens a URL in the system's browser. */
export function browserOpenCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}
