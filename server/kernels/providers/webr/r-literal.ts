// Turns arbitrary text into an R string literal, so cell code can be passed to R inside a call.

/** Characters R's parser cannot hold in a string, even escaped. */
const NUL = "\u0000";
/** Other control characters, written as \u{..} escapes so the literal stays printable. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Returns `text` as a double-quoted R string literal; throws on text R cannot represent (NUL). */
export function toRString(text: string): string {
  if (text.includes(NUL)) throw new RangeError("R strings cannot contain NUL characters");
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  return `"${escaped}"`;
}
