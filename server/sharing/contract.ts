// What shared result links (#7) exchange: the procedures' inputs, the owner's view of a link, and
// the stored snapshot the public page renders. No "server-only": the browser imports the types.
import { z } from "zod";
import { ZExecEvent } from "@/server/contracts/outputs";
import { ZId } from "@/server/contracts/notebook";

export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;
export type ShareExpiryDays = (typeof SHARE_EXPIRY_DAYS)[number];

export const ZCreateShareInput = z.object({
  notebookId: ZId,
  /** Absent: the link works until it is revoked. */
  expiresInDays: z.union([z.literal(1), z.literal(7), z.literal(30)]).optional(),
});
export type CreateShareInput = z.infer<typeof ZCreateShareInput>;
export const ZListSharesInput = z.object({ notebookId: ZId.optional() }).optional();
export const ZRevokeShareInput = z.object({ id: ZId });

export type CreatedShareLink = { id: string; url: string; expiresAt: Date | null };

export type ShareLinkState = "active" | "expired" | "revoked";

/** A link as its owner sees it: never the token (only its hash is stored) nor the snapshot. */
export type ShareLinkSummary = {
  id: string;
  notebookId: string | null;
  title: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  views: number;
  lastViewedAt: Date | null;
  state: ShareLinkState;
};

/** Events as the snapshot keeps them: kernel output plus the lifecycle lines the output area shows. */
export const ZSnapshotEvent = z.union([
  ZExecEvent,
  z.object({ type: z.literal("input_reply"), value: z.string() }),
  z.object({ type: z.literal("status"), status: z.enum(["queued", "running", "ok", "error", "interrupted", "aborted", "lost"]),
    executionCount: z.number().optional(), at: z.string(), reason: z.string().optional() }),
  z.object({ type: z.literal("truncated"), limitBytes: z.number() }),
]);

export const ZSnapshotCell = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("markdown"), source: z.string() }),
  z.object({
    kind: z.literal("code"),
    source: z.string(),
    executionCount: z.number().int().nullable(),
    status: z.string().nullable(),
    events: z.array(ZSnapshotEvent),
  }),
]);
export type SnapshotCell = z.infer<typeof ZSnapshotCell>;

export const ZShareSnapshot = z.object({
  version: z.literal(1),
  title: z.string(),
  language: z.enum(["r", "python"]),
  /** The author's name, or the local part of their email (never its domain). */
  author: z.string(),
  /** When the snapshot was taken (ISO 8601). */
  takenAt: z.string(),
  /** When a cell of the snapshot last finished running (ISO 8601), if any did. */
  lastRunAt: z.string().nullable(),
  kernel: z.object({ provider: z.string(), providerLabel: z.string(), runtime: z.string().nullable() }),
  /** SHA-256 (hex) of every code cell's source, in order, joined by "\n". */
  codeSha256: z.string(),
  datasets: z.array(z.object({ name: z.string(), size: z.number(), md5: z.string().nullable() })),
  cells: z.array(ZSnapshotCell),
});
export type ShareSnapshot = z.infer<typeof ZShareSnapshot>;

/** What the public page gets for a valid token: the snapshot and the link's dates, nothing else. */
export type SharedNotebook = { title: string; createdAt: Date; expiresAt: Date | null; snapshot: ShareSnapshot };
