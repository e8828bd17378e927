// The backendai provider against the repo's Backend.AI protocol test server (real R behind it):
// the shared provider contract, with specs from the manager's catalogue and signatures checked as
// the manager checks them.
import { afterAll } from "vitest";
import { startBackendAiTestServer } from "@/test/backendai-server/server";
import { runProviderContract } from "../../contract";
import { createBackendAIProvider } from "./index";

const server = await startBackendAiTestServer({ flushMs: 200 });
afterAll(() => server.close());

// Interrupt is best effort on Backend.AI (capability best-effort), but the test manager's agent
// stops the run on it as a responsive agent does, so the interrupt case runs rather than being skipped.
runProviderContract("backendai", () =>
  createBackendAIProvider({ endpoint: server.endpoint, accessKey: server.accessKey, secretKey: server.secretKey, startPollMs: 50 }),
{ runDespiteCapabilities: { interrupt: "the test manager's agent honours interrupt" } });
