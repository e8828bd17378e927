// Why: the test manager's image catalogue over GraphQL (spec §4.3, §10), its resource slots and
// the create-time resource checks (spec §4.1 config.resources, §4.2 str() renderings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "./graphql";
import { startBackendAiTestServer, type BackendAiTestServer } from "./server";
import { client, field } from "./test-client";

let cpuOnly: BackendAiTestServer;
let withGpu: BackendAiTestServer;
beforeAll(async () => {
  [cpuOnly, withGpu] = await Promise.all([startBackendAiTestServer({ flushMs: 200 }), startBackendAiTestServer({ flushMs: 200, gpu: true })]);
});
afterAll(async () => {
  await Promise.all([cpuOnly.close(), withGpu.close()]);
});

const cpu = client(() => cpuOnly);
const gpu = client(() => withGpu);

/** The web UI's query (backend.ai-client-esm.ts ContainerImage.list). */
const WEBUI_QUERY = "query { images { name tag registry digest installed labels { key value } resource_limits { key min max } } }";

describe("GraphQL images query", () => {
  it("lists the catalogue with only the requested fields", async () => {
    const res = await cpu.call("POST", "/admin/gql", { query: WEBUI_QUERY, variables: { is_operation: false } });
    expect(res.status).toBe(200);
    const images = (res.body as { data: { images: Record<string, unknown>[] } }).data.images;
    expect(images.map((i) => `${i.name}:${i.tag}`)).toEqual([
      "lablup/r-base:4.2.3", "lablup/kernel-r:mro-3.4.2-ubuntu", "lablup/python-cntk:2.7-py36", "lablup/r-base:4.6.1",
    ]);
    expect(Object.keys(images[0]).sort()).toEqual(["digest", "installed", "labels", "name", "registry", "resource_limits", "tag"]);
    expect(images[0]).toMatchObject({
      registry: "index.docker.io", installed: true,
      labels: expect.arrayContaining([{ key: "ai.backend.features", value: "batch query uid-match user-input" }, { key: "ai.backend.runtime-type", value: "r" }]),
      resource_limits: [{ key: "cpu", min: "1", max: null }, { key: "mem", min: "256m", max: null }],
    });
    expect(images[1]).toMatchObject({ labels: [{ key: "io.sorna.features", value: "query uid-match" }] });
  });

  it("adds the CUDA variant only on a GPU cluster, with its cuda minimums", async () => {
    const res = await gpu.call("POST", "/admin/gql", { query: "query($i: Boolean) { images(is_installed: $i) { tag resource_limits { key min } } }", variables: { i: true } });
    const images = (res.body as { data: { images: { tag: string; resource_limits: { key: string; min: string }[] }[] } }).data.images;
    const cuda = images.find((i) => i.tag === "2.7-py36-cuda9");
    expect(cuda?.resource_limits).toContainEqual({ key: "cuda.device", min: "1" });
    expect(cuda?.resource_limits).toContainEqual({ key: "cuda.shares", min: "0.1" });
  });

  it("answers aliases and the Python SDK's query with variables", async () => {
    const q = "query($is_operation: Boolean) {\n  images(is_operation: $is_operation) {\n    first: name architecture\n  }\n}";
    const res = await cpu.call("POST", "/admin/gql", { query: q, variables: { is_operation: false } });
    expect((res.body as { data: { images: unknown[] } }).data.images[0]).toEqual({ first: "lablup/r-base", architecture: "x86_64" });
  });

  it("reports unknown fields, arguments and syntax errors as GraphQL errors", async () => {
    const unknownRoot = await cpu.call("POST", "/admin/gql", { query: "{ agents { id } }" });
    expect(unknownRoot).toMatchObject({ status: 200, body: { data: null, errors: [{ message: "Cannot query field 'agents' on type 'Queries'.", locations: [{ line: 1, column: 3 }] }] } });
    const unknownField = await cpu.call("POST", "/admin/gql", { query: "{ images { name colour } }" });
    expect(field(unknownField, "errors")).toEqual([{ message: "Cannot query field 'colour' on type 'Image'.", locations: [{ line: 1, column: 17 }] }]);
    const noSubfields = await cpu.call("POST", "/admin/gql", { query: "{ images { labels } }" });
    expect(JSON.stringify(noSubfields.body)).toContain("must have a selection of subfields");
    const badArg = await cpu.call("POST", "/admin/gql", { query: "{ images(colour: 1) { name } }" });
    expect(JSON.stringify(badArg.body)).toContain("Unknown argument 'colour' on field 'Queries.images'.");
    const syntax = await cpu.call("POST", "/admin/gql", { query: "{ images { name " });
    expect(JSON.stringify(syntax.body)).toContain("Syntax Error");
    const mutation = await cpu.call("POST", "/admin/gql", { query: "mutation { forget_image(reference: \"x\") { ok } }" });
    expect(field(mutation, "data")).toBeNull();
  });

  it("serves the legacy /admin/graphql with bare data and 400 graphql-error", async () => {
    const ok = await cpu.call("POST", "/admin/graphql", { query: "{ images { tag } }" });
    expect(ok.body).toMatchObject({ images: expect.arrayContaining([{ tag: "4.2.3" }]) });
    const bad = await cpu.call("POST", "/admin/graphql", { query: "{ nope { id } }" });
    expect(bad).toMatchObject({ status: 400, body: { type: "https://api.backend.ai/probs/graphql-error", data: [{ message: "Cannot query field 'nope' on type 'Queries'." }] } });
    expect(await cpu.call("POST", "/admin/gql", {})).toMatchObject({ status: 400, body: { type: "https://api.backend.ai/probs/invalid-api-params" } });
  });

  it("parses what it must and refuses fragments", () => {
    expect(parseQuery('{ a(x: [1, "two", true, null, ENUM]) { b } }')[0]?.args).toEqual({ x: [1, "two", true, null, "ENUM"] });
    expect(() => parseQuery("{ a { ...F } }")).toThrow(/Fragments/);
  });
});

