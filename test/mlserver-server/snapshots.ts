// Why: session snapshots (§2.9): the workspace plus every working-directory file, private to the
// user who made them, downloadable as a zip, loadable into a session of the same runtime.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MlApiError } from "./errors";
import type { Kernel, Runtime } from "./kernel";
import type { Session } from "./sessions";
import { zip } from "./zip";

export type Snapshot = { id: string; name: string; owner: string; runtime: Runtime; creationTime: string; contentSize: number; dir: string };

/** The zip names the workspace file as an R session does (.RData) or a Python one (.dill, §2.8). */
const WORKSPACE_FILE: Record<Runtime, string> = { R: ".RData", Python: ".dill" };

/** The timestamp style of the spec's WebService examples ("2016-11-20T18:15:09.917656"). */
export function specTimestamp(d = new Date()): string {
  return `${d.toISOString().slice(0, 23)}000`;
}

function copyFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) if (e.isFile()) copyFileSync(join(from, e.name), join(to, e.name));
}

export class SnapshotStore {
  private readonly all = new Map<string, Snapshot>();

  constructor(private readonly root: string) {}

  async create(session: Session, name: string | undefined): Promise<Snapshot> {
    const id = randomUUID();
    const dir = join(this.root, id);
    mkdirSync(dir, { recursive: true });
    await session.kernel.control("SAVEALL", join(dir, "workspace"));
    copyFiles(session.workDir, join(dir, "files"));
    const entries = [
      { name: WORKSPACE_FILE[session.runtime], data: readFileSync(join(dir, "workspace")) },
      ...readdirSync(join(dir, "files")).map((f) => ({ name: f, data: readFileSync(join(dir, "files", f)), mtime: statSync(join(dir, "files", f)).mtime })),
    ];
    const archive = zip(entries);
    writeFileSync(join(dir, "snapshot.zip"), archive);
    const snap: Snapshot = { id, name: name ?? "", owner: session.owner, runtime: session.runtime, creationTime: specTimestamp(), contentSize: archive.length, dir };
    this.all.set(id, snap);
    return snap;
  }

  list(owner: string): Snapshot[] {
    return [...this.all.values()].filter((s) => s.owner === owner);
  }

  get(owner: string, id: string): Snapshot {
    const s = this.all.get(id);
    if (!s || s.owner !== owner) throw new MlApiError("NOT_FOUND", `Snapshot '${id}' not found.`);
    return s;
  }

  zipOf(snap: Snapshot): Buffer {
    return readFileSync(join(snap.dir, "snapshot.zip"));
  }

  delete(owner: string, id: string): void {
    const s = this.get(owner, id);
    this.all.delete(id);
    rmSync(s.dir, { recursive: true, force: true });
  }

  /** Merges the saved workspace into a shell and overwrites its working-directory files (§2.9). */
  async loadInto(kernel: Kernel, snap: Snapshot): Promise<void> {
    if (kernel.runtime !== snap.runtime) {
      throw new MlApiError("BAD_REQUEST", `A ${snap.runtime} snapshot cannot be loaded into a ${kernel.runtime} session.`);
    }
    await kernel.control("LOADALL", join(snap.dir, "workspace"));
    copyFiles(join(snap.dir, "files"), kernel.workDir);
  }

  /** A private copy for a web service, which must outlive the snapshot (the Python SDK deletes it after publishing). */
  copyForService(snap: Snapshot, to: string): Snapshot {
    mkdirSync(to, { recursive: true });
    copyFileSync(join(snap.dir, "workspace"), join(to, "workspace"));
    copyFiles(join(snap.dir, "files"), join(to, "files"));
    return { ...snap, dir: to };
  }

  clear(): void {
    for (const s of this.all.values()) rmSync(s.dir, { recursive: true, force: true });
    this.all.clear();
  }
}
