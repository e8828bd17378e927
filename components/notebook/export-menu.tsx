"use client";
// The toolbar's Export menu: downloads the notebook as .ipynb (with outputs) or R Markdown, through
// a Blob URL; what is exported is the last saved version.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import type { ExportedFile, ExportFormat } from "@/server/contracts/notebook-transfer";
import { errorMessage } from "./client-errors";
import styles from "./export-menu.module.css";

const ITEMS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "ipynb", label: "Jupyter notebook (.ipynb)", hint: "Cells with their latest outputs" },
  { format: "rmd", label: "R Markdown (.Rmd)", hint: "Markdown and code chunks, no outputs" },
];

type Props = { notebookId: string; onError: (message: string) => void };

export function ExportMenu({ notebookId, onError }: Props) {
  const client = useTRPCClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
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

  const download = async (format: ExportFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      saveFile(await client.notebook.export.query({ id: notebookId, format }));
    } catch (e) {
      onError(`Export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.wrap} ref={root} onKeyDown={(e) => onMenuKey(e, () => setOpen(false))}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} data-testid="export-menu"
        title="Download this notebook as a file" disabled={busy} onClick={() => setOpen((o) => !o)}>
        {busy ? "Exporting…" : "Export"}
      </button>
      {open && (
        <div className={styles.menu} role="menu" aria-label="Export as">
          {ITEMS.map((item) => (
            <button key={item.format} type="button" role="menuitem" className={styles.item} data-testid={`export-${item.format}`}
              onClick={() => void download(item.format)}>
              {item.label}
              <span className={styles.hint}>{item.hint}</span>
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

function saveFile(file: ExportedFile) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
