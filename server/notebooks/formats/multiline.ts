// nbformat's multiline strings: read as one text; written as a list of lines, the way Jupyter writes them.
import type { Multiline } from "./ipynb-schema";

export function joinMultiline(value: Multiline): string {
  return typeof value === "string" ? value : value.join("");
}

/** "a\nb" → ["a\n", "b"]; "" → []. Joining the lines gives the text back exactly. */
export function toLines(text: string): string[] {
  if (text === "") return [];
  return text.split(/(?<=\n)/);
}
