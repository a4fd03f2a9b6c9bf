/**
 * How search reads a question, on made-up documents: the thesaurus's other names (below the
 * words typed), "%" as a word, a question that asks how many, a name the manual never writes,
 * filler that never decides, definitional questions, a community named in the query, chapters
 * ranked by their best section and tools below the chapters.
 */
import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../common/content-schema.ts';
import type { Lang } from '../../common/facets.ts';
import { buildSearchIndex } from '../../common/search/build-search-index.ts';
import { createSearchEngine, type SearchEngine } from '../../common/search/search-engine.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';
import { countedTerms } from '../../common/search/terms.ts';
import type { Concept } from '../../common/search/thesaurus.ts';

function doc(chapterId: string, heading: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return {
    kind: 'section', chapterId, chapterTitle: chapterId, section: 'problem', anchor: heading.toLowerCase().replace(/\W+/g, '-'), heading, text,
    ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'], ...extra,
  };
}

async function engine(lang: Lang, docs: SearchDoc[], glossary: GlossaryTerm[] = [], concepts: Concept[] = []): Promise<SearchEngine> {
  // Round-trip through JSON, as the app does: build, write, read, load.
  return createSearchEngine(JSON.parse(JSON.stringify(await buildSearchIndex(lang, docs, glossary, concepts))));
}

const ids = (e: SearchEngine, q: string) => e.search(q).groups.map((g) => g.chapterId);

const concept = (id: string, es: Concept['es'], en: Concept['en'] = { prefLabel: id, altLabels: [], everyday: [] }): Concept => ({ id, en, es, related: [] });

describe('the thesaurus in search', () => {
  const savings = concept('savings', { prefLabel: 'ahorro y crédito', altLabels: ['fondo rotatorio'], everyday: ['platita para las mamás'] });
  const docs = [
    doc('income', 'Fondos rotatorios', 'Las madres manejaron un fondo rotatorio para sus pequeños negocios.'),
    doc('mothers', 'Las mamás y la escuela', 'Las mamás piden que la escuela siga abierta; la platita no alcanza.'),
    doc('other', 'Salud', 'La posta atiende a las familias.'),
  ];

  it('finds the chapter that uses the technical term from the everyday words, below a chapter that has the words typed', async () => {
    const e = await engine('es', docs, [], [savings]);
    const found = ids(e, 'platita para las mamas');
    expect(found).toContain('income');
    expect(found.indexOf('mothers')).toBeLessThan(found.indexOf('income'));
    expect(ids(e, 'ahorro y credito')[0]).toBe('income');
  });

  it('does not expand a word the thesaurus does not name', async () => {
    expect(ids(await engine('es', docs, [], []), 'platita para las mamas')).toEqual(['mothers']);
  });

  it('reads "%" as a word, so a question about a percentage finds a figure written with the sign', async () => {
    const share = concept('share', { prefLabel: 'porcentaje', altLabels: ['%', 'por ciento'], everyday: [] });
    const figures = [doc('schools', 'Mujeres y escuela', 'Las mujeres piden escuelas para sus hijos.'), doc('women', 'Mujeres mineras', 'Las mujeres son entre el 30 y el 50 % de quienes trabajan.')];
    expect(ids(await engine('es', figures, [], [share]), 'porcentaje de mujeres')[0]).toBe('women');
  });
});

