// Client-side types of the datasets UI, derived from the tRPC router so they follow the server.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type DatasetOutputs = inferRouterOutputs<AppRouter>["dataset"];

export type DatasetItem = DatasetOutputs["list"][number];
export type DatasetStatus = DatasetItem["status"];
export type DatasetPreviewData = DatasetOutputs["preview"];
export type AttachResult = DatasetOutputs["attach"];
