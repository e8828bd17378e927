// Client-side types of the ML Server UI, derived from the tRPC router so they follow the server.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { SERVICE_PARAMETER_TYPES } from "@/server/contracts/mlserver";

type MlServerOutputs = inferRouterOutputs<AppRouter>["mlserver"];

export type SnapshotData = MlServerOutputs["snapshots"][number];
export type ServiceData = MlServerOutputs["services"][number];
export type CallResultData = MlServerOutputs["callService"];
export type ParameterType = (typeof SERVICE_PARAMETER_TYPES)[number];

/** The side panels the ML Server menu opens; `focus` names a service to bring into view. */
export type MlServerPanelRequest =
  | { panel: "snapshots" }
  | { panel: "services"; focus?: { name: string; version: string } };
