// Terminal control sequences in kernel text (ANSI colours in R tracebacks, \r progress bars),
// reduced to the plain text a <pre> can show.

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks).
const ANSI_PATTERN = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, "");
}

/** Applies carriage returns the way a terminal shows them: each line keeps what was written last. */
export function applyCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      const parts = line.split("\r").filter((part, i, all) => part !== "" || i === all.length - 1);
      let shown = "";
      for (const part of parts) shown = part + shown.slice(part.length);
      return shown;
    })
    .join("\n");
}

export function toPlainText(text: string): string {
  return applyCarriageReturns(stripAnsi(text));
}
