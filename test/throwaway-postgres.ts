// A PostgreSQL cluster of a test's own (initdb on a free port, as the postgres user), which the test
// may restart, stop and start at will: the shared server on 5432 is never touched.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deploy } from "../scripts/migrate.mjs";
import { freePort } from "./net.mjs";

const BIN = "/usr/lib/postgresql/15/bin";

export type ThrowawayPostgres = {
  /** A migrated database on the cluster. */
  url: string;
  restart(): void;
  stop(): void;
  start(): void;
  destroy(): void;
};

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "kb-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asPostgres = (cmd: string, args: string[]) => {
    const runAs = process.getuid?.() === 0 ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--clear-groups", `${BIN}/${cmd}`, ...args]] as const : [`${BIN}/${cmd}`, args] as const;
    execFileSync(runAs[0], [...runAs[1]], { stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
  };
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const ctl = (...args: string[]) => asPostgres("pg_ctl", ["-D", data, "-w", "-t", "60", "-l", join(dir, "log"), "-o", options, ...args]);
  ctl("start");
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await deploy(url);
  return {
    url,
    restart: () => ctl("restart", "-m", "fast"),
    stop: () => ctl("stop", "-m", "fast"),
    start: () => ctl("start"),
    destroy: () => {
      try {
        ctl("stop", "-m", "immediate");
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
