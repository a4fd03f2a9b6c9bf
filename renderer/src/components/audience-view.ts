// Apart from presentation-link.ts: the chapter page asks this at start, the rest loads with the presentation.
/** This window is the audience's view of a presentation on two displays, opened by the host with ?view=audience. */
export function isAudienceView(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).get('view') === 'audience';
}
