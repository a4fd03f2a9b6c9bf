import { Document, type Index, type Resolver } from 'flexsearch';
import { FIELDS, loadOptions, slotWeight, type Field } from './flex-options.ts';
import type { FlexExport, SearchDoc } from './search-types.ts';

/** A section's heading counts this much more than a word of its text. */
const FIELD_WEIGHT: Record<Field, number> = { heading: 2.5, body: 1 };
/** Postings read per term and field, best first (flexsearch's slots are impact-ordered): bounds the work on a huge corpus. */
const MAX_POSTINGS = 2000;
/** Postings kept in memory across searches (entries, both fields), far more than the manual's common terms need. */
const MAX_CACHED_POSTINGS = 4_000_000;

/**
 * A term's postings in both fields: section ids and each one's weight without the term's
 * idf (the field's weight and a case community's boost included); headings first, then text.
 */
export interface PostingList {
  ids: Int32Array;
  weights: Float64Array;
  /** Where the text's postings begin. */
  bodyFrom: number;
}

const NO_POSTINGS: PostingList = { ids: new Int32Array(0), weights: new Float64Array(0), bodyFrom: 0 };

type Slots = ReadonlyArray<readonly number[] | null | undefined>;

/**
 * The prebuilt flexsearch Document of one language (fields `heading` and `body`), loaded
 * without re-indexing. flexsearch keeps each term's sections in resolution slots ordered by
 * the term's BM25 weight there (see flex-options.ts); a term's postings are read from its
 * slots once, into typed arrays, the first time it is searched.
 */
export class Postings {
  private readonly fields: Record<Field, Index>;
  private readonly cache = new Map<string, PostingList>();
  private cached = 0;

  constructor(data: FlexExport, private readonly docs: readonly SearchDoc[], private readonly has: (term: string) => boolean) {
    const document = new Document({ document: { id: 'id', index: FIELDS.map((field) => ({ field, ...loadOptions() })) }, cache: false });
    // flexsearch takes each chunk as JSON text or already parsed; the build stores it parsed.
    for (const [key, value] of Object.entries(data)) document.import(key, value as string);
    const index = (document as unknown as { index: Map<Field, Index> }).index;
    this.fields = { heading: index.get('heading')!, body: index.get('body')! };
  }

  of(term: string): PostingList {
    let p = this.cache.get(term);
    if (!p) {
      p = this.has(term) ? this.read(term) : NO_POSTINGS;
      if (this.cached + p.ids.length > MAX_CACHED_POSTINGS) {
        this.cache.clear();
        this.cached = 0;
      }
      this.cached += p.ids.length;
      this.cache.set(term, p);
    }
    return p;
  }

  private read(term: string): PostingList {
    const slots = (field: Field): Slots => ((this.fields[field].search(term, { resolve: false }) as unknown as Resolver).result as Slots | undefined) ?? [];
    const heading = slots('heading');
    const body = slots('body');
    const count = (s: Slots) => {
      let n = 0;
      for (const ids of s) if (ids) n += ids.length;
      return Math.min(n, MAX_POSTINGS);
    };
    const bodyFrom = count(heading);
    const size = bodyFrom + count(body);
    const ids = new Int32Array(size);
    const weights = new Float64Array(size);
    let at = 0;
    const fill = (s: Slots, field: Field, end: number) => {
      for (let slot = 0; slot < s.length && at < end; slot++) {
        const list = s[slot];
        if (!list) continue;
        const w = FIELD_WEIGHT[field] * slotWeight(slot);
        for (let j = 0; j < list.length && at < end; j++, at++) {
          ids[at] = list[j];
          // A case community's own entry outranks mentions of it elsewhere, when its name (heading) matches.
          weights[at] = field === 'heading' ? w * (this.docs[list[j]].boost ?? 1) : w;
        }
      }
    };
    fill(heading, 'heading', bodyFrom);
    fill(body, 'body', size);
    return { ids, weights, bodyFrom };
  }
}
