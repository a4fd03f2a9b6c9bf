/**
 * Instrument → XLSForm (the spreadsheet format of ODK and KoboToolbox): survey, choices and
 * settings sheets, labels in English and Spanish, skip logic as `relevant`, ranges as
 * `constraint`. The app, the browser edition and `npm run export-forms` all call this.
 */
import type { Lang } from '../facets.ts';
import type { Condition, Instrument, Question } from './instrument-schema.ts';
import { writeXlsx, type Sheet } from './xlsx-writer.ts';

export const XLSFORM_LANGUAGES: Record<Lang, string> = { en: 'English (en)', es: 'Español (es)' };
/** The choice list added for yes/no questions. */
export const YES_NO_LIST = 'yes_no';

const SURVEY_COLUMNS = [
  'type', 'name', 'label::English (en)', 'label::Español (es)', 'hint::English (en)', 'hint::Español (es)',
  'required', 'required_message::English (en)', 'required_message::Español (es)',
  'relevant', 'constraint', 'constraint_message::English (en)', 'constraint_message::Español (es)',
] as const;
type SurveyRow = Partial<Record<(typeof SURVEY_COLUMNS)[number], string>>;

function quote(value: string): string {
  return `'${value.replace(/'/g, '')}'`;
}

/** One skip condition as an XPath expression over the earlier field. */
export function conditionToXPath(c: Condition): string {
  const field = `\${${c.question}}`;
  const any = (parts: string[]) => (parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`);
  if (c.equals) return any(c.equals.map((v) => `${field} = ${quote(v)}`));
  if (c.includes) return any(c.includes.map((v) => `selected(${field}, ${quote(v)})`));
  const bounds: string[] = [];
  if (c.atLeast !== undefined) bounds.push(`${field} >= ${c.atLeast}`);
  if (c.atMost !== undefined) bounds.push(`${field} <= ${c.atMost}`);
  return bounds.join(' and ');
}

function constraintOf(q: Question): { constraint: string; en: string; es: string } | null {
  if ((q.type === 'integer' || q.type === 'decimal') && (q.min !== undefined || q.max !== undefined)) {
    const parts = [q.min !== undefined ? `. >= ${q.min}` : '', q.max !== undefined ? `. <= ${q.max}` : ''].filter(Boolean);
    const range = q.min !== undefined && q.max !== undefined ? `${q.min}–${q.max}` : q.min !== undefined ? `≥ ${q.min}` : `≤ ${q.max}`;
    return { constraint: parts.join(' and '), en: `Enter a number ${range}.`, es: `Escriba un número ${range}.` };
  }
  if (q.type === 'text' && q.maxLength) {
    return { constraint: `string-length(.) <= ${q.maxLength}`, en: `At most ${q.maxLength} characters.`, es: `Como máximo ${q.maxLength} caracteres.` };
  }
  return null;
}

function typeOf(q: Question): string {
  if (q.type === 'yes_no') return `select_one ${YES_NO_LIST}`;
  if (q.type === 'select_one' || q.type === 'select_multiple') return `${q.type} ${q.choices}`;
  return q.type;
}

/** The rows of the three XLSForm sheets. */
export function buildXlsForm(form: Instrument, defaultLanguage: Lang = 'es'): Sheet[] {
  const survey: SurveyRow[] = [];
  for (const section of form.sections) {
    survey.push({ type: 'begin group', name: section.id, 'label::English (en)': section.en.title, 'label::Español (es)': section.es.title, 'hint::English (en)': section.en.intro, 'hint::Español (es)': section.es.intro });
    for (const q of section.questions) {
      const constraint = constraintOf(q);
      survey.push({
        type: typeOf(q),
        name: q.name,
        'label::English (en)': q.en.label,
        'label::Español (es)': q.es.label,
        'hint::English (en)': q.en.hint,
        'hint::Español (es)': q.es.hint,
        required: q.required ? 'yes' : '',
        'required_message::English (en)': q.required ? 'This answer is required.' : '',
        'required_message::Español (es)': q.required ? 'Esta respuesta es obligatoria.' : '',
        relevant: q.showIf?.map(conditionToXPath).join(' and ') ?? '',
        constraint: constraint?.constraint,
        'constraint_message::English (en)': constraint?.en,
        'constraint_message::Español (es)': constraint?.es,
      });
    }
    survey.push({ type: 'end group', name: '' });
  }
  const choices: string[][] = [['list_name', 'name', 'label::English (en)', 'label::Español (es)']];
  const usesYesNo = form.sections.some((s) => s.questions.some((q) => q.type === 'yes_no'));
  if (usesYesNo) choices.push([YES_NO_LIST, 'yes', 'Yes', 'Sí'], [YES_NO_LIST, 'no', 'No', 'No']);
  for (const list of form.choiceLists) {
    for (const c of list.choices) choices.push([list.name, c.value, c.en, c.es]);
  }
  return [
    { name: 'survey', rows: [[...SURVEY_COLUMNS], ...survey.map((r) => SURVEY_COLUMNS.map((col) => r[col] ?? ''))] },
    { name: 'choices', rows: choices },
    {
      name: 'settings',
      rows: [
        ['form_title', 'form_id', 'version', 'default_language'],
        [form[defaultLanguage].title, xlsFormId(form), xlsFormVersion(form), XLSFORM_LANGUAGES[defaultLanguage]],
      ],
    },
  ];
}

/** form_id: the instrument id in XLSForm's name syntax. */
export function xlsFormId(form: Instrument): string {
  return `puente_${form.id.replace(/-/g, '_')}`;
}

/** version: digits only, as ODK compares versions as strings of digits (2026-11 → 202611). */
export function xlsFormVersion(form: Instrument): string {
  return form.version.replace(/\D/g, '');
}

export function xlsFormFileName(form: Instrument, lang: Lang): string {
  return `${form.id}-${lang}-${xlsFormVersion(form)}.xlsx`;
}

/** The .xlsx bytes of an instrument's XLSForm. */
export function exportXlsForm(form: Instrument, defaultLanguage: Lang = 'es'): Uint8Array {
  return writeXlsx(buildXlsForm(form, defaultLanguage));
}
