// Datasets' Blob storage, for the server only: the container, short-lived SAS URLs scoped to one blob
// (the browser sends and fetches the bytes itself; the account key never leaves this process) and
// ranged reads. Created lazily once per process: the container if missing, CORS for the app's origin.
import "server-only";
import {
  BlobSASPermissions, BlobServiceClient, SASProtocol, StorageSharedKeyCredential, generateBlobSASQueryParameters,
  type ContainerClient, type StoragePipelineOptions,
} from "@azure/storage-blob";
import { env } from "@/server/env";
import type { StorageConfig } from "@/server/env-storage";
import { DatasetError } from "@/server/errors";
import { attachmentDisposition } from "./content-disposition";
import { applyCors } from "./cors-rules";
import { isBlobNotFound, storageFailure } from "./storage-failure";

export type BlobStore = {
  container: ContainerClient; // created if missing on first use
  /** Another container of the same account (e.g. an upload's staging area); not created here. */
  containerNamed(name: string): ContainerClient;
  /**
   * URL of the blob with a SAS: `permissions` "r" (download/preview) or "cw" (upload); expires after ttlMs.
   * In `container` (default: the datasets container).
   */
  sasUrl(blobName: string, options: { permissions: "r" | "cw"; ttlMs: number; downloadAs?: string; container?: string }): string;
  /** A Node readable stream of the blob's bytes (optionally a range). */
  openRead(blobName: string, options?: { offset?: number; count?: number; signal?: AbortSignal }): Promise<NodeJS.ReadableStream>;
};

/** Time allowed for one storage call (or, for reads, until the response starts). */
export const STORAGE_TIMEOUT_MS = 30_000;
/** SAS start time lies this far in the past, for clocks that run behind ours. */
const CLOCK_SKEW_MS = 60_000;
const PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 3 }, userAgentOptions: { userAgentPrefix: "kernelbook" } };

declare global {
  // One store per process (and across Next.js dev reloads): the container and CORS are set up once.
  var __kbBlobStore: Promise<BlobStore> | undefined;
}

/** The process-wide store; DatasetError UNAVAILABLE when no account is configured or it cannot be reached. */
export function blobStore(): Promise<BlobStore> {
  const config = env.storage;
  if (!config) {
    return Promise.reject(new DatasetError("UNAVAILABLE", "Datasets are not available on this server: no storage account is configured (AZURE_STORAGE_CONNECTION_STRING)."));
  }
  globalThis.__kbBlobStore ??= createBlobStore(config, { appOrigin: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null })
    .catch((cause: unknown) => {
      globalThis.__kbBlobStore = undefined; // the next call tries again
      throw new DatasetError("UNAVAILABLE", "Dataset storage cannot be reached right now. Try again in a minute.", { cause });
    });
  return globalThis.__kbBlobStore;
}

/** `appOrigin` null: CORS is left as it is (no browser will talk to this account). */
export async function createBlobStore(config: StorageConfig, options: { appOrigin: string | null }): Promise<BlobStore> {
  const { service, credential } = connect(config);
  const container = service.getContainerClient(config.container);
  await container.createIfNotExists({ abortSignal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) }); // private: no public access
  if (options.appOrigin) await applyCors(service, options.appOrigin, { signal: AbortSignal.timeout(STORAGE_TIMEOUT_MS) });
  else console.warn("[datasets] NEXTAUTH_URL is not set: Blob CORS left unchanged, browsers may not be able to upload.");
  // Azurite speaks plain HTTP; a real account's SAS is for HTTPS only.
  const protocol = new URL(service.url).protocol === "https:" ? SASProtocol.Https : SASProtocol.HttpsAndHttp;

  return {
    container,
    containerNamed: (name) => service.getContainerClient(name),
    sasUrl(blobName, { permissions, ttlMs, downloadAs, container: containerName = container.containerName }) {
      const now = Date.now();
      const query = generateBlobSASQueryParameters({
        containerName, blobName, permissions: BlobSASPermissions.parse(permissions), protocol,
        startsOn: new Date(now - CLOCK_SKEW_MS), expiresOn: new Date(now + ttlMs),
        contentDisposition: downloadAs === undefined ? undefined : attachmentDisposition(downloadAs),
      }, credential);
      return `${service.getContainerClient(containerName).getBlobClient(blobName).url}?${query.toString()}`;
    },
    openRead: (blobName, readOptions = {}) => openRead(container, blobName, readOptions),
  };
}

function connect(config: StorageConfig): { service: BlobServiceClient; credential: StorageSharedKeyCredential } {
  if (config.kind === "account-key") {
    const credential = new StorageSharedKeyCredential(config.accountName, config.accountKey);
    return { service: new BlobServiceClient(config.accountUrl, credential, PIPELINE), credential };
  }
  const service = BlobServiceClient.fromConnectionString(config.connectionString, PIPELINE);
  if (!(service.credential instanceof StorageSharedKeyCredential)) {
    throw new Error("AZURE_STORAGE_CONNECTION_STRING must hold the account key to sign SAS URLs.");
  }
  return { service, credential: service.credential };
}

async function openRead(
  container: ContainerClient, blobName: string, options: { offset?: number; count?: number; signal?: AbortSignal },
): Promise<NodeJS.ReadableStream> {
  // The timeout covers the wait for the response; the body then streams for as long as the caller wants.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("Blob storage did not answer in time")), STORAGE_TIMEOUT_MS);
  const forward = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", forward, { once: true });
  if (options.signal?.aborted) forward();
  try {
    const response = await container.getBlobClient(blobName)
      .download(options.offset ?? 0, options.count, { abortSignal: controller.signal, maxRetryRequests: 3 });
    if (!response.readableStreamBody) throw new Error("Blob storage returned no body");
    return response.readableStreamBody;
  } catch (e) {
    options.signal?.removeEventListener("abort", forward);
    if (isBlobNotFound(e)) throw new DatasetError("NOT_FOUND", "The dataset's file is missing from storage.", { cause: e });
    throw storageFailure("read the dataset", e);
  } finally {
    clearTimeout(timer);
  }
}
