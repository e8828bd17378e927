// Creates a notebook with one empty code cell, on the embedded webR kernel by default.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";

export async function createNotebook(db: Db, args: { userId: string; title?: string }) {
  const notebook = await db.notebook.create({
    data: {
      ownerId: args.userId,
      title: args.title ?? "Untitled notebook",
      cells: { create: [{ id: randomUUID(), rank: 0, kind: "code", source: "" }] },
    },
    select: { id: true, title: true },
  });
  return notebook;
}
