// Turns arbitrary text into an R string literal, so cell code can travel inside the runner's R code.

/** Characters R's parser cannot hold in a string, even escaped. */
const NUL = "\u0000";
/** Other control characters, written as \u{..} escapes so the literal stays printable. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Non-ASCII code points (and lone surrogates, which become U+FFFD). */
const NON_ASCII = /[^\u0000-\u007f]/gu;

/**
 * Returns `text` as a double-quoted, pure-ASCII R string literal (non-ASCII as \U{..} escapes, so
 * a server whose R runs in a non-UTF-8 locale still gets the exact text); throws on NUL.
 */
export function toRString(text: string): string {
  if (text.includes(NUL)) throw new RangeError("R strings cannot contain NUL characters");
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .replace(NON_ASCII, (c) => {
      const point = c.codePointAt(0) ?? 0xfffd;
      return `\\U{${(point >= 0xd800 && point <= 0xdfff ? 0xfffd : point).toString(16)}}`;
    });
  return `"${escaped}"`;
}

/** An R character vector literal: c("a", "b"), or character(0). */
export function toRVector(values: string[]): string {
  return values.length ? `c(${values.map(toRString).join(", ")})` : "character(0)";
}
