// A stand-in app instance for crash tests: runs one cell through the app's own run path on webR,
// then waits to be killed (the test SIGKILLs it mid-run). Usage: tsx test/run-until-killed.ts <json args>
import { db } from "@/server/db";
import { runCells } from "@/server/executions/run-cells";

const args = JSON.parse(process.argv[2] ?? "{}") as { userId: string; notebookId: string; cellId: string; source: string };
const { executions } = await runCells(db, { userId: args.userId, notebookId: args.notebookId, cells: [{ cellId: args.cellId, source: args.source }] });
console.log(JSON.stringify({ executionId: executions[0]?.id }));
setInterval(() => {}, 60_000);
