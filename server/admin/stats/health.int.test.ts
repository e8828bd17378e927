// The health and storage reports against the real database, Azurite and the embedded webR provider.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";

describe("adminStats.health", () => {
  it("lists webR reachable with a latency, and the database and Blob storage", async () => {
    const admin = callerFor(await createUser("ADMIN"));
    const { checks, checkedAt } = await admin.adminStats.health();
    expect(checkedAt).toBeInstanceOf(Date);
    const byId = new Map(checks.map((c) => [c.id, c]));
    expect(byId.get("provider:webr")).toMatchObject({ kind: "provider", name: "webR", state: "reachable", latencyMs: expect.any(Number), detail: expect.stringMatching(/webR/) });
    expect(byId.get("database")).toMatchObject({ kind: "database", state: "reachable", latencyMs: expect.any(Number), version: expect.stringMatching(/^\d+/) });
    expect(byId.get("blob-storage")).toMatchObject({ kind: "storage", state: "reachable", latencyMs: expect.any(Number), detail: expect.stringContaining(env.storage!.container) });
  });
});

describe("adminStats.storage", () => {
  let users: { big: string; small: string; none: string };

  beforeAll(async () => {
    const [big, small, none] = [(await createUser()).id, (await createUser()).id, (await createUser()).id];
    const dataset = (ownerId: string, size: number, status: string) => ({
      ownerId, name: "d.csv", blobName: `users/${ownerId}/${crypto.randomUUID()}`, size: BigInt(size), contentType: "text/csv", status, blockSize: 1024, fileKey: "k",
    });
    await db.dataset.createMany({
      data: [
        dataset(big, 6 * 1024 ** 3, "ready"), dataset(big, 1024 ** 3, "uploading"), dataset(big, 5, "deleting"),
        // Sizes above anything other test files store, so both users are in the top 20 of a shared database.
        dataset(small, 3 * 1024 ** 3 + 300, "ready"), dataset(small, 200, "ready"),
        dataset(none, 10 ** 12, "deleting"),
      ],
    });
    users = { big, small, none };
  });

  it("counts datasets and bytes per user, largest first, with the quota", async () => {
    const admin = callerFor(await createUser("ADMIN"));
    const usage = await admin.adminStats.storage();
    expect(usage.quotaBytes).toBe(env.DATASET_QUOTA_BYTES);
    const mine = usage.users.filter((u) => Object.values(users).includes(u.userId));
    expect(mine).toEqual([
      expect.objectContaining({ userId: users.big, datasets: 2, bytes: 7 * 1024 ** 3, email: expect.stringContaining("@") }),
      expect.objectContaining({ userId: users.small, datasets: 2, bytes: 3 * 1024 ** 3 + 500 }),
    ]);
    expect(usage.totals.bytes).toBeGreaterThanOrEqual(10 * 1024 ** 3 + 500);
    expect(usage.totals.datasets).toBeGreaterThanOrEqual(4);
    expect(usage.users.length).toBeLessThanOrEqual(20);
  });
});
