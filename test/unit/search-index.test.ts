/** The search index file: its documents travel packed (index-docs.ts) and come back the same. */
import { describe, expect, it } from 'vitest';
import { packDocs, unpackDocs } from '../../common/search/index-docs.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';

const base = { chapterId: 'potosi', chapterTitle: 'Potosí', section: 'cases' };
const docs: SearchDoc[] = [
  { ...base, ageGroups: ['all'], communityTypes: ['urban'], audiences: ['ngo'], kind: 'section', anchor: '', heading: 'Potosí', text: 'Un centro urbano.', keywords: 'CEPROMIN', boost: 2, countries: ['bo'] },
  { ...base, ageGroups: ['all'], communityTypes: ['urban'], audiences: ['ngo'], kind: 'section', anchor: 'contexto', heading: 'Contexto', text: 'Cooperativas.', countries: ['bo'] },
  { ...base, ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'], chapterId: 'census', chapterTitle: 'Censo', kind: 'tool', anchor: 'section-a', heading: 'A', text: '¿Cuántos?' },
  { ...base, ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo', 'trainer'], chapterId: 'glossary', chapterTitle: 'Glosario', kind: 'term', anchor: 'term-x', heading: 'X', text: 'Y' },
];

describe('the documents of the search index', () => {
  it('come back from the file exactly as they went in, chapter fields written once', () => {
    const packed = JSON.parse(JSON.stringify(packDocs(docs))) as ReturnType<typeof packDocs>;
    expect(packed.shared).toHaveLength(3);
    expect(unpackDocs(packed.shared, packed.rows)).toEqual(docs);
  });
});
