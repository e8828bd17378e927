// Snapshots of ML Server sessions (§2.9): a zip of a session's workspace and working directory,
// private to the user, that a new session can start from (provider.startFromSnapshot) or a live
// one can load. Not part of the kernel contract: the app reaches it as `provider.snapshots`.
import type { MlServerClient } from "./client";

type Signal = { signal?: AbortSignal };

export type SnapshotInfo = {
  id: string;
  name: string;
  owner: string;
  /** As the server sent it (declared "YYYY-mm-dd", timestamps in practice); null if absent. */
  createdAt: string | null;
  /** Size of the snapshot's zip file; null if absent. */
  sizeBytes: number | null;
};

export class MlServerSnapshots {
  constructor(private readonly client: MlServerClient) {}

  /** Snapshots the session (`POST /sessions/{id}/snapshot` → 201); returns the snapshot id. */
  async create(sessionId: string, options: Signal & { name?: string } = {}): Promise<string> {
    return this.client.createSnapshot(sessionId, options);
  }

  /** The user's snapshots (`GET /snapshots`). */
  async list(options: Signal = {}): Promise<SnapshotInfo[]> {
    const snapshots = await this.client.listSnapshots(options);
    return snapshots.map((s) => ({ id: s.id, name: s.name ?? "", owner: s.owner ?? "", createdAt: s.creationTime ?? null, sizeBytes: s.contentSize ?? null }));
  }

  /** Merges the snapshot's workspace and files into a live session of the same runtime. */
  async load(sessionId: string, snapshotId: string, options: Signal = {}): Promise<void> {
    await this.client.loadSnapshot(sessionId, snapshotId, options);
  }

  /** `DELETE /snapshots/{id}`; KernelError "NOT_FOUND" for an unknown id. */
  async delete(snapshotId: string, options: Signal = {}): Promise<void> {
    await this.client.deleteSnapshot(snapshotId, options);
  }
}
