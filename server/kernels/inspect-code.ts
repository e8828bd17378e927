// Help for the name at the cursor of a cell, from the notebook's kernel if it can answer now.
import "server-only";
import type { CodePositionInput } from "@/server/contracts/kernel";
import type { Inspection } from "./types";
import { askIdleKernel } from "./ask-idle-kernel";

const TIMEOUT_MS = 6_000;

export function inspectCode(args: { userId: string } & CodePositionInput): Promise<Inspection> {
  const { userId, notebookId, code, cursor } = args;
  const none: Inspection = { found: false };
  return askIdleKernel({ userId, notebookId, timeoutMs: TIMEOUT_MS }, none, ({ provider, remoteId }, signal) =>
    provider.inspect ? provider.inspect(remoteId, { code, cursor, signal }) : null);
}
