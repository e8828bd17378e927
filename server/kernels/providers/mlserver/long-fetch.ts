// Node's fetch (undici) gives up waiting for response headers after 300 s, but ML Server's execute
// answers only when the run ends; that one call goes through node:http, which has no such limit
// (the caller's AbortSignal, with the provider's execute timeout, still bounds it).
import http from "node:http";
import https from "node:https";

/** A fetch for long-blocking requests: same interface, no header deadline of its own. */
export async function longFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const request = new Request(input, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const url = new URL(request.url);
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  if (body) headers["content-length"] = String(body.byteLength);
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    const req = send(url, { method: request.method, headers, signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const status = res.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
        }
        const nullBody = status === 204 || status === 304;
        try {
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: responseHeaders }));
        } catch (error) {
          reject(error); // a status outside 200–599
        }
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
