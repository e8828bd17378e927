// Typed domain errors: one class per domain with a closed code union; server/api/trpc.ts maps them.
export type NotebookErrorCode = "NOT_FOUND" | "VERSION_CONFLICT" | "INVALID";
export type ExecutionErrorCode = "NOT_FOUND" | "CODE_TOO_LARGE" | "NOT_RUNNABLE";
export type KernelErrorCode = "NOT_FOUND" | "DEAD" | "START_FAILED" | "TIMEOUT" | "UNAVAILABLE" | "BUSY";
export type AuthErrorCode = "SIGNUP_CLOSED" | "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "FORBIDDEN";

abstract class DomainError<TCode extends string> extends Error {
  readonly code: TCode;
  constructor(code: TCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class NotebookError extends DomainError<NotebookErrorCode> {}
export class ExecutionError extends DomainError<ExecutionErrorCode> {}
export class KernelError extends DomainError<KernelErrorCode> {}
export class AuthError extends DomainError<AuthErrorCode> {}

export type AnyDomainError = NotebookError | ExecutionError | KernelError | AuthError;

export function isDomainError(e: unknown): e is AnyDomainError {
  return e instanceof NotebookError || e instanceof ExecutionError || e instanceof KernelError || e instanceof AuthError;
}
