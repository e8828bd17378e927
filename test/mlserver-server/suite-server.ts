// Why: every test file of the test server runs against one server of its own, logged in once,
// and ends by checking that none of its exchanges broke the swagger.
import { afterAll, beforeAll, expect } from "vitest";
import { startMlServerTestServer, type MlServerTestServer } from "./server";
import { TestClient } from "./test-client";

/** Starts a server (and a logged-in client) before the file's tests; hands both to `ready`. */
export function serveSuite(options: Parameters<typeof startMlServerTestServer>[0], ready: (srv: MlServerTestServer, c: TestClient) => void): void {
  let srv: MlServerTestServer | undefined;
  beforeAll(async () => {
    srv = await startMlServerTestServer(options);
    const c = new TestClient(srv);
    await c.login();
    ready(srv, c);
  });
  afterAll(async () => {
    await srv?.close();
    expect(srv?.violations).toEqual([]);
  });
}
