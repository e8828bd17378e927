// Why: the API versions each manager release accepts in X-BackendAI-Version and reports at GET /
// (spec §1.1): 24.09 by default; 23.09 for clients that must negotiate down (it refuses v8.x with 400).
export type ManagerRelease = "24.09" | "23.09";
export type ManagerVersions = { latest: string; manager: string; accepted: ReadonlySet<string> };

const ACCEPTED_24_09 = [
  "v4.20181215", "v4.20190115", "v4.20190315", "v4.20190615", "v5.20191215", "v6.20200815", "v6.20210815",
  "v6.20220315", "v6.20220615", "v6.20230315", "v7.20230615", "v8.20240315", "v8.20240915",
];

export const MANAGER_RELEASES: Record<ManagerRelease, ManagerVersions> = {
  "24.09": { latest: "v8.20240915", manager: "24.09.0", accepted: new Set(ACCEPTED_24_09) },
  // 23.09's newest is v7.20230615 (its client's default, spec §1.1); the v8 revisions came with 24.03/24.09.
  "23.09": { latest: "v7.20230615", manager: "23.09.0", accepted: new Set(ACCEPTED_24_09.filter((v) => !v.startsWith("v8."))) },
};

export const MANAGER_RELEASE_NAMES = Object.keys(MANAGER_RELEASES) as ManagerRelease[];

/** Major version of the request; without a header the manager assumes v5 (spec §1.2). */
export function apiMajor(version: string | undefined): number {
  const m = version ? /^v(\d+)\./.exec(version) : null;
  return m ? Number(m[1]) : 5;
}
