// The backendai provider against the repo's Backend.AI protocol test server (real R behind it):
// the shared provider contract, with signatures checked as the manager checks them.
import { afterAll } from "vitest";
import { startBackendAiTestServer } from "@/test/backendai-server/server";
import { runProviderContract } from "../../contract";
import { createBackendAIProvider } from "./index";

const server = await startBackendAiTestServer({ flushMs: 200 });
afterAll(() => server.close());

runProviderContract("backendai", () =>
  createBackendAIProvider({
    endpoint: server.endpoint, accessKey: server.accessKey, secretKey: server.secretKey,
    images: { "r-4": { image: "cr.backend.ai/cloud/r-base:4.0", displayName: "R — Backend.AI", language: "r" } },
    startPollMs: 100,
  }),
);
