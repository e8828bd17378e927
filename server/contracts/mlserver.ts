// Input schemas of the ML Server procedures: snapshots and web services (publish, call, delete).
import { z } from "zod";
import { ZId } from "./notebook";

/** The types an ML Server web service parameter may have (swagger 9.3.0 ParameterDefinition). */
export const SERVICE_PARAMETER_TYPES = ["logical", "numeric", "integer", "character", "vector", "matrix", "data.frame"] as const;

const ZRName = z.string().trim().min(1).max(100).regex(/^[A-Za-z.][A-Za-z0-9._]*$/, "Use an R name: letters, digits, dots and underscores, not starting with a digit");
const ZServiceName = z.string().trim().min(1, "Name the service").max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Use letters, digits, dots, dashes and underscores in the service name");
const ZVersion = z.string().trim().min(1, "Give a version").max(50).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Use letters, digits, dots, dashes and underscores in the version");
const ZParameter = z.object({ name: ZRName, type: z.enum(SERVICE_PARAMETER_TYPES) });

export const ZSaveSnapshotInput = z.object({ notebookId: ZId, name: z.string().trim().min(1, "Name the snapshot").max(200) });
export const ZSnapshotRef = z.object({ snapshotId: z.string().min(1).max(100) });
export const ZStartFromSnapshotInput = z.object({ notebookId: ZId, snapshotId: z.string().min(1).max(100) });

export const ZPublishServiceInput = z.object({
  name: ZServiceName,
  version: ZVersion,
  description: z.string().max(2000).optional(),
  code: z.string().min(1, "The service needs code to run").max(256 * 1024),
  inputs: z.array(ZParameter).max(50).refine(uniqueNames, "Two inputs have the same name"),
  outputs: z.array(ZParameter).max(50).refine(uniqueNames, "Two outputs have the same name"),
  snapshotId: z.string().max(100).nullish(),
});
export type PublishServiceInput = z.infer<typeof ZPublishServiceInput>;

export const ZServiceRef = z.object({ name: ZServiceName, version: ZVersion });
export const ZCallServiceInput = ZServiceRef.extend({ inputs: z.record(z.string(), z.unknown()) });

function uniqueNames(list: { name: string }[]): boolean {
  return new Set(list.map((p) => p.name)).size === list.length;
}
