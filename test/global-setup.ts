// Gives every Vitest worker a freshly migrated PostgreSQL database unless the caller provided one.
import { randomBytes } from "node:crypto";
import { createTestDatabase, dropTestDatabase } from "./test-database.mjs";

export default async function setup() {
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
  process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("base64");
  if (process.env.DATABASE_URL) return;
  const { name, url } = await createTestDatabase("kb_vitest");
  process.env.DATABASE_URL = url;
  return async () => {
    await dropTestDatabase(name);
  };
}
