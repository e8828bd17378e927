// Zod schemas of the Backend.AI manager answers this provider reads (spec §4, §5, §8); only
// these parsed shapes leave the provider folder's boundary code.
import { z } from "zod";

/** problem+json error body (spec §8); every member optional since eras differ. */
export const ZProblem = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  msg: z.string().optional(),
  error_code: z.string().optional(),
  data: z.unknown().optional(),
  "agent-details": z.object({ type: z.string().optional(), title: z.string().nullish(), exception: z.string().nullish() }).passthrough().optional(),
});
export type Problem = z.infer<typeof ZProblem>;

/** Create answer: v5+ carries `sessionId` (UUID) and `sessionName`; v4 only `kernelId`. */
export const ZCreatedSession = z
  .object({
    sessionId: z.string().optional(),
    sessionName: z.string().optional(),
    kernelId: z.string().optional(),
    status: z.string(),
    created: z.boolean().optional(),
  })
  .refine((s) => s.sessionId !== undefined || s.kernelId !== undefined, { message: "sessionId or kernelId is required" });
export type CreatedSessionBody = z.infer<typeof ZCreatedSession>;

/** Session info (spec §4.2): only the fields used; the others are opaque Python renderings. */
export const ZSessionInfo = z.object({
  status: z.string(),
  statusInfo: z.string().nullish(),
  statusData: z.record(z.string(), z.unknown()).nullish(),
  image: z.string().optional(),
  lang: z.string().optional(),
});
export type SessionInfo = z.infer<typeof ZSessionInfo>;

export const EXECUTION_RESULT_STATUSES = ["continued", "waiting-input", "finished", "clean-finished", "build-finished", "exec-timeout"] as const;
export type ExecutionResultStatus = (typeof EXECUTION_RESULT_STATUSES)[number];

/** One console item (spec §5.3); unknown kinds and shapes become `other` and are skipped. */
export type ConsoleItem =
  | { kind: "stdout" | "stderr" | "html"; text: string }
  | { kind: "media"; mime: string; data: string }
  | { kind: "other"; type: string };

const ZRawConsoleItem = z.tuple([z.string(), z.unknown()]);

function toConsoleItem([type, payload]: [string, unknown]): ConsoleItem {
  if ((type === "stdout" || type === "stderr" || type === "html") && typeof payload === "string") return { kind: type, text: payload };
  const media = z.tuple([z.string(), z.string()]).safeParse(payload);
  if (type === "media" && media.success) return { kind: "media", mime: media.data[0], data: media.data[1] };
  return { kind: "other", type };
}

export const ZExecutionResult = z.object({
  result: z.object({
    status: z.enum(EXECUTION_RESULT_STATUSES),
    runId: z.string().nullish(),
    exitCode: z.number().int().nullish(),
    options: z.object({ is_password: z.boolean().optional() }).passthrough().nullish(),
    console: z.array(ZRawConsoleItem).nullish().transform((items) => (items ?? []).map(toConsoleItem)),
  }),
});
export type ExecutionResult = z.infer<typeof ZExecutionResult>["result"];

/** Completion answer in code (spec §5.5); the docs' bare list is accepted too. */
export const ZCompletion = z.object({
  result: z.union([
    z.object({ status: z.string().optional(), completions: z.array(z.string()).nullish() }).transform((r) => r.completions ?? []),
    z.array(z.string()),
  ]),
});

/** `GET /` version probe (spec §1.2). */
export const ZHello = z.object({ version: z.string(), manager: z.string().optional() });
export type Hello = z.infer<typeof ZHello>;

/** GraphQL `images` rows (spec §4.3, §10); resource limits are strings ("1", "256m", "Infinity") or null. */
const ZLimitValue = z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === null ? null : String(v)));
export const ZImage = z.object({
  name: z.string(),
  tag: z.string().nullish(),
  registry: z.string().nullish(),
  architecture: z.string().nullish(),
  digest: z.string().nullish(),
  installed: z.boolean().nullish(),
  labels: z.array(z.object({ key: z.string(), value: z.string().nullish() })).nullish(),
  resource_limits: z.array(z.object({ key: z.string(), min: ZLimitValue, max: ZLimitValue })).nullish(),
});
export type CatalogImage = z.infer<typeof ZImage>;
export const ZImages = z.object({ images: z.array(ZImage).nullish().transform((v) => v ?? []) });

/** `GET /config/resource-slots`: slot name → type ("count", "bytes", "unique"). */
export const ZResourceSlots = z.record(z.string(), z.string());

/** GraphQL `compute_session` (works for terminated sessions too, unlike GET /session/{id}). */
export const ZComputeSession = z.object({
  compute_session: z
    .object({ status: z.string(), status_info: z.string().nullish(), status_data: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish() })
    .nullish(),
});

/** GraphQL over /admin/gql: graphql-core's formatted result (BA24 api/admin.py). */
export const ZGqlResult = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).passthrough()).nullish(),
});

/** List files (spec §7.1): `files` is JSON *text* of rows, `errors` the helper script's stderr. */
export const ZListFiles = z.object({ files: z.string(), errors: z.string().nullish(), abspath: z.string().nullish() });
export const ZFileRows = z.array(
  z.object({ mode: z.string(), size: z.number(), mtime: z.number().nullish(), filename: z.string() }).passthrough(),
);
