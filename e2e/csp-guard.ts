// Every journey runs under the app's Content-Security-Policy: this `test` fails a test when the
// browser reports a CSP violation on any of its pages (Chrome's console messages about it and
// `securitypolicyviolation` events), in the default context and in any context the test opens.
// Blocks inside the sandboxed HTML-output frames (`about:srcdoc` documents holding a kernel's
// untrusted HTML) are the policy doing its job, not the app breaking: they are left out here, and
// xss.spec.ts / security.spec.ts assert directly that nothing of that content runs or loads.
import { test as base, expect, type BrowserContext } from "@playwright/test";

const REPORT_PREFIX = "[csp-violation]";
/** The document URL of an HTML output's sandboxed frame (and what Chrome names as its messages' source). */
const UNTRUSTED_FRAME_URL = "about:srcdoc";

/** Runs in every page and frame that may run scripts: turns violation events into console errors. */
function reportViolations(prefix: string): void {
  // Only the app's own documents; kernel HTML is only ever in frames (see the note at the top).
  if (window.top !== window) return;
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`);
  });
}

function isViolation(text: string): boolean {
  // Chrome: "Refused to load the image …", "Framing '…' violates the following Content Security Policy directive …".
  return text.startsWith(REPORT_PREFIX) || (/Content Security Policy/.test(text) && /Refused to |violates/.test(text));
}

export const test = base.extend<{ cspAllowed: RegExp | null; cspGuard: void }>({
  /** Violations a test provokes on purpose (e.g. a remote image in an HTML output), by pattern. */
  cspAllowed: [null, { option: true }],
  cspGuard: [
    async ({ context, browser, cspAllowed }, use) => {
      const violations: string[] = [];
      const watch = async (c: BrowserContext) => {
        c.on("console", (msg) => {
          const text = msg.text();
          if (msg.location().url === UNTRUSTED_FRAME_URL) return;
          // Chrome names the script that created a frame as the source of inline-code blocks inside
          // it; a blocked inline script or handler of the page itself is caught by the page's own
          // securitypolicyviolation listener above, with its document.
          if (text.startsWith("Executing inline")) return;
          if (isViolation(text) && !cspAllowed?.test(text)) violations.push(`${text} (at ${msg.location().url || "?"})`);
        });
        await c.addInitScript(reportViolations, REPORT_PREFIX);
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        await watch(c);
        return c;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
