/**
 * Splits a page on screen into slides without moving any node: at its level-2 headings, and a
 * list marked data-slide-steps (a workshop's timed steps) into one slide per item. Every block
 * belongs to one or more slides; the blocks not on the current slide are hidden.
 */

/** The blocks shown together on one slide; `step` is the timed step it shows, if any. */
export interface Slide {
  blocks: HTMLElement[];
  step?: HTMLElement;
}

/** The deepest element that contains every heading. */
function commonContainer(body: HTMLElement, headings: HTMLElement[]): HTMLElement {
  let c: HTMLElement = headings[0].parentElement ?? body;
  while (c !== body && !headings.every((h) => c.contains(h))) c = c.parentElement ?? body;
  return c;
}

/** The blocks of each section: the first is what comes before the first heading. */
function sectionBlocks(body: HTMLElement): HTMLElement[][] {
  const headings = [...body.querySelectorAll<HTMLElement>('h2')];
  const all = [...body.children] as HTMLElement[];
  if (headings.length === 0) return [all];
  const container = commonContainer(body, headings);
  const sections: HTMLElement[][] = [[]];
  // Everything outside the container (facts, toolbars) belongs to the opening slide.
  for (let node: HTMLElement = container; node !== body; node = node.parentElement!) {
    for (const sibling of [...node.parentElement!.children] as HTMLElement[]) if (sibling !== node) sections[0].push(sibling);
  }
  const boundaries = new Set(headings.map((h) => {
    let b = h;
    while (b.parentElement !== container) b = b.parentElement!;
    return b;
  }));
  for (const child of [...container.children] as HTMLElement[]) {
    if (boundaries.has(child)) sections.push([]);
    sections[sections.length - 1].push(child);
  }
  return sections;
}

/** A section holding a list of timed steps becomes one slide per step: what comes before the list on each, what follows it on the last. */
function stepSlides(blocks: HTMLElement[]): Slide[] {
  const at = blocks.findIndex((b) => b.matches('[data-slide-steps]') || b.querySelector('[data-slide-steps]'));
  if (at < 0) return [{ blocks }];
  const list = blocks[at].matches('[data-slide-steps]') ? blocks[at] : blocks[at].querySelector<HTMLElement>('[data-slide-steps]')!;
  const items = [...list.children] as HTMLElement[];
  if (items.length === 0) return [{ blocks }];
  const before = blocks.slice(0, at + 1);
  const after = blocks.slice(at + 1);
  return items.map((item, i) => ({ blocks: [...before, item, ...(i === items.length - 1 ? after : [])], step: item }));
}

/** The slides of a page, in order: slide 0 is what comes before the first heading. */
export function pageSlides(body: HTMLElement): Slide[] {
  return sectionBlocks(body).flatMap(stepSlides);
}

const HIDDEN = 'data-slide-hidden';

function showOnly(slides: Slide[], shown: Set<HTMLElement>): void {
  for (const slide of slides) {
    for (const el of slide.blocks) {
      if (shown.has(el)) el.removeAttribute(HIDDEN);
      else el.setAttribute(HIDDEN, '');
    }
  }
}

/** Shows the blocks of one slide and hides every other block of the page's slides. */
export function showSlide(slides: Slide[], index: number): void {
  showOnly(slides, new Set(slides[index]?.blocks ?? []));
}

/** The smallest type a long section is shown in before it goes on over more slides. */
export const READABLE_SCALE = 0.8;

/**
 * A section too long for one screen at a readable size goes on over as many slides as it needs,
 * its heading on each; a block too long by itself (a long list) is split between its items the
 * same way. A timed step stays one slide (its type shrinks instead). Measured on the page as laid
 * out in `frame`; `root` carries --slide-scale and data-slide (the title shows on slide 0 only).
 */
