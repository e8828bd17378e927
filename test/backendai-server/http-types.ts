// Why: the small request/reply types shared by the test manager's route handlers.
import type { Keypair } from "./auth";

export type Ctx = {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  keypair: Keypair;
  apiMajor: number;
};

export type Reply = { status: number; body?: unknown };

export type Handler = (ctx: Ctx) => Promise<Reply>;
