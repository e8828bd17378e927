import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveConflictError, AutosaveController, type SaveState } from "./autosave";
import type { DocCell } from "./types";

class Conflict extends Error {}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const cells = (source: string): DocCell[] => [{ id: "a", kind: "code", source }];

function setup(save: (p: { version: number; cells: DocCell[] }) => Promise<{ version: number }>) {
  const states: SaveState[] = [];
  const controller = new AutosaveController({
    version: 1, cells: cells(""), save, isConflict: (e) => e instanceof Conflict,
    onState: (s) => states.push(s), delayMs: 800, retryMs: 5_000,
  });
  return { controller, states };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe("AutosaveController", () => {
  it("debounces edits into one save with the latest cells and version", async () => {
    const save = vi.fn(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller, states } = setup(save);
    controller.change(cells("a"));
    await vi.advanceTimersByTimeAsync(500);
    controller.change(cells("ab"));
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ version: 1, cells: cells("ab") });
    expect(controller.currentVersion).toBe(2);
    expect(states).toEqual(["unsaved", "saving", "saved"]);
  });

  it("never has two saves in flight and re-saves what changed meanwhile", async () => {
    const first = deferred<{ version: number }>();
    const save = vi.fn()
      .mockImplementationOnce(() => first.promise)
      .mockImplementation(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller } = setup(save);
    controller.change(cells("a"));
    await vi.advanceTimersByTimeAsync(800);
    controller.change(cells("ab"));
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(1);
    first.resolve({ version: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ version: 2, cells: cells("ab") });
    expect(controller.currentState).toBe("saved");
    expect(controller.dirty).toBe(false);
  });

  it("stops on a conflict and keeps the edits", async () => {
    const save = vi.fn(async () => { throw new Conflict("stale"); });
    const { controller, states } = setup(save);
    controller.change(cells("mine"));
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toBe("conflict");
    controller.change(cells("mine too"));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(controller.dirty).toBe(true);
    await expect(controller.saveNow()).rejects.toBeInstanceOf(AutosaveConflictError);
  });

  it("reports a failed save and retries it later", async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new Error("network"))
      .mockImplementation(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller, states } = setup(save);
    controller.change(cells("a"));
    await vi.advanceTimersByTimeAsync(800);
    expect(controller.currentState).toBe("failed");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(states).toEqual(["unsaved", "saving", "failed", "saving", "saved"]);
  });

  it("flushes the pending save before a run and adopts the run's version", async () => {
    const order: string[] = [];
    const save = vi.fn(async (p: { version: number }) => { order.push(`save@${p.version}`); return { version: p.version + 1 }; });
    const { controller } = setup(save);
    controller.change(cells("x <- 1"));
    const result = await controller.runExclusive([{ cellId: "a", source: "x <- 1" }], async () => {
      order.push("run");
      return { version: 2 };
    });
    expect(result.version).toBe(2);
    expect(order).toEqual(["save@1", "run"]);
    expect(controller.currentVersion).toBe(2);
  });

  it("adopts a bumped version when the run saved changed sources, but not someone else's", async () => {
    const save = vi.fn(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller } = setup(save);
    await controller.runExclusive([{ cellId: "a", source: "typed after the save" }], async () => ({ version: 2 }));
    expect(controller.currentVersion).toBe(2);
    await controller.runExclusive([{ cellId: "a", source: "typed after the save" }], async () => ({ version: 5 }));
    expect(controller.currentVersion).toBe(2);
  });

  it("holds saves while a run is in flight", async () => {
    const run = deferred<{ version: number }>();
    const save = vi.fn(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller } = setup(save);
    const running = controller.runExclusive([{ cellId: "a", source: "" }], () => run.promise);
    await vi.advanceTimersByTimeAsync(0);
    controller.change(cells("edit during run"));
    await vi.advanceTimersByTimeAsync(800);
    expect(save).not.toHaveBeenCalled();
    run.resolve({ version: 1 });
    await running;
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith({ version: 1, cells: cells("edit during run") });
  });

  it("runs on the version it holds, and a run refused as stale stops autosave as a conflict", async () => {
    const save = vi.fn(async (p: { version: number }) => ({ version: p.version + 1 }));
    const { controller, states } = setup(save);
    const bases: number[] = [];
    const refused = controller.runExclusive([{ cellId: "a", source: "x <- 'original'" }], async (base) => {
      bases.push(base);
      throw new Conflict("stale");
    });
    await expect(refused).rejects.toBeInstanceOf(AutosaveConflictError);
    expect(bases).toEqual([1]);
    expect(controller.currentState).toBe("conflict");
    expect(states).toEqual(["conflict"]);
    controller.change(cells("typed after"));
    await vi.advanceTimersByTimeAsync(800);
    expect(save).not.toHaveBeenCalled();
  });
});
