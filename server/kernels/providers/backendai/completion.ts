// Completion on Backend.AI (spec §5.5): the request's row/col/line/post from a cursor offset, and
// which part of the code the matches replace (runtimes return whole tokens, e.g. "x$alpha").
import type { CodePosition } from "@/server/kernels/types";

export type CompletionRequest = { code: string; row: number; col: number; line: string; post: string };

/** `code` is the text before the cursor; rows and columns are 0-based; `line` is the whole line. */
export function completionRequest(position: CodePosition): CompletionRequest {
  const before = position.code.slice(0, position.cursor);
  const lines = before.split("\n");
  const lineBefore = lines.at(-1) ?? "";
  const lineEnd = position.code.indexOf("\n", position.cursor);
  const rest = position.code.slice(position.cursor, lineEnd < 0 ? undefined : lineEnd);
  return { code: before, row: lines.length - 1, col: lineBefore.length, line: lineBefore + rest, post: position.code.slice(position.cursor) };
}

/**
 * The replaced range ends at the cursor and starts where the longest text before it (on its line)
 * that every match begins with starts; with no matches, at the start of the word.
 */
export function completionRange(position: CodePosition, matches: string[]): { cursorStart: number; cursorEnd: number } {
  const before = position.code.slice(0, position.cursor);
  const lineBefore = before.slice(before.lastIndexOf("\n") + 1);
  let length = /[\w.]*$/.exec(lineBefore)?.[0].length ?? 0;
  if (matches.length > 0) {
    length = 0;
    for (let k = lineBefore.length; k > 0; k--) {
      const typed = lineBefore.slice(lineBefore.length - k);
      if (matches.every((m) => m.startsWith(typed))) {
        length = k;
        break;
      }
    }
  }
  return { cursorStart: position.cursor - length, cursorEnd: position.cursor };
}
