/**
 * The interface texts as components read them (`t.records.tabs.register`, `t.records.fill({ form })`):
 * a language pack asks its translator for no message when it loads; a message is made the first
 * time a screen reads it, then kept.
 */
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { messageView } from '../../common/i18n/message-view.ts';
import type { Translator } from '../../common/i18n/translator.ts';

/** The Spanish translator, with a count of how often each message was asked for (prepared or worded). */
function countedTranslator(): { translator: Translator; asked: Map<string, number> } {
  const real = translatorFor('es');
  const asked = new Map<string, number>();
  const ask = (key: string) => asked.set(key, (asked.get(key) ?? 0) + 1);
  const translator: Translator = {
    locale: real.locale,
    format: real.format,
    formatLoose: (key, params) => (ask(key), real.formatLoose(key, params)),
    argumentsOf: (key) => (ask(key), real.argumentsOf(key)),
    keys: () => real.keys(),
  };
  return { translator, asked };
}

describe('the message view of a language pack', () => {
  it('asks for no message when the pack loads', () => {
    const { translator, asked } = countedTranslator();
    const t = messageView(translator);
    expect(t.records.tabs).toBeDefined();
    expect([...asked.keys()]).toEqual([]);
  });

  it('makes a plain text the first time it is read, then gives the same text without asking again', () => {
    const { translator, asked } = countedTranslator();
    const t = messageView(translator);
    expect(t.records.tabs.register).toBe('Registro');
    const afterFirstRead = new Map(asked);
    expect([...afterFirstRead.keys()]).toEqual(['records.tabs.register']);
    expect(t.records.tabs.register).toBe('Registro');
    expect(asked).toEqual(afterFirstRead);
  });

  it('makes a message with placeholders into one function, the same on every read', () => {
    const { translator, asked } = countedTranslator();
    const t = messageView(translator);
    const fill = t.records.fill;
    expect(t.records.fill).toBe(fill);
    expect(fill({ form: 'Visita' })).toBe(translatorFor('es').format('records.fill', { form: 'Visita' }));
    expect([...asked.keys()]).toEqual(['records.fill']);
  });

  it('lists a table’s keys in catalogue order without making its texts, and gives its texts when a screen goes through it', () => {
    const { translator, asked } = countedTranslator();
    const t = messageView(translator);
    // FieldRecords lists the tabs by Object.keys; RegisterList makes a select's options from Object.entries.
    expect(Object.keys(t.records.tabs)).toEqual(['register', 'dashboard', 'report', 'data']);
    expect([...asked.keys()]).toEqual([]);
    const es = translatorFor('es');
    const statuses = Object.entries(t.records.statusName);
    expect(statuses).toEqual(Object.keys(t.records.statusName).map((v) => [v, es.formatLoose(`records.statusName.${v}`)]));
    expect({ ...t.records.statusName }).toEqual(Object.fromEntries(statuses));
    expect('working' in t.records.statusName).toBe(true);
  });
});
