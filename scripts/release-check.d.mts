export type LockPackage = { version?: string; dev?: boolean; link?: boolean };
export type Lockfile = { packages?: Record<string, LockPackage> };
export const DEV_ONLY: string[];
export const KNOWN_ADVISORIES: { name: string; fixedIn: string; advisory: string }[];
export function productionPackages(lock: Lockfile): { name: string; version: string | undefined; path: string }[];
export function releaseProblems(lock: Lockfile): string[];
