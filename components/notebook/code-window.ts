// The part of a cell sent to the kernel for completion and help: the text around the cursor (the
// kernel looks at the current line and a little before), which keeps the request small whatever
// the size of the cell; offsets in the answer are moved back by `offset`.

export const WINDOW_BEFORE = 1_500;
export const WINDOW_AFTER = 200;

export type CodeWindow = { code: string; cursor: number; offset: number };

export function codeWindow(code: string, cursor: number): CodeWindow {
  let start = Math.max(0, cursor - WINDOW_BEFORE);
  if (start > 0) {
    const lineStart = code.indexOf("\n", start);
    if (lineStart !== -1 && lineStart < cursor) start = lineStart + 1;
    else if (isLowSurrogate(code.charCodeAt(start))) start++;
  }
  let end = Math.min(code.length, cursor + WINDOW_AFTER);
  const lineEnd = code.indexOf("\n", cursor);
  if (lineEnd !== -1 && lineEnd < end) end = lineEnd;
  else if (end < code.length && isLowSurrogate(code.charCodeAt(end))) end--;
  return { code: code.slice(start, end), cursor: cursor - start, offset: start };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
