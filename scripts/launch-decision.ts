import path from 'node:path';

export type LaunchDecision =
  | { mode: 'electron'; binary: string }
  | { mode: 'browser'; reason: string };

export interface LaunchEnvironment {
  /** Folder of the installed `electron` package. */
  electronPackageDir: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  forceBrowser?: boolean;
  exists(file: string): boolean;
  readText(file: string): string | undefined;
}

/**
 * Whether `npm start` can open the Electron app, or must fall back to the browser edition.
 * Never imports the electron package: its entry point tries to download the binary.
 */
export function decideLaunch(e: LaunchEnvironment): LaunchDecision {
  if (e.forceBrowser) return { mode: 'browser', reason: 'the browser edition was asked for (--browser)' };
  if (!e.exists(path.join(e.electronPackageDir, 'package.json'))) {
    return { mode: 'browser', reason: 'the electron package is not installed (run npm ci)' };
  }
  const override = e.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = e.readText(path.join(e.electronPackageDir, 'path.txt'))?.trim();
  const binary = override ? path.join(override, relative ?? 'electron') : relative ? path.join(e.electronPackageDir, 'dist', relative) : undefined;
  if (!binary || !e.exists(binary)) {
    return { mode: 'browser', reason: 'the Electron binary is not available on this machine (it could not be downloaded when installing)' };
  }
  if (e.platform === 'linux' && !e.env.DISPLAY && !e.env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'there is no graphical display (DISPLAY is not set)' };
  }
  return { mode: 'electron', binary };
}

/** The command that opens a URL in the system's browser. */
export function browserOpenCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}
