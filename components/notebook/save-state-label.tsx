"use client";
// The autosave indicator: exactly "Saved", "Saving…", "Unsaved changes" or "Save failed".
import type { SaveState } from "./autosave";
import styles from "./notebook.module.css";

const LABELS: Record<SaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  failed: "Save failed",
  conflict: "Save failed",
};

export function SaveStateLabel({ state, error }: { state: SaveState; error: string | null }) {
  return (
    <span
      data-testid="save-state"
      data-state={state}
      className={`${styles.saveState} ${state === "failed" || state === "conflict" ? styles.saveFailed : ""}`}
      title={error ?? undefined}
      aria-live="polite"
    >
      {LABELS[state]}
    </span>
  );
}
