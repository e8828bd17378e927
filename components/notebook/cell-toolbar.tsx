"use client";
// The small toolbar of a cell: run, move, add above/below, change type, delete.
import type { CellActions } from "./cell-actions";
import { Icon, type IconName } from "./icons";
import type { DocCell } from "./types";
import styles from "./cell.module.css";

type Props = { cell: DocCell; isFirst: boolean; isLast: boolean; actions: CellActions };

export function CellToolbar({ cell, isFirst, isLast, actions }: Props) {
  const other = cell.kind === "code" ? "markdown" : "code";
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Cell actions" onClick={(e) => e.stopPropagation()}>
      {cell.kind === "code" && <ToolButton label="Run cell" icon="play" onClick={() => actions.run(cell.id)} />}
      <ToolButton label="Move up" icon="up" disabled={isFirst} onClick={() => actions.move(cell.id, -1)} />
      <ToolButton label="Move down" icon="down" disabled={isLast} onClick={() => actions.move(cell.id, 1)} />
      <ToolButton label="Add cell above" icon="insertAbove" onClick={() => actions.add("code", cell.id, "above", { edit: true })} />
      <ToolButton label="Add cell below" icon="insertBelow" onClick={() => actions.add("code", cell.id, "below", { edit: true })} />
      <ToolButton
        label={other === "markdown" ? "Change to markdown" : "Change to code"}
        icon={other === "markdown" ? "markdown" : "code"}
        onClick={() => actions.setKind(cell.id, other)}
      />
      <ToolButton label="Delete cell" icon="trash" danger onClick={() => actions.remove(cell.id)} />
    </div>
  );
}

type ToolButtonProps = { label: string; icon: IconName; onClick: () => void; disabled?: boolean; danger?: boolean };

function ToolButton({ label, icon, onClick, disabled, danger }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`btn btn-ghost ${styles.toolButton} ${danger ? "btn-danger" : ""}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}
