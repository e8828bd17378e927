// The caller's datasets, newest first, as the dataset page shows them (no storage names or URLs).
import "server-only";
import type { Db } from "@/server/db";
import { toDatasetSummary, type DatasetSummary } from "./dataset-row";

export async function listDatasets(db: Db, args: { userId: string }): Promise<DatasetSummary[]> {
  const rows = await db.dataset.findMany({ where: { ownerId: args.userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toDatasetSummary);
}
