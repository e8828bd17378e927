"use client";
// The usage tab's date range: last 7 / 30 / 90 days, or a custom from–to (UTC days).
import { useState } from "react";
import { PRESET_DAYS, presetRange, rangeProblem, type DateRange, type PresetDays } from "./date-presets";
import styles from "./usage.module.css";

export type RangeChoice = { preset: PresetDays } | { preset: "custom"; range: DateRange };

type Props = { choice: RangeChoice; onChange: (choice: RangeChoice) => void };

export function RangePicker({ choice, onChange }: Props) {
  const [draft, setDraft] = useState<DateRange>(() => (choice.preset === "custom" ? choice.range : presetRange(30)));
  const [editing, setEditing] = useState(choice.preset === "custom");
  const problem = rangeProblem(draft);
  const isActive = (preset: RangeChoice["preset"]) => (preset === "custom" ? editing : !editing && choice.preset === preset);

  return (
    <div className={styles.toolbar}>
      <div className={styles.presets} role="group" aria-label="Date range">
        {PRESET_DAYS.map((days) => (
          <button key={days} type="button" className={`btn ${isActive(days) ? styles.active : ""}`} aria-pressed={isActive(days)}
            onClick={() => { setEditing(false); onChange({ preset: days }); }}>
            Last {days} days
          </button>
        ))}
        <button type="button" className={`btn ${isActive("custom") ? styles.active : ""}`} aria-pressed={isActive("custom")} onClick={() => setEditing(true)}>
          Custom…
        </button>
      </div>
      {editing && (
        <form className={styles.custom} onSubmit={(e) => { e.preventDefault(); if (!problem) onChange({ preset: "custom", range: draft }); }}>
          <label>From <input className="input" type="date" value={draft.from} max={draft.to || undefined}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
          <label>to <input className="input" type="date" value={draft.to} min={draft.from || undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
          <button type="submit" className="btn btn-primary" disabled={problem !== null}>Show</button>
          {problem && draft.from && draft.to && <span className="error-text">{problem}</span>}
        </form>
      )}
    </div>
  );
}

export function rangeOf(choice: RangeChoice, today: Date = new Date()): DateRange {
  return choice.preset === "custom" ? choice.range : presetRange(choice.preset, today);
}
