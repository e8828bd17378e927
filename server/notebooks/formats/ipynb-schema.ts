// What Kernelbook accepts of a Jupyter notebook file (nbformat 4, any minor version), as
// JupyterLab, Notebook, VS Code and IRkernel write it: metadata kept whole, the content checked.
import { z } from "zod";
import { MAX_IMPORT_CELLS } from "@/server/contracts/notebook-transfer";

/** nbformat's "multiline string": one string, or a list of lines to be joined. */
export const ZMultiline = z.union([z.string(), z.array(z.string())], { error: "expected text or a list of lines" });
export type Multiline = z.infer<typeof ZMultiline>;

/** A prompt number; stored as a 32-bit integer. */
const ZExecutionCount = z.number().int().nonnegative().max(2 ** 31 - 1);

/** Metadata is open-ended: every key is kept, whatever its value. */
const ZMetadata = z.record(z.string(), z.unknown());

/** MIME types whose value is JSON (any type) rather than text, as nbformat defines them. */
export function isJsonMime(mime: string): boolean {
  return /^application\/(.*\+)?json$/.test(mime);
}

export const ZIpynbMimeBundle = z.record(z.string(), z.unknown()).superRefine((bundle, ctx) => {
  for (const [mime, value] of Object.entries(bundle)) {
    if (isJsonMime(mime) || ZMultiline.safeParse(value).success) continue;
    ctx.addIssue({ code: "custom", path: [mime], message: "expected text or a list of lines" });
  }
});

const ZStreamOutput = z.looseObject({ output_type: z.literal("stream"), name: z.string(), text: ZMultiline });
const ZDisplayDataOutput = z.looseObject({
  output_type: z.literal("display_data"),
  data: ZIpynbMimeBundle,
  metadata: ZMetadata.default({}),
});
const ZExecuteResultOutput = z.looseObject({
  output_type: z.literal("execute_result"),
  data: ZIpynbMimeBundle,
  metadata: ZMetadata.default({}),
  execution_count: ZExecutionCount.nullable().optional(),
});
const ZErrorOutput = z.looseObject({
  output_type: z.literal("error"),
  ename: z.string(),
  evalue: z.string(),
  traceback: z.array(z.string()).default([]),
});

export const ZIpynbOutput = z.discriminatedUnion("output_type", [ZStreamOutput, ZDisplayDataOutput, ZExecuteResultOutput, ZErrorOutput]);
export type IpynbOutput = z.infer<typeof ZIpynbOutput>;

const cellBase = {
  id: z.string().optional(),
  metadata: ZMetadata.default({}),
  source: ZMultiline,
  /** Files pasted into markdown (e.g. `![](attachment:image.png)`), as MIME bundles by name. */
  attachments: z.record(z.string(), z.unknown()).optional(),
};

const ZCodeCell = z.looseObject({
  ...cellBase,
  cell_type: z.literal("code"),
  execution_count: ZExecutionCount.nullable().default(null),
  outputs: z.array(ZIpynbOutput).default([]),
});
const ZMarkdownCell = z.looseObject({ ...cellBase, cell_type: z.literal("markdown") });
const ZRawCell = z.looseObject({ ...cellBase, cell_type: z.literal("raw") });

export const ZIpynbCell = z.discriminatedUnion("cell_type", [ZCodeCell, ZMarkdownCell, ZRawCell]);
export type IpynbCell = z.infer<typeof ZIpynbCell>;

const ZKernelspec = z.looseObject({
  name: z.string().optional(),
  display_name: z.string().optional(),
  language: z.string().optional(),
});
const ZLanguageInfo = z.looseObject({ name: z.string().optional() });

/** Notebook metadata: the kernel is read; everything else (JupyterLab, VS Code, papermill...) is kept. */
export const ZIpynbMetadata = z.looseObject({
  // A malformed kernelspec only means "unknown kernel": it is not a reason to refuse the notebook.
  kernelspec: ZKernelspec.optional().catch(undefined),
  language_info: ZLanguageInfo.optional().catch(undefined),
  title: z.string().optional().catch(undefined),
});
export type IpynbMetadata = z.infer<typeof ZIpynbMetadata>;

export const ZIpynb = z.looseObject({
  nbformat: z.literal(4),
  nbformat_minor: z.number().int().nonnegative().optional(),
  metadata: ZIpynbMetadata.default({}),
  cells: z.array(ZIpynbCell).max(MAX_IMPORT_CELLS),
});
export type Ipynb = z.infer<typeof ZIpynb>;
