// Which passwords Kernelbook accepts, shared by the server (which refuses) and the forms (whose meter
// shows the same verdict while typing): 8–200 characters, not the email's local part, and not common
// or breached, judged offline by zxcvbn-ts with its common dictionaries (leaked-password list, diceware
// words, keyboard patterns; the larger English word lists are left out to keep the form light).
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
/** zxcvbn scores 0–4; below 2 means fewer than 10^6 guesses (top-list passwords and close variants). */
export const PASSWORD_MIN_SCORE = 2;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;
export type PasswordVerdict = { ok: boolean; score: PasswordScore; problem: string | null };

let estimator: Promise<ZxcvbnFactory> | undefined;

/** Loaded on first use (about 1 MB of lists), so the browser fetches them only on a password form. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    return new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  })();
  return estimator;
}

function localPartOf(email: string): string {
  return email.split("@")[0]?.trim().toLowerCase() ?? "";
}

const refuse = (problem: string, score: PasswordScore = 0): PasswordVerdict => ({ ok: false, score, problem });

export async function checkPassword(args: { password: string; email: string }): Promise<PasswordVerdict> {
  const { password } = args;
  if (password.length < PASSWORD_MIN) return refuse(`Use at least ${PASSWORD_MIN} characters.`);
  if (password.length > PASSWORD_MAX) return refuse(`Use at most ${PASSWORD_MAX} characters.`);
  const local = localPartOf(args.email);
  if (local.length >= 3 && password.toLowerCase().includes(local)) return refuse("Do not use your email address in your password.");
  const result = (await loadEstimator()).check(password, local ? [local] : []);
  const score = result.score as PasswordScore;
  if (score >= PASSWORD_MIN_SCORE) return { ok: true, score, problem: null };
  const listed = result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common");
  return refuse(
    listed ? "This password is too common: it appears in lists of leaked passwords. Choose another." : "This password is too easy to guess: make it longer or less predictable.",
    score,
  );
}
