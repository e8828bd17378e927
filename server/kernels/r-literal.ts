// Turns arbitrary text into an R string literal, so cell code can travel inside R code that a
// provider sends (webR's calls, ML Server's runner and IDE helpers).

/** Characters R's parser cannot hold in a string, even escaped. */
const NUL = "\u0000";
/** Other control characters, written as \u{..} escapes so the literal stays printable. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Non-ASCII code points (and lone surrogates, which become U+FFFD). */
const NON_ASCII = /[^\u0000-\u007f]/gu;

/**
 * Returns `text` as a double-quoted R string literal; throws on NUL. With `asciiOnly`, non-ASCII
 * text is written as \U{..} escapes, so an R running in a non-UTF-8 locale still gets it exactly.
 */
export function toRString(text: string, options: { asciiOnly?: boolean } = {}): string {
  if (text.includes(NUL)) throw new RangeError("R strings cannot contain NUL characters");
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  return `"${options.asciiOnly ? escaped.replace(NON_ASCII, unicodeEscape) : escaped}"`;
}

function unicodeEscape(c: string): string {
  const point = c.codePointAt(0) ?? 0xfffd;
  return `\\U{${(point >= 0xd800 && point <= 0xdfff ? 0xfffd : point).toString(16)}}`;
}

/** An R character vector literal: c("a", "b"), or character(0). */
export function toRVector(values: string[], options: { asciiOnly?: boolean } = {}): string {
  return values.length ? `c(${values.map((v) => toRString(v, options)).join(", ")})` : "character(0)";
}
