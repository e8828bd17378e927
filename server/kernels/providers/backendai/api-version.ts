// Which X-BackendAI-Version to send: the highest version this client speaks that the manager also
// does, as Lablup's SDKs negotiate it (spec §1.2: `GET /` reports the manager's newest version; the
// Python SDK sends min(server, client)). A manager older than 24.09 refuses our newest with 400.
// The choice is remembered per endpoint for the life of the process (a failed ask is not).
import { KernelError } from "@/server/errors";

/** Versions this client speaks, oldest first (spec §1.1, the 24.09 list); the last is the newest. */
export const CLIENT_VERSIONS = [
  "v4.20181215", "v4.20190115", "v4.20190315", "v4.20190615", "v5.20191215", "v6.20200815", "v6.20210815",
  "v6.20220315", "v6.20220615", "v6.20230315", "v7.20230615", "v8.20240315", "v8.20240915",
] as const;

type Parsed = { major: number; date: string };

function parse(version: string): Parsed | null {
  const m = /^v(\d+)\.(\d{8})$/.exec(version);
  return m ? { major: Number(m[1]), date: m[2] ?? "" } : null;
}

/** Orders versions by major, then revision date (a plain string comparison gets v10 < v4 wrong). */
export function compareVersions(a: Parsed, b: Parsed): number {
  return a.major - b.major || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
}

/** The highest client version not newer than the manager's; null when the manager is older than all of them. */
export function pickVersion(managerVersion: string): string | null {
  const manager = parse(managerVersion);
  if (!manager) return null;
  const usable = CLIENT_VERSIONS.filter((v) => compareVersions(parse(v)!, manager) <= 0);
  return usable.at(-1) ?? null;
}

/** A version string as the manager reported it, checked (spec §1.1 form `v<major>.<yyyymmdd>`). */
export function chooseVersion(managerVersion: string, where: string): string {
  const chosen = pickVersion(managerVersion);
  if (chosen) return chosen;
  const oldest = CLIENT_VERSIONS[0];
  throw new KernelError("UNAVAILABLE", parse(managerVersion)
    ? `Backend.AI at ${where} speaks API ${managerVersion}, older than the oldest Kernelbook supports (${oldest}, manager 18.12).`
    : `Backend.AI at ${where} reported an API version Kernelbook does not understand ("${managerVersion.slice(0, 40)}").`);
}

const negotiated = new Map<string, Promise<string>>();

/** The version for `where`, asking the manager once per process (`ask` returns what `GET /` reports). */
export function negotiatedVersion(where: string, ask: () => Promise<string>): Promise<string> {
  let version = negotiated.get(where);
  if (!version) {
    version = ask().then((reported) => chooseVersion(reported, where));
    negotiated.set(where, version);
    version.catch(() => negotiated.delete(where)); // a manager that could not be asked is asked again next time
  }
  return version;
}

/** Tests: forget every negotiated version. */
export function forgetNegotiatedVersions(): void {
  negotiated.clear();
}
