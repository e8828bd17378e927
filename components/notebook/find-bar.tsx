"use client";
// The notebook's find bar (Ctrl+F / ⌘F anywhere on the page) and go-to-cell box (Ctrl+G / ⌘G):
// searches the document model, so cells that are not drawn are found too; moving to a match selects
// its cell (which scrolls it into view and draws it) and highlights the match there.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { ExecState } from "./execution-state";
import { findMatches } from "./find-matches";
import { clearFindMatches, paintFindMatches, revealRange } from "./find-highlight";
import type { DocCell } from "./types";
import styles from "./find-bar.module.css";

export type FindMode = "find" | "goto";

type Props = {
  mode: FindMode;
  cells: readonly DocCell[];
  exec: ExecState;
  scroller: RefObject<HTMLElement | null>;
  onSelectCell: (cellId: string) => void;
  onClose: () => void;
};

/** Opens the bar on Ctrl/⌘+F (find) and Ctrl/⌘+G (go to cell), ahead of the browser and of Monaco. */
export function useFindShortcuts(open: (mode: FindMode) => void): void {
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== "f" && key !== "g") return;
      if (document.querySelector("[aria-modal='true']")) return;
      e.preventDefault();
      e.stopPropagation();
      open(key === "f" ? "find" : "goto");
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [open]);
}

export function FindBar({ mode, cells, exec, scroller, onSelectCell, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const eventsOf = useCallback((id: string) => exec.byCell[id]?.events, [exec.byCell]);
  const matches = useMemo(
    () => (mode === "find" ? findMatches({ cells, eventsOf, query }) : []),
    [mode, cells, eventsOf, query],
  );
  const current = matches.length > 0 ? matches[Math.min(index, matches.length - 1)] ?? null : null;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [mode]);
  useEffect(() => () => clearFindMatches(), []);
  const currentKey = current ? `${current.cellId}:${current.ordinal}` : null;
  const currentCell = current?.cellId;
  useEffect(() => {
    if (currentCell) onSelectCell(currentCell);
  }, [currentKey, currentCell, onSelectCell]);
  useMatchPainting({ scroller, query: mode === "find" ? query : "", current, currentKey });

  const step = (delta: number) => setIndex((i) => (matches.length === 0 ? 0 : (Math.min(i, matches.length - 1) + delta + matches.length) % matches.length));
  const goTo = () => {
    const n = Number.parseInt(query, 10);
    const cell = Number.isFinite(n) ? cells[Math.min(Math.max(n, 1), cells.length) - 1] : undefined;
    if (cell) onSelectCell(cell.id);
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (mode === "goto") goTo();
      else step(e.shiftKey ? -1 : 1);
    }
  };

  return (
    <div className={styles.bar} role="search" data-testid="find-bar">
      <input ref={input} className={`input ${styles.input}`} value={query} data-testid="find-input"
        aria-label={mode === "find" ? "Find in notebook" : `Go to cell (1–${cells.length})`}
        placeholder={mode === "find" ? "Find in notebook" : `Go to cell 1–${cells.length}`}
        inputMode={mode === "goto" ? "numeric" : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown} />
      {mode === "find" && (
        <>
          <span className={styles.count} data-testid="find-count" aria-live="polite">
            {query ? (matches.length === 0 ? "No results" : `${matches.indexOf(current!) + 1} of ${matches.length}`) : ""}
          </span>
          <button type="button" className="btn btn-ghost" aria-label="Previous match" disabled={matches.length === 0} onClick={() => step(-1)}>↑</button>
          <button type="button" className="btn btn-ghost" aria-label="Next match" disabled={matches.length === 0} onClick={() => step(1)}>↓</button>
        </>
      )}
      <button type="button" className="btn btn-ghost" aria-label="Close" onClick={onClose}>✕</button>
    </div>
  );
}

/** Repaints the highlights whenever cells are drawn (scrolling) and brings a new current match into view. */
function useMatchPainting(options: {
  scroller: RefObject<HTMLElement | null>; query: string; current: { cellId: string; ordinal: number } | null; currentKey: string | null;
}) {
  const { scroller, query, current, currentKey } = options;
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const range = paintFindMatches({ root, query, current });
      if (range && revealed.current !== currentKey) {
        revealed.current = currentKey;
        revealRange(range, root);
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, query, currentKey]);
}
