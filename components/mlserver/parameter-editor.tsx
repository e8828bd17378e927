"use client";
// Editable rows of a web service's inputs or outputs: an R name and an ML Server type each, added
// and removed freely. Rows mount only when added, so a new row's name field takes focus.
import { SERVICE_PARAMETER_TYPES } from "@/server/contracts/mlserver";
import type { ParameterKind, ParameterRow } from "./parameter-rows";
import type { ParameterType } from "./types";
import styles from "./mlserver.module.css";

type Props = {
  kind: ParameterKind;
  rows: ParameterRow[];
  disabled: boolean;
  onChange: (rows: ParameterRow[]) => void;
  onAdd: () => void;
};

export function ParameterEditor({ kind, rows, disabled, onChange, onAdd }: Props) {
  const Kind = kind === "input" ? "Input" : "Output";
  const update = (key: string, patch: Partial<ParameterRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className={styles.fieldset} data-testid={`publish-${kind}s`}>
      <legend className={styles.legend}>{Kind}s</legend>
      {rows.length === 0 && (
        <p className={`muted ${styles.hint}`}>
          {kind === "input" ? "No inputs: the service takes none." : "No outputs: the service returns only its console output."}
        </p>
      )}
      {rows.map((row, i) => (
        <div key={row.key} className={styles.paramRow}>
          <input className="input" data-testid={`publish-${kind}-name-${i}`} aria-label={`${Kind} ${i + 1} name`} placeholder="R name, e.g. hp"
            value={row.name} disabled={disabled} spellCheck={false} autoFocus
            onChange={(e) => update(row.key, { name: e.target.value })} />
          <select className={styles.select} data-testid={`publish-${kind}-type-${i}`} aria-label={`${Kind} ${i + 1} type`} value={row.type}
            disabled={disabled} onChange={(e) => update(row.key, { type: e.target.value as ParameterType })}>
            {SERVICE_PARAMETER_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <button type="button" className="btn btn-ghost" data-testid={`publish-${kind}-remove-${i}`} aria-label={`Remove ${kind} ${i + 1}`}
            title={`Remove this ${kind}`} disabled={disabled} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>✕</button>
        </div>
      ))}
      <button type="button" className={`btn ${styles.addRow}`} data-testid={`publish-add-${kind}`} disabled={disabled} onClick={onAdd}>
        + {Kind}
      </button>
    </fieldset>
  );
}
