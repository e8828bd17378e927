// Autosave for the notebook: debounces edits, keeps at most one save in flight (re-saving what
// changed meanwhile), threads the notebook version through saves and runs, and stops on a conflict.
import type { DocCell } from "./types";

export type SaveState = "saved" | "saving" | "unsaved" | "failed" | "conflict";

export type AutosaveOptions = {
  /** The version and cells the server holds (as loaded). */
  version: number;
  cells: DocCell[];
  save: (payload: { version: number; cells: DocCell[] }) => Promise<{ version: number }>;
  isConflict: (error: unknown) => boolean;
  onState: (state: SaveState, error: unknown) => void;
  delayMs?: number;
  retryMs?: number;
};

export class AutosaveConflictError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("This notebook was changed in another tab or window.", options);
    this.name = "AutosaveConflictError";
  }
}

export class AutosaveController {
  private version: number;
  private latest: DocCell[];
  private saved: DocCell[];
  private rev = 0;
  private savedRev = 0;
  private state: SaveState = "saved";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: AutosaveOptions) {
    this.version = options.version;
    this.latest = options.cells;
    this.saved = options.cells;
  }

  get currentState(): SaveState { return this.state; }
  get currentVersion(): number { return this.version; }
  get dirty(): boolean { return this.rev !== this.savedRev; }

  /** Records the full cell list after an edit and schedules a save. */
  change(cells: DocCell[]): void {
    if (cells === this.latest || this.disposed) return;
    this.latest = cells;
    this.rev++;
    if (this.state === "conflict") return;
    if (this.state === "saved") this.setState("unsaved", null);
    this.schedule(this.options.delayMs ?? 800);
  }

  /** Saves now what is pending; resolves when the server holds it, rejects if it cannot. */
  saveNow(): Promise<void> {
    this.clearTimer();
    if (this.state === "conflict") return Promise.reject(new AutosaveConflictError());
    return this.exclusive(() => this.saveLoop());
  }

  /**
   * Runs `run` (which saves `cells`' sources on top of `baseVersion` and returns the new version)
   * after the pending save, with no save in flight. The returned version is adopted only if nobody
   * else saved meanwhile, so a change from another tab still surfaces as a conflict on the next
   * save; a run the server refuses as stale puts the page in the conflict state.
   */
  async runExclusive<T extends { version: number }>(
    cells: { cellId: string; source: string }[],
    run: (baseVersion: number) => Promise<T>,
  ): Promise<T> {
    await this.saveNow();
    return this.exclusive(async () => {
      const savedSources = new Map(this.saved.map((c) => [c.id, c.source]));
      const bumps = cells.some((c) => savedSources.get(c.cellId) !== c.source);
      let result: T;
      try {
        result = await run(this.version);
      } catch (error) {
        if (!this.options.isConflict(error)) throw error;
        this.setState("conflict", error);
        throw new AutosaveConflictError({ cause: error });
      }
      if (result.version === this.version + (bumps ? 1 : 0)) this.version = result.version;
      return result;
    });
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private async saveLoop(): Promise<void> {
    while (this.rev !== this.savedRev) {
      if (this.state === "conflict") throw new AutosaveConflictError();
      const rev = this.rev;
      const cells = this.latest;
      this.setState("saving", null);
      try {
        const result = await this.options.save({ version: this.version, cells });
        this.version = result.version;
        this.savedRev = rev;
        this.saved = cells;
      } catch (error) {
        this.fail(error);
        throw this.options.isConflict(error) ? new AutosaveConflictError({ cause: error }) : error;
      }
    }
    if (this.state !== "conflict") this.setState("saved", null);
  }

  private fail(error: unknown): void {
    if (this.options.isConflict(error)) {
      this.setState("conflict", error);
      return;
    }
    this.setState("failed", error);
    this.schedule(this.options.retryMs ?? 5_000);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.then(fn);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow().catch(() => undefined);
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState, error: unknown): void {
    if (this.state === state && error === null) return;
    this.state = state;
    this.options.onState(state, error);
  }
}
