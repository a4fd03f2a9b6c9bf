/**
 * A file that is not a whole export of one of Puente's monitoring forms is refused as a whole: the
 * message names the file and says why, in a code the screen can word, and nothing changes.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { registration } from '../../scripts/bench/monitoring-answers.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { centralCsv, centralZip, koboCsv, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';

const registrations: FixtureSubmission[] = ['0001', '0002', '0003'].map((n, i) => ({
  id: `4b7e2c10-${n}-4d2a-9f00-00000000c${n}`, submittedAt: `2026-03-0${i + 1}T10:00:00.000Z`,
  answers: registration({ code: `SF-${n}`, sex: i % 2 ? 'm' : 'f', age: 8 + i, status: 'working', date: `2026-03-0${i + 1}` }),
}));

/** A service holding one child already, to see that a refused file changes nothing. */
async function withOneChild() {
  const s = await recordsService();
  expect(await s.save('child-registration', registration({ code: 'KEEP-1', sex: 'f', age: 10, status: 'working', date: '2026-02-01' }))).toMatchObject({ ok: true });
  await s.svc.flush();
  return s;
}

async function expectRefused(fileName: string, bytes: Uint8Array | string, pattern: RegExp) {
  const s = await withOneChild();
  const writes = s.disk.writes;
  const data = typeof bytes === 'string' ? strToU8(bytes) : bytes;
  for (const op of ['preview-import', 'commit-import']) {
    await expect(s.call({ op, lang: 'en', fileName, bytes: data })).rejects.toThrow(pattern);
  }
  await s.svc.flush();
  expect(s.disk.writes).toBe(writes);
  expect(await s.call({ op: 'status' })).toMatchObject({ children: 1, entries: 1 });
}

describe('bad export files change nothing and say why', () => {
  it('a zip without the root table', async () => {
    const zip = zipSync({
      'puente_child_registration-sibling.csv': strToU8('sibling_age,PARENT_KEY,KEY\n7,uuid:1,uuid:1/siblings/sibling[1]\n'),
      'media/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    });
    await expectRefused('puente_child_registration.csv.zip', zip, /^\[no-root-table\|[^\]]*\] "puente_child_registration\.csv\.zip" has no submissions table.*puente_child_registration-sibling\.csv, media\/photo\.jpg\. Nothing was changed\.$/);
  });

  it('an export of a form Puente does not know, and of a baseline form', async () => {
    const other = 'SubmissionDate,respondent-name,respondent-village,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion\n'
      + '2026-03-01T10:00:00.000Z,Rosa,Chima,uuid:1,uuid:1,5,Ana,0,0,,,,0,3\n';
    await expectRefused('household_survey.csv.zip', zipSync({ 'household_survey.csv': strToU8(other) }), /^\[unknown-form\|[^\]]*\] "household_survey\.csv\.zip" holds a form Puente does not know \("household_survey"\).*Nothing was changed\.$/);
    const census = (await recordsDeps()).instruments.find((f) => f.id === 'household-census')!;
    await expectRefused('puente_household_census.csv', centralCsv(census, []), /^\[unknown-form\|[^\]]*%22baseline%22[^\]]*\] .*a baseline form: the field records hold the monitoring forms only/);
  });

  it('a CSV cut in the middle of a row, or of a quoted cell', async () => {
    const reg = (await recordsDeps()).instruments.find((f) => f.id === 'child-registration')!;
    const whole = centralCsv(reg, registrations);
    const cut = whole.slice(0, whole.lastIndexOf('\n', whole.length - 2) + 40);
    await expectRefused('puente_child_registration.csv', cut, /^\[cut-short\|[^\]]*\] “puente_child_registration\.csv” ends in the middle of the row on line 4 \(\d+ of \d+ cells\).*Download the export again\. Nothing was changed\.$/);
    const kobo = koboCsv(reg, registrations, { headers: 'names' });
    await expectRefused('Ficha.csv', kobo.slice(0, kobo.length - 30), /^\[cut-short\|[^\]]*\] “Ficha\.csv” ends in the middle of a cell that starts on line 4/);
  });

  it('a file of another kind renamed .csv, and a damaged zip', async () => {
    await expectRefused('puente_child_registration.csv', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), /^\[not-an-export\|[^\]]*\] "puente_child_registration\.csv" is a PDF, not a submissions export/);
    await expectRefused('datos.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /\[not-an-export\|.*is a PNG image/);
    await expectRefused('datos.csv', new Uint8Array([1, 2, 0, 4, 5, 6, 7, 8]), /\[not-an-export\|.*is a binary file/);
    await expectRefused('notas.csv', 'nombre,edad\nRosa,9\n', /\[not-an-export\|.*is a table without the columns of an ODK Central or KoboToolbox export/);
    const reg = (await recordsDeps()).instruments.find((f) => f.id === 'child-registration')!;
    const zip = centralZip(reg, registrations);
    await expectRefused('puente_child_registration.csv.zip', zip.slice(0, zip.length - 40), /^\[damaged-export\|[^\]]*\] "puente_child_registration\.csv\.zip" is a damaged or incomplete zip file/);
  });
});
