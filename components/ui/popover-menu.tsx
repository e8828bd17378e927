"use client";
// A button opening a small popover menu (Export, New from example, …): the first item takes focus,
// arrows move, Escape or a click outside closes, and choosing an item closes it.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import styles from "./popover-menu.module.css";

export type PopoverMenuItem = { key: string; label: ReactNode; hint?: ReactNode; testId?: string; onSelect: () => void };

type Props = {
  label: ReactNode;
  menuLabel: string;
  items: PopoverMenuItem[];
  testId?: string;
  title?: string;
  disabled?: boolean;
  align?: "left" | "right";
  buttonClassName?: string;
};

export function PopoverMenu({ label, menuLabel, items, testId, title, disabled, align = "right", buttonClassName = "btn" }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>("[role='menuitem']")?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div className={styles.wrap} ref={root} onKeyDown={(e) => onMenuKey(e, () => setOpen(false))}>
      <button type="button" className={buttonClassName} aria-haspopup="menu" aria-expanded={open} data-testid={testId}
        title={title} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && (
        <div className={`${styles.menu} ${align === "left" ? styles.left : ""}`} role="menu" aria-label={menuLabel}>
          {items.map((item) => (
            <button key={item.key} type="button" role="menuitem" className={styles.item} data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}>
              {item.label}
              {item.hint && <span className={styles.hint}>{item.hint}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Escape closes; arrows move between items (and stay out of the notebook's command-mode keys). */
function onMenuKey(e: KeyboardEvent<HTMLDivElement>, close: () => void) {
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("[role='menuitem']"));
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (e.key === "Escape") {
    e.preventDefault();
    close();
    e.currentTarget.querySelector<HTMLElement>("[aria-haspopup]")?.focus();
  } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    const step = e.key === "ArrowDown" ? 1 : -1;
    items[(index + step + items.length) % items.length]?.focus();
  }
}
