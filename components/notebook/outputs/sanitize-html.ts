// Sanitizes an HTML output (markup and tables) for drawing inline in the page: DOMPurify parses it
// with the browser's own parser, keeps only plain HTML, and these rules drop anything that runs,
// submits or loads from elsewhere (scripts, handlers, forms, remote images: no tracking pixel loads).
import DOMPurify, { type Config } from "dompurify";

/** Tags that submit, embed or load documents; styles and scripts go to a frame, never inline. */
const FORBID_TAGS = [
  "style", "script", "link", "meta", "base", "form", "input", "button", "textarea", "select", "option",
  "iframe", "frame", "frameset", "object", "embed", "video", "audio", "source", "track", "picture", "portal",
];
/** Attributes that load from a URL or submit; `src` is checked by the hook (data: images only). */
const FORBID_ATTR = ["srcset", "action", "formaction", "background", "poster", "ping", "lowsrc", "dynsrc", "xlink:href"];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
};

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;
const LINK = /^(?:https?:|mailto:|#)/i;
/** CSS that can fetch (url(), image-set(), @import) or escape the output box (fixed positioning). */
const UNSAFE_CSS = /url\s*\(|image-set|@import|expression\s*\(|position\s*:\s*(?:fixed|sticky)|\\/i;

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

/** Our own DOMPurify instance: its hooks never affect other users of the library (Monaco). */
function getPurifier(): Purifier | null {
  if (purifier) return purifier;
  if (typeof window === "undefined") return null;
  const instance = DOMPurify(window);
  if (!instance.isSupported) return null;
  instance.addHook("uponSanitizeAttribute", (node, data) => {
    const value = data.attrValue.trim();
    if (data.attrName === "src" && !DATA_IMAGE.test(value)) data.keepAttr = false;
    if (data.attrName === "href" && (node.nodeName !== "A" || !LINK.test(value))) data.keepAttr = false;
    if (data.attrName === "style" && UNSAFE_CSS.test(value)) data.keepAttr = false;
  });
  instance.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName === "A" && node.hasAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
    if (node.nodeName === "IMG" && !node.hasAttribute("src")) node.remove();
  });
  purifier = instance;
  return purifier;
}

/** The sanitized markup, or null where no DOM is at hand (on the server: render it in the browser). */
export function sanitizeOutputHtml(html: string): string | null {
  const p = getPurifier();
  return p ? p.sanitize(html, CONFIG) : null;
}
