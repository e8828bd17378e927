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
  // R words the message in the traceback's first lines (as many as the message has); Python's ends with it.
  const lines = traceback.split("\n");
  const spanned = message.split("\n").length;
  const head = lines.slice(0, spanned).join("\n");
  if (!stripAnsi(head).includes(message)) return { head: "", detail: traceback };
  return { head, detail: lines.slice(spanned).join("\n").replace(/^\n+/, "").trimEnd() };
}
