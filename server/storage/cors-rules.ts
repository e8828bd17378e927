// The account's CORS rules: only the app's own origin may send blocks to Blob storage and read it
// back from the browser (a SAS alone is not enough for a browser to use it cross-origin).
import type { CorsRule, BlobServiceClient } from "@azure/storage-blob";

/** One rule for exactly `origin` (no localhost/127.0.0.1 aliasing, no wildcard). */
export function corsRulesFor(origin: string): CorsRule[] {
  return [{
    allowedOrigins: origin,
    allowedMethods: "PUT,GET,HEAD,OPTIONS",
    allowedHeaders: "*",
    exposedHeaders: "etag,content-length,content-type,content-md5,x-ms-*",
    maxAgeInSeconds: 3600,
  }];
}

/** Replaces the account's CORS rules with `corsRulesFor(origin)` unless they already are exactly that. */
export async function applyCors(service: BlobServiceClient, origin: string, options: { signal: AbortSignal }): Promise<void> {
  const wanted = corsRulesFor(origin);
  const current = await service.getProperties({ abortSignal: options.signal });
  if (JSON.stringify(normalise(current.cors ?? [])) === JSON.stringify(normalise(wanted))) return;
  // Set Blob Service Properties keeps the settings it is not given (logging, metrics, versions).
  await service.setProperties({ cors: wanted }, { abortSignal: options.signal });
}

function normalise(rules: CorsRule[]) {
  return rules.map((r) => [r.allowedOrigins, r.allowedMethods, r.allowedHeaders, r.exposedHeaders, r.maxAgeInSeconds]);
}
