// For the few plain route handlers beside tRPC (file bytes in and out): the same user check as
// protectedProcedure, and domain errors as JSON `{ error }` with the status tRPC would give.
import "server-only";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getSessionUser, type SessionUser } from "@/server/auth/session";
import { isDomainError } from "@/server/errors";
import { INTERNAL_ERROR_MESSAGE } from "./public-message";
import { toTrpcError } from "./trpc";

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The signed-in, enabled user (getSessionUser checks the database), or an HttpError 401. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  return user;
}

export function errorResponse(e: unknown, where: string): Response {
  if (e instanceof HttpError) return Response.json({ error: e.message }, { status: e.status });
  if (isDomainError(e)) {
    const error = toTrpcError(e);
    return Response.json({ error: e.message }, { status: getHTTPStatusCodeFromError(error) });
  }
  console.error(`[kernelbook] ${where}:`, e);
  return Response.json({ error: INTERNAL_ERROR_MESSAGE }, { status: 500 });
}
