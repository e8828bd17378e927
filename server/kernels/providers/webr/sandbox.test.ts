// The kernel process's command line on this machine: Node's permission model with reads limited to
// the host, webR and ws folders and the kernel's own folder; as root, no network and a uid of its own.
import { existsSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isolation, kernelFiles, prepareKernel } from "./sandbox";

describe("webR kernel sandbox", () => {
  const files = kernelFiles();

  it("starts node under the permission model, reading only the kernel's files and writing only its folder", async () => {
    const kernel = await prepareKernel(files);
    try {
      const node = kernel.args.slice(kernel.args.indexOf(process.execPath) + 1);
      expect(node).toContain("--experimental-permission");
      expect(node.filter((a) => a.startsWith("--allow-fs-read=")).sort()).toEqual(
        [files.hostDir, files.webrDir, files.wsDir, kernel.cwd].map((dir) => `--allow-fs-read=${dir}/`).sort(),
      );
      expect(node.filter((a) => a.startsWith("--allow-fs-write="))).toEqual([`--allow-fs-write=${kernel.cwd}/`]);
      expect(node).not.toContain("--allow-child-process");
      expect(node).not.toContain("--allow-addons");
      expect(statSync(kernel.cwd).mode & 0o777).toBe(0o700);
    } finally {
      await kernel.cleanUp();
    }
    expect(existsSync(kernel.cwd)).toBe(false);
  });

  it.runIf(process.getuid?.() === 0)("as root: no network route and a uid of its own for each kernel, owning its folder", async () => {
    expect(isolation()).toEqual({ user: "own-uid", network: "none" });
    const [a, b] = await Promise.all([prepareKernel(files), prepareKernel(files)]);
    try {
      expect(a.command).toMatch(/unshare$/);
      expect(a.args.slice(0, 2)).toEqual(["-n", "--"]);
      const uidOf = (args: string[]) => Number(args.find((x) => x.startsWith("--reuid="))?.split("=")[1]);
      expect(uidOf(a.args)).toBeGreaterThanOrEqual(1_000_000_000);
      expect(uidOf(a.args)).not.toBe(uidOf(b.args));
      expect(statSync(a.cwd).uid).toBe(uidOf(a.args));
    } finally {
      await Promise.all([a.cleanUp(), b.cleanUp()]);
    }
  });
});
