// Reads tRPC errors on the client: the tRPC code, the domain code and a message fit to show.
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

type AppClientError = TRPCClientError<AppRouter>;

function isAppClientError(error: unknown): error is AppClientError {
  return error instanceof TRPCClientError;
}

export function trpcCode(error: unknown): string | null {
  return isAppClientError(error) ? (error.data?.code ?? null) : null;
}

export function domainCode(error: unknown): string | null {
  return isAppClientError(error) ? (error.data?.domainCode ?? null) : null;
}

export function isConflictError(error: unknown): boolean {
  return domainCode(error) === "VERSION_CONFLICT" || trpcCode(error) === "CONFLICT";
}

export function isNotFoundError(error: unknown): boolean {
  return trpcCode(error) === "NOT_FOUND" || domainCode(error) === "NOT_FOUND";
}

export function errorMessage(error: unknown): string {
  if (isAppClientError(error)) {
    // Input validation: the first field message reads better than zod's JSON.
    const fields: Record<string, string[] | undefined> = error.data?.fieldErrors ?? {};
    const first = Object.values(fields).flat().find((m): m is string => typeof m === "string");
    if (first) return first;
  }
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}
