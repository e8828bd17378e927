// Why: switches a test flips at run time to make the server misbehave the ways a real ML Server
// can (busy, slow, other error shapes, line ends) or to prove the swagger check can fail.
import type { ErrorBodyShape } from "./errors";

export type Faults = {
  /** Session creation and service consumption answer 503 (no free shell, §2.1 S2-capacity). */
  busy503: boolean;
  /** Every answer is delayed by this many milliseconds. */
  slowMs: number;
  /** Shells per server (the documented example MaxSize is 80); more sessions answer 503. */
  maxSessions: number;
  /** Force one error body shape on every error; undefined = per route (core API "core", /api "code-message-fields", 401/503 empty). */
  errorBody: ErrorBodyShape | undefined;
  /** Line end of consoleOutput/errorMessage: CRLF as in the spec's Windows examples (§2.5), or LF (Linux servers). */
  lineEnding: "\r\n" | "\n";
  /** `type: string` 200/201 answers have no documented content (§2.3): empty body, or a JSON string. */
  stringBody: "empty" | "json-string";
  /** The literal reading of §1.5 "a new pair invalidates the previous pair": a login also ends the user's other pairs. */
  loginInvalidatesOtherPairs: boolean;
  /** Deliberately break the next N responses (a 2xx status the spec does not declare, or a mistyped field) to prove the check catches it. */
  corruptResponses: number;
};

export function defaultFaults(): Faults {
  return {
    busy503: false,
    slowMs: 0,
    maxSessions: 80,
    errorBody: undefined,
    lineEnding: "\r\n",
    stringBody: "empty",
    loginInvalidatesOtherPairs: false,
    corruptResponses: 0,
  };
}
