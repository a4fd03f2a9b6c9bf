/**
 * `npm start`: builds only when a source is newer than the build, then opens the manual in
 * Electron, fetching Electron's binary first if it has never been downloaded. Where that fails
 * (offline, download refused, timed out) or there is no display, says why in one line, serves
 * the build on 127.0.0.1 and opens it in the system browser, falling back to printing the address.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { staleBuildReason, type FileTimes } from './build-freshness.ts';
import { decideLaunchFetchingElectron, fetchSeconds, runElectronInstaller } from './electron-fetch.ts';
import { browserOpenCommand, decideLaunch, sandboxProblem } from './launch-decision.ts';
import { serveStatic } from './serve-static.ts';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'dist/renderer');
const electronDir = path.join(root, 'node_modules/electron');
const readText = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};

const isSetuidRoot = (f: string) => {
  const s = statSync(f, { throwIfNoEntry: false });
  return !!s && s.uid === 0 && (s.mode & 0o4000) !== 0;
};

const files: FileTimes = {
  stat: (f) => {
    const s = statSync(f, { throwIfNoEntry: false });
    return s && { mtimeMs: s.mtimeMs, isDirectory: s.isDirectory() };
  },
  readdir: (d) => readdirSync(d),
  readText: (f) => readFileSync(f, 'utf8'),
};

/** `npm run build`, through the npm that runs us when there is one. */
function runBuild(): Promise<number> {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: command === 'npm' && process.platform === 'win32' });
    child.on('error', (e) => {
      console.error(`Could not run npm run build: ${e.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const stale = staleBuildReason(files, root);
if (stale) {
  console.log(`Building first, because ${stale}.`);
  const code = await runBuild();
  if (code !== 0) {
    console.error('The build failed (above); nothing was started.');
    process.exit(code);
  }
} else {
  console.log('The build is newer than every source: starting it as it is (npm run build rebuilds).');
}

const decide = () =>
  decideLaunch({
    electronPackageDir: electronDir,
    platform: process.platform,
    env: process.env,
    forceBrowser: process.argv.includes('--browser'),
    exists: existsSync,
    readText,
    sandboxProblem: () => sandboxProblem({ readText, isSetuidRoot }, path.join(electronDir, 'dist', 'chrome-sandbox')),
  });

const seconds = fetchSeconds(process.env);
const decision = await decideLaunchFetchingElectron({
  decide,
  seconds,
  electronVersion: (JSON.parse(readText(path.join(electronDir, 'package.json')) ?? '{}') as { version?: string }).version ?? '',
  runInstaller: (timeoutMs) => runElectronInstaller(spawn, { nodePath: process.execPath, installScript: path.join(electronDir, 'install.js'), timeoutMs, env: process.env }),
  say: (line) => console.log(line),
});

if (decision.mode === 'electron') {
  for (const note of decision.notes) console.log(note);
  const child = spawn(decision.binary, [...decision.flags, root], { stdio: 'inherit' });
  child.on('error', (e) => {
    console.error(`Electron could not be started (${e.message}); npm run start:browser opens the browser edition.`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Opening the browser edition, because ${decision.reason}.`);
  const port = Number(process.env.PORT ?? 0);
  const { url } = await serveStatic(rendererDir, port);
  console.log(`Puente is at ${url}  (Ctrl+C to stop)`);
  if (!process.env.CI && process.env.PUENTE_NO_OPEN !== '1') {
    const { command, args } = browserOpenCommand(process.platform, url);
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => console.log(`Could not open a browser; open ${url} yourself.`));
    opener.unref();
  }
}
