// Admin dashboard statistics: usage over a date range, service health and dataset storage per user.
import { getHealth } from "@/server/admin/stats/get-health";
import { getStorageUsage } from "@/server/admin/stats/get-storage-usage";
import { getUsage } from "@/server/admin/stats/get-usage";
import { ZUsageRange } from "@/server/admin/stats/day-range";
import { db } from "@/server/db";
import { adminProcedure, createRouter } from "../trpc";

export const adminStatsRouter = createRouter({
  usage: adminProcedure.input(ZUsageRange).query(({ input }) => getUsage(db, input)),
  health: adminProcedure.query(() => getHealth(db)),
  storage: adminProcedure.query(() => getStorageUsage(db)),
});
