// Absolute addresses of a shared link and its preview image, on the app's public origin (NEXTAUTH_URL).
import "server-only";
import { env } from "@/server/env";

/** Where the app runs when NEXTAUTH_URL is not set (development; scripts/start.mjs always sets it). */
const FALLBACK_ORIGIN = "http://localhost:3000";

export function appOrigin(): string {
  return env.NEXTAUTH_URL ?? FALLBACK_ORIGIN;
}

export function shareUrl(token: string): string {
  return new URL(`/share/${token}`, appOrigin()).toString();
}

export function shareImageUrl(token: string): string {
  return new URL(`/share/${token}/og`, appOrigin()).toString();
}
