import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionToXPath, exportXlsForm, buildXlsForm, xlsFormFileName } from '../../common/forms/xlsform.ts';
import { writeXlsx } from '../../common/forms/xlsx-writer.ts';
import { loadContent } from '../../scripts/content/load-content.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';
import { checkXlsFormRules, readWorkbook } from './xlsform-rules.ts';

const fixture = loadContent(path.resolve(import.meta.dirname, '../fixtures/content-good'));
const real = { instruments: loadInstruments() };
const form = fixture.instruments[0];

describe('XLSForm export', () => {
  it('writes skip logic as relevant expressions', () => {
    expect(conditionToXPath({ question: 'works', equals: ['yes'] })).toBe("${works} = 'yes'");
    expect(conditionToXPath({ question: 'tasks', includes: ['shafts', 'ore_picking'] })).toBe("(selected(${tasks}, 'shafts') or selected(${tasks}, 'ore_picking'))");
    expect(conditionToXPath({ question: 'age', atLeast: 5, atMost: 13 })).toBe('${age} >= 5 and ${age} <= 13');
  });

  it('builds survey, choices and settings with both languages, ranges and required flags', () => {
    const [survey, choices, settings] = buildXlsForm(form, 'es');
    const rows = survey.rows.slice(1).map((r) => Object.fromEntries(survey.rows[0].map((h, i) => [h, r[i]])));
    const age = rows.find((r) => r.name === 'age')!;
    expect(age).toMatchObject({ type: 'integer', required: 'yes', constraint: '. >= 0 and . <= 17', 'label::Español (es)': 'Edad en años cumplidos' });
    expect(rows.find((r) => r.name === 'works')!.type).toBe('select_one yes_no');
    expect(rows.find((r) => r.name === 'shaft_hours')!.relevant).toBe("selected(${tasks}, 'shafts') and ${age} <= 17");
    expect(rows.filter((r) => r.type === 'begin group').map((r) => r.name)).toEqual(['child', 'work']);
    expect(choices.rows).toContainEqual(['yes_no', 'yes', 'Yes', 'Sí']);
    expect(settings.rows[1]).toEqual(['Registro del niño o la niña', 'puente_child_registration', '202611', 'Español (es)']);
    expect(xlsFormFileName(form, 'en')).toBe('child-registration-en-202611.xlsx');
  });

  it('produces a workbook a spreadsheet library reads back, passing the XLSForm rules', async () => {
    const sheets = await readWorkbook(exportXlsForm(form, 'en'));
    expect(Object.keys(sheets)).toEqual(['survey', 'choices', 'settings']);
    expect(checkXlsFormRules(sheets)).toEqual([]);
  });

  it('passes the XLSForm rules for every instrument of the manual, in both default languages', async () => {
    expect(real.instruments.length).toBeGreaterThanOrEqual(12);
    for (const f of real.instruments) {
      for (const lang of ['en', 'es'] as const) {
        const problems = checkXlsFormRules(await readWorkbook(exportXlsForm(f, lang)));
        expect(problems, `${f.id} (${lang})`).toEqual([]);
      }
    }
  });

  it('catches what the rules forbid (the checker is not a rubber stamp)', async () => {
    const broken = buildXlsForm(form, 'en');
    const survey = broken[0].rows;
    const tasksRow = survey.find((r) => r[1] === 'tasks')!;
    tasksRow[0] = 'select_multiple chores';
    survey.find((r) => r[1] === 'works')![9] = '${later_field} = 1';
    survey.find((r) => r[1] === 'age')![3] = '';
    const problems = checkXlsFormRules(await readWorkbook(writeXlsx(broken)));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/choice list "chores" does not exist/),
      expect.stringMatching(/relevant refers to "later_field"/),
      expect.stringMatching(/\(age\): no label in Español/),
    ]));
  });
});
