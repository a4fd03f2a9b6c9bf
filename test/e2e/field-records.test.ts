import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Answers } from '../../common/forms/answers.ts';
import { registration, verification, visit } from '../../scripts/bench/monitoring-answers.ts';
import { newWatchedPage, shot, startHarness, type Harness } from './harness.ts';
import { answersCsv } from '../fixtures/records-service.ts';

let h: Harness;
const downloads = mkdtempSync(path.join(tmpdir(), 'puente-records-e2e-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** Fills the form on screen as a person would: in form order, ticking choices and typing the rest; fixed fields are left alone. */
async function fillForm(page: Page, answers: Answers) {
  const form = page.locator('form.form-filler');
  await form.waitFor();
  for (const [name, value] of Object.entries(answers)) {
    const field = form.locator(`[data-name="${name}"]`);
    await field.waitFor();
    const choices = field.locator('input[type="radio"], input[type="checkbox"]');
    if (await choices.count()) {
      if (await choices.first().isDisabled()) continue;
      for (const v of Array.isArray(value) ? value : [String(value)]) await field.locator(`input[value="${v}"]`).check();
    } else {
      const input = field.locator('input, textarea').first();
      if (await input.getAttribute('readonly') !== null) continue;
      await input.fill(String(value));
    }
  }
  await form.locator('button[type="submit"]').click();
}

async function openRecords(page: Page, lang: 'en' | 'es' = 'en') {
  await page.goto(`${h.baseUrl}#/${lang}/field-records`);
  await page.locator('[data-testid="records"] .records-tabs').waitFor();
}

async function quartersTable(page: Page): Promise<string[]> {
  await page.getByTestId('records-tab-dashboard').click();
  await page.getByTestId('quarters-table').waitFor();
  return page.locator('[data-testid="quarters-table"] tbody tr').allInnerTexts();
}

async function download(page: Page, testId: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(downloads, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

describe('field records in the browser edition', () => {
  it('registers a child, adds visits, marks the withdrawal, shows it on the dashboard, keeps it after a restart, and moves it by CSV to an empty database', async () => {
    const { page, context, watch } = await newWatchedPage(h);
    await openRecords(page);
    await page.getByText('No child is registered yet.').waitFor();

    // An incomplete registration is refused field by field and nothing is saved.
    await page.getByTestId('register-child').click();
    await page.locator('form.form-filler [data-name="reg_date"] input').fill('2026-02-10');
    await page.locator('form.form-filler button[type="submit"]').click();
    await expect.poll(() => page.locator('form.form-filler .fill-error').count()).toBeGreaterThan(3);
    // Leaving it asks first (it holds a typed date); the person says yes.
    page.once('dialog', (d) => void d.accept());
    await page.locator('form.form-filler').getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No child is registered yet.').waitFor();

    await page.getByTestId('register-child').click();
    await fillForm(page, registration({ code: 'CH-001', sex: 'f', age: 9, status: 'working', date: '2026-02-10' }));
    await page.getByTestId('child-view').waitFor();
    expect(await page.getByTestId('child-status').textContent()).toBe('Working');

    await page.getByTestId('add-follow-up-visit').click();
    await fillForm(page, visit({ code: 'CH-001', sex: 'f', age: 9, date: '2026-04-15', stillWorking: false }));
    await page.getByTestId('add-verification').click();
    await fillForm(page, verification({ code: 'CH-001', sex: 'f', age: 9, date: '2026-06-20', registered: 'working', result: 'withdrawn' }));
    await expect.poll(() => page.getByTestId('child-status').textContent()).toBe('Withdrawn');
    expect(await page.locator('.records-history > li').count()).toBe(3);

    // Correct the verification (the child was in fact still working), then correct it back.
    for (const [result, shown] of [['still_working', 'Working'], ['withdrawn', 'Withdrawn']] as const) {
      await page.locator('.records-history > li[data-entry="verification"] summary').click();
      await page.getByTestId('edit-verification').click();
      await page.locator('form.form-filler [data-name="verified_status"] input[value="' + result + '"]').check();
      await page.locator('form.form-filler button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('child-status').textContent()).toBe(shown);
    }
    expect(await page.locator('.records-history > li').count()).toBe(3);

    // A second child, at risk, for the register's search and filters.
    await page.getByRole('button', { name: '← Back to the register' }).click();
    await page.getByTestId('register-child').click();
    await fillForm(page, registration({ code: 'CH-002', sex: 'm', age: 15, status: 'at_risk', date: '2026-05-03' }));
    await page.getByTestId('child-view').waitFor();
    await page.getByRole('button', { name: '← Back to the register' }).click();
    await page.getByTestId('records-search').fill('ch-002');
    await expect.poll(() => page.locator('[data-testid="register-table"] tbody tr').count()).toBe(1);
    await page.getByTestId('records-search').fill('');
    await page.getByTestId('records-status-filter').selectOption('withdrawn');
    await expect.poll(() => page.locator('[data-testid="register-table"] tbody tr').allInnerTexts()).toEqual([expect.stringContaining('CH-001')]);
    await shot(page, 'records-register-en-1366');

    const before = await quartersTable(page);
    expect(before.find((r) => r.startsWith('2026-Q2'))).toMatch(/^2026-Q2\t0\t1\t1 /);
    await shot(page, 'records-dashboard-en-1366');

    // Restart: the records are still there.
    await page.reload();
    await openRecords(page);
    expect(await quartersTable(page)).toEqual(before);

    await page.getByTestId('records-tab-data').click();
    const files = [];
    for (const id of ['child-registration', 'follow-up-visit', 'verification']) files.push(await download(page, `export-${id}`));
    expect([...readFileSync(files[0]).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const aggregate = readFileSync(await download(page, 'export-aggregate'), 'utf8');
    expect(aggregate).toContain('withdrawn_cumulative');
    expect(aggregate).not.toContain('CH-00');
    await context.close();

    // A fresh profile: an empty database, then the CSV files, checked and imported.
    const fresh = await newWatchedPage(h);
    await openRecords(fresh.page);
    await fresh.page.getByTestId('records-tab-data').click();
    const bad = path.join(downloads, 'bad.csv');
    (await import('node:fs')).writeFileSync(bad, readFileSync(files[0], 'utf8').replace(',9,', ',ninety,'));
    await fresh.page.getByTestId('import-form').selectOption('child-registration');
    await fresh.page.getByTestId('import-file').setInputFiles(bad);
    await fresh.page.getByTestId('import-button').click();
    await fresh.page.getByTestId('import-problems').waitFor();
    expect(await fresh.page.getByTestId('import-problems').innerText()).toMatch(/\n2\tage\t/);
    for (const [i, id] of ['child-registration', 'follow-up-visit', 'verification'].entries()) {
      await fresh.page.getByTestId('import-form').selectOption(id);
      await fresh.page.getByTestId('import-file').setInputFiles(files[i]);
      await fresh.page.getByTestId('import-button').click();
      await fresh.page.getByText(/Imported \d+ row/).waitFor();
      await fresh.page.getByTestId('import-file').setInputFiles([]);
    }
    expect(await quartersTable(fresh.page)).toEqual(before);
    expect(watch.consoleErrors).toEqual([]);
    expect(fresh.watch.consoleErrors).toEqual([]);
    expect([...watch.offOrigin, ...fresh.watch.offOrigin]).toEqual([]);
    await fresh.context.close();
  });

  it('encrypts the records with a passphrase and asks for it after a restart; a wrong one changes nothing', async () => {
    const { page, context } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es');
    await page.getByTestId('register-child').click();
    await fillForm(page, registration({ code: 'SF-01', sex: 'm', age: 11, status: 'working', date: '2026-03-03' }));
    await page.getByTestId('child-view').waitFor();
    await page.getByTestId('records-tab-data').click();
    await page.getByTestId('passphrase-new').fill('una frase larga');
    await page.getByTestId('passphrase-repeat').fill('una frase larga');
    await page.getByTestId('set-passphrase').click();
    await page.getByText('Los registros ahora están cifrados.').waitFor();
    await page.reload();
    await page.getByTestId('unlock-passphrase').waitFor();
    await page.getByTestId('unlock-passphrase').fill('otra frase');
    await page.getByRole('button', { name: 'Abrir' }).click();
    // The refusal in Spanish alone: no English detail after it (it used to end with '(Wrong passphrase …)').
    const refused = page.getByRole('alert').filter({ hasText: /frase de acceso incorrecta/i });
    await refused.waitFor();
    expect(await refused.textContent()).toBe('Frase de acceso incorrecta (o el archivo está dañado). No se cambió nada: vuelva a intentarlo.');
    await page.getByTestId('unlock-passphrase').fill('una frase larga');
    await page.getByRole('button', { name: 'Abrir' }).click();
    await page.locator('[data-testid="register-table"] tbody tr', { hasText: 'SF-01' }).waitFor();
    await shot(page, 'records-register-es-1366');
    await context.close();
  });

  it('restores a backup only after showing what it holds and what would be lost, with the word typed, and brings the old records back in one click (Spanish)', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es');
    for (const code of ['RB-01', 'RB-02']) {
      await page.getByTestId('register-child').click();
      await fillForm(page, registration({ code, sex: 'f', age: 10, status: 'working', date: '2026-03-03' }));
      await page.getByTestId('child-view').waitFor();
      await page.getByRole('button', { name: '← Volver al registro' }).first().click();
    }
    await page.getByTestId('records-tab-data').click();
    const backup = await download(page, 'export-database');
    const empty = path.join(downloads, 'vacio.sqlite');
    (await import('node:fs')).writeFileSync(empty, new Uint8Array(0));
    await page.getByTestId('records-tab-register').click();
    await page.getByTestId('register-child').click();
    await fillForm(page, registration({ code: 'RB-NUEVO', sex: 'm', age: 12, status: 'at_risk', date: '2026-04-04' }));
    await page.getByTestId('child-view').waitFor();
    await page.getByRole('button', { name: '← Volver al registro' }).first().click();
    await page.getByTestId('records-tab-data').click();

    // An empty file is refused, in Spanish, and nothing changes.
    await page.getByTestId('restore-file').setInputFiles(empty);
    await page.getByTestId('restore-check').click();
    await page.getByText('Este archivo está vacío (0 bytes): no tiene registros. No se cambió nada.').waitFor();

    // The real backup: shown beside the data here, with the child who would be lost named.
    await page.getByTestId('restore-file').setInputFiles(backup);
    await page.getByTestId('restore-check').click();
    await page.getByTestId('restore-preview').waitFor();
    expect(await page.getByTestId('restore-loss').innerText()).toMatch(/quitaría 1 niño o niña[\s\S]*RB-NUEVO/);
    await shot(page, 'records-restore-preview-es-1366');
    await expect(page.getByTestId('restore-button').isDisabled()).resolves.toBe(true);
    await page.getByTestId('restore-confirm').fill('restaurar');
    await page.getByTestId('restore-button').click();
    await page.getByText('Copia de seguridad restaurada.').waitFor();
    await page.getByTestId('undo-restore').waitFor();
    expect(await page.locator('.records-privacy').innerText()).toMatch(/2 niños/);

    // One click brings back the records from before the restore, with the child registered after the backup.
    await page.getByTestId('undo-restore-button').click();
    await page.getByText('Se recuperaron los registros de antes de restaurar.').waitFor();
    await page.getByTestId('records-tab-register').click();
    await page.locator('[data-testid="register-table"] tbody tr', { hasText: 'RB-NUEVO' }).waitFor();
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows how far a long CSV import is, and stops it on request without importing anything (Spanish)', async () => {
    const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es');
    await page.getByTestId('records-tab-data').click();
    const big = path.join(downloads, 'grande.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => registration({ code: `G-${i}`, sex: i % 2 ? 'f' : 'm', age: 6 + (i % 10), status: 'working', date: '2026-02-10' }));
    (await import('node:fs')).writeFileSync(big, answersCsv(rows));
    await page.getByTestId('import-form').selectOption('child-registration');
    await page.getByTestId('import-file').setInputFiles(big);
    await page.getByTestId('import-button').click();
    await page.getByTestId('task-progress').getByText(/Revisando e importando… [\d.]+ de 40\.000/).waitFor();
    await shot(page, 'records-import-progress-es-1366');
    await page.getByTestId('task-cancel').click();
    await page.getByText('Se detuvo. No se cambió nada.').waitFor();
    expect(await page.getByTestId('task-progress').count()).toBe(0);
    expect(await page.locator('.records-privacy').innerText()).toMatch(/0 niños/);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it("starts the committee's quarterly form from the register's counts and says how they differ from the report tab's (Spanish, 1366 and 360 px)", async () => {
    for (const width of [1366, 360]) {
      const { page, context, watch } = await newWatchedPage(h, { locale: 'es-PE', width, height: width === 360 ? 740 : 768 });
      await openRecords(page, 'es');
      const register = async (answers: Answers) => {
        await page.getByTestId('register-child').click();
        await fillForm(page, answers);
        await page.getByTestId('child-view').waitFor();
      };
      await register(registration({ code: 'CH-101', sex: 'f', age: 9, status: 'working', date: '2026-04-10' }));
      await page.getByTestId('add-follow-up-visit').click();
      await fillForm(page, visit({ code: 'CH-101', sex: 'f', age: 9, date: '2026-05-15', stillWorking: false }));
      await page.getByTestId('add-verification').click();
      await fillForm(page, verification({ code: 'CH-101', sex: 'f', age: 9, date: '2026-08-20', registered: 'working', result: 'withdrawn' }));
      await expect.poll(() => page.locator('.records-history > li').count()).toBe(3);
      await page.getByRole('button', { name: /Volver al registro/ }).click();
      await register(registration({ code: 'CH-102', sex: 'm', age: 15, status: 'at_risk', date: '2026-05-03' }));
      await page.getByRole('button', { name: /Volver al registro/ }).click();

      await page.getByRole('button', { name: /Informe trimestral del comité/ }).click();
      await page.getByTestId('committee-quarter').selectOption('2026-Q2');
      const value = (name: string) => page.locator(`form.form-filler [data-name="${name}"] input`).first().inputValue();
      await expect.poll(() => value('identified_girls_under14')).toBe('1');
      // Identified means identified as working: the boy at risk is not among them (the report tab counts him).
      expect(await value('identified_boys_14_17')).toBe('0');
      expect(await value('withdrawn_girls_under14')).toBe('0');
      expect(await value('visits_done')).toBe('1');
      expect(await value('period_start')).toBe('2026-04-01');
      expect(await value('period_end')).toBe('2026-06-30');
      expect(await value('community')).toBe('Chima');
      // What only the committee knows is left empty.
      expect(await value('orgs_total')).toBe('');
      // Another quarter starts the form again from its own counts: the girl verified withdrawn in August.
      await page.getByTestId('committee-quarter').selectOption('2026-Q3');
      await expect.poll(() => value('period_start')).toBe('2026-07-01');
      expect(await value('withdrawn_girls_under14')).toBe('1');
      expect(await value('identified_girls_under14')).toBe('0');
      expect(await page.getByTestId('committee-form-note').textContent()).toMatch(/cifras del registro/);
      expect(await page.getByText(/Por qué la pestaña Informe trimestral muestra otras cifras/).count()).toBe(1);
      await page.getByTestId('committee-form-note').scrollIntoViewIfNeeded();
      await shot(page, `committee-form-es-${width}`);
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('asks before leaving a form with answers that are not saved, and stays on it when told to (Spanish)', async () => {
    const { page, context } = await newWatchedPage(h, { locale: 'es-PE' });
    await openRecords(page, 'es');
    await page.getByTestId('register-child').click();
    await page.locator('form.form-filler [data-name="registrar_code"] input').fill('M-07');
    const questions: string[] = [];
    page.on('dialog', (d) => { questions.push(d.message()); void (questions.length === 1 ? d.dismiss() : d.accept()); });
    await page.getByRole('button', { name: 'Cancelar' }).click();
    expect(questions).toEqual(['Este formulario tiene respuestas sin guardar. ¿Salir y perderlas?']);
    expect(await page.locator('form.form-filler [data-name="registrar_code"] input').inputValue()).toBe('M-07');
    // A tab elsewhere on the page asks too; accepted, the form goes away.
    await page.getByTestId('records-tab-dashboard').click();
    expect(questions).toHaveLength(2);
    await page.locator('form.form-filler').waitFor({ state: 'detached' });
    await context.close();
  });
});
