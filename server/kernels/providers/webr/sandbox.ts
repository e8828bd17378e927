// How a webR kernel process is locked down: the command line that starts it (no network namespace
// route, another user, Node's permission model) and its private working folder. What this machine
// allows is probed once; what cannot be isolated is said once in the log, and kernels still start.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What the kernels of this server are isolated by (besides Node's permission model, always on). */
export type Isolation = {
  /** "own-uid": each kernel runs as a user of its own (the server runs as root). */
  user: "own-uid" | "server-user";
  /** "none": a network namespace with no route at all; "shared": the server's network. */
  network: "none" | "shared";
};

export type KernelCommand = {
  command: string;
  args: string[];
  cwd: string;
  /** Removes the working folder (after the process has ended). */
  cleanUp(): Promise<void>;
};

/** Where the kernel host script and webR's own files are (the app runs from its project folder). */
export type KernelFiles = { hostDir: string; webrDir: string; wsDir: string };

/**
 * Kernel users: a block of 256 uids per server process (by pid), none of them a real account, so
 * no two kernels (of this server or another on the machine) share a uid and none can signal another.
 */
const UID_BASE = 1_000_000_000;
const UIDS_PER_SERVER = 256;

type Probe = { unshare: string | null; setpriv: string | null; root: boolean; networkFlag: "-n" | "-rn" | null };

let probed: Probe | undefined;
/** Working folders of kernels not yet cleaned up: removed when the server exits, whatever happens to their kernels. */
const liveFolders = new Set<string>();
let exitHook = false;
let nextSlot = 0;
const usedUids = new Set<number>();

export function kernelFiles(root: string = process.cwd()): KernelFiles {
  return {
    hostDir: join(root, "server/kernels/providers/webr/host"),
    webrDir: join(root, "node_modules/webr"),
    wsDir: join(root, "node_modules/ws"),
  };
}

/** The isolation this machine gives kernels (probed on first use). */
export function isolation(): Isolation {
  const p = probe();
  return { user: p.root && p.setpriv ? "own-uid" : "server-user", network: p.networkFlag ? "none" : "shared" };
}

/** Creates the kernel's working folder and the command line that starts its host in it. */
export async function prepareKernel(files: KernelFiles): Promise<KernelCommand> {
  const p = probe();
  const uid = p.root && p.setpriv ? allocateUid() : null;
  const cwd = await mkdtemp(join(tmpdir(), "kernelbook-webr-"));
  trackFolder(cwd);
  try {
    if (uid !== null) await chown(cwd, uid, uid);
  } catch (error) {
    liveFolders.delete(cwd);
    await rm(cwd, { recursive: true, force: true });
    throw error;
  }
  const node = [
    "--experimental-permission",
    "--allow-worker",
    `--allow-fs-read=${files.hostDir}/`,
    `--allow-fs-read=${files.webrDir}/`,
    `--allow-fs-read=${files.wsDir}/`,
    `--allow-fs-read=${cwd}/`,
    `--allow-fs-write=${cwd}/`,
    "--no-warnings",
    "--require",
    join(files.hostDir, "preload.cjs"),
    join(files.hostDir, "kernel-host.mjs"),
    join(files.webrDir, "dist/webr.mjs"),
  ];
  const prefix = [
    ...(p.unshare && p.networkFlag ? [p.unshare, p.networkFlag, "--"] : []),
    ...(uid !== null && p.setpriv ? [p.setpriv, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs", "--"] : []),
  ];
  const [launcher, ...launcherArgs] = prefix;
  return {
    command: launcher ?? process.execPath,
    args: launcher ? [...launcherArgs, process.execPath, ...node] : node,
    cwd,
    cleanUp: async () => {
      if (uid !== null) usedUids.delete(uid);
      liveFolders.delete(cwd);
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

function trackFolder(folder: string): void {
  liveFolders.add(folder);
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const dir of liveFolders) rmSync(dir, { recursive: true, force: true });
  });
}

function allocateUid(): number {
  const base = UID_BASE + (process.pid % 3_000_000) * UIDS_PER_SERVER;
  for (let i = 0; i < UIDS_PER_SERVER; i++) {
    const uid = base + ((nextSlot + i) % UIDS_PER_SERVER);
    if (usedUids.has(uid)) continue;
    nextSlot = (nextSlot + i + 1) % UIDS_PER_SERVER;
    usedUids.add(uid);
    return uid;
  }
  // More live kernels than uids: share one rather than refuse to start (said in the README).
  return base;
}

function probe(): Probe {
  if (probed) return probed;
  const root = process.getuid?.() === 0;
  const unshare = findTool("unshare");
  const setpriv = root ? findTool("setpriv") : null;
  const works = (command: string | null, args: string[]) =>
    command !== null && spawnSync(command, args, { stdio: "ignore", timeout: 5_000 }).status === 0;
  const networkFlag = works(unshare, ["-n", "--", "/bin/true"]) ? "-n" : works(unshare, ["-rn", "--", "/bin/true"]) ? "-rn" : null;
  // Another user must be able to run Node and read the kernel's files: a project folder under a
  // private home (/root is 0700) is not readable by it, and kernels then keep the server's user.
  const { hostDir, webrDir } = kernelFiles();
  const readable = [join(hostDir, "kernel-host.mjs"), join(webrDir, "dist/webr.mjs")];
  const canSwitch = works(setpriv, [
    "--reuid=65534", "--regid=65534", "--clear-groups", "--no-new-privs", "--",
    process.execPath, "-e", "for (const f of process.argv.slice(1)) fs.accessSync(f, fs.constants.R_OK)", ...readable,
  ]);
  probed = { root, unshare, setpriv: canSwitch ? setpriv : null, networkFlag };
  warnOnce(probed);
  return probed;
}

function warnOnce(p: Probe): void {
  const missing: string[] = [];
  if (!(p.root && p.setpriv)) missing.push("they run as the server's own user (the server is not root, setpriv is missing, or the project folder is not readable by other users), so R code could signal the server's processes");
  if (!p.networkFlag) missing.push("they share the server's network (unshare -n / -rn is not available), so R code could reach services on it");
  if (missing.length === 0) return;
  console.warn(`[kernelbook] webR kernels are only partly isolated: ${missing.join("; ")}. Environment, child processes, addons and files stay locked down.`);
}

function findTool(name: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return null;
}
