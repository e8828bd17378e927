// Which of the author's datasets a notebook used: attach events are not recorded yet, so the code
// (cells and the runs kept in the snapshot) is scanned for the paths attaching puts them at,
// datasets/<file>, and matched to the author's ready datasets by that file name.
import "server-only";
import type { Db } from "@/server/db";
import { DATASETS_FOLDER, datasetFileName } from "@/server/datasets/attach-names";

export type AttachedDataset = { name: string; size: number; md5: string | null };

/** A quoted path under datasets/ in R or Python code: "datasets/iris.csv", 'datasets/a b.csv'. */
const QUOTED_PATH = new RegExp(`(["'\`])(?:\\./)?${DATASETS_FOLDER}/([^"'\`\\n/\\\\]+)\\1`, "g");

export function datasetFilesIn(sources: readonly string[]): Set<string> {
  const files = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(QUOTED_PATH)) files.add(match[2]);
  }
  return files;
}

export async function attachedDatasets(db: Db, args: { userId: string; sources: readonly string[] }): Promise<AttachedDataset[]> {
  const files = datasetFilesIn(args.sources);
  if (files.size === 0) return [];
  const rows = await db.dataset.findMany({
    where: { ownerId: args.userId, status: "ready" },
    select: { name: true, size: true, md5: true },
    orderBy: { name: "asc" },
  });
  return rows
    .filter((row) => files.has(datasetFileName(row.name)))
    .map((row) => ({ name: row.name, size: Number(row.size), md5: row.md5 ? Buffer.from(row.md5, "base64").toString("hex") : null }));
}
