// Why: one command to run the ML Server test web node for local demos: prints its URL and login.
import { parseArgs } from "node:util";
import { startMlServerTestServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "12800" },
    host: { type: "string", default: "127.0.0.1" },
    username: { type: "string" },
    password: { type: "string" },
  },
});
const users = values.username && values.password ? [{ username: values.username, password: values.password }] : undefined;
const server = await startMlServerTestServer({ port: Number(values.port), host: values.host, users });
console.log(`MLSERVER_URL=${server.url}`);
console.log(`MLSERVER_USERNAME=${server.username}`);
console.log(`MLSERVER_PASSWORD=${server.password}`);
console.log("Every exchange is validated against mlserver-swagger-9.3.0.json; violations are printed here.");
let reported = 0;
const timer = setInterval(() => {
  for (const v of server.violations.slice(reported)) console.warn(`swagger violation: ${v}`);
  reported = server.violations.length;
}, 500);
const stop = () => {
  clearInterval(timer);
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
