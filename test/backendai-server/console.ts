// Why: console items and execution results in the manager's wire shapes (spec §5.2–5.3).
export type ConsoleItem =
  | ["stdout", string]
  | ["stderr", string]
  | ["media", [string, string]]
  | ["html", string];

export type ExecStatus = "continued" | "waiting-input" | "finished" | "clean-finished" | "build-finished" | "exec-timeout";

export type ExecResult = {
  status: ExecStatus;
  runId: string;
  exitCode: number | null;
  options: { is_password: boolean } | Record<string, never> | null;
  files: [];
  console: ConsoleItem[];
};

/** Appends an item, merging it into the previous one when both are the same text stream. */
export function appendConsole(items: ConsoleItem[], item: ConsoleItem): void {
  const last = items[items.length - 1];
  if (last && last[0] === "stdout" && item[0] === "stdout") last[1] += item[1];
  else if (last && last[0] === "stderr" && item[0] === "stderr") last[1] += item[1];
  else items.push(item);
}
