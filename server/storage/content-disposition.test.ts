import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

describe("attachmentDisposition", () => {
  it("names the download with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("sales 2026.csv")).toBe("attachment; filename=\"sales 2026.csv\"; filename*=UTF-8''sales%202026.csv");
    expect(attachmentDisposition("Résumé \"v2\".csv")).toBe("attachment; filename=\"R_sum_ _v2_.csv\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22v2%22.csv");
    expect(attachmentDisposition("it's (1).txt")).toBe("attachment; filename=\"it's (1).txt\"; filename*=UTF-8''it%27s%20%281%29.txt");
    expect(attachmentDisposition("\u0007")).toBe("attachment; filename=\"download\"; filename*=UTF-8''download");
  });
});
