/**
 * Presentation on two displays: the audience's window and the presenter's show the same slide,
 * though each fits the page's slides to its own screen (the presenter's view has the notes beside
 * it, so it may split a long section, or a long list between its items, into more slides). A slide
 * is named between the windows by its place: the position of its last block among the page's
 * blocks and their elements, in page order, the same in both windows.
 */
import type { Slide } from './presentation-slides.ts';

/** Every block of the page and every element in it, once, in page order (a slide may show part of a block). */
const pageBlocks = (sections: Slide[]) => [...new Set(sections.flatMap((s) => s.blocks.flatMap((b) => [b, ...b.querySelectorAll<HTMLElement>('*')])))];

/** The place of a slide: -1 when there is none. */
export function slidePlace(sections: Slide[], slide: Slide | undefined): number {
  const last = slide?.blocks.at(-1);
  return last ? pageBlocks(sections).indexOf(last) : -1;
}

/** The slide, as laid out in this window, that ends with the element at the place, or else shows it, or a block holding it; -1 when none. */
export function slideAtPlace(sections: Slide[], slides: Slide[], place: number): number {
  const block = pageBlocks(sections)[place];
  if (!block) return -1;
  const ending = slides.findIndex((s) => s.blocks.at(-1) === block);
  if (ending >= 0) return ending;
  const showing = slides.findIndex((s) => s.blocks.includes(block));
  return showing >= 0 ? showing : slides.findIndex((s) => s.blocks.some((b) => b.contains(block)));
}
