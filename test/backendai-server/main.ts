// Why: one command to start the Backend.AI test manager: prints its endpoint and keypair.
import { parseArgs } from "node:util";
import { startBackendAiTestServer } from "./server";

const { values } = parseArgs({
  options: { port: { type: "string", default: "8091" }, host: { type: "string", default: "127.0.0.1" } },
});
const server = await startBackendAiTestServer({ port: Number(values.port), host: values.host });
console.log(`BACKEND_ENDPOINT=${server.endpoint}`);
console.log(`BACKEND_ACCESS_KEY=${server.accessKey}`);
console.log(`BACKEND_SECRET_KEY=${server.secretKey}`);
console.log(`X-Test-Admin-Token: ${server.adminToken}   (for ${server.endpoint}/_test/...)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
