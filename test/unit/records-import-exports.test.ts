/**
 * Importing what ODK Central and KoboToolbox collected: the same submissions exported by either
 * server give the same register; the same export twice, or an overlapping one, adds nothing; an
 * edit on the server replaces the entry and keeps its previous answers; a form the NGO adapted
 * imports with its unknown field and choice kept and named. Fixtures: scripts/bench/server-exports.ts (shared with the benchmark).
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../common/forms/answers.ts';
import type { Instrument } from '../../common/forms/instrument-schema.ts';
import { registration, verification, visit } from '../../scripts/bench/monitoring-answers.ts';
import { recordsDeps, recordsService } from '../fixtures/records-service.ts';
import { adaptedForm, centralCsv, centralZip, koboCsv, koboFileName, koboXlsx, type FixtureSubmission } from '../../scripts/bench/server-exports.ts';

const form = async (id: string): Promise<Instrument> => (await recordsDeps()).instruments.find((f) => f.id === id)!;
const at = (day: string) => `${day}T15:04:05.123Z`;

/** Four registrations (one without consent), two visits and a verification, as collected on phones. */
function fieldData() {
  const registrations: FixtureSubmission[] = [
    { id: '5f0c1a2e-0001-4c1e-9d6e-3b1f6f0a0001', submittedAt: at('2026-03-02'), answers: registration({ code: 'SF-045-1', sex: 'f', age: 9, status: 'working', date: '2026-03-02', community: 'Santa Filomena' }) },
    { id: '5f0c1a2e-0002-4c1e-9d6e-3b1f6f0a0002', submittedAt: at('2026-03-03'), answers: registration({ code: 'SF-045-2', sex: 'm', age: 15, status: 'at_risk', date: '2026-03-03', community: 'Santa Filomena' }) },
    { id: '5f0c1a2e-0003-4c1e-9d6e-3b1f6f0a0003', submittedAt: at('2026-04-10'), answers: registration({ code: 'CH-007-1', sex: 'f', age: 12, status: 'working', date: '2026-04-10', community: 'Chima' }) },
    { id: '5f0c1a2e-0004-4c1e-9d6e-3b1f6f0a0004', submittedAt: at('2026-04-11'), answers: registration({ code: null, sex: 'm', age: 11, status: 'working', date: '2026-04-11', community: 'Chima' }) },
  ];
  const visits: FixtureSubmission[] = [
    { id: '7a1d2b3c-0001-4f00-8a00-00000000a001', submittedAt: at('2026-05-04'), answers: visit({ code: 'SF-045-1', sex: 'f', age: 9, date: '2026-05-04', stillWorking: false }) },
    { id: '7a1d2b3c-0002-4f00-8a00-00000000a002', submittedAt: at('2026-06-15'), answers: visit({ code: 'CH-007-1', sex: 'f', age: 12, date: '2026-06-15', stillWorking: true }) },
  ];
  const verifications: FixtureSubmission[] = [
    { id: '9c3e4f50-0001-4a00-b000-00000000b001', submittedAt: at('2026-08-20'), answers: verification({ code: 'SF-045-1', sex: 'f', age: 9, date: '2026-08-20', registered: 'working', result: 'withdrawn' }) },
  ];
  return { registrations, visits, verifications };
}

type Service = Awaited<ReturnType<typeof recordsService>>;

async function importFile(s: Service, fileName: string, bytes: Uint8Array | string, lang: 'en' | 'es' = 'en') {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const preview = await s.call({ op: 'preview-import', lang, fileName, bytes: data });
  const done = await s.call({ op: 'commit-import', lang, fileName, bytes: data });
  return { preview, done };
}

/** What a person sees of the register: each child's facts and every form's answers, in a stable order. */
async function register(s: Service) {
  const { rows } = await s.call({ op: 'list-children', sort: 'code', limit: 500 });
  const children = [];
  for (const r of rows) {
    const h = await s.call({ op: 'child-history', childId: r.id });
    children.push({
      code: r.childCode, sex: r.sex, age: r.age, community: r.community, status: r.currentStatus, registeredOn: r.registeredOn,
      forms: h.entries.map((e: { instrumentId: string; entryDate: string; answers: Answers }) => ({ form: e.instrumentId, date: e.entryDate, answers: e.answers })),
    });
  }
  const { quarters } = await s.call({ op: 'dashboard' });
  return { children, quarters, entries: (await s.call({ op: 'status' })).entries };
}

