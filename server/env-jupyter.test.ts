import { afterEach, describe, expect, it, vi } from "vitest";
import { ZJupyterEndpoints, type JupyterSettings } from "./env-jupyter";

const parse = (settings: JupyterSettings) => ZJupyterEndpoints.parse(settings);
const problems = (settings: JupyterSettings): string[] => {
  const result = ZJupyterEndpoints.safeParse(settings);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("JUPYTER_URL / JUPYTER_TOKEN / JUPYTER_NAMES", () => {
  it("offers no endpoint when JUPYTER_URL is unset or empty", () => {
    expect(parse({})).toEqual([]);
    expect(parse({ JUPYTER_URL: " ", JUPYTER_TOKEN: "t", JUPYTER_NAMES: "n" })).toEqual([]);
  });

  it("reads one URL as before, named by its host:port", () => {
    expect(parse({ JUPYTER_URL: "http://127.0.0.1:8888", JUPYTER_TOKEN: "secret" })).toEqual([
      { name: "127.0.0.1:8888", baseUrl: "http://127.0.0.1:8888", token: "secret" },
    ]);
    expect(parse({ JUPYTER_URL: "https://hub.example.org/gateway/" })).toEqual([
      { name: "hub.example.org/gateway", baseUrl: "https://hub.example.org/gateway", token: "" },
    ]);
  });

  it("reads several URLs with one token for all, or one each (empty: no token)", () => {
    const urls = "http://a:8888, http://b:8889";
    expect(parse({ JUPYTER_URL: urls, JUPYTER_TOKEN: "shared" }).map((e) => e.token)).toEqual(["shared", "shared"]);
    expect(parse({ JUPYTER_URL: urls, JUPYTER_TOKEN: ",tb" }).map((e) => e.token)).toEqual(["", "tb"]);
    expect(parse({ JUPYTER_URL: urls })).toEqual([
      { name: "a:8888", baseUrl: "http://a:8888", token: "" },
      { name: "b:8889", baseUrl: "http://b:8889", token: "" },
    ]);
  });

  it("labels endpoints with JUPYTER_NAMES, an empty entry keeping the default", () => {
    const endpoints = parse({ JUPYTER_URL: "http://a:1,http://b:2,http://c:3", JUPYTER_NAMES: "local, ,gpu-farm" });
    expect(endpoints.map((e) => e.name)).toEqual(["local", "b:2", "gpu-farm"]);
  });

  it("says which variable is wrong and how", () => {
    expect(problems({ JUPYTER_URL: "http://a:1,http://b:2", JUPYTER_TOKEN: "x,y,z" })).toEqual([
      "JUPYTER_TOKEN: lists 3 tokens for 2 URLs: give one token for all of them, or one per URL in the same order.",
    ]);
    expect(problems({ JUPYTER_URL: "http://a:1", JUPYTER_TOKEN: "x,y" })).toEqual([
      "JUPYTER_TOKEN: lists 2 tokens for 1 URL: give one token for all of them, or one per URL in the same order.",
    ]);
    expect(problems({ JUPYTER_URL: "http://a:1,http://b:2", JUPYTER_NAMES: "one" })).toEqual([
      "JUPYTER_NAMES: lists 1 name for 2 URLs: give one per URL, in the same order.",
    ]);
    expect(problems({ JUPYTER_URL: "http://a:1,,http://b:2" })).toEqual(['JUPYTER_URL: entry 2 ("") is not an http(s) URL.']);
    expect(problems({ JUPYTER_URL: "http://a:1,a:2" })).toEqual(['JUPYTER_URL: entry 2 ("a:2") is not an http(s) URL.']);
    expect(problems({ JUPYTER_URL: "ftp://a:1" })).toEqual(['JUPYTER_URL: entry 1 ("ftp://a:1") is not an http(s) URL.']);
    expect(problems({ JUPYTER_URL: "http://a:1/,http://a:1" })).toEqual(["JUPYTER_URL: lists http://a:1 twice."]);
    expect(problems({ JUPYTER_URL: "http://a:1,http://b:2", JUPYTER_NAMES: "farm,farm" })).toEqual([
      'JUPYTER_NAMES: names two endpoints "farm": each needs its own name.',
    ]);
  });
});

describe("env", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("gives the endpoints to the app and refuses a miscounted configuration at start", async () => {
    vi.stubEnv("JUPYTER_URL", "http://a:1,http://b:2");
    vi.stubEnv("JUPYTER_TOKEN", "ta,tb");
    vi.stubEnv("JUPYTER_NAMES", "");
    vi.resetModules();
    const { env } = await import("./env");
    expect(env.jupyterEndpoints).toEqual([
      { name: "a:1", baseUrl: "http://a:1", token: "ta" },
      { name: "b:2", baseUrl: "http://b:2", token: "tb" },
    ]);

    vi.stubEnv("JUPYTER_TOKEN", "x,y,z");
    vi.resetModules();
    await expect(import("./env")).rejects.toThrow("Invalid configuration: JUPYTER_TOKEN: lists 3 tokens for 2 URLs");
  });
});
