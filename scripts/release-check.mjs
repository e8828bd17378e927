// Release check that works without the registry's audit endpoint: lists the production dependency
// tree from package-lock.json (what `npm ci --omit=dev` installs) and fails when it holds a package
// that belongs to development only (the Azurite emulator) or a version with a published advisory
// that the emulator used to bring in. `npm audit --omit=dev` is the full check where it answers.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** Development-only packages that must never be in a production install. */
export const DEV_ONLY = ["azurite"];

/** Versions below `fixedIn` have a published advisory (the ones Azurite 3.35 pulled in). */
export const KNOWN_ADVISORIES = [
  { name: "axios", fixedIn: "1.6.0", advisory: "CVE-2023-45857 (XSRF-TOKEN leak)" },
  { name: "xml2js", fixedIn: "0.5.0", advisory: "CVE-2023-0842 (prototype pollution)" },
  { name: "tough-cookie", fixedIn: "4.1.3", advisory: "CVE-2023-26136 (prototype pollution)" },
];

/** name@version of every package a production install gets, from a lockfile (v2/v3) object. */
export function productionPackages(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== "" && !entry.dev && !entry.link)
    .map(([path, entry]) => ({ name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), version: entry.version, path }));
}

function older(version, than) {
  const a = version.split(/[.-]/).map(Number);
  const b = than.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** One sentence per problem in the production tree; empty when it is clean. */
export function releaseProblems(lock) {
  const problems = [];
  for (const pkg of productionPackages(lock)) {
    if (DEV_ONLY.includes(pkg.name)) problems.push(`${pkg.path} is a development tool but is in the production tree.`);
    const known = KNOWN_ADVISORIES.find((a) => a.name === pkg.name && older(pkg.version, a.fixedIn));
    if (known) problems.push(`${pkg.path}@${pkg.version} has ${known.advisory}; fixed in ${known.fixedIn}.`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const problems = releaseProblems(lock);
  console.log(`Production tree: ${productionPackages(lock).length} packages (package-lock.json).`);
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
