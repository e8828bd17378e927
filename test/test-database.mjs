// Creates a throw-away database on the test PostgreSQL server, migrated, and drops it afterwards.
// The server is TEST_DATABASE_URL (any database on it), or 127.0.0.1:5432 as this machine has.
import pg from "pg";
import { deploy } from "../scripts/migrate.mjs";

export function adminUrl() {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export async function createTestDatabase(prefix = "kb_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  await deploy(url.toString());
  return { name, url: url.toString() };
}

export async function dropTestDatabase(name) {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
