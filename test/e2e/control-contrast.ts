/**
 * The contrast of every control's text on screen (buttons, links styled as buttons, fields,
 * selects, tabs, summaries), computed from the colours the browser uses: text colour over the
 * background it actually sits on (the first opaque background up the tree, with translucent
 * ones blended in). WCAG 2.2 AA asks 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
 * Disabled controls are exempt, as WCAG exempts inactive components. Runs in the page: it is
 * passed to page.evaluate, so it is self-contained.
 */
export function controlContrastProblems(): string[] {
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3] + below[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (el: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const problems: string[] = [];
  const controls = document.querySelectorAll<HTMLElement>('button, a.button, [role="button"], [role="tab"], input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), select, textarea, summary');
  for (const el of controls) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') continue;
    if (!(el.textContent ?? '').trim() && !(el as HTMLInputElement).value && !(el as HTMLInputElement).placeholder) continue;
    const bg = background(el);
    const fg = over(parse(style.color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    if (ratio < need) {
      const name = (el.textContent ?? '').trim().slice(0, 40) || (el as HTMLInputElement).placeholder || el.getAttribute('aria-label') || el.tagName.toLowerCase();
      problems.push(`<${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> "${name}": ${ratio.toFixed(2)}:1, needs ${need}:1 (${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
    }
  }
  return problems;
}
