import { describe, expect, it } from "vitest";
import { listContents, writeContents } from "./contents";
import { JupyterRest } from "./rest";

type Sent = { method: string; url: string; body: Record<string, unknown> | undefined };

function recordingRest(answer: (sent: Sent) => Response = () => new Response(null, { status: 200 })) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const entry = { method: request.method, url: request.url, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
    sent.push(entry);
    return answer(entry);
  };
  const rest = new JupyterRest({ baseUrl: "http://jupyter.example/base", token: "t", fetch, requestTimeoutMs: 1000, startTimeoutMs: 1000 });
  return { rest, sent };
}

async function* chunks(...texts: string[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) yield new TextEncoder().encode(text);
}

const b64 = (text: string) => Buffer.from(text).toString("base64");
const options = { timeoutMs: 1000 };

describe("writeContents", () => {
  it("makes the folders, then sends chunks 1, 2, … and -1 as base64", async () => {
    const { rest, sent } = recordingRest();
    await writeContents(rest, { path: "./datasets/a b/x.csv", size: 9, chunks: chunks("abc", "", "def", "ghi") }, options);
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ["PUT", "http://jupyter.example/base/api/contents/datasets"],
      ["PUT", "http://jupyter.example/base/api/contents/datasets/a%20b"],
      ...[1, 2, 3].map(() => ["PUT", "http://jupyter.example/base/api/contents/datasets/a%20b/x.csv"]),
    ]);
    expect(sent.slice(0, 2).map((s) => s.body)).toEqual([{ type: "directory" }, { type: "directory" }]);
    expect(sent.slice(2).map((s) => s.body)).toEqual([
      { type: "file", format: "base64", content: b64("abc"), chunk: 1 },
      { type: "file", format: "base64", content: b64("def"), chunk: 2 },
      { type: "file", format: "base64", content: b64("ghi"), chunk: -1 },
    ]);
  });

  it("sends a one-chunk or empty file in one plain PUT", async () => {
    const one = recordingRest();
    await writeContents(one.rest, { path: "x.csv", size: 3, chunks: chunks("abc") }, options);
    expect(one.sent.map((s) => s.body)).toEqual([{ type: "file", format: "base64", content: b64("abc") }]);
    const empty = recordingRest();
    await writeContents(empty.rest, { path: "x.csv", size: 0, chunks: chunks() }, options);
    expect(empty.sent.map((s) => s.body)).toEqual([{ type: "file", format: "base64", content: "" }]);
  });

  it("refuses a stream whose bytes do not add up, before its last chunk", async () => {
    const { rest, sent } = recordingRest();
    await expect(writeContents(rest, { path: "x.csv", size: 10, chunks: chunks("abc", "def") }, options)).rejects.toMatchObject({ code: "INVALID" });
    expect(sent.map((s) => s.body?.chunk)).toEqual([1]);
  });

  it("refuses paths outside the working directory without a request", async () => {
    const { rest, sent } = recordingRest();
    for (const path of ["../x", "/etc/x", "a/../../x", "."]) {
      await expect(writeContents(rest, { path, size: 0, chunks: chunks() }, options)).rejects.toMatchObject({ code: "INVALID" });
    }
    expect(sent).toEqual([]);
  });
});

describe("listContents", () => {
  it("lists a directory model's entries as kernel files", async () => {
    const model = { type: "directory", content: [
      { name: "d", type: "directory", size: null, last_modified: "2026-01-01T00:00:00Z" },
      { name: "f.csv", type: "file", size: 12, last_modified: "2026-01-02T00:00:00Z" },
    ] };
    const { rest, sent } = recordingRest(() => new Response(JSON.stringify(model), { status: 200 }));
    expect(await listContents(rest, ".", options)).toEqual([
      { name: "d", size: 0, isDirectory: true, modifiedAt: "2026-01-01T00:00:00Z" },
      { name: "f.csv", size: 12, isDirectory: false, modifiedAt: "2026-01-02T00:00:00Z" },
    ]);
    expect(sent[0]?.url).toBe("http://jupyter.example/base/api/contents?type=directory&content=1");
  });
});

describe("startKernel", () => {
  it("starts kernels in the server's root, where the contents API's paths start", async () => {
    const { rest, sent } = recordingRest(() => new Response(JSON.stringify({ id: "k1", name: "ir" }), { status: 201 }));
    await rest.startKernel("ir");
    expect(sent[0]?.body).toEqual({ name: "ir", path: "" });
  });
});
