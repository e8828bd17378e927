// tRPC setup: context (who asks), procedures by role, and the one table mapping domain errors to TRPCError.
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { db } from "@/server/db";
import { isDomainError, type AnyDomainError } from "@/server/errors";
import type { SessionUser } from "@/server/auth/session";
import { publicMessage } from "./public-message";

export type Context = { user: SessionUser | null; ip: string | null };

type TrpcCode = TRPCError["code"];
const ERROR_CODES = {
  NotebookError: { NOT_FOUND: "NOT_FOUND", VERSION_CONFLICT: "CONFLICT", INVALID: "BAD_REQUEST" },
  ExecutionError: { NOT_FOUND: "NOT_FOUND", CODE_TOO_LARGE: "PAYLOAD_TOO_LARGE", NOT_RUNNABLE: "BAD_REQUEST" },
  KernelError: {
    NOT_FOUND: "NOT_FOUND", DEAD: "PRECONDITION_FAILED", START_FAILED: "INTERNAL_SERVER_ERROR",
    TIMEOUT: "TIMEOUT", UNAVAILABLE: "SERVICE_UNAVAILABLE", BUSY: "CONFLICT", INVALID: "BAD_REQUEST",
    // The provider refused the login it was given; not the app session (UNAUTHORIZED would sign the user out).
    UNAUTHORIZED: "FORBIDDEN",
  },
  AuthError: { SIGNUP_CLOSED: "FORBIDDEN", WEAK_PASSWORD: "BAD_REQUEST", INVALID_CREDENTIALS: "UNAUTHORIZED", FORBIDDEN: "FORBIDDEN", NOT_FOUND: "NOT_FOUND",
    WRONG_PASSWORD: "BAD_REQUEST" },
  CredentialError: { NOT_CONFIGURED: "PRECONDITION_FAILED", INVALID: "BAD_REQUEST", NOT_FOUND: "NOT_FOUND", UNREADABLE: "PRECONDITION_FAILED" },
  DatasetError: {
    NOT_FOUND: "NOT_FOUND", UNAVAILABLE: "SERVICE_UNAVAILABLE", QUOTA_EXCEEDED: "FORBIDDEN", VERIFICATION_FAILED: "UNPROCESSABLE_CONTENT",
    WRONG_STATE: "CONFLICT", INVALID: "BAD_REQUEST", STORAGE_FAILED: "BAD_GATEWAY",
  },
} as const satisfies Record<string, Record<string, TrpcCode>>;

export function toTrpcError(e: AnyDomainError): TRPCError {
  const table: Record<string, TrpcCode> = ERROR_CODES[e.name];
  return new TRPCError({ code: table[e.code] ?? "INTERNAL_SERVER_ERROR", message: e.message, cause: e });
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  sse: { ping: { enabled: true, intervalMs: 5_000 }, client: { reconnectAfterInactivityMs: 12_000 } },
  // Users get one sentence; field errors stay structured in `data.fieldErrors`.
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    message: publicMessage(error),
    data: {
      ...shape.data,
      stack: undefined,
      domainCode: isDomainError(error.cause) ? error.cause.code : null,
      fieldErrors: error.cause instanceof ZodError && error.code === "BAD_REQUEST" ? z.flattenError(error.cause).fieldErrors : null,
    },
  }),
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw toTrpcError(result.error.cause);
  return result;
});

const requireUser = t.middleware(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  // A user from a session cookie was read from the database for this very request (getSessionUser:
  // session, role, disabled); only callers built without one (tests, jobs) are read again here.
  if (ctx.user.sessionId) return next({ ctx: { ...ctx, user: ctx.user } });
  const current = await db.user.findUnique({ where: { id: ctx.user.id }, select: { role: true, disabled: true } });
  if (!current || current.disabled) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { ...ctx, user: { ...ctx.user, role: current.role } } });
});

const requireAdmin = t.middleware(({ ctx, next }) => {
  // Non-admins learn nothing about admin procedures: they are "not found".
  if (ctx.user?.role !== "ADMIN") throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  return next();
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);
export const protectedProcedure = publicProcedure.use(requireUser);
export const adminProcedure = protectedProcedure.use(requireAdmin);
