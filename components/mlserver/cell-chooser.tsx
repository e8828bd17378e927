"use client";
// The publish dialog's code: a checkbox per code cell (in notebook order) and a read-only preview
// of the chosen cells' sources joined, which is the code the service runs for each call.
import type { CodeCellChoice } from "./publish-code";
import styles from "./mlserver.module.css";

type Props = {
  choices: CodeCellChoice[];
  chosen: ReadonlySet<string>;
  code: string;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
};

export function CellChooser({ choices, chosen, code, disabled, onToggle }: Props) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Code: the cells the service runs, in notebook order</legend>
      {choices.length === 0 ? (
        <p className={`muted ${styles.hint}`}>This notebook has no code cells yet.</p>
      ) : (
        <ul className={styles.cellList} data-testid="publish-cells">
          {choices.map((c) => (
            <li key={c.id}>
              <label className={styles.cellChoice}>
                <input type="checkbox" data-testid={`publish-cell-${c.index}`} checked={chosen.has(c.id)} disabled={disabled}
                  onChange={(e) => onToggle(c.id, e.target.checked)} />
                <span className={styles.cellNumber}>Cell {c.index + 1}</span>
                <span className={`${styles.cellLine} ${c.empty ? "muted" : ""}`}>{c.empty ? "(empty)" : c.firstLine}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <pre className={styles.code} data-testid="publish-code-preview" aria-label="Code of the service" tabIndex={0}>
        {code || <span className="muted">Choose the cells whose code the service runs.</span>}
      </pre>
      <p className={`muted ${styles.hint}`}>
        Each call sets the inputs as R variables, runs this code, and returns the outputs by name.
      </p>
    </fieldset>
  );
}
