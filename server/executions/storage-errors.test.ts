// Which database failures the event writer retries: the shapes Prisma's pg adapter really throws.
import { describe, expect, it } from "vitest";
import { isTransientStorageError } from "./storage-errors";

const prismaError = (driverAdapterError: unknown) => Object.assign(new Error("Invalid `prisma.$executeRaw()` invocation"), { code: "P2010", meta: { driverAdapterError } });

describe("isTransientStorageError", () => {
  it("retries a restart, an unreachable server and a dropped connection", () => {
    expect(isTransientStorageError(prismaError({ cause: { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" } }))).toBe(true);
    expect(isTransientStorageError(prismaError({ cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5 } }))).toBe(true);
    expect(isTransientStorageError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isTransientStorageError(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
  });

  it("does not retry what the database refused", () => {
    expect(isTransientStorageError(prismaError({ cause: { kind: "postgres", code: "23503", message: "violates foreign key constraint" } }))).toBe(false);
    expect(isTransientStorageError(new Error("syntax error"))).toBe(false);
    expect(isTransientStorageError(undefined)).toBe(false);
  });
});
