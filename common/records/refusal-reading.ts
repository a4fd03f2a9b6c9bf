/**
 * Reading a refusal of the field records as it crosses the records host, "[code|URI-encoded JSON params] detail"
 * (RecordsError's message), and wording it with a language's `records.errors` messages: the screens pass
 * their catalogue's messages, the host and the command line theirs (refusal-words.ts). No parser here, so
 * the renderer carries none.
 */

export type RefusalParams = Record<string, string | number>;
/** A language's refusal messages by code: plain text, or a function of the refusal's parameters. */
export type RefusalTexts = Readonly<Record<string, string | ((params: RefusalParams) => string) | undefined>>;

/** The kinds of file the export reader names (import/export-file.ts), by the name the messages select on. */
const EXPORT_KINDS: Record<string, string> = {
  PDF: 'pdf', 'PNG image': 'png', 'JPEG image': 'jpeg', 'GIF image': 'gif', 'old Excel or Word file (.xls, .doc)': 'old-office',
  'SQLite database (a Puente backup? use "Merge a backup")': 'sqlite', 'encrypted Puente backup (use "Merge a backup")': 'encrypted-backup',
  'workbook without the columns of a KoboToolbox export (_uuid, _submission_time)': 'workbook-not-kobo', 'Word document': 'word',
  'OpenDocument file (save it as XLSX or CSV)': 'opendocument', 'binary file': 'binary',
  'table without the columns of an ODK Central or KoboToolbox export (KEY, _uuid)': 'table-not-export',
};

/** The reasons a backup's row is refused (backup-reader.ts), by the name the messages select on; the rest are the system's own words. */
function rowReason(reason: string): RefusalParams {
  const long = /^longer than (\d+) characters$/.exec(reason);
  if (long) return { reasonKind: 'too-long', limit: Number(long[1]) };
  const known: Record<string, string> = { 'unknown form': 'unknown-form', 'unreadable answers': 'unreadable-answers', 'starts like a spreadsheet formula': 'formula' };
  return { reasonKind: known[reason] ?? 'other' };
}

/** A refusal's parameters as its message reads them: a kind of file or a row's reason by the name the message selects on. */
export function refusalParams(code: string, params: RefusalParams): RefusalParams {
  if (code === 'not-an-export') return { ...params, kind: EXPORT_KINDS[String(params.kind)] ?? 'other', kindText: String(params.kind ?? '') };
  if (code === 'bad-row') return { ...params, ...rowReason(String(params.reason ?? '')), reasonText: String(params.reason ?? '') };
  if (code === 'damaged-export' && params.reason !== undefined) return { detail: String(params.reason), ...params };
  return params;
}

/** The code, parameters and detail of a refusal's text, or null for any other text. */
export function readRefusal(text: string): { code: string; params: RefusalParams; detail: string } | null {
  const m = /^\[([a-z-]+)(?:\|([^\]\s]*))?\] (.*)$/s.exec(text);
  if (!m) return null;
  try {
    return { code: m[1], params: m[2] ? (JSON.parse(decodeURIComponent(m[2])) as RefusalParams) : {}, detail: m[3] };
  } catch {
    return { code: m[1], params: {}, detail: m[3] };
  }
}

/**
 * Any failure (or a status warning) as the reader sees it: a refusal whose code has a message is worded in
 * full from its parameters; anything else (a real crash) is the `unexpected` message, the host's own words
 * kept as its technical detail.
 */
export function refusalMessage(error: unknown, texts: RefusalTexts): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^records:call: /, '');
  const refusal = readRefusal(text);
  const words = refusal && Object.hasOwn(texts, refusal.code) ? texts[refusal.code] : undefined;
  if (refusal && words !== undefined) return typeof words === 'function' ? words(refusalParams(refusal.code, refusal.params)) : words;
  const unexpected = texts.unexpected;
  return typeof unexpected === 'function' ? unexpected({ detail: text }) : `${unexpected ?? ''} ${text}`.trim();
}

/** The system's own words a refusal carries (an operating-system error, what SQLite said), for a technician helping by phone. */
export function technicalDetail(text: string): string {
  const refusal = readRefusal(text);
  return refusal ? String(refusal.params.detail ?? refusal.detail) : text;
}

/**
 * A submission problem's parameters as its message reads them (records.problems.*): the choices a CSV
 * answer may take as a list with "or" in the reader's language, and each choice's labels joined by " / ".
 */
export function problemParams(code: string, params: RefusalParams, lang: string): RefusalParams {
  if (code !== 'csv-choice') return params;
  const labels = (v: unknown) => String(v ?? '').split('|').join(' / ');
  return { ...params, values: new Intl.ListFormat(lang, { type: 'disjunction' }).format(String(params.values ?? '').split('|')), labelsEn: labels(params.labelsEn), labelsEs: labels(params.labelsEs) };
}
