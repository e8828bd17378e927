// The Blob service requests of an upload (Put Block, Put Block List) against a SAS URL scoped to one
// blob: URLs, the block-list XML, and one PUT with retries, backoff and a single renewal of an
// expired link (403), shared by every request in flight.
import { blockId } from "@/server/contracts/dataset";
import { cancelledError, UploadError } from "./upload-error";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export type RetryPolicy = {
  /** Retries after the first attempt, for network errors and 408 / 429 / 5xx answers. */
  retries: number;
  /** Pause before retry number `attempt` (0-based). */
  backoffMs: (attempt: number) => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
};

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  backoffMs: (attempt) => 500 * 2 ** attempt + Math.floor(Math.random() * 250),
  sleep: abortableSleep,
};

/** The upload's current SAS URL; `renew` replaces it once however many requests saw it expire. */
export type UploadLink = { current: () => string; renew: (stale: string) => Promise<void> };

export function createUploadLink(initial: string, fetchNew: () => Promise<string>): UploadLink {
  let url = initial;
  let pending: Promise<void> | null = null;
  return {
    current: () => url,
    renew: (stale) => {
      if (stale !== url) return Promise.resolve(); // another request renewed it already
      pending ??= fetchNew().then((fresh) => { url = fresh; }).finally(() => { pending = null; });
      return pending;
    },
  };
}

function withQuery(base: string, query: string): string {
  return `${base}${base.includes("?") ? "&" : "?"}${query}`;
}

export function blockUrl(base: string, index: number): string {
  return withQuery(base, `comp=block&blockid=${encodeURIComponent(blockId(index))}`);
}

export function blockListUrl(base: string): string {
  return withQuery(base, "comp=blocklist");
}

/** Put Block List's body: blocks 0…count-1 in order, each the latest staged version. */
export function blockListXml(blockCount: number): string {
  const ids = Array.from({ length: blockCount }, (_, i) => `<Latest>${blockId(i)}</Latest>`);
  return `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids.join("")}</BlockList>`;
}

type PutArgs = {
  link: UploadLink;
  url: (base: string) => string;
  init: RequestInit;
  /** What is being sent, for error sentences ("block 12", "the block list"). */
  what: string;
  fetch: Fetch;
  signal: AbortSignal;
  retry: RetryPolicy;
};

/** One PUT that must succeed: retried on network errors and transient answers, renewed once on 403. */
export async function putToBlob({ link, url, init, what, fetch, signal, retry }: PutArgs): Promise<void> {
  let renewed = false;
  for (let attempt = 0; ; ) {
    if (signal.aborted) throw cancelledError(signal.reason);
    const base = link.current();
    let response: Response;
    try {
      response = await fetch(url(base), { ...init, method: "PUT", signal });
    } catch (e) {
      if (signal.aborted) throw cancelledError(e);
      if (attempt >= retry.retries) throw new UploadError("NETWORK", `Could not reach storage to send ${what}: check the connection, then choose the file again to resume.`, { cause: e });
      await pause(retry, attempt++, signal);
      continue;
    }
    if (response.ok) return;
    const detail = await storageErrorText(response);
    if (response.status === 403 && !renewed) {
      renewed = true; // the SAS has probably expired: ask the app for a fresh one, then try again
      await link.renew(base);
      continue;
    }
    if (isTransient(response.status) && attempt < retry.retries) {
      await pause(retry, attempt++, signal);
      continue;
    }
    throw refusal(response.status, what, detail);
  }
}

function isTransient(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function pause(retry: RetryPolicy, attempt: number, signal: AbortSignal): Promise<void> {
  try {
    await retry.sleep(retry.backoffMs(attempt), signal);
  } catch (e) {
    throw cancelledError(e);
  }
}

function refusal(status: number, what: string, detail: string): UploadError {
  if (status === 403) return new UploadError("ACCESS_DENIED", `Storage refused the upload link for ${what}, even after renewing it${detail}.`);
  if (/Md5Mismatch/i.test(detail)) {
    return new UploadError("REFUSED", `The checksum of ${what} did not match what storage received: the file may have changed while uploading. Choose it again.`);
  }
  return new UploadError("REFUSED", `Storage refused ${what} (HTTP ${status}${detail}).`);
}

/** ": Code — Message" from Blob's XML error body, or "" when there is none. */
async function storageErrorText(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<\n]*)/.exec(body)?.[1]?.trim();
  return code ? `: ${code}${message ? ` — ${message}` : ""}` : "";
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
