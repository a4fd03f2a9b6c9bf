import { describe, expect, it } from 'vitest';
import { ConsistentWordScan } from '../../scripts/content/check-consistent-words.ts';

const scan = () => new ConsistentWordScan([], []);
const quoteMessages = (problems: Array<{ line: number; column?: number; message: string }>) =>
  problems.filter((p) => / quotes with /.test(p.message)).sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)).map((p) => `${p.line}:${p.column} ${p.message.slice(0, p.message.indexOf(':'))}`);

describe('one quotation style per language', () => {
  it('asks Spanish chapters for «» and English ones for “”, naming the line and column', () => {
    const es = '---\ntitle: "Un título"\nsummary: Lo que llaman "ayuda".\n---\n\nLos mineros dicen “solo ayudan” y <Cite src="ipec-eval-2005" at="§25" />.\n\nUn cartel: «Antes de los 18, “no”».\n';
    expect(quoteMessages(scan().scanChapter('content/es/x.mdx', 'es', es))).toEqual(['3:24 "ayuda"', '6:19 “solo ayudan”']);
    const en = '---\ntitle: "A title"\n---\n\nMiners call it "help" and «only helping»; `"code"` stays, [a "link"](x) does not.\n';
    expect(quoteMessages(scan().scanChapter('content/en/x.mdx', 'en', en))).toEqual(['5:16 "help"', '5:27 «only helping»', '5:62 "link"']);
  });

  it('reads data files and catalogues by the language of each string, never flagging a string\'s own delimiters', () => {
    const yaml = 'en:\n  title: "A title"\n  steps:\n    - Put up three signs, "Not before 18" and "It depends".\nes:\n  title: "Un título"\n  note: \'Carteles: “Depende”\'\n';
    expect(quoteMessages(scan().scanYaml('content/workshops/x.yaml', yaml))).toEqual(['4:27 "Not before 18"', '4:47 "It depends"', '7:20 “Depende”']);
    const catalogue = '{\n  "a": { "message": "Borrar «{n}»", "description": "Say \\"delete\\"" }\n}\n';
    expect(quoteMessages(scan().scanYaml('content/locales/es.json', catalogue, 'es'))).toEqual([]);
  });
});
