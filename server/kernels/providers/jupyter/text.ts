// Small text helpers at the edge of the Jupyter protocol: offsets (Jupyter counts code points,
// the editor UTF-16 units), help text cleanup, and keeping the token out of messages.

/** The number of Unicode code points in the first `utf16Offset` UTF-16 units of `text`. */
export function toCodePoints(text: string, utf16Offset: number): number {
  return [...text.slice(0, Math.max(0, utf16Offset))].length;
}

/** The UTF-16 offset of the `codePoints`-th code point of `text` (clamped to its length). */
export function toUtf16(text: string, codePoints: number): number {
  let offset = 0;
  let count = 0;
  for (const char of text) {
    if (count >= codePoints) break;
    offset += char.length;
    count += 1;
  }
  return offset;
}

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// R's help renders bold and underline the way man pages do: "_\bx" and "x\bx".
const OVERSTRIKE = /[^\n]\u0008/g;

/** Plain text from terminal-styled text: no escape sequences, no overstrikes. */
export function toPlainText(text: string): string {
  return text.replace(ANSI, "").replace(OVERSTRIKE, "");
}

/** `text` with every occurrence of `secret` masked (a no-op for an empty secret). */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("***") : text;
}
