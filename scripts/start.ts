/**
 * `npm start`: opens the built manual in Electron; where the Electron binary is missing
 * (or there is no display), says so in one line, serves the build on 127.0.0.1 and opens
 * it in the system browser, falling back to printing the address.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { browserOpenCommand, decideLaunch } from './launch-decision.ts';
import { serveStatic } from './serve-static.ts';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'dist/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The manual is not built yet: run `npm run build` (npm start does this for you).');
  process.exit(1);
}

const decision = decideLaunch({
  electronPackageDir: path.join(root, 'node_modules/electron'),
  platform: process.platform,
  env: process.env,
  forceBrowser: process.argv.includes('--browser'),
  exists: existsSync,
  readText: (f) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined),
});

if (decision.mode === 'electron') {
  const child = spawn(decision.binary, [root], { stdio: 'inherit' });
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
