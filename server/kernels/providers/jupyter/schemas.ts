// The shapes this provider accepts from a Jupyter server: REST answers (contents API included) and
// the contents of the kernel messages it reads. Everything from the server is parsed with these
// before it is used.
import { z } from "zod";

// ---- REST (/api/kernelspecs, /api/kernels) ----

export const ZKernelSpecFile = z.object({
  display_name: z.string(),
  language: z.string(),
  argv: z.array(z.string()).optional(),
});

export const ZKernelSpecs = z.object({
  default: z.string().nullish(),
  kernelspecs: z.record(z.string(), z.object({ name: z.string(), spec: ZKernelSpecFile })),
});
export type KernelSpecs = z.infer<typeof ZKernelSpecs>;

export const ZKernelModel = z.object({
  id: z.string().min(1),
  name: z.string(),
  execution_state: z.string().optional(),
});
export type KernelModel = z.infer<typeof ZKernelModel>;

/** The `message` Jupyter servers put in JSON error bodies. */
export const ZErrorBody = z.object({ message: z.string().optional(), reason: z.string().nullish() });

// ---- Contents API (/api/contents): the files of the server's root, where kernels start ----

export const ZContentsEntry = z.object({
  name: z.string(),
  type: z.enum(["directory", "file", "notebook"]),
  size: z.number().nullish(),
  last_modified: z.string().nullish(),
});
export const ZDirectoryModel = z.object({ type: z.literal("directory"), content: z.array(ZContentsEntry) });
export const ZBase64FileModel = z.object({ type: z.literal("file"), format: z.literal("base64"), content: z.string() });

// ---- Kernel messages (contents) ----

export const ZKernelInfo = z.object({
  implementation: z.string().default(""),
  language_info: z.object({ name: z.string(), version: z.string().optional() }),
});
export type KernelInfo = z.infer<typeof ZKernelInfo>;

/** A MIME bundle as kernels send it: strings, nbformat's lists of lines, or JSON values. */
export const ZRawBundle = z.record(z.string(), z.unknown());

export const ZStream = z.object({ name: z.enum(["stdout", "stderr"]), text: z.string() });
export const ZDisplay = z.object({
  data: ZRawBundle,
  metadata: z.record(z.string(), z.unknown()).optional(),
  transient: z.record(z.string(), z.unknown()).optional(),
});
export const ZError = z.object({ ename: z.string(), evalue: z.string(), traceback: z.array(z.string()).default([]) });
export const ZInputRequest = z.object({ prompt: z.string().default(""), password: z.boolean().default(false) });

export const ZExecuteReply = z.object({
  status: z.string(),
  payload: z.array(z.object({ source: z.string(), data: ZRawBundle.optional() })).optional(),
});
export type ExecuteReply = z.infer<typeof ZExecuteReply>;

export const ZCompleteReply = z.object({
  status: z.string(),
  matches: z.array(z.string()).default([]),
  cursor_start: z.number().int().nonnegative(),
  cursor_end: z.number().int().nonnegative(),
});

export const ZInspectReply = z.object({
  status: z.string(),
  found: z.boolean().default(false),
  data: ZRawBundle.default({}),
});

/** One workspace object as the variables expression (variables.R.ts) describes it. */
export const ZVariableRows = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    shape: z.string(),
    size: z.number().nullable(),
    preview: z.string(),
  }),
);
