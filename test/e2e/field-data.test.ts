/**
 * What phones and other laptops collected, end to end in Chromium (issue 14): an ODK Central zip and a
 * KoboToolbox XLSX of the same form are previewed and imported, the child's history says where each
 * form came from, the dashboard changes, and the same files again change nothing; a zip without its
 * submissions table is refused in Spanish; another laptop's backup is merged with its possible duplicate
 * and its conflicting answers decided side by side. Screenshots of the previews in both languages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instrument } from '../../common/forms/instrument-schema.ts';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';
import { adaptedForm, centralZip, koboFileName, koboXlsx, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';
import { answersCsv } from '../fixtures/records-service.ts';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';

let h: Harness;
const downloads = mkdtempSync(path.join(tmpdir(), 'puente-field-data-e2e-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const REG = loadInstruments().find((f) => f.id === 'child-registration')!;
const at = (day: string) => `${day}T15:04:05.123Z`;

/** Three registrations collected on phones, and a fourth with the same code as the first (two technicians used one code). */
const collected: FixtureSubmission[] = [
  { id: '5f0c1a2e-0001-4c1e-9d6e-3b1f6f0a0001', submittedAt: at('2026-03-02'), answers: registration({ code: 'SF-045-1', sex: 'f', age: 9, status: 'working', date: '2026-03-02', community: 'Santa Filomena' }) },
  { id: '5f0c1a2e-0002-4c1e-9d6e-3b1f6f0a0002', submittedAt: at('2026-03-03'), answers: registration({ code: 'SF-045-2', sex: 'm', age: 15, status: 'at_risk', date: '2026-03-03', community: 'Santa Filomena' }) },
  { id: '5f0c1a2e-0003-4c1e-9d6e-3b1f6f0a0003', submittedAt: at('2026-04-10'), answers: registration({ code: 'CH-007-1', sex: 'f', age: 12, status: 'working', date: '2026-04-10', community: 'Chima' }) },
];
const sameCode: FixtureSubmission = { id: '5f0c1a2e-0009-4c1e-9d6e-3b1f6f0a0009', submittedAt: at('2026-04-12'), answers: registration({ code: 'SF-045-1', sex: 'm', age: 7, status: 'at_risk', date: '2026-04-12', community: 'Santa Filomena' }) };

/** The NGO's version of the form in KoboToolbox: a phone question and a school level added, a newer version. */
const ADAPTED: Instrument = adaptedForm(REG, {
  after: 'household_code',
  question: { name: 'phone_contact', type: 'text', required: false, en: { label: 'Family phone number' }, es: { label: 'Teléfono de la familia' } },
  list: 'school_level', choice: { value: 'special', en: 'Special education', es: 'Educación especial' },
  version: '2026-12',
});
const koboOnly: FixtureSubmission = {
  id: '8d2e4f60-0001-4b00-9c00-00000000d001', submittedAt: at('2026-05-06'), recordId: 2001,
  answers: { ...registration({ code: 'KO-1', sex: 'm', age: 10, status: 'working', date: '2026-05-06', community: 'Chima' }), phone_contact: '0591 712 3456', school_level: 'special' },
};

