"use client";
// Holds the notebook document: React state for rendering plus a ref that is always current, so
// actions fired between renders (a key right after typing) see the latest text. Every change
// that must be saved is reported at once (`onChange`, fixed at mount), in the same tick as the edit.
import { useCallback, useRef, useState } from "react";
import { docReducer, initialDoc, type DocAction, type DocState } from "./notebook-doc";
import type { DocCell } from "./types";

export function useDocStore(cells: DocCell[], onChange: (cells: DocCell[]) => void) {
  const [doc, setDoc] = useState(() => initialDoc(cells));
  const docRef = useRef<DocState>(doc);
  const [notify] = useState(() => onChange);
  const dispatch = useCallback((action: DocAction) => {
    const previous = docRef.current;
    const next = docReducer(previous, action);
    if (next === previous) return;
    docRef.current = next;
    setDoc(next);
    if (next.rev !== previous.rev) notify(next.cells);
  }, [notify]);
  return { doc, docRef, dispatch };
}
