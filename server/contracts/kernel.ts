// Input schemas of the kernel procedures for the editor (completion, help, variables, kernel choice).
import { z } from "zod";
import { PROVIDER_IDS } from "@/server/kernels/types";
import { ZId } from "./notebook";

export const ZCodePositionInput = z
  .object({
    notebookId: ZId,
    /** The cell's text; a position in it is asked about. */
    code: z.string().max(1_000_000),
    /** Offset in UTF-16 code units into `code`. */
    cursor: z.number().int().nonnegative(),
  })
  .refine((input) => input.cursor <= input.code.length, { message: "The cursor is past the end of the code", path: ["cursor"] });
export type CodePositionInput = z.infer<typeof ZCodePositionInput>;

export const ZProviderId = z.enum(PROVIDER_IDS);

export const ZChooseKernelInput = z.object({
  notebookId: ZId,
  provider: ZProviderId,
  /** A spec name the provider lists (KernelSpec.name). */
  spec: z.string().min(1).max(200),
  /** Values for the spec's resource choices (KernelSpec.resources), by key; others keep their default. */
  resources: z.record(z.string().max(64), z.string().max(64)).optional(),
});
export type ChooseKernelInput = z.infer<typeof ZChooseKernelInput>;