describe("resource slots and config.resources", () => {
  it("reports slot types, with cuda.device only on a GPU cluster", async () => {
    expect((await cpu.call("GET", "/config/resource-slots")).body).toEqual({ cpu: "count", mem: "bytes" });
    expect((await gpu.call("GET", "/config/resource-slots")).body).toEqual({ cpu: "count", mem: "bytes", "cuda.device": "count" });
  });

  it("occupies the requested slots and renders them like Python str()", async () => {
    const created = await cpu.call("POST", "/session", { name: "res-ok-1", image: "lablup/r-base:4.2.3", config: { resources: { cpu: "2", mem: "2g" } } });
    expect(field(created, "status")).toBe("RUNNING");
    expect((await cpu.call("GET", "/session/res-ok-1")).body).toMatchObject({
      occupiedSlots: "{'cpu': '2', 'mem': '2147483648'}", requestedSlots: "{'cpu': '2', 'mem': '2147483648'}",
    });
    await cpu.call("POST", "/session", { name: "res-default", image: "lablup/python-cntk:2.7-py36" });
    expect(field(await cpu.call("GET", "/session/res-default"), "occupiedSlots")).toBe("{'cpu': '1', 'mem': '1073741824'}");
    await Promise.all([cpu.call("DELETE", "/session/res-ok-1"), cpu.call("DELETE", "/session/res-default")]);
  });

  it("refuses requests outside the image's limits or for slots the cluster lacks", async () => {
    const big = await cpu.call("POST", "/session", { name: "res-big", image: "lablup/kernel-r:mro-3.4.2-ubuntu", config: { resources: { cpu: "8", mem: "2g" } } });
    expect(big).toMatchObject({ status: 400, body: { type: "https://api.backend.ai/probs/invalid-api-params", msg: "Your resource request is larger than the maximum allowed by the image. (cpu=4 mem=8g)" } });
    const small = await cpu.call("POST", "/session", { name: "res-small", image: "lablup/python-cntk:2.7-py36", config: { resources: { cpu: "1", mem: "512m" } } });
    expect(field(small, "msg")).toBe("Your resource request is smaller than the minimum required by the image. (cpu=1 mem=1g)");
    const noGpu = await cpu.call("POST", "/session", { name: "res-gpu", image: "lablup/r-base:4.2.3", config: { resources: { cpu: "1", mem: "1g", "cuda.device": "1" } } });
    expect(field(noGpu, "msg")).toBe("Unknown requested resource slot: cuda.device");
    const cudaOnCpu = await cpu.call("POST", "/session", { name: "res-cuda", image: "lablup/python-cntk:2.7-py36-cuda9" });
    expect(field(cudaOnCpu, "title")).toBe("No such environment image.");
    const cudaMissing = await gpu.call("POST", "/session", { name: "res-cuda", image: "lablup/python-cntk:2.7-py36-cuda9", enqueueOnly: true });
    expect(field(cudaMissing, "msg")).toMatch(/smaller than the minimum .*cuda\.device=1/);
  });

  it("starts a CUDA session on a GPU cluster and shows its GPU slot", async () => {
    const resources = { cpu: "1", mem: "2g", "cuda.device": "1" };
    const created = await gpu.call("POST", "/session", { name: "res-cuda-ok", image: "lablup/python-cntk:2.7-py36-cuda9", config: { resources } });
    expect(field(created, "status")).toBe("RUNNING");
    expect(field(await gpu.call("GET", "/session/res-cuda-ok"), "occupiedSlots")).toBe("{'cpu': '1', 'mem': '2147483648', 'cuda.device': '1'}");
    expect((await gpu.runToEnd("res-cuda-ok", "6 * 7")).console).toEqual([["stdout", "42\n"]]);
  });
});
