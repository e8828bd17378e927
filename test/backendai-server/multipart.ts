// Why: the byte formats of the file endpoints (spec §7.1): reading multipart/form-data uploads,
// writing ustar archives as Docker's get_archive does, and multipart/mixed download bodies.
import { randomBytes } from "node:crypto";

export type FormPart = { name: string; filename: string | null; contentType: string | null; data: Buffer };

/** Splits a multipart/form-data body; null when the content type or framing is not multipart. */
export function parseFormData(contentType: string | undefined, body: Buffer): FormPart[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    const headerEnd = body.indexOf("\r\n\r\n", at);
    const next = body.indexOf(delimiter, headerEnd);
    if (headerEnd < 0 || next < 0) return null;
    const headers = body.subarray(at + 2, headerEnd).toString("utf8");
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? "";
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? null;
    // Browsers and undici percent-encode '"', CR and LF inside the quoted filename.
    const decoded = filename === undefined ? null : filename.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
    parts.push({ name, filename: decoded, contentType: type, data: body.subarray(headerEnd + 4, next - 2) });
    at = next;
  }
}

export type TarEntry = { name: string; data: Buffer | null; mode: number; mtime: Date };

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function tarHeader(entry: TarEntry): Buffer {
  const h = Buffer.alloc(512);
  const isDir = entry.data === null;
  const name = isDir && !entry.name.endsWith("/") ? `${entry.name}/` : entry.name;
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name too long: ${name}`);
  h.write(name, 0, 100, "utf8");
  h.write(octal(entry.mode & 0o7777, 8), 100, "ascii");
  h.write(octal(1000, 8), 108, "ascii");
  h.write(octal(1000, 8), 116, "ascii");
  h.write(octal(entry.data?.length ?? 0, 12), 124, "ascii");
  h.write(octal(Math.floor(entry.mtime.getTime() / 1000), 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(isDir ? "5" : "0", 156, "ascii");
  h.write("ustar\u000000", 257, "binary");
  h.write("work", 265, "ascii");
  h.write("work", 297, "ascii");
  const sum = h.reduce((acc, byte) => acc + byte, 0);
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

/** A ustar archive of the entries (directories as type 5), ending with two zero blocks. */
export function writeTar(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    blocks.push(tarHeader(e));
    if (e.data) {
      blocks.push(e.data);
      const pad = (512 - (e.data.length % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** multipart/mixed with one part per archive, each `Content-Encoding: identity` (spec §7.1). */
export function writeMixed(parts: Buffer[]): { contentType: string; data: Buffer } {
  const boundary = randomBytes(16).toString("hex");
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = `--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Encoding: identity\r\nContent-Length: ${part.length}\r\n\r\n`;
    chunks.push(Buffer.from(head), part, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, data: Buffer.concat(chunks) };
}