describe('a question that asks how many', () => {
  const docs = [
    doc('tools', 'Herramientas', 'Las herramientas originales del programa se usan en las comunidades.'),
    doc('places', 'Dónde trabajó', 'El programa trabajó en seis comunidades mineras de tres países.'),
    doc('forms', 'Formularios', 'Los formularios originales se adaptan.'),
    doc('guide', 'Guía', 'La guía original está en línea.'),
    doc('mercury', 'Mercurio', 'La minería del Perú echó unas 70 toneladas de mercurio al ambiente en 2010.'),
    doc('waste', 'Desmontes', 'Los mineros botan el desmonte con restos de mercurio cerca de las casas del Perú.'),
  ];

  it('puts first the text that gives the figure (a number before the things asked about), even without every word typed', async () => {
    const e = await engine('es', docs);
    expect(ids(e, 'comunidades del programa original')[0]).toBe('tools');
    expect(ids(e, 'cuantas comunidades tuvo el programa original')[0]).toBe('places');
    expect(ids(e, 'cuanto mercurio botan en el peru')[0]).toBe('mercury');
    const en = await engine('en', [
      doc('tools', 'Tools', 'The original tools of the programme are used in the communities.'),
      doc('places', 'Where it worked', 'The programme worked in six Andean communities.'),
      doc('forms', 'Forms', 'The original forms are adapted.'),
      doc('guide', 'Guide', 'The original guide is online.'),
    ]);
    expect(ids(en, 'how many communities were in the original programme')[0]).toBe('places');
  });

  it('does not leave out a chapter that has no figure: it is judged by the words', async () => {
    const e = await engine('es', [...docs, doc('costs', 'Costos de replicar', 'Lo que cuesta replicar el modelo: personal, viajes y materiales.')]);
    expect(ids(e, 'cuanto cuesta replicar')).toEqual(['costs']);
  });

  it('reads a number written as a word or in digits, but not a year, as a count', () => {
    expect(countedTerms('Hubo 10 programas de acción; en 2002, seis comunidades.', 'es')).toEqual(['#program', '#accion', '#comun']);
    expect(countedTerms('one of the six Andean communities, 1,517 children', 'en')).toEqual(['#andean', '#commun', '#children']);
  });
});

describe('a name the manual never writes', () => {
  const savings = concept('savings', { prefLabel: 'ahorro y crédito', altLabels: [], everyday: [] }, { prefLabel: 'savings and credit', altLabels: ['revolving fund'], everyday: ['small loans'] });
  const docs = [
    doc('income', 'Income', 'Mothers ran a revolving fund; the mothers of Llallagua started micro-enterprises.'),
    doc('care', 'Small children', 'Mothers leave small children with relatives; small children go to the dumps with their mothers when there is no small day-care centre.'),
  ];

  it('is found by its other names, not by one of its words alone', async () => {
    const e = await engine('en', docs, [], [savings]);
    expect(ids(e, 'small loans for mothers')[0]).toBe('income');
    expect(e.readQuery('small loans').concepts[0].readings.map((r) => r.terms.join(' '))).not.toContain('small');
  });
});

describe('question words and filler', () => {
  const docs = [
    doc('purpose', 'Para qué sirve', 'Para qué sirven estas páginas y cómo se usan.'),
    doc('care', 'Guarderías', 'Las guarderías cuidan a los niños pequeños mientras las madres trabajan.'),
  ];

  it('never decide a ranking: the question finds what its content words find', async () => {
    const e = await engine('es', docs);
    expect(ids(e, 'para que sirven las guarderias')).toEqual(ids(e, 'guarderias'));
    expect(ids(e, 'como hay guarderias')[0]).toBe('care');
    const en = await engine('en', [doc('how', 'How it works', 'What is there and how to use it.'), doc('care', 'Day care', 'Day care for small children.')]);
    expect(ids(en, 'what is there for day care')[0]).toBe('care');
  });

  it('still find something when the query is nothing else', async () => {
    expect(ids(await engine('es', docs), 'para que sirve')).toEqual(['purpose']);
  });
});

