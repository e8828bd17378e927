// What users read when a call fails, over the real tRPC HTTP handler and router with a real user in
// the test database: one sentence; field errors stay structured in `data`.
import { describe, expect, it } from "vitest";
import { createUser } from "@/test/fixtures";
import { handleTrpcRequest } from "./trpc-http";

type ErrorBody = { error: { json: { message: string; data: { code: string; httpStatus: number; fieldErrors: Record<string, string[]> | null } } } };

async function call(path: string, input: unknown, userId: string): Promise<{ status: number; body: ErrorBody }> {
  const req = new Request(`http://127.0.0.1:3000/api/trpc/${path}`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }),
  });
  const user = { id: userId, role: "USER" as const, email: "x@test.local", name: null, sessionId: "test-session" };
  const res = await handleTrpcRequest(req, { createContext: async () => ({ user, ip: null }) });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

describe("validation errors", () => {
  it("answer one sentence, with the field errors in data", async () => {
    const user = await createUser();
    const { status, body } = await call("notebook.create", { title: "x".repeat(300) }, user.id);
    expect(status).toBe(400);
    expect(body.error.json.message).toBe("Keep the title under 200 characters.");
    expect(body.error.json.data.fieldErrors).toEqual({ title: ["Keep the title under 200 characters"] });
  });

  it("say which field a generic zod message is about, never the issue list", async () => {
    const user = await createUser();
    const { body } = await call("notebook.create", { title: 42 }, user.id);
    expect(body.error.json.message).toMatch(/^title: Invalid input: expected string, received number\.$/);
    expect(body.error.json.message).not.toContain("[");
  });
});
