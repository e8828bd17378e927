// The password rules of issue #13 item 9, with the real zxcvbn-ts dictionaries: common and breached
// passwords, the email's local part, and the strength score the forms' meter shows.
import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("checkPassword", () => {
  it.each(["12345678", "password", "password1", "qwertyuiop", "iloveyou123", "sunshine2024"])("refuses the common password %s", async (password) => {
    const verdict = await checkPassword({ password, email: "someone@example.com" });
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toMatch(/too common|too easy to guess/);
  });

  it("refuses a password equal to or containing the email's local part, whatever its case", async () => {
    for (const password of ["margaret.hamilton", "Margaret.Hamilton-1969!", "xx-margaret.hamilton-xx"]) {
      const verdict = await checkPassword({ password, email: "margaret.hamilton@nasa.example" });
      expect(verdict).toMatchObject({ ok: false, problem: "Do not use your email address in your password." });
    }
  });

  it("refuses fewer than 8 characters and more than 200", async () => {
    expect((await checkPassword({ password: "Xq9#t!z", email: "" })).problem).toBe("Use at least 8 characters.");
    expect((await checkPassword({ password: "Xq9#t!z".repeat(40), email: "" })).problem).toBe("Use at most 200 characters.");
  });

  it("accepts a long unusual password and scores it 0–4 for the meter", async () => {
    const strong = await checkPassword({ password: "chosen-by-admin", email: "a@b.example" });
    expect(strong).toMatchObject({ ok: true, problem: null });
    expect(strong.score).toBeGreaterThanOrEqual(3);
    const weak = await checkPassword({ password: "password", email: "a@b.example" });
    expect(weak.score).toBe(0);
  });
});
