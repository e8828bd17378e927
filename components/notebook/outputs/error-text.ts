// How an error output reads: the message once, as JupyterLab shows it. Kernels repeat the message
// inside the traceback (webR's "Error: boom", IRkernel's "Error in f(): boom\nTraceback:"), so the
// head is drawn from the traceback when it already carries the message.
import { stripAnsi } from "./ansi";

export type ErrorText = {
  /** The message line, in bold red; empty when the traceback speaks for itself (Python's). */
  head: string;
  /** The rest: traceback lines, plain. */
  detail: string;
};

export function errorText(error: { ename: string; evalue: string; traceback: readonly string[] }): ErrorText {
  const traceback = error.traceback.join("\n");
  const message = stripAnsi(error.evalue).trim();
  const carried = traceback !== "" && message !== "" && stripAnsi(traceback).includes(message);
  if (!carried) return { head: `${error.ename}: ${error.evalue.trimEnd()}`, detail: traceback };
  const newline = traceback.indexOf("\n");
  const first = newline < 0 ? traceback : traceback.slice(0, newline);
  // R words the message on the traceback's first line; Python's traceback ends with it.
  if (!stripAnsi(first).includes(message)) return { head: "", detail: traceback };
  return { head: first, detail: newline < 0 ? "" : traceback.slice(newline + 1).replace(/^\n+/, "").trimEnd() };
}
