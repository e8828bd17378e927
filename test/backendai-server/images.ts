// Why: the test manager's image catalogue (spec §10) as its registry scan would store it: labels
// from the kernels repository's Dockerfiles, resource limits, and which language each one runs.
import type { KernelLang } from "./kernel";

/** One resource limit row (ImageRow.resources): min from `ai.backend.resource.min.*`, max set by an admin. */
export type ImageResourceLimit = { min: string; max: string | null };

export type ImageDef = {
  registry: string;
  /** Project/name without registry or tag, as the `images` query's `name` (e.g. "lablup/r-base"). */
  name: string;
  tag: string;
  architecture: string;
  digest: string;
  labels: Record<string, string>;
  resources: Record<string, ImageResourceLimit>;
  /** What the test server runs for query mode; null for app-only images (no `query` feature). */
  lang: KernelLang | null;
  /** Listed only when the server has GPUs (the CUDA variants need cuda.device). */
  needsGpu: boolean;
};

const R_PORTS = "ipython:pty:3000,jupyter:http:8080,jupyterlab:http:8090,rstudio:preopen:8787";
const PY_PORTS = "ipython:pty:3000,jupyter:http:8080,jupyterlab:http:8090";
const DOCKER_HUB = "index.docker.io";
const digest = (seed: string) => `sha256:${Buffer.from(seed.padEnd(32, "#")).toString("hex").slice(0, 64)}`;

/** The manager's fallback minimums when an image has no resource labels (INTRINSIC_SLOTS_MIN: 1 core, 1 GiB). */
const INTRINSIC_MIN = { cpu: { min: "1", max: null }, mem: { min: "1073741824", max: null } };

export const CATALOGUE: readonly ImageDef[] = [
  {
    // KERN r-base/Dockerfile.4.2.3 labels (spec §10: 3.5 … 4.2.3 support query/batch).
    registry: DOCKER_HUB, name: "lablup/r-base", tag: "4.2.3", architecture: "x86_64", digest: digest("r-base:4.2.3"),
    labels: {
      "ai.backend.kernelspec": "1", "ai.backend.features": "batch query uid-match user-input",
      "ai.backend.resource.min.cpu": "1", "ai.backend.resource.min.mem": "256m", "ai.backend.base-distro": "ubuntu22.04",
      "ai.backend.runtime-type": "r", "ai.backend.runtime-path": "/usr/bin/python3", "ai.backend.service-ports": R_PORTS,
    },
    resources: { cpu: { min: "1", max: null }, mem: { min: "256m", max: null } },
    lang: "r", needsGpu: false,
  },
  {
    // KERN mro/Dockerfile.mro-3.4.2-ubuntu: only the old io.sorna.features label (spec §10); the
    // limits are the intrinsic minimums plus maximums an administrator set (modify_image).
    registry: DOCKER_HUB, name: "lablup/kernel-r", tag: "mro-3.4.2-ubuntu", architecture: "x86_64", digest: digest("mro-3.4.2"),
    labels: { "io.sorna.features": "query uid-match" },
    resources: { cpu: { ...INTRINSIC_MIN.cpu, max: "4" }, mem: { ...INTRINSIC_MIN.mem, max: "8g" } },
    lang: "r", needsGpu: false,
  },
  {
    // Spec §10 Python + CNTK: features, runtime-type python, minimum memory 1g.
    registry: DOCKER_HUB, name: "lablup/python-cntk", tag: "2.7-py36", architecture: "x86_64", digest: digest("cntk:2.7-py36"),
    labels: {
      "ai.backend.kernelspec": "1", "ai.backend.features": "batch query uid-match user-input",
      "ai.backend.resource.min.cpu": "1", "ai.backend.resource.min.mem": "1g", "ai.backend.base-distro": "ubuntu16.04",
      "ai.backend.runtime-type": "python", "ai.backend.runtime-path": "/usr/local/bin/python", "ai.backend.service-ports": PY_PORTS,
    },
    resources: { cpu: { min: "1", max: null }, mem: { min: "1g", max: null } },
    lang: "python", needsGpu: false,
  },
  {
    // Spec §10: the cuda9 variants require cuda.device 1 / cuda.shares 0.1.
    registry: DOCKER_HUB, name: "lablup/python-cntk", tag: "2.7-py36-cuda9", architecture: "x86_64", digest: digest("cntk:2.7-cuda9"),
    labels: {
      "ai.backend.kernelspec": "1", "ai.backend.features": "batch query uid-match user-input", "ai.backend.accelerators": "cuda",
      "ai.backend.resource.min.cpu": "1", "ai.backend.resource.min.mem": "1g",
      "ai.backend.resource.min.cuda.device": "1", "ai.backend.resource.min.cuda.shares": "0.1",
      "ai.backend.runtime-type": "python", "ai.backend.runtime-path": "/usr/local/bin/python", "ai.backend.service-ports": PY_PORTS,
    },
    resources: { cpu: { min: "1", max: null }, mem: { min: "1g", max: null }, "cuda.device": { min: "1", max: "2" }, "cuda.shares": { min: "0.1", max: null } },
    lang: "python", needsGpu: true,
  },
  {
    // Spec §10: 4.4.3 … 4.6.1 are runtime-type "app" with features uid-match only (no query).
    registry: DOCKER_HUB, name: "lablup/r-base", tag: "4.6.1", architecture: "x86_64", digest: digest("r-base:4.6.1"),
    labels: {
      "ai.backend.kernelspec": "1", "ai.backend.features": "uid-match", "ai.backend.resource.min.cpu": "1",
      "ai.backend.resource.min.mem": "256m", "ai.backend.runtime-type": "app", "ai.backend.service-ports": R_PORTS,
    },
    resources: { cpu: { min: "1", max: null }, mem: { min: "256m", max: null } },
    lang: null, needsGpu: false,
  },
];

/** Image aliases (ImageAliasRow), in the spirit of the 19.09 sample aliases ("R", "Rscript"). */
const ALIASES: Record<string, string> = {
  R: "lablup/r-base:4.2.3", Rscript: "lablup/r-base:4.2.3", python: "lablup/python-cntk:2.7-py36", "microsoft r open": "lablup/kernel-r:mro-3.4.2-ubuntu",
};

export const canonical = (i: ImageDef) => `${i.registry}/${i.name}:${i.tag}`;

/** The images a manager with (or without) GPU agents lists. */
export function catalogue(opts: { gpu: boolean }): ImageDef[] {
  return CATALOGUE.filter((i) => opts.gpu || !i.needsGpu);
}

/** Resolves a reference (canonical, without the Docker Hub registry, or an alias); null when unknown. */
export function resolveImage(ref: string, opts: { gpu: boolean }): ImageDef | null {
  const wanted = ALIASES[ref] ?? ALIASES[ref.toLowerCase()] ?? ref;
  return catalogue(opts).find((i) => canonical(i) === wanted || `${i.name}:${i.tag}` === wanted) ?? null;
}
