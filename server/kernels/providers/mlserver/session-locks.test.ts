import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { SessionLocks } from "./session-locks";

describe("SessionLocks", () => {
  it("refuses a second cell with BUSY and reports the running one", async () => {
    const locks = new SessionLocks();
    const release = await locks.acquire("s", "cell");
    expect(locks.runningCell("s")).toBeInstanceOf(Promise);
    await expect(locks.acquire("s", "cell")).rejects.toMatchObject({ code: "BUSY" });
    await expect(locks.acquire("s", "ide")).rejects.toBeInstanceOf(KernelError);
    expect(locks.runningCell("other")).toBeUndefined();
    release();
    expect(locks.isHeld("s")).toBe(false);
  });

  it("lets a cell wait for the provider's own short requests", async () => {
    const locks = new SessionLocks();
    const order: string[] = [];
    const ide = locks.with("s", "ide", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push("ide");
    });
    expect(locks.runningCell("s")).toBeUndefined();
    const cell = locks.with("s", "cell", async () => {
      order.push("cell");
    });
    await Promise.all([ide, cell]);
    expect(order).toEqual(["ide", "cell"]);
  });
});