export function splitToFit(slides: Slide[], root: HTMLElement, frame: HTMLElement, scale = READABLE_SCALE): Slide[] {
  root.style.setProperty('--slide-scale', String(scale));
  const known = new Set(slides.flatMap((s) => s.blocks));
  let opening = true;
  const fits = (blocks: HTMLElement[]) => {
    root.dataset.slide = opening ? '0' : 'more';
    const shown = new Set(blocks);
    for (const el of known) {
      if (shown.has(el)) el.removeAttribute(HIDDEN);
      else el.setAttribute(HIDDEN, '');
    }
    return frame.scrollHeight <= frame.clientHeight + 1;
  };
  /** What can go on a slide one after another: an element with the ancestors it needs shown. */
  const units = (block: HTMLElement, context: HTMLElement[], heading: HTMLElement[]): HTMLElement[][] => {
    const children = [...block.children] as HTMLElement[];
    if (children.length < 2 || block.matches('table, figure, pre, svg') || fits([...heading, ...context, block])) return [[...context, block]];
    for (const child of children) known.add(child);
    return children.flatMap((child) => units(child, [...context, block], heading));
  };
  const out: Slide[] = [];
  slides.forEach((slide, i) => {
    opening = i === 0;
    if (slide.step) { out.push(slide); return; }
    const heading = slide.blocks[0]?.matches('h2') ? [slide.blocks[0]] : [];
    let part: HTMLElement[] = [...heading];
    for (const block of slide.blocks.slice(heading.length)) {
      for (const unit of units(block, [], heading)) {
        const next = [...new Set([...part, ...unit])];
        if (part.length === heading.length || fits(next)) part = next;
        else {
          out.push({ blocks: part });
          opening = false;
          part = [...new Set([...heading, ...unit])];
        }
      }
    }
    out.push({ blocks: part });
  });
  root.style.removeProperty('--slide-scale');
  return out;
}

export function clearSlides(slides: Slide[]): void {
  for (const slide of slides) for (const el of slide.blocks) el.removeAttribute(HIDDEN);
}

/** A slide's title for the presenter: its step's title, or its heading. */
export function slideTitle(slide: Slide | undefined): string {
  if (!slide) return '';
  const el = slide.step?.querySelector('[data-step-title]') ?? slide.blocks.map((b) => (b.matches('h1, h2') ? b : b.querySelector('h2'))).find(Boolean);
  return el?.textContent?.trim() ?? '';
}

/** What a facilitator reads on this slide and the audience never sees: its steps' facilitator notes. */
export function slideNotes(slide: Slide | undefined): string[] {
  if (!slide) return [];
  const scope = slide.step ? [slide.step] : slide.blocks;
  return scope.flatMap((b) => [...b.querySelectorAll<HTMLElement>('[data-facilitator-note]')]).map((n) => n.textContent?.trim() ?? '').filter(Boolean);
}

/** The minutes a slide's step is planned to take, if it shows one. */
export function slideMinutes(slide: Slide | undefined): number | undefined {
  const m = Number(slide?.step?.dataset.minutes);
  return Number.isFinite(m) && m > 0 ? m : undefined;
}

/**
 * Shrinks the slide's type (the --slide-scale custom property on `root`) until `frame` shows all of
 * it without scrolling, down to `min`; returns the scale used.
 */
export function fitSlide(root: HTMLElement, frame: HTMLElement, min = 0.5): number {
  let scale = 1;
  root.style.setProperty('--slide-scale', '1');
  while (frame.scrollHeight > frame.clientHeight + 1 && scale > min) {
    scale = Math.max(min, Math.round((scale - 0.05) * 100) / 100);
    root.style.setProperty('--slide-scale', String(scale));
  }
  return scale;
}

/** What a key does in presentation mode: arrows and the keys clickers send; P switches the presenter view. */
export function slideKeyAction(key: string): 'next' | 'prev' | 'first' | 'last' | 'exit' | 'presenter' | null {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ':
      return 'next';
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    case 'p': case 'P':
      return 'presenter';
    default:
      return null;
  }
}
