import { describe, expect, it } from 'vitest';
import { isAudienceView } from '../../renderer/src/components/audience-view.ts';
import { slideAtPlace, slidePlace } from '../../renderer/src/components/presentation-link.ts';
import type { Slide } from '../../renderer/src/components/presentation-slides.ts';

// Blocks stand for the page's elements: their identity and what they hold matter here.
function block(name: string, inside: HTMLElement[] = []): HTMLElement {
  const self = { name, querySelectorAll: () => inside, contains: (e: unknown) => e === self || inside.includes(e as HTMLElement) };
  return self as unknown as HTMLElement;
}
const [item1, item2] = ['item1', 'item2'].map((n) => block(n));
const [intro, h1, p1, list, step1, step2, after] = [block('intro'), block('h1'), block('p1', [item1!, item2!]), block('list'), block('step1'), block('step2'), block('after')];
// The page's slides: an opening, a section, and a section of two timed steps (the list's lead repeated on each).
const sections: Slide[] = [{ blocks: [intro!] }, { blocks: [h1!, p1!] }, { blocks: [list!, step1!], step: step1 }, { blocks: [list!, step2!, after!], step: step2 }];

describe('the same slide in two windows that fit the page differently', () => {
  it('names a slide by its last block, and finds it in a window that split the page into more slides', () => {
    // The presenter's narrower view split the section h1/p1 in two, and the last step from what follows it.
    const presenterSlides: Slide[] = [{ blocks: [intro!] }, { blocks: [h1!] }, { blocks: [p1!] }, { blocks: [list!, step1!] }, { blocks: [list!, step2!] }, { blocks: [after!] }];
    for (const [i, slide] of sections.entries()) {
      const found = slideAtPlace(sections, presenterSlides, slidePlace(sections, slide));
      expect(presenterSlides[found]!.blocks.at(-1), `slide ${i}`).toBe(slide.blocks.at(-1));
    }
    // And back: the presenter on the first half of a split section, the audience on that section.
    expect(slideAtPlace(sections, sections, slidePlace(sections, presenterSlides[1]))).toBe(1);
    expect(slideAtPlace(sections, sections, slidePlace(sections, presenterSlides[4]))).toBe(3);
  });

  it('finds a list split between its items in a window that shows it whole, and the other way round', () => {
    const split: Slide[] = [{ blocks: [intro!] }, { blocks: [h1!, p1!, item1!] }, { blocks: [h1!, p1!, item2!] }, ...sections.slice(2)];
    expect(slideAtPlace(sections, sections, slidePlace(sections, split[2]))).toBe(1);
    expect(slideAtPlace(sections, split, slidePlace(sections, sections[1]))).toBe(1);
  });

  it('answers -1 for a place the page does not have', () => {
    expect(slidePlace(sections, undefined)).toBe(-1);
    expect(slideAtPlace(sections, sections, 99)).toBe(-1);
  });

  it('knows the audience’s window by its address', () => {
    expect(isAudienceView('?view=audience')).toBe(true);
    expect(isAudienceView('')).toBe(false);
    expect(isAudienceView('?view=presenter')).toBe(false);
  });
});
