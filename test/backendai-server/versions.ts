// Why: the API versions manager 24.09 accepts in X-BackendAI-Version (spec §1.1).
export const LATEST_VERSION = "v8.20240915";
export const MANAGER_VERSION = "24.09.0";
export const ACCEPTED_VERSIONS: ReadonlySet<string> = new Set([
  "v4.20181215", "v4.20190115", "v4.20190315", "v4.20190615", "v5.20191215", "v6.20200815", "v6.20210815",
  "v6.20220315", "v6.20220615", "v6.20230315", "v7.20230615", "v8.20240315", "v8.20240915",
]);

/** Major version of the request; without a header the manager assumes v5 (spec §1.2). */
export function apiMajor(version: string | undefined): number {
  const m = version ? /^v(\d+)\./.exec(version) : null;
  return m ? Number(m[1]) : 5;
}
