/**
 * Splits a page on screen into slides at its level-2 headings, without moving any node:
 * each block gets the number of its slide, and the blocks of the other slides are hidden.
 */

/** The deepest element that contains every heading. */
function commonContainer(body: HTMLElement, headings: HTMLElement[]): HTMLElement {
  let c: HTMLElement = headings[0].parentElement ?? body;
  while (c !== body && !headings.every((h) => c.contains(h))) c = c.parentElement ?? body;
  return c;
}

/** The blocks of each slide: slide 0 is what comes before the first heading. */
export function slideBlocks(body: HTMLElement): HTMLElement[][] {
  const headings = [...body.querySelectorAll<HTMLElement>('h2')];
  const all = [...body.children] as HTMLElement[];
  if (headings.length === 0) return [all];
  const container = commonContainer(body, headings);
  const slides: HTMLElement[][] = [[]];
  // Everything outside the container (facts, toolbars) belongs to the opening slide.
  for (let node: HTMLElement = container; node !== body; node = node.parentElement!) {
    for (const sibling of [...node.parentElement!.children] as HTMLElement[]) if (sibling !== node) slides[0].push(sibling);
  }
  const boundaries = new Set(headings.map((h) => {
    let b = h;
    while (b.parentElement !== container) b = b.parentElement!;
    return b;
  }));
  for (const child of [...container.children] as HTMLElement[]) {
    if (boundaries.has(child)) slides.push([]);
    slides[slides.length - 1].push(child);
  }
  // An empty opening slide still shows the chapter title and summary.
  return slides;
}

const HIDDEN = 'data-slide-hidden';

/** Shows the blocks of one slide and hides the rest. */
export function showSlide(slides: HTMLElement[][], index: number): void {
  slides.forEach((blocks, i) => {
    for (const el of blocks) {
      if (i === index) el.removeAttribute(HIDDEN);
      else el.setAttribute(HIDDEN, '');
    }
  });
}

export function clearSlides(slides: HTMLElement[][]): void {
  for (const blocks of slides) for (const el of blocks) el.removeAttribute(HIDDEN);
}

/** What a key does in presentation mode: arrows and the keys clickers send. */
export function slideKeyAction(key: string): 'next' | 'prev' | 'first' | 'last' | 'exit' | null {
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
    default:
      return null;
  }
}