describe('a definitional question', () => {
  const glossary: GlossaryTerm[] = [{
    id: 'pallaqueo', category: 'child-work', en: { term: 'Ore picking', definition: 'Picking ore from waste.' },
    es: { term: 'Pallaqueo', definition: 'Recoger mineral de los desmontes.' }, synonyms: [{ term: 'jancheo' }], related: [], sources: [{ src: 'x', at: '1' }],
  }];
  const docs = [
    doc('work', 'El pallaqueo', 'El pallaqueo ocupa a niños y niñas en los desmontes. El pallaqueo no se paga. Las familias ven el pallaqueo como ayuda.', { chapterTitle: 'El pallaqueo' }),
    doc('work', 'Pallaqueo y escuela', 'Los niños que hacen pallaqueo faltan a la escuela.', { chapterTitle: 'El pallaqueo' }),
    doc('glossary', 'Pallaqueo', 'Recoger mineral de los desmontes. jancheo', { kind: 'term', chapterTitle: 'Glosario', anchor: 'term-pallaqueo' }),
  ];

  it('puts the definition first; the same words without the question put the chapter first', async () => {
    const e = await engine('es', docs, glossary);
    expect(ids(e, 'pallaqueo')[0]).toBe('work');
    for (const q of ['qué es el pallaqueo', 'que significa pallaqueo', 'definicion de pallaqueo', 'jancheo que es']) expect(ids(e, q)[0], q).toBe('glossary');
    const en = await engine('en', [doc('work', 'Ore picking', 'Ore picking by children. Ore picking is not paid. Ore picking at the dumps.', { chapterTitle: 'Ore picking' }), { ...docs[2], heading: 'Ore picking', text: 'Picking ore from waste.' }], glossary);
    expect(ids(en, 'ore picking')[0]).toBe('work');
    expect(ids(en, 'what is ore picking')[0]).toBe('glossary');
  });
});

describe('a community named in the query', () => {
  const docs = [
    doc('bella-rica', 'Bella Rica', 'Cooperativa Bella Rica, Ecuador.', { boost: 2, chapterTitle: 'Bella Rica' }),
    doc('bella-rica', 'Contexto', 'La cooperativa dejó de contratar a menores.', { chapterTitle: 'Bella Rica' }),
    doc('cooperatives', 'Cooperativas', 'Cada cooperativa minera tiene socios. Una cooperativa, como en Bella Rica, puede prohibir el trabajo; otra cooperativa no.', { chapterTitle: 'Cooperativas mineras' }),
    doc('mercury', 'Mercurio', 'El mercurio envenena el agua de los ríos.', { chapterTitle: 'Mercurio' }),
  ];

  it("ranks the community's own chapter first, unless the rest of the query points elsewhere", async () => {
    const e = await engine('es', docs);
    expect(ids(e, 'cooperativa')[0]).toBe('cooperatives');
    expect(ids(e, 'bella rica cooperativa')[0]).toBe('bella-rica');
    expect(ids(e, 'mercurio bella rica')).toEqual(['mercury']);
  });
});

describe('chapters and tools', () => {
  it('ranks a chapter by its best section plus a little breadth, not by the sum of many weak matches', async () => {
    const weak = Array.from({ length: 8 }, (_, i) => doc('many', `Parte ${i}`, `Una mención del monitoreo entre otras cosas de la parte ${i}, con escuela, salud, familias y más texto.`));
    const e = await engine('es', [...weak, doc('one', 'Monitoreo comunitario', 'El monitoreo comunitario sigue a cada niño. El monitoreo lo hacen voluntarios.')]);
    expect(ids(e, 'monitoreo')[0]).toBe('one');
  });

  it("puts a tool's page (a form, a workshop plan) below the chapter that explains, unless the query names the tool", async () => {
    const tool = (heading: string, text: string) => doc('census', heading, text, { kind: 'tool', chapterTitle: 'Censo de hogares' });
    const e = await engine('es', [
      tool('Censo de hogares', 'Un formulario para contar a los niños que trabajan en la mina.'),
      tool('El trabajo de los niños', '¿Cuántos niños trabajan en la mina? ¿En qué trabajan los niños?'),
      doc('work', 'El trabajo de los niños', 'Los niños trabajan en la mina escogiendo mineral.', { chapterTitle: 'Qué hacen los niños' }),
    ]);
    expect(ids(e, 'niños que trabajan en la mina')[0]).toBe('work');
    expect(ids(e, 'censo de hogares')[0]).toBe('census');
  });
});