interface ExportFile { name: string; mimeType: string; buffer: Buffer }
const centralFile = (subs: FixtureSubmission[]): ExportFile => ({ name: 'puente_child_registration.csv.zip', mimeType: 'application/zip', buffer: Buffer.from(centralZip(REG, subs)) });
const koboFile = async (subs: FixtureSubmission[]): Promise<ExportFile> => ({
  name: koboFileName(REG, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: Buffer.from(await koboXlsx(ADAPTED, subs, { headers: 'es', groups: true })),
});

async function openRecords(page: Page, lang: 'en' | 'es', tab: 'register' | 'dashboard' | 'data' = 'register') {
  await page.goto(`${h.baseUrl}#/${lang}/field-records`);
  await page.locator('[data-testid="records"] .records-tabs').waitFor();
  await page.getByTestId(`records-tab-${tab}`).click();
}

/** "3 children, 3 forms" as the records page says it (without when it was last saved). */
const counts = async (page: Page) => (await page.locator('.records-privacy .muted').innerText()).split(' · ')[0];

/** Chooses an export file and asks what importing it would do; returns the preview's numbers. */
async function previewImport(page: Page, file: ExportFile) {
  await page.getByTestId('server-import-file').setInputFiles(file);
  await page.getByTestId('server-import-check').click();
  const preview = page.getByTestId('server-import-preview');
  await preview.waitFor();
  const n = async (id: string) => Number((await preview.getByTestId(`count-${id}`).locator('strong').innerText()).replace(/\D/g, ''));
  return { preview, newChildren: await n('new-children'), newForms: await n('new-forms'), updates: await n('updates'), unchanged: await n('unchanged'), refused: await n('refused') };
}

async function quarters(page: Page): Promise<string[]> {
  await page.getByTestId('records-tab-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  if (!(await page.getByTestId('quarters-table').count())) return [];
  return page.locator('[data-testid="quarters-table"] tbody tr').allInnerTexts();
}

/** Opens a child's page from the register and one of their forms. */
async function openForm(page: Page, code: string, index = 0) {
  await page.getByTestId('records-tab-register').click();
  if (await page.getByTestId('child-view').count()) await page.getByTestId('child-view').locator('.link-button').first().click();
  await page.locator(`[data-testid="register-table"] tr[data-child="${code}"] button`).click();
  await page.getByTestId('child-view').waitFor();
  const entry = page.locator('.records-history > li').nth(index);
  await entry.locator('summary').click();
  return entry;
}

/** Registers children through the CSV import of the data tab (entered on this laptop). */
async function importCsv(page: Page, rows: Array<Record<string, unknown>>, done: string) {
  await page.getByTestId('import-form').selectOption('child-registration');
  await page.getByTestId('import-file').setInputFiles({ name: 'registro.csv', mimeType: 'text/csv', buffer: Buffer.from(answersCsv(rows)) });
  await page.getByTestId('import-button').click();
  await page.getByText(done).waitFor();
}

async function nameThisLaptop(page: Page, name: string, saved: string) {
  await page.getByTestId('device-name').fill(name);
  await page.getByTestId('device-name-save').click();
  await page.getByText(saved).waitFor();
}

async function downloadBackup(page: Page, name: string): Promise<string> {
  await page.getByTestId('records-tab-data').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-database').click()]);
  const file = path.join(downloads, name);
  await d.saveAs(file);
  return file;
}

/** Corrects the household code on a child's registration, as a technician would on that laptop. */
async function correctHouseholdCode(page: Page, code: string, household: string) {
  await openForm(page, code);
  await page.getByTestId('edit-child-registration').click();
  await page.locator('form.form-filler [data-name="household_code"] input').fill(household);
  await page.locator('form.form-filler button[type="submit"]').click();
  await page.getByTestId('child-view').waitFor();
}

async function checkBackup(page: Page, file: string) {
  await page.getByTestId('records-tab-data').click();
  await page.getByTestId('merge-file').setInputFiles(file);
  await page.getByTestId('merge-check').click();
  await page.getByTestId('merge-preview').waitFor();
  return page.getByTestId('merge-preview');
}

/** The preview of a rich export (new children, a refused row, an unknown field and choice), on screen, for the README. */
async function screenshotPreview(lang: 'en' | 'es', width: number) {
  const { page, context, watch } = await newWatchedPage(h, { locale: lang === 'es' ? 'es-PE' : 'en-GB', width, height: width < 600 ? 780 : 768 });
  await openRecords(page, lang, 'data');
  const { preview } = await previewImport(page, await koboFile([...collected, koboOnly, sameCode]));
  await preview.getByTestId('server-import-unknown-fields').waitFor();
  await page.getByTestId('server-import-check').evaluate((e) => e.closest('section')!.querySelector('h3')!.scrollIntoView());
  await shot(page, `field-data-preview-${lang}-${width}`);
  await preview.getByTestId('count-refused').scrollIntoViewIfNeeded();
  await preview.getByTestId('server-import-problems').evaluate((e) => e.scrollIntoView());
  await shot(page, `field-data-preview-problems-${lang}-${width}`);
  // Nothing is written by looking.
  expect(await counts(page)).toMatch(lang === 'es' ? /0 niños y niñas, 0 formularios/ : /0 children, 0 forms/);
  expect(watch.consoleErrors).toEqual([]);
  await context.close();
}

describe('field data from servers and other laptops', () => {
  it('imports an ODK Central zip and a KoboToolbox XLSX of the same form, says where each form came from, and changes nothing the second time', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await openRecords(page, 'en', 'dashboard');
    expect(await quarters(page)).toEqual([]);
    await page.getByTestId('records-tab-data').click();

    // ODK Central: three registrations and a fourth reusing the first one's code, refused with its row and column.
    const central = centralFile([...collected, sameCode]);
    const first = await previewImport(page, central);
    expect(first).toMatchObject({ newChildren: 3, newForms: 3, updates: 0, unchanged: 0, refused: 1 });
    expect(await first.preview.getByTestId('server-import-form').innerText()).toBe('Child registration form (puente_child_registration, version 202611) · recognised by its form_id');
    expect(await first.preview.getByTestId('server-import-problems').locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Row 5 · Column: details-child_code\nthe code “SF-045-1” is already registered on row 2 of this file: correct one of the two on the server$/),
    ]);
    expect(await counts(page)).toMatch(/0 children, 0 forms/);
    await page.getByTestId('server-import-commit').click();
    await page.getByText('Imported: 3 new forms, 0 updates.').waitFor();
    expect(await counts(page)).toMatch(/3 children, 3 forms/);

    // KoboToolbox, the NGO's adapted form with Spanish labels: the same three are already here, one child is new.
    const kobo = await koboFile([...collected, koboOnly]);
    const second = await previewImport(page, kobo);
    expect(second).toMatchObject({ newChildren: 1, newForms: 1, updates: 0, unchanged: 3, refused: 0 });
    expect(await second.preview.getByTestId('server-import-form').innerText()).toMatch(/^Child registration form \(puente_child_registration, version 202611\) · recognised by its title/);
    expect(await second.preview.getByTestId('server-import-unknown-fields').innerText()).toMatch(/Teléfono de la familia · 1 row/);
    expect(await second.preview.getByTestId('server-import-unknown-choices').innerText()).toMatch(/\(school_level\): “Educación especial” · 1 row/);
    await page.getByTestId('server-import-commit').click();
    await page.getByText('Imported: 1 new form, 0 updates.').waitFor();
    expect(await counts(page)).toMatch(/4 children, 4 forms/);

    // The dashboard counts them, in the quarters they were registered.
    const after = await quarters(page);
    expect(after.find((q) => q.startsWith('2026-Q1'))).toMatch(/^2026-Q1\t1\t1\t/);
    expect(after.find((q) => q.startsWith('2026-Q2'))).toMatch(/^2026-Q2\t2\t0\t/);

    // The child's history says where each form came from, and keeps what Puente's form does not have.
    const fromCentral = await openForm(page, 'SF-045-1');
    expect(await fromCentral.getByTestId('entry-origin').innerText()).toMatch(/^Collected with ODK Central: submission 5f0c1a2e-0001-4c1e-9d6e-3b1f6f0a0001, imported on \d{4}-\d\d-\d\d$/);
    expect(await fromCentral.getByTestId('entry-source').innerText()).toBe('ODK Central');
    const fromKobo = await openForm(page, 'KO-1');
    expect(await fromKobo.getByTestId('entry-origin').innerText()).toMatch(/^Collected with KoboToolbox: submission 8d2e4f60-0001-4b00-9c00-00000000d001, imported on /);
    expect(await fromKobo.getByTestId('entry-unrecognised').innerText()).toMatch(/not recognised\)[\s\S]*Teléfono de la familia\s+0591 712 3456[\s\S]*school_level\s+Educación especial/);
    await fromKobo.getByTestId('entry-versions').getByText('No earlier versions.').waitFor();
    await page.getByTestId('child-view').evaluate((e) => e.scrollIntoView());
    await shot(page, 'field-data-history-en-1366');
    await fromKobo.getByTestId('entry-unrecognised').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(page, 'field-data-history-unrecognised-en-1366');

    // The same two files again: nothing to import, nothing changes.
    await page.getByTestId('records-tab-data').click();
    expect(await previewImport(page, central)).toMatchObject({ newChildren: 0, newForms: 0, updates: 0, unchanged: 3, refused: 1 });
    await page.getByTestId('server-import-nothing').waitFor();
    expect(await page.getByTestId('server-import-commit').count()).toBe(0);
    expect(await previewImport(page, kobo)).toMatchObject({ newChildren: 0, newForms: 0, updates: 0, unchanged: 4, refused: 0 });
    await page.getByTestId('server-import-cancel').click();
    expect(await counts(page)).toMatch(/4 children, 4 forms/);
    expect(await quarters(page)).toEqual(after);

    // An edit on the server replaces the form; its answers from before stay among its earlier versions.
    await page.getByTestId('records-tab-data').click();
    const edited = { ...collected[0], version: 'b8e1c0de-0001-4c1e-9d6e-3b1f6f0affff', edits: 1, answers: { ...collected[0].answers, school_status: 'irregular' } };
    expect(await previewImport(page, centralFile([edited, ...collected.slice(1)]))).toMatchObject({ newForms: 0, updates: 1, unchanged: 2 });
    await page.getByTestId('server-import-commit').click();
    await page.getByText('Imported: 0 new forms, 1 update.').waitFor();
    const replaced = await openForm(page, 'SF-045-1');
    expect(await replaced.locator('.answer-list').first().innerText()).toMatch(/Enrolled but often misses school/);
    const versions = replaced.getByTestId('entry-versions');
    await versions.locator('li[data-reason="server-edit"] summary').click();
    expect(await versions.innerText()).toMatch(/Replaced on \d{4}-\d\d-\d\d: edited on the server[\s\S]*ODK Central, version 5f0c1a2e-0001[\s\S]*Enrolled and attends regularly/);
    expect(await counts(page)).toMatch(/4 children, 4 forms/);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
    await context.close();
  }, 180_000);

  it('refuses a zip without its submissions table in Spanish, naming the file and what it holds, and changes nothing', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es', 'data');
    await page.getByTestId('import-form').selectOption('child-registration');
    await page.getByTestId('import-file').setInputFiles({ name: 'ficha.csv', mimeType: 'text/csv', buffer: Buffer.from(answersCsv([registration({ code: 'QU-1', sex: 'f', age: 8, status: 'working', date: '2026-02-02' })])) });
    await page.getByTestId('import-button').click();
    await page.getByText('Se importó 1 fila.').waitFor();
    const before = await counts(page);
    const noRoot = zipSync({
      'puente_child_registration-sibling.csv': strToU8('sibling_age,PARENT_KEY,KEY\n7,uuid:1,uuid:1/siblings/sibling[1]\n'),
      'media/foto.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    });
    await page.getByTestId('server-import-file').setInputFiles({ name: 'puente_child_registration.csv.zip', mimeType: 'application/zip', buffer: Buffer.from(noRoot) });
    await page.getByTestId('server-import-check').click();
    const refusal = page.locator('.records-box').filter({ has: page.getByTestId('server-import-file') }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('No se pudo hacer: «puente_child_registration.csv.zip» no tiene la tabla de envíos: una exportación de ODK Central trae <id del formulario>.csv, con las columnas KEY y SubmissionDate; este archivo trae puente_child_registration-sibling.csv, media/foto.jpg. Descárguela otra vez de Central (Envíos → Descargar → CSV en zip). No se cambió nada.');
    expect(await page.getByTestId('server-import-preview').count()).toBe(0);
    await page.waitForTimeout(600);
    expect(await counts(page)).toBe(before);
    await page.reload();
    await openRecords(page, 'es', 'data');
    expect(await counts(page)).toBe(before);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('merges another laptop’s backup: the laptop named, a possible duplicate kept apart with a new code, conflicting answers side by side, and merging again changes nothing (Spanish)', async () => {
    const a = await newWatchedPage(h);
    await openRecords(a.page, 'en', 'data');
    await nameThisLaptop(a.page, 'Portátil de Ana', 'Name saved.');
    await previewImport(a.page, centralFile(collected));
    await a.page.getByTestId('server-import-commit').click();
    await a.page.getByText('Imported: 3 new forms, 0 updates.').waitFor();
    await importCsv(a.page, [registration({ code: 'AN-1', sex: 'f', age: 11, status: 'working', date: '2026-05-02', community: 'Chima' })], 'Imported 1 row.');
    const first = await downloadBackup(a.page, 'ana-1.sqlite');

    const b = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(b.page, 'es', 'data');
    await nameThisLaptop(b.page, 'Oficina Chima', 'Nombre guardado.');
    await importCsv(b.page, [registration({ code: 'SF-045-1', sex: 'f', age: 9, status: 'working', date: '2026-03-05', community: 'Santa Filomena' })], 'Se importó 1 fila.');

    const preview = await checkBackup(b.page, first);
    expect(await preview.getByTestId('merge-from').innerText()).toBe('Lo que haría unir la copia de «Portátil de Ana»');
    for (const [id, n] of [['new-children', 3], ['new-forms', 3], ['updates', 0], ['unchanged', 0]] as const) {
      expect(await preview.getByTestId(`count-${id}`).locator('strong').innerText(), id).toBe(String(n));
    }
    const duplicate = b.page.getByTestId('merge-duplicate');
    expect(await duplicate.locator('legend').innerText()).toBe('SF-045-1: el mismo código');
    expect(await duplicate.locator('tbody tr').allInnerTexts()).toEqual(expect.arrayContaining(['Registro\t2026-03-05\t2026-03-02', 'Código\tSF-045-1\tSF-045-1']));
    expect(await b.page.getByTestId('merge-undecided').innerText()).toBe('Primero elija en cada uno: falta 1.');
    expect(await b.page.getByTestId('merge-commit').isDisabled()).toBe(true);
    await duplicate.locator('input[value="apart"]').check();
    await duplicate.scrollIntoViewIfNeeded();
    await shot(b.page, 'field-data-merge-es-1366');
    expect(await b.page.getByTestId('merge-commit').isDisabled()).toBe(true);
    await b.page.getByTestId('merge-new-code').fill('SF-045-9');
    await b.page.getByTestId('merge-commit').click();
    await b.page.getByText('Unido: 4 formularios nuevos, 0 actualizaciones, 0 niños y niñas unidos.').waitFor();
    expect(await counts(b.page)).toBe('5 niños y niñas, 5 formularios');
    expect(await (await openForm(b.page, 'AN-1')).getByTestId('entry-origin').innerText()).toBe('Ingresado en la computadora «Portátil de Ana»');
    expect(await (await openForm(b.page, 'SF-045-9')).getByTestId('entry-origin').innerText()).toMatch(/^Recogido con ODK Central: envío 5f0c1a2e-0001-4c1e-9d6e-3b1f6f0a0001, importado el \d{4}-\d\d-\d\d \(en la computadora «Portátil de Ana»\)$/);
    expect(await (await openForm(b.page, 'SF-045-1')).getByTestId('entry-origin').innerText()).toBe('Ingresado en esta computadora («Oficina Chima»)');

    // The same registration corrected differently on each laptop: shown side by side, the backup's answers kept, this laptop's in the history.
    await correctHouseholdCode(a.page, 'AN-1', 'H-12');
    await correctHouseholdCode(b.page, 'AN-1', 'H-21');
    const second = await downloadBackup(a.page, 'ana-2.sqlite');
    await checkBackup(b.page, second);
    const conflict = b.page.getByTestId('merge-conflict');
    expect(await conflict.locator('legend').innerText()).toBe('Ficha de registro del niño o la niña · AN-1 · 2026-05-02');
    expect(await conflict.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/\tH-21\tH-12$/)]);
    await conflict.locator('input[value="backup"]').check();
    await b.page.getByTestId('merge-commit').click();
    await b.page.getByText('Unido: 0 formularios nuevos, 1 actualización, 0 niños y niñas unidos.').waitFor();
    const merged = await openForm(b.page, 'AN-1');
    expect(await merged.locator('.answer-list').first().innerText()).toMatch(/H-12/);
    const versions = merged.getByTestId('entry-versions');
    await versions.locator('li[data-reason="merge-replaced"] summary').click();
    // The answer corrected here (H-21) says the laptop it was corrected on; the version before the correction is kept too.
    expect(await versions.innerText()).toMatch(/Reemplazada el \d{4}-\d\d-\d\d: la versión antes de una corrección\nReemplazada el \d{4}-\d\d-\d\d: al unir, se dejó la versión de otra computadora[\s\S]*2026-05-02 · Ingresado en esta computadora \(«Oficina Chima»\)[\s\S]*H-21/);

    // The same backup again: nothing to merge.
    await checkBackup(b.page, second);
    await b.page.getByTestId('merge-nothing').waitFor();
    expect(await b.page.getByTestId('merge-commit').count()).toBe(0);
    expect(await counts(b.page)).toBe('5 niños y niñas, 5 formularios');
    expect([...a.watch.consoleErrors, ...b.watch.consoleErrors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 240_000);

  it('reads a registration CSV saved by Spanish Excel (Windows-1252, semicolons, dd/mm/yyyy, labels, an added column) and asks skip or update for a form already here, before anything changes', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es', 'data');
    const excel = readFileSync(path.join(import.meta.dirname, '../fixtures/spreadsheet-csv/registro-excel-windows-1252.csv'));
    const chooseCsv = async (buffer: Buffer) => {
      await page.getByTestId('import-form').selectOption('child-registration');
      await page.getByTestId('import-file').setInputFiles({ name: 'registro.csv', mimeType: 'text/csv', buffer });
      await page.getByTestId('import-button').click();
      await page.getByTestId('csv-preview').waitFor();
    };
    await chooseCsv(excel);
    expect(await page.getByTestId('csv-read-as').innerText()).toBe('Leído como lo guardó la hoja de cálculo: celdas separadas por punto y coma, Windows-1252 («CSV» de Excel en Windows), fechas con el día primero.');
    expect(await page.getByTestId('csv-new').innerText()).toBe('3 fichas nuevas');
    expect(await page.getByTestId('csv-unknown-columns').locator('legend').innerText()).toBe('Columnas que el formulario no tiene: observaciones.');
    expect(await counts(page)).toBe('0 niños y niñas, 0 formularios');
    await page.getByTestId('csv-import-confirm').click();
    await page.getByText('Se importaron 3 filas.').waitFor();
    expect(await counts(page)).toBe('3 niños y niñas, 3 formularios');

    // The same sheet with one age corrected: that registration waits for a choice, the others are already here.
    const corrected = Buffer.from(excel.toString('latin1').replace(';Niño;15;', ';Niño;16;'), 'latin1');
    await chooseCsv(corrected);
    expect(await page.getByTestId('csv-unchanged').innerText()).toBe('2 fichas ya en el registro tal como están (no se tocan)');
    const row = page.getByTestId('csv-conflicts').locator('tbody tr');
    expect(await row.allInnerTexts()).toEqual([expect.stringMatching(/^3\tSF-045-2\t2026-03-05\t\s*Edad en años cumplidos \(age\): 15 → 16\s/)]);
    await page.getByTestId('csv-preview').evaluate((e) => e.scrollIntoView());
    await shot(page, 'field-data-csv-conflict-es-1366');
    expect(await page.getByTestId('csv-import-confirm').isDisabled()).toBe(true);
    await page.getByTestId('csv-choice-3').selectOption('update');
    await page.getByTestId('csv-import-confirm').click();
    await page.getByText('Importado: 0 fichas nuevas, 1 actualización; 0 saltadas, 2 ya estaban.').waitFor();
    await openForm(page, 'SF-045-2');
    expect(await page.getByTestId('child-view').innerText()).toMatch(/16/);

    // The team roll-up: the dashboard and the report for one technician (M-02 registered only the child of April).
    await page.getByTestId('records-tab-dashboard').click();
    const shownQuarters = () => page.locator('[data-testid="quarters-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-quarter')));
    await expect.poll(shownQuarters).toContain('2026-Q1');
    await page.getByTestId('scope-technician').selectOption('M-02');
    await expect.poll(shownQuarters).not.toContain('2026-Q1');
    expect(await shownQuarters()).toContain('2026-Q2');
    await page.getByTestId('records-tab-report').click();
    await page.getByTestId('scope-technician').selectOption('M-02');
    await expect.poll(() => page.getByTestId('report-scope').innerText()).toBe('Todas las comunidades · Técnico o técnica: M-02');
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  for (const lang of ['en', 'es'] as const) {
    for (const width of [1366, 360]) {
      it(`shows the preview in ${lang === 'en' ? 'English' : 'Spanish'} at ${width} px without writing anything`, () => screenshotPreview(lang, width));
    }
  }
});
