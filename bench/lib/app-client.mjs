// A minimal HTTP client of a running Kernelbook for benchmarks: sign-up/sign-in (cookies),
// tRPC queries and mutations (superjson envelope), and the notebook event stream (SSE).
export class AppClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  keepCookies(res) {
    for (const line of res.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async fetch(path, init = {}) {
    // The app refuses state-changing requests without its own Origin (as a browser on its pages sends).
    const headers = { ...init.headers, cookie: this.cookieHeader(), origin: new URL(this.baseUrl).origin };
    const res = await fetch(this.baseUrl + path, { ...init, redirect: "manual", headers });
    this.keepCookies(res);
    return res;
  }

  async mutation(path, input) {
    const res = await this.fetch(`/api/trpc/${path}`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }),
    });
    const body = await res.json();
    if (body.error) throw new Error(`${path}: ${body.error.json?.message ?? JSON.stringify(body.error)}`);
    return body.result.data.json;
  }

  async query(path, input) {
    const res = await this.fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    const body = await res.json();
    if (body.error) throw new Error(`${path}: ${body.error.json?.message ?? JSON.stringify(body.error)}`);
    return body.result.data.json;
  }

  async signUpAndIn(email, password) {
    await this.mutation("user.signUp", { email, password });
    const { csrfToken } = await (await this.fetch("/api/auth/csrf")).json();
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  }

  /** Opens the notebook's event stream; calls onEvent(NotebookEvent) for each event. */
  async openEventStream(notebookId, lastEventId, onEvent) {
    const controller = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ json: { notebookId, lastEventId } }));
    const res = await this.fetch(`/api/trpc/execution.onEvent?input=${input}`, { signal: controller.signal, headers: { accept: "text/event-stream" } });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          if (!data || !block.includes("id: ")) continue;
          onEvent(JSON.parse(data).json);
        }
      }
    })();
    return () => controller.abort();
  }
}
