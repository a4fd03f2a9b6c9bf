/**
 * `npm run icons`: renders the one source image, build/icon.svg, into every icon the
 * installers need (electron-builder.yml points at them):
 *
 *   build/icon.png            1024×1024, the master raster
 *   build/icon.ico            Windows (NSIS installer, portable .exe): 256…16, PNG ≥ 64, BMP below
 *   build/icon.icns           macOS (.app, dmg): 16…1024 with @2x variants
 *   build/icons/<n>x<n>.png   Linux (AppImage, .deb): the hicolor sizes
 *
 * The files are generated, not committed (.gitignore); the release workflow runs this before
 * electron-builder. `--out DIR` writes them somewhere else (the unit test uses a temp folder).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { BICUBIC2, createICNS, createICO } from 'png2icons';

export const ICON_SOURCE = path.resolve(import.meta.dirname, '../build/icon.svg');
export const ICON_OUT_DIR = path.resolve(import.meta.dirname, '../build');
/** Size of build/icon.png, and the image the ICO and ICNS are scaled from. */
export const MASTER_SIZE = 1024;
/** Sizes written to icons/ for Linux desktops (freedesktop hicolor theme). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export interface IconFiles {
  png: string;
  ico: string;
  icns: string;
  linuxDir: string;
  linux: string[];
}

/** Renders the SVG at `size`×`size` pixels (rendered from the vector at each size, not scaled down). */
export function renderPng(svg: string | Buffer, size: number): Buffer {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
  return Buffer.from(png);
}

export function makeIcons(source = ICON_SOURCE, outDir = ICON_OUT_DIR): IconFiles {
  const svg = readFileSync(source);
  const master = renderPng(svg, MASTER_SIZE);
  const ico = createICO(master, BICUBIC2, 0, false, true);
  const icns = createICNS(master, BICUBIC2, 0);
  if (!ico || !icns) throw new Error(`png2icons could not convert the ${MASTER_SIZE}px rendering of ${source}`);

  const linuxDir = path.join(outDir, 'icons');
  mkdirSync(linuxDir, { recursive: true });
  const files: IconFiles = {
    png: path.join(outDir, 'icon.png'),
    ico: path.join(outDir, 'icon.ico'),
    icns: path.join(outDir, 'icon.icns'),
    linuxDir,
    linux: LINUX_SIZES.map((n) => path.join(linuxDir, `${n}x${n}.png`)),
  };
  writeFileSync(files.png, master);
  writeFileSync(files.ico, ico);
  writeFileSync(files.icns, icns);
  LINUX_SIZES.forEach((n, i) => writeFileSync(files.linux[i]!, renderPng(svg, n)));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const files = makeIcons(ICON_SOURCE, values.out ? path.resolve(values.out) : ICON_OUT_DIR);
  for (const f of [files.png, files.ico, files.icns, ...files.linux]) console.log(path.relative(process.cwd(), f));
}
