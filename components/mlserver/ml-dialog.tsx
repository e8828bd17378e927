"use client";
// The modal frame of the ML Server dialogs (save snapshot, publish): Escape closes it, Tab stays
// inside, the field marked autoFocus takes focus; the command-mode keys ignore it (aria-modal).
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import styles from "./mlserver.module.css";

type Props = {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider, for the publish form. */
  size?: "normal" | "wide";
  /** Whether a click on the backdrop closes it (not for long forms: the work would be lost). */
  backdropCloses?: boolean;
};

const FOCUSABLE = "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex='-1'])";

export function MlDialog({ title, testId, onClose, children, size = "normal", backdropCloses = true }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      close.current();
    };
    window.addEventListener("keydown", onKey);
    if (!ref.current?.contains(document.activeElement)) ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="dialog-backdrop" onClick={backdropCloses ? onClose : undefined}>
      <div ref={ref} className={`dialog ${styles.dialog} ${size === "wide" ? styles.wide : ""}`} role="dialog" aria-modal="true"
        aria-label={title} data-testid={testId} onClick={(e) => e.stopPropagation()} onKeyDown={trapTab}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Keeps Tab and Shift+Tab cycling through the dialog's own controls. */
function trapTab(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== "Tab") return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
