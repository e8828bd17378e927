// A database outage seen through the real tRPC HTTP handler: the user reads one sentence, the
// database's address and driver message stay in the server log.
import { inspect } from "node:util";
import { afterAll, expect, it, vi } from "vitest";

// This file's process gets a database nobody listens on (port 1), before any module reads the env.
process.env.DATABASE_URL = "postgresql://kb:secret@127.0.0.1:1/outage";
const { handleTrpcRequest } = await import("./trpc-http");
const { db } = await import("@/server/db");
afterAll(() => db.$disconnect());

it("answers 500 with one sentence and logs the cause", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const req = new Request("http://127.0.0.1:3000/api/trpc/notebook.list", { method: "GET" });
  const user = { id: "someone", role: "USER" as const, email: "x@test.local", name: null, sessionId: "test-session" };
  const res = await handleTrpcRequest(req, { createContext: async () => ({ user, ip: null }) });
  const text = await res.text();
  expect(res.status).toBe(500);
  expect(JSON.parse(text).error.json.message).toBe("Something went wrong on the server. Try again in a moment.");
  expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma|outage/i);
  // The cause, with the database address, is in the log (Prisma words it either way).
  expect(inspect(logged.mock.calls, { depth: 6 })).toMatch(/127\.0\.0\.1:1\b|ECONNREFUSED/);
  logged.mockRestore();
});
