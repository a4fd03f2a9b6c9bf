/**
 * The XLSForm rules the tests check an exported workbook against, read back with a
 * spreadsheet library (ExcelJS), independent of the code that wrote it.
 * Not checked here: ODK's own converter (pyxform / ODK Validate) — see the README.
 */
import ExcelJS from 'exceljs';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LANGS = ['English (en)', 'Español (es)'];
const ROW_TYPES = /^(begin group|end group|note|text|integer|decimal|date|select_one \S+|select_multiple \S+|calculate|start|end|today|deviceid)$/;

export async function readWorkbook(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      rows[n - 1] = values;
    });
    out[sheet.name] = Array.from(rows, (r) => r ?? []);
  });
  return out;
}

function table(rows: string[][]): Array<Record<string, string>> {
  const [header, ...body] = rows;
  return body.filter((r) => r.some(Boolean)).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Every rule the exported workbook breaks, as readable messages (empty when it is valid). */
export function checkXlsFormRules(sheets: Record<string, string[][]>): string[] {
  const problems: string[] = [];
  for (const name of ['survey', 'choices', 'settings']) if (!sheets[name]) problems.push(`missing sheet "${name}"`);
  if (problems.length) return problems;
  const surveyHeader = sheets.survey[0];
  for (const col of ['type', 'name', ...LANGS.map((l) => `label::${l}`)]) if (!surveyHeader.includes(col)) problems.push(`survey: missing column "${col}"`);
  for (const col of ['list_name', 'name', ...LANGS.map((l) => `label::${l}`)]) if (!sheets.choices[0].includes(col)) problems.push(`choices: missing column "${col}"`);
  const settings = table(sheets.settings)[0] ?? {};
  if (!settings.form_id || !NAME.test(settings.form_id)) problems.push(`settings: form_id "${settings.form_id ?? ''}" is missing or not a valid name`);
  if (!settings.version || !/^\d+$/.test(settings.version)) problems.push(`settings: version "${settings.version ?? ''}" must be digits`);
  if (!settings.form_title) problems.push('settings: form_title is empty');

  const lists = new Map<string, Set<string>>();
  for (const c of table(sheets.choices)) {
    if (!NAME.test(c.name)) problems.push(`choices: "${c.name}" in list "${c.list_name}" is not a valid name`);
    const set = lists.get(c.list_name) ?? new Set<string>();
    if (set.has(c.name)) problems.push(`choices: "${c.name}" appears twice in list "${c.list_name}"`);
    set.add(c.name);
    lists.set(c.list_name, set);
    for (const l of LANGS) if (!c[`label::${l}`]) problems.push(`choices: "${c.list_name}/${c.name}" has no label in ${l}`);
  }

  const seen = new Set<string>();
  let depth = 0;
  for (const [i, row] of table(sheets.survey).entries()) {
    const where = `survey row ${i + 2} (${row.name || row.type})`;
    if (!ROW_TYPES.test(row.type)) problems.push(`${where}: unknown type "${row.type}"`);
    if (row.type === 'begin group') depth++;
    if (row.type === 'end group') {
      depth--;
      if (depth < 0) problems.push(`${where}: end group without begin group`);
      continue;
    }
    if (!NAME.test(row.name)) problems.push(`${where}: name "${row.name}" is not valid`);
    if (seen.has(row.name)) problems.push(`${where}: name "${row.name}" is used twice`);
    for (const l of LANGS) if (!row[`label::${l}`]) problems.push(`${where}: no label in ${l}`);
    const select = /^select_(?:one|multiple) (\S+)$/.exec(row.type);
    if (select && !lists.has(select[1])) problems.push(`${where}: choice list "${select[1]}" does not exist`);
    for (const ref of (row.relevant ?? '').matchAll(/\$\{([^}]+)\}/g)) {
      if (!seen.has(ref[1])) problems.push(`${where}: relevant refers to "${ref[1]}", not an earlier field`);
    }
    if (row.required && row.required !== 'yes') problems.push(`${where}: required must be "yes" or empty`);
    if (row.constraint && !row.constraint.includes('.')) problems.push(`${where}: constraint does not refer to the answer (.)`);
    seen.add(row.name);
  }
  if (depth !== 0) problems.push('survey: begin group and end group do not balance');
  return problems;
}
