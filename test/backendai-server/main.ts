// Why: one command to start the Backend.AI test manager: prints its endpoint and keypair.
// Options: --gpu (CUDA slots and image), --agent-version 23.09|24.09|25.8 (upload name rules),
// --phase-ms N (hold new sessions N ms in each start phase), --exec-timeout-ms N,
// --manager-version 24.09|23.09 (API versions accepted and reported at GET /).
import { parseArgs } from "node:util";
import { AGENT_VERSIONS, type AgentVersion } from "./faults";
import { startBackendAiTestServer } from "./server";
import { MANAGER_RELEASE_NAMES } from "./versions";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8091" },
    host: { type: "string", default: "127.0.0.1" },
    gpu: { type: "boolean", default: false },
    "agent-version": { type: "string", default: "24.09" },
    "phase-ms": { type: "string", default: "0" },
    "exec-timeout-ms": { type: "string", default: "0" },
    "manager-version": { type: "string", default: "24.09" },
  },
});
const agentVersion = AGENT_VERSIONS.find((v) => v === values["agent-version"]);
if (!agentVersion) throw new Error(`--agent-version must be one of ${AGENT_VERSIONS.join(", ")}`);
const managerRelease = MANAGER_RELEASE_NAMES.find((v) => v === values["manager-version"]);
if (!managerRelease) throw new Error(`--manager-version must be one of ${MANAGER_RELEASE_NAMES.join(", ")}`);
const phase = Number(values["phase-ms"]);
const server = await startBackendAiTestServer({
  port: Number(values.port), host: values.host, gpu: values.gpu, managerRelease,
  faults: {
    agentVersion: agentVersion satisfies AgentVersion,
    phaseMs: { PENDING: phase, SCHEDULED: phase, PULLING: phase, PREPARING: phase },
    execTimeoutMs: Number(values["exec-timeout-ms"]),
  },
});
console.log(`BACKEND_ENDPOINT=${server.endpoint}`);
console.log(`BACKEND_ACCESS_KEY=${server.accessKey}`);
console.log(`BACKEND_SECRET_KEY=${server.secretKey}`);
console.log(`X-Test-Admin-Token: ${server.adminToken}   (for ${server.endpoint}/_test/...)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
