// Builds the Content-Disposition a download SAS asks Blob storage to send, so the browser saves the
// file under its display name (which may hold any Unicode) instead of the generated blob name.

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 / RFC 8187). */
export function attachmentDisposition(displayName: string): string {
  const name = displayName.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "download";
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
