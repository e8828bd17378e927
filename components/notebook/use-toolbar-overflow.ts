"use client";
// Keeps a toolbar on one row: when its items need more width than the row has, the collapsible ones
// go, last first, into an overflow menu; they come back as soon as there is room for them again.
import { useLayoutEffect, useRef, useState, type RefObject } from "react";

/** Marks a row child that may move to the overflow menu; its value is its place in the collapse order. */
export const OVERFLOW_ATTR = "data-overflow-index";
/** Marks the row's flexible spacer (not counted as needed width). */
export const SPACER_ATTR = "data-overflow-spacer";

function neededWidth(row: HTMLElement): { needed: number; available: number } {
  const style = getComputedStyle(row);
  const gap = parseFloat(style.columnGap) || 0;
  const children = Array.from(row.children).filter((c): c is HTMLElement => c instanceof HTMLElement);
  const counted = children.filter((c) => !c.hasAttribute(SPACER_ATTR));
  const needed = counted.reduce((sum, c) => sum + c.offsetWidth, 0) + gap * Math.max(children.length - 1, 0);
  const available = row.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return { needed, available };
}

/** How many of the `count` collapsible items (counted from the end of the collapse order) are in the menu. */
export function useToolbarOverflow(row: RefObject<HTMLElement | null>, count: number): number {
  const [hidden, setHidden] = useState(0);
  const widths = useRef(new Map<number, number>());

  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    const fit = () => {
      const gap = parseFloat(getComputedStyle(el).columnGap) || 0;
      for (const item of el.querySelectorAll<HTMLElement>(`[${OVERFLOW_ATTR}]`)) {
        widths.current.set(Number(item.getAttribute(OVERFLOW_ATTR)), item.offsetWidth + gap);
      }
      const { needed, available } = neededWidth(el);
      setHidden((h) => {
        if (needed > available) return Math.min(h + 1, count);
        const comeback = widths.current.get(count - h);
        if (h > 0 && comeback !== undefined && available - needed >= comeback) return h - 1;
        return Math.min(h, count);
      });
    };
    // The row's width and every item's (labels change, panels' toggles come and go) decide the fit.
    const sizes = new ResizeObserver(fit);
    const observeAll = () => {
      sizes.disconnect();
      sizes.observe(el);
      for (const child of el.children) sizes.observe(child);
    };
    const children = new MutationObserver(() => {
      observeAll();
      fit();
    });
    observeAll();
    children.observe(el, { childList: true });
    fit();
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [row, count, hidden]);
  return hidden;
}
