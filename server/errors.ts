// Typed domain errors: one class per domain with a closed code union; server/api/trpc.ts maps them.
export type NotebookErrorCode = "NOT_FOUND" | "VERSION_CONFLICT" | "INVALID";
export type ExecutionErrorCode = "NOT_FOUND" | "CODE_TOO_LARGE" | "NOT_RUNNABLE";
export type KernelErrorCode = "NOT_FOUND" | "DEAD" | "START_FAILED" | "TIMEOUT" | "UNAVAILABLE" | "BUSY" | "INVALID" | "UNAUTHORIZED";
export type AuthErrorCode = "SIGNUP_CLOSED" | "WEAK_PASSWORD" | "INVALID_CREDENTIALS" | "FORBIDDEN" | "NOT_FOUND" | "WRONG_PASSWORD";
export type CredentialErrorCode = "NOT_CONFIGURED" | "INVALID" | "NOT_FOUND" | "UNREADABLE";
export type DatasetErrorCode = "NOT_FOUND" | "UNAVAILABLE" | "QUOTA_EXCEEDED" | "VERIFICATION_FAILED" | "WRONG_STATE" | "INVALID" | "STORAGE_FAILED";

abstract class DomainError<TCode extends string> extends Error {
  readonly code: TCode;
  constructor(code: TCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

// Names are spelled out: minified production builds rename classes, and trpc.ts maps by name.
export class NotebookError extends DomainError<NotebookErrorCode> {
  override readonly name = "NotebookError";
}
export class ExecutionError extends DomainError<ExecutionErrorCode> {
  override readonly name = "ExecutionError";
}
export class KernelError extends DomainError<KernelErrorCode> {
  override readonly name = "KernelError";
}
export class AuthError extends DomainError<AuthErrorCode> {
  override readonly name = "AuthError";
}

export class CredentialError extends DomainError<CredentialErrorCode> {
  override readonly name = "CredentialError";
}

export class DatasetError extends DomainError<DatasetErrorCode> {
  override readonly name = "DatasetError";
}

export type AnyDomainError = NotebookError | ExecutionError | KernelError | AuthError | CredentialError | DatasetError;

export function isDomainError(e: unknown): e is AnyDomainError {
  return e instanceof NotebookError || e instanceof ExecutionError || e instanceof KernelError || e instanceof AuthError || e instanceof CredentialError || e instanceof DatasetError;
}
