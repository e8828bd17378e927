// Paints the find bar's matches in the cells that are drawn, with the CSS Custom Highlight API (the
// DOM is not touched, so React and Monaco never see foreign nodes), and locates the current match.
const ALL = "kb-find";
const CURRENT = "kb-find-current";
/** The part of a cell that find reads: its code or markdown and its outputs (not prompts or buttons). */
export const FIND_SCOPE_ATTR = "data-find-scope";

type HighlightRegistry = { set: (name: string, h: unknown) => void; delete: (name: string) => void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** Ranges of every occurrence of `needle` (lower case) in the text under `root`, across element boundaries. */
function occurrences(root: Element, needle: string): Range[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(".monaco-editor, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    starts.push(text.length);
    nodes.push(t);
    text += t.data;
  }
  const lower = text.toLowerCase();
  const locate = (offset: number): [Text, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, offset - (starts[lo] ?? 0)];
  };
  const ranges: Range[] = [];
  for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + needle.length)) {
    const range = document.createRange();
    range.setStart(...locate(i));
    range.setEnd(...locate(i + needle.length - 1));
    range.setEnd(range.endContainer, range.endOffset + 1);
    ranges.push(range);
  }
  return ranges;
}

/** Highlights `query` in every drawn cell under `root`; returns the range of the current match if it is drawn. */
export function paintFindMatches(options: { root: HTMLElement; query: string; current: { cellId: string; ordinal: number } | null }): Range | null {
  const reg = registry();
  const needle = options.query.toLowerCase();
  if (!needle) {
    clearFindMatches();
    return null;
  }
  const all: Range[] = [];
  let current: Range | null = null;
  for (const scope of options.root.querySelectorAll(`[${FIND_SCOPE_ATTR}]`)) {
    const ranges = occurrences(scope, needle);
    all.push(...ranges);
    if (options.current && scope.closest("[data-cell-id]")?.getAttribute("data-cell-id") === options.current.cellId) {
      current = ranges[options.current.ordinal] ?? null;
    }
  }
  if (reg) {
    reg.highlights.set(ALL, new reg.Highlight(...all));
    if (current) reg.highlights.set(CURRENT, new reg.Highlight(current));
    else reg.highlights.delete(CURRENT);
  }
  return current;
}

export function clearFindMatches(): void {
  const reg = registry();
  reg?.highlights.delete(ALL);
  reg?.highlights.delete(CURRENT);
}

/** Scrolls the scroller so the range is in view (centred if it was out of view). */
export function revealRange(range: Range, scroller: HTMLElement): void {
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top && box.bottom <= view.bottom) return;
  scroller.scrollTop += box.top - view.top - view.height / 2;
}
