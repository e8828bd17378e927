// The shared contract's cases for files in a kernel's working directory (upload, list, download,
// streamed writes), kept apart from contract.ts, which runs them; each skips, naming the method,
// on a provider without it.
import { expect } from "vitest";
import { KernelError } from "@/server/errors";
import type { KernelProvider } from "./types";

export type FileCaseName = "files" | "streamed-write";

/** What a file case needs: the provider, the contract's kernel, and R's stdout for some code. */
export type FileCaseContext = { provider: KernelProvider; remoteId: string; stdout(code: string): Promise<string> };

export const FILE_CASE_TITLES: Record<FileCaseName, string> = {
  files: "an uploaded file is listed, downloads as uploaded and R reads it; a missing one is NOT_FOUND",
  "streamed-write": "a file streamed in several chunks arrives whole in a new folder; a short stream is INVALID",
};

export function fileCaseSkip(caseName: FileCaseName, provider: KernelProvider): string | undefined {
  if (caseName === "streamed-write") return provider.writeFile ? undefined : "capability writeFile: not implemented, files are not streamed";
  const missing = (["uploadFile", "listFiles", "downloadFile"] as const).filter((m) => !provider[m]);
  return missing.length ? `capability ${missing.join(", ")}: not implemented, no files in the working directory` : undefined;
}

export const FILE_CASES: Record<FileCaseName, (ctx: FileCaseContext) => Promise<void>> = {
  async files({ provider, remoteId, stdout }) {
    const upload = defined(provider.uploadFile, "uploadFile").bind(provider);
    const list = defined(provider.listFiles, "listFiles").bind(provider);
    const download = defined(provider.downloadFile, "downloadFile").bind(provider);
    const name = "contract-files.csv"; // no folder: ML Server's working directory has none
    const data = new TextEncoder().encode("id,score\n1,0.5\n2,0.25\n");
    await upload(remoteId, { path: name, data });
    const listed = (await list(remoteId, ".")).find((f) => f.name === name);
    expect(listed).toMatchObject({ name, isDirectory: false });
    expect([0, data.byteLength], "its size (0: the provider lists no sizes)").toContain(listed?.size);
    expect(sameBytes(await download(remoteId, name), data)).toBe(true);
    expect(await stdout(`cat(nrow(read.csv("${name}")), "\\n")`)).toBe("2 \n");
    await expectKernelError(download(remoteId, "contract-no-such-file.csv"), "NOT_FOUND");
  },

  async "streamed-write"({ provider, remoteId, stdout }) {
    const write = defined(provider.writeFile, "writeFile").bind(provider);
    const sizes = [1024 * 1024, 5, 2 * 1024 * 1024 + 3, 0, 70_000];
    const bytes = patterned(sizes.reduce((a, b) => a + b, 0));
    const path = "contract-streamed/data.bin";
    await write(remoteId, { path, size: bytes.byteLength, chunks: chunked(bytes, sizes) });
    const checksum = bytes.reduce((sum, b) => (sum + b) % 1_000_003, 0);
    const code = `f <- "${path}"; b <- readBin(f, "raw", file.size(f) + 1); cat(length(b), sum(as.integer(b)) %% 1000003, "\\n")`;
    expect(await stdout(code)).toBe(`${bytes.byteLength} ${checksum} \n`);
    if (provider.downloadFile) expect(sameBytes(await provider.downloadFile(remoteId, path), bytes)).toBe(true);
    const short = write(remoteId, { path: "contract-streamed/short.bin", size: 10, chunks: chunked(patterned(4), [4]) });
    await expectKernelError(short, "INVALID");
  },
};

/** Bytes 0, 7, 14, … modulo 251: no two chunks of a long file look alike. */
function patterned(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 7) % 251);
}

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const size of sizes) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield bytes.slice(at, at + size);
    at += size;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

async function expectKernelError(promise: Promise<unknown>, code: KernelError["code"]): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KernelError);
  expect((error as KernelError).code).toBe(code);
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}
