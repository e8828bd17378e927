// Test helper for the attach integration tests (imported late, after process.env points at the
// test servers): a ready dataset put straight into Blob storage (Azurite) and the database, CSV
// bytes of a wanted size, and a notebook on a chosen kernel whose cells run through the app.
import { randomUUID } from "node:crypto";
import { BlobServiceClient } from "@azure/storage-blob";
import type { StoredEvent } from "@/server/contracts/outputs";
import { db } from "@/server/db";
import type { ProviderId } from "@/server/kernels/types";
import { callerFor } from "@/test/caller";
import { eventsOf, stdoutOf, waitForStatus } from "@/test/execution-waits";
import { createUser } from "@/test/fixtures";
import { blobNameFor } from "./dataset-row";

export type Owner = Awaited<ReturnType<typeof createUser>>;

/** A dataset row in `status` whose blob holds `bytes`. */
export async function putDataset(owner: { id: string }, file: { name: string; bytes: Uint8Array; status?: string }) {
  const id = randomUUID();
  const blobName = blobNameFor(owner.id, id);
  const connection = process.env.AZURE_STORAGE_CONNECTION_STRING;
  const containerName = process.env.AZURE_STORAGE_CONTAINER;
  if (!connection || !containerName) throw new Error("the tests' global setup did not configure Azurite");
  const container = BlobServiceClient.fromConnectionString(connection).getContainerClient(containerName);
  await container.createIfNotExists();
  await container.getBlockBlobClient(blobName).uploadData(file.bytes, { blobHTTPHeaders: { blobContentType: "text/csv" } });
  return db.dataset.create({
    data: {
      id, ownerId: owner.id, name: file.name, blobName, size: BigInt(file.bytes.byteLength), contentType: "text/csv",
      status: file.status ?? "ready", blockSize: 8 * 1024 * 1024, fileKey: `${file.name}:${file.bytes.byteLength}:0`,
    },
  });
}

/** A CSV of `rows` rows (columns id, value, note), each padded so the file reaches about `bytes`. */
export function csvBytes(rows: number, bytes = rows * 20): Uint8Array {
  const padding = "x".repeat(Math.max(1, Math.round(bytes / rows) - 20));
  const lines = ["id,value,note"];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${(i * 0.37).toFixed(2)},${padding}`);
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** A new user's notebook on `provider` (webR: the default), with one code cell `run` fills. */
export async function notebookOn(choice: { provider: ProviderId; spec?: string }, owner?: Owner) {
  const user = owner ?? (await createUser());
  const api = callerFor(user);
  const nb = await api.notebook.create({});
  if (choice.provider !== "webr") await api.kernel.choose({ notebookId: nb.id, provider: choice.provider, spec: choice.spec ?? "r" });
  const cellId = (await api.notebook.get({ id: nb.id })).cells[0]!.id;
  const run = async (source: string): Promise<{ status: string; stdout: string; events: StoredEvent[] }> => {
    const { executions } = await api.execution.run({ notebookId: nb.id, cells: [{ cellId, source }] });
    const row = await waitForStatus(executions[0]!.id, undefined, 120_000);
    const events = await eventsOf(row.id);
    return { status: row.status, stdout: stdoutOf(events), events };
  };
  return { user, api, notebookId: nb.id, run };
}

/** R that prints the number of rows of a CSV in the working directory, e.g. "150000". */
export function countRows(path: string): string {
  return `cat(nrow(read.csv(${JSON.stringify(path)})))`;
}
