// Reads a .ipynb file's text into a checked notebook, or refuses it with one sentence a user can act
// on ("This file is not a Jupyter notebook: cell 3 has no cell_type.").
import type { z } from "zod";
import { formatMegabytes, MAX_IMPORT_BYTES, MAX_IMPORT_CELLS, utf8Bytes } from "@/server/contracts/notebook-transfer";
import { NotebookError } from "@/server/errors";
import { ZIpynb, type Ipynb } from "./ipynb-schema";
import { tolerateUnknownTypes } from "./unknown-types";
import { isObject, upgradeNotebook } from "./upgrade-nbformat";

const NOT_A_NOTEBOOK = "This file is not a Jupyter notebook";

export function parseIpynb(text: string): Ipynb {
  const bytes = utf8Bytes(text, MAX_IMPORT_BYTES);
  if (bytes > MAX_IMPORT_BYTES) {
    throw invalid(`The file is larger than ${formatMegabytes(MAX_IMPORT_BYTES)}, the import limit.`);
  }
  const json = parseJson(text);
  checkEnvelope(json);
  const upgraded = tolerateUnknownTypes(upgradeNotebook(json));
  const parsed = ZIpynb.safeParse(upgraded);
  if (!parsed.success) throw invalid(`${NOT_A_NOTEBOOK}: ${describeIssue(parsed.error.issues[0], upgraded)}.`, parsed.error);
  return parsed.data;
}

function invalid(message: string, cause?: unknown): NotebookError {
  return new NotebookError("INVALID", message, { cause });
}

/** NUL characters cannot be stored in PostgreSQL text: they become U+FFFD, as invalid bytes do. */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, withoutNul);
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message})` : "";
    throw invalid(`${NOT_A_NOTEBOOK}: it is not valid JSON${detail}.`, e);
  }
}

/** The checks that deserve their own message before the schema's: version and size. */
function checkEnvelope(json: unknown): asserts json is Record<string, unknown> {
  if (!isObject(json)) throw invalid(`${NOT_A_NOTEBOOK}: it holds JSON, but not a notebook object.`);
  const { nbformat, cells, worksheets } = json;
  if (nbformat === undefined) throw invalid(`${NOT_A_NOTEBOOK}: it has no nbformat version.`);
  if (nbformat !== 2 && nbformat !== 3 && nbformat !== 4) {
    throw invalid(`This notebook uses nbformat ${JSON.stringify(nbformat)}; nbformat 2, 3 and 4 can be imported.`);
  }
  const count = Array.isArray(cells) ? cells.length : Array.isArray(worksheets) ? worksheets.reduce((n: number, ws) => n + cellCount(ws), 0) : 0;
  if (count > MAX_IMPORT_CELLS) throw invalid(`This notebook has ${count} cells; the import limit is ${MAX_IMPORT_CELLS}.`);
}

function cellCount(worksheet: unknown): number {
  return isObject(worksheet) && Array.isArray(worksheet.cells) ? worksheet.cells.length : 0;
}

/** "cell 3, output 2 has no text": where the problem is, in the words of the notebook's structure. */
export function describeIssue(issue: z.core.$ZodIssue | undefined, root: unknown): string {
  if (!issue) return "its structure is not valid";
  const { where, field } = locate(issue.path);
  const value = valueAt(root, issue.path);
  if (field === null) return `${where} is not valid (${plain(issue.message)})`;
  if (value === undefined) return `${where} has no ${field}`;
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator) {
    return `${where} has an unknown ${field} ${JSON.stringify(value)}`;
  }
  return `${where} has an invalid ${field} (${plain(issue.message)})`;
}

function locate(path: PropertyKey[]): { where: string; field: string | null } {
  const places: string[] = [];
  let i = 0;
  for (; i + 1 < path.length && typeof path[i + 1] === "number"; i += 2) {
    const name = path[i] === "cells" ? "cell" : path[i] === "outputs" ? "output" : String(path[i]);
    places.push(`${name} ${Number(path[i + 1]) + 1}`);
  }
  const rest = path.slice(i).map(String);
  return { where: places.length ? places.join(", ") : "the notebook", field: rest.length ? rest.join(".") : null };
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function plain(message: string): string {
  return message.replace(/^Invalid input: /, "");
}
