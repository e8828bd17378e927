// Reads ML Server console text as it grows: `GET /sessions/{id}/console-output` returns the whole
// text of the current *or last* execution, so each poll repeats what came before (§2.5). The
// runner (runner.R.ts) writes marker lines into that text: `start` (output before it belongs to the
// previous execution) and records such as warnings and messages; this reader returns only what it
// has not returned yet, splitting text from records and holding back a marker not yet complete.

/** A marker line: `##kb-<nonce>:<kind>:<URL-encoded payload>##` and a newline. */
export function markerPrefix(nonce: string): string {
  return `##kb-${nonce}:`;
}

export type ConsoleRecord = { kind: "text"; text: string } | { kind: "mark"; mark: string; payload: string };

export type ReadOptions = {
  /** The execution's answer: nothing is held back any more. */
  final: boolean;
  /** Text to drop from the end (the error message when the server repeats it in the console). */
  dropTail?: string;
};

export class ConsoleReader {
  /** Console text (after the start marker, line ends normalized) already turned into records. */
  private seen = "";
  private sawStart = false;

  /** `nonce` of the runner's markers; without one (Python) the whole text is output. */
  constructor(private readonly nonce?: string) {}

  /** Whether the execution's own output has been seen (the server started running it). */
  get started(): boolean {
    return this.sawStart;
  }

  /** The records in `raw` not returned before. */
  read(raw: string, options: ReadOptions): ConsoleRecord[] {
    let body = this.body(raw, options.final);
    if (body === undefined) return [];
    if (options.dropTail) body = withoutTail(body, options.dropTail);
    let fresh: string;
    if (body.startsWith(this.seen)) fresh = body.slice(this.seen.length);
    else if (this.seen.startsWith(body)) fresh = ""; // an older, shorter view of the same text
    else {
      // The server rewrote earlier text: keep the longest common prefix, take the rest as new.
      const common = commonPrefix(body, this.seen);
      this.seen = this.seen.slice(0, common);
      fresh = body.slice(common);
    }
    const ready = options.final ? fresh : fresh.slice(0, this.readyLength(fresh));
    this.seen += ready;
    return this.records(ready, options.final);
  }

  /** The text after the start marker, CRLF as LF; undefined while only older output is visible. */
  private body(raw: string, final: boolean): string | undefined {
    let text = raw.replace(/\r\n/g, "\n");
    if (!final && text.endsWith("\r")) text = text.slice(0, -1); // may be half of a CRLF
    if (!this.nonce) return text;
    const start = `${markerPrefix(this.nonce)}start:##\n`;
    const at = text.indexOf(start);
    if (at >= 0) {
      this.sawStart = true;
      return text.slice(at + start.length);
    }
    return final ? text : undefined;
  }

  /** How much of `fresh` can be returned now: everything before a marker still being written. */
  private readyLength(fresh: string): number {
    if (!this.nonce) return fresh.length;
    const prefix = markerPrefix(this.nonce);
    let end = 0;
    for (const match of fresh.matchAll(this.pattern(false))) end = (match.index ?? 0) + match[0].length;
    const open = fresh.indexOf(prefix, end);
    if (open >= 0) return open;
    for (let k = Math.min(prefix.length - 1, fresh.length - end); k > 0; k--) {
      if (fresh.endsWith(prefix.slice(0, k))) return fresh.length - k;
    }
    return fresh.length;
  }

  private pattern(final: boolean): RegExp {
    const nonce = this.nonce ?? "";
    return new RegExp(`##kb-${nonce}:([a-z]+):([A-Za-z0-9._~%!*'()-]*)##${final ? "(?:\\n|$)" : "\\n"}`, "g");
  }

  private records(text: string, final: boolean): ConsoleRecord[] {
    if (!this.nonce) return text ? [{ kind: "text", text }] : [];
    const out: ConsoleRecord[] = [];
    let from = 0;
    for (const match of text.matchAll(this.pattern(final))) {
      const at = match.index ?? 0;
      if (at > from) out.push({ kind: "text", text: text.slice(from, at) });
      out.push({ kind: "mark", mark: match[1] ?? "", payload: decode(match[2] ?? "") });
      from = at + match[0].length;
    }
    if (from < text.length) out.push({ kind: "text", text: text.slice(from) });
    return out;
  }
}

function decode(payload: string): string {
  try {
    return decodeURIComponent(payload);
  } catch {
    return payload;
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** `body` without `tail` (compared with line ends normalized and outer whitespace trimmed). */
function withoutTail(body: string, tail: string): string {
  const t = tail.replace(/\r\n/g, "\n").trim();
  const b = body.trimEnd();
  return t && b.endsWith(t) ? b.slice(0, b.length - t.length) : body;
}
