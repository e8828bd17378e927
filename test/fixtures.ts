// Test data helpers for integration tests: users and notebooks in the real test database.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";

export async function createUser(role: "USER" | "ADMIN" = "USER") {
  const email = `u-${randomUUID()}@test.local`;
  return db.user.create({ data: { email, passwordHash: "scrypt$x", role }, select: { id: true, email: true, role: true } });
}

export async function createNotebookWithExecution(ownerId: string) {
  const notebook = await db.notebook.create({
    data: { ownerId, title: "t", cells: { create: [{ id: randomUUID(), rank: 0, source: "1+1" }] } },
    include: { cells: true },
  });
  const execution = await db.execution.create({
    data: { notebookId: notebook.id, cellId: notebook.cells[0].id, source: "1+1", status: "running" },
  });
  return { notebook, cell: notebook.cells[0], execution };
}
