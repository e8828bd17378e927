// Gives every Vitest worker a freshly migrated PostgreSQL database unless the caller provided one,
// and an in-memory Azurite (Blob storage for datasets) unless a storage account is configured.
import { randomBytes } from "node:crypto";
import { startAzurite } from "../scripts/azurite.mjs";
import { freePort } from "./net.mjs";
import { createTestDatabase, dropTestDatabase } from "./test-database.mjs";

export default async function setup() {
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
  process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("base64");
  const teardown: (() => Promise<void>)[] = [];
  if (!process.env.AZURE_STORAGE_CONNECTION_STRING && !process.env.AZURE_STORAGE_ACCOUNT_URL) {
    const azurite = await startAzurite({ port: await freePort(), inMemory: true });
    process.env.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
    process.env.AZURE_STORAGE_CONTAINER = `kb-test-${Date.now()}`;
    teardown.push(() => azurite.stop());
  }
  if (!process.env.DATABASE_URL) {
    const { name, url } = await createTestDatabase("kb_vitest");
    process.env.DATABASE_URL = url;
    teardown.push(() => dropTestDatabase(name));
  }
  return async () => {
    for (const step of teardown) await step();
  };
}
