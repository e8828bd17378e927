// One Prisma client per process, on PostgreSQL through the pg driver adapter.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

declare global {
  // Survives Next.js dev reloads so connections are not leaked.
  var __kbPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 }) });
}

export const db: PrismaClient = globalThis.__kbPrisma ?? createClient();
globalThis.__kbPrisma = db;

export type Db = PrismaClient;