describe('importing ODK Central and KoboToolbox exports', () => {
  it('gives the same register from an ODK Central zip and a KoboToolbox XLSX of the same submissions, and importing one after the other adds nothing', async () => {
    const [reg, vis, ver] = await Promise.all(['child-registration', 'follow-up-visit', 'verification'].map(form));
    const data = fieldData();
    const central = await recordsService();
    const r1 = await importFile(central, 'puente_child_registration.csv.zip', centralZip(reg, data.registrations));
    expect(r1.preview).toMatchObject({ format: 'odk-central-zip', server: 'odk-central', form: { id: 'child-registration', recognisedBy: 'form-id', version: '202611' }, submissions: 4, newChildren: 3, newForms: 4, updates: 0, unchanged: 0, refusedRows: 0, unknownFields: [] });
    expect(r1.done.written).toEqual({ added: 4, updated: 0 });
    await importFile(central, 'puente_follow_up_visit.csv.zip', centralZip(vis, data.visits, { splitSelectMultiples: true }));
    const r3 = await importFile(central, 'puente_verification.csv.zip', centralZip(ver, data.verifications));
    expect(r3.done.written).toEqual({ added: 1, updated: 0 });

    const kobo = await recordsService();
    const k1 = await importFile(kobo, koboFileName(reg, 'xlsx'), await koboXlsx(reg, data.registrations, { headers: 'es', groups: true }), 'es');
    expect(k1.preview).toMatchObject({ format: 'kobo-xlsx', server: 'kobotoolbox', headers: 'labels', form: { id: 'child-registration', recognisedBy: 'form-title' }, newChildren: 3, newForms: 4, refusedRows: 0 });
    await importFile(kobo, koboFileName(vis, 'xlsx', 'False'), await koboXlsx(vis, data.visits, { headers: 'names', groups: true }));
    await importFile(kobo, koboFileName(ver, 'xlsx'), await koboXlsx(ver, data.verifications, { headers: 'en' }));

    const fromCentral = await register(central);
    expect(fromCentral.children.map((c) => [c.code, c.status])).toEqual([['CH-007-1', 'working'], ['SF-045-1', 'withdrawn'], ['SF-045-2', 'at_risk']]);
    expect(fromCentral.entries).toBe(7);
    expect(await register(kobo)).toEqual(fromCentral);

    // The same submissions from the other server are the same entries: nothing is added twice.
    const again = await importFile(central, koboFileName(reg, 'xlsx'), await koboXlsx(reg, data.registrations, { headers: 'es', groups: true }), 'es');
    expect(again.preview).toMatchObject({ newChildren: 0, newForms: 0, updates: 0, unchanged: 4 });
    expect(again.done.written).toEqual({ added: 0, updated: 0 });
    expect(await register(central)).toEqual(fromCentral);
  });

  it('changes nothing when the same export is imported twice, and adds only the new submissions of an export that overlaps the last', async () => {
    const reg = await form('child-registration');
    const { registrations } = fieldData();
    const s = await recordsService();
    await importFile(s, 'puente_child_registration.csv', centralCsv(reg, registrations.slice(0, 2)));
    const before = await register(s);
    const twice = await importFile(s, 'puente_child_registration.csv', centralCsv(reg, registrations.slice(0, 2)));
    expect(twice.preview).toMatchObject({ format: 'odk-central-csv', newForms: 0, updates: 0, unchanged: 2 });
    expect(await register(s)).toEqual(before);
    const overlap = await importFile(s, 'puente_child_registration (1).csv', centralCsv(reg, registrations));
    expect(overlap.preview).toMatchObject({ newChildren: 1, newForms: 2, unchanged: 2 });
    expect((await s.call({ op: 'status' })).entries).toBe(4);
  });

  it('replaces a submission edited on the server (Edits, a new instance id), keeps its previous answers in its history, and ignores an older export afterwards', async () => {
    const reg = await form('child-registration');
    const { registrations } = fieldData();
    const s = await recordsService();
    await importFile(s, 'puente_child_registration.csv.zip', centralZip(reg, registrations));
    const first = registrations[0];
    const edited = { ...first, version: 'b8e1c0de-0001-4c1e-9d6e-3b1f6f0affff', edits: 1, answers: { ...first.answers, school_status: 'irregular' } };
    const update = await importFile(s, 'puente_child_registration.csv.zip', centralZip(reg, [edited, ...registrations.slice(1)]));
    expect(update.preview).toMatchObject({ newForms: 0, updates: 1, unchanged: 3 });
    const child = (await s.call({ op: 'list-children', query: 'SF-045-1' })).rows[0];
    const history = await s.call({ op: 'child-history', childId: child.id });
    const entry = history.entries[0];
    expect(entry.answers.school_status).toBe('irregular');
    expect(entry.provenance).toMatchObject({ origin: 'server', server: 'odk-central', submissionId: first.id });
    const versions = await s.call({ op: 'entry-history', entryId: entry.id });
    expect(versions).toMatchObject([{ reason: 'server-edit', answers: { school_status: 'attending' }, submissionVersion: first.id }]);
    // The export from before the edit brings nothing back.
    const older = await importFile(s, 'puente_child_registration.csv.zip', centralZip(reg, registrations));
    expect(older.preview).toMatchObject({ updates: 0, unchanged: 4 });
    expect((await s.call({ op: 'child-history', childId: child.id })).entries[0].answers.school_status).toBe('irregular');
  });

  it('follows a KoboToolbox edit by its record number (_id) when the edit gave the submission a new _uuid', async () => {
    const reg = await form('child-registration');
    const { registrations } = fieldData();
    const s = await recordsService();
    const numbered = registrations.map((r, i) => ({ ...r, recordId: 61 + i }));
    await importFile(s, koboFileName(reg, 'csv', '_xml'), koboCsv(reg, numbered, { headers: 'names' }));
    const edited = [{ ...numbered[1], version: 'c0ffee00-0002-4c1e-9d6e-3b1f6f0a0002', answers: { ...numbered[1].answers, age: 16 } }, ...numbered.slice(2)];
    const update = await importFile(s, koboFileName(reg, 'csv', '_xml'), koboCsv(reg, edited, { headers: 'names', separator: ',' }));
    expect(update.preview).toMatchObject({ format: 'kobo-csv', updates: 1, unchanged: 2, newForms: 0 });
    expect((await s.call({ op: 'list-children', query: 'SF-045-2' })).rows[0].age).toBe(16);
  });

  it('imports a form the NGO adapted (a question added, a choice added, a newer version), keeping and naming what Puente does not know', async () => {
    const reg = await form('child-registration');
    const adapted = adaptedForm(reg, {
      after: 'household_code',
      question: { name: 'phone_contact', type: 'text', required: false, en: { label: 'Family phone number' }, es: { label: 'Teléfono de la familia' } },
      list: 'school_level', choice: { value: 'special', en: 'Special education', es: 'Educación especial' },
      version: '2026-12',
    });
    const withNew = (a: Answers, extra: Answers) => ({ ...a, ...extra });
    const { registrations } = fieldData();
    const subs: FixtureSubmission[] = [
      { ...registrations[0], formVersion: '202612', answers: withNew(registrations[0].answers, { phone_contact: '0591 712 3456', school_level: 'special' }) },
      { ...registrations[1], formVersion: '202612', answers: withNew(registrations[1].answers, { phone_contact: '0591 700 0000', school_level: 'primary' }) },
      { ...registrations[2], formVersion: '202612', answers: withNew(registrations[2].answers, { where_found: 'market' }) },
    ];
    adapted.choiceLists.find((l) => l.name === 'place')!.choices.push({ value: 'market', en: 'At the market', es: 'En el mercado' });
    const s = await recordsService();
    const { preview, done } = await importFile(s, 'puente_child_registration.csv.zip', centralZip(adapted, subs), 'es');
    expect(preview).toMatchObject({
      form: { id: 'child-registration', recognisedBy: 'form-id', version: '202611' }, formVersions: [{ version: '202612', rows: 3 }],
      newChildren: 2, refusedRows: 1,
      unknownFields: [{ name: 'phone_contact', rows: 2 }],
      unknownChoices: expect.arrayContaining([{ question: 'school_level', value: 'special', rows: 1 }, { question: 'where_found', value: 'market', rows: 1 }]),
    });
    // A required question answered only with a choice Puente's form lacks refuses the row, naming the column and the choice, in Spanish.
    expect(preview.problems).toEqual([expect.objectContaining({ row: 4, column: 'found-where_found', code: 'unknown-choice', params: { question: 'where_found', value: 'market' }, message: expect.stringContaining('«market» no es una de las opciones') })]);
    expect(done.written).toEqual({ added: 2, updated: 0 });
    const child = (await s.call({ op: 'list-children', query: 'SF-045-1' })).rows[0];
    const [entry] = (await s.call({ op: 'child-history', childId: child.id })).entries;
    expect(entry.unrecognised).toEqual({ phone_contact: '0591 712 3456', school_level: 'special' });
    expect(entry.answers).not.toHaveProperty('phone_contact');
    expect(entry.answers.school_level).toBeNull();
  });

  it('reads a KoboToolbox CSV with labels of either language, and a Central export without group names', async () => {
    const [reg, vis] = await Promise.all([form('child-registration'), form('follow-up-visit')]);
    const { registrations, visits } = fieldData();
    const s = await recordsService();
    const r = await importFile(s, koboFileName(reg, 'csv'), koboCsv(reg, registrations, { headers: 'en', groups: true }));
    expect(r.preview).toMatchObject({ format: 'kobo-csv', headers: 'labels', newChildren: 3, refusedRows: 0 });
    const v = await importFile(s, 'export.csv', centralCsv(vis, visits, { groupPaths: false }));
    expect(v.preview).toMatchObject({ form: { id: 'follow-up-visit', recognisedBy: 'columns' }, newForms: 2, refusedRows: 0 });
    const child = (await s.call({ op: 'list-children', query: 'CH-007-1' })).rows[0];
    expect((await s.call({ op: 'child-history', childId: child.id })).entries[1].answers).toMatchObject({ tasks_now: ['ore_picking'], when_worked: ['weekends'] });
  });

  it('keeps a repeat group the NGO added (joined by KEY/PARENT_KEY, or _parent_index) with its submission', async () => {
    const reg = await form('child-registration');
    const { registrations } = fieldData();
    const repeats = [{ name: 'sibling', path: 'siblings/sibling', fields: ['sibling_age', 'sibling_works'], rows: [
      { parent: registrations[0].id, values: { sibling_age: '7', sibling_works: 'no' } },
      { parent: registrations[0].id, values: { sibling_age: '13', sibling_works: 'yes' } },
      { parent: registrations[2].id, values: { sibling_age: '4', sibling_works: 'no' } },
    ] }];
    const files = [
      { name: 'puente_child_registration.csv.zip', bytes: centralZip(reg, registrations, { repeats }) },
      { name: koboFileName(reg, 'xlsx', 'False'), bytes: await koboXlsx(reg, registrations, { headers: 'names', repeats }) },
    ];
    for (const { name, bytes } of files) {
      const s = await recordsService();
      const { preview } = await importFile(s, name, bytes);
      expect(preview.unknownFields).toEqual([{ name: 'sibling', rows: 2 }]);
      const child = (await s.call({ op: 'list-children', query: 'SF-045-1' })).rows[0];
      expect((await s.call({ op: 'child-history', childId: child.id })).entries[0].unrecognised).toEqual({ sibling: [{ sibling_age: '7', sibling_works: 'no' }, { sibling_age: '13', sibling_works: 'yes' }] });
    }
  });
});
