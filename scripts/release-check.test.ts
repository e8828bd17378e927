// The production dependency tree (what `npm ci --omit=dev` installs) holds no Azurite and none of the
// advisory-listed packages it brought; `npm start` still finds the emulator in a development install.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findAzurite } from "./azurite.mjs";
import { productionPackages, releaseProblems, type Lockfile } from "./release-check.mjs";

const root = resolve(import.meta.dirname, "..");
const lock: Lockfile = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

describe("release checks", () => {
  it("package-lock.json: no azurite (nor its old axios, xml2js, tough-cookie) in the production tree", () => {
    const names = productionPackages(lock).map((p) => p.name);
    expect(names).toContain("@azure/storage-blob");
    expect(names).not.toContain("azurite");
    expect(releaseProblems(lock)).toEqual([]);
    const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(packageJson.dependencies).not.toHaveProperty("azurite");
    expect(packageJson.optionalDependencies ?? {}).not.toHaveProperty("azurite");
  });

  it("flags a lockfile that installs azurite or an advisory-listed version in production", () => {
    const bad = { packages: { "": {}, "node_modules/azurite": { version: "3.35.0" }, "node_modules/tough-cookie": { version: "2.5.0" },
      "node_modules/xml2js": { version: "0.6.2", dev: true } } };
    expect(releaseProblems(bad)).toEqual([
      "node_modules/azurite is a development tool but is in the production tree.",
      "node_modules/tough-cookie@2.5.0 has CVE-2023-26136 (prototype pollution); fixed in 4.1.3.",
    ]);
  });

  it("npm ls --omit=dev finds no azurite in the installed tree", async () => {
    const { stdout } = await promisify(execFile)("npm", ["ls", "azurite", "--omit=dev", "--all", "--json"], { cwd: root })
      .catch((e: { stdout: string }) => e); // npm ls exits 1 when the query matches nothing
    expect(JSON.parse(stdout).dependencies ?? {}).toEqual({});
    // …while the development tree has it.
    const dev = await promisify(execFile)("npm", ["ls", "azurite", "--json"], { cwd: root });
    expect(JSON.parse(dev.stdout).dependencies).toHaveProperty("azurite");
  });

  it("the start script finds the emulator when it is installed, and reports its absence otherwise", () => {
    const main = findAzurite();
    expect(main).toMatch(/node_modules\/azurite\/dist\/src\/blob\/main\.js$/);
    expect(existsSync(main!)).toBe(true);
    const bare = mkdtempSync(join(tmpdir(), "kb-no-azurite-"));
    try {
      writeFileSync(join(bare, "package.json"), "{}");
      expect(findAzurite({ from: bare })).toBeNull();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
