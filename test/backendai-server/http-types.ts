// Why: the small request/reply types shared by the test manager's route handlers.
import type { IncomingHttpHeaders } from "node:http";
import type { Keypair } from "./auth";

export type Ctx = {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  keypair: Keypair;
  apiMajor: number;
  /** The X-BackendAI-Version sent (undefined when none). */
  version: string | undefined;
};

/** A JSON answer (`body`), or raw bytes with their content type (downloads). */
export type Reply = { status: number; body?: unknown; raw?: { contentType: string; data: Buffer } };

export type Handler = (ctx: Ctx) => Promise<Reply>;
