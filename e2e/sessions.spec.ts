// Sessions that really end (#13 item 3), over real HTTP cookies against `next start`: a copy of a
// session cookie stops working after sign-out, an admin's password reset, disabling the account, and
// "Sign out everywhere"; Settings lists the active sessions and signs one out. And (#13 item 5) the
// address used for throttling and audit is the socket's, whatever X-Forwarded-For says.
import { request as playwrightRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { uniqueEmail } from "./helpers";

const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.local";
const ADMIN_PASSWORD = "overseer-e2e-pass";
const PASSWORD = "a-good-password";
const JSON_HEADERS = { "content-type": "application/json", origin: BASE };

async function trpc(api: APIRequestContext, path: string, input: unknown) {
  return api.post(`/api/trpc/${path}`, { headers: JSON_HEADERS, data: { json: input } });
}

/** Signs up (a taken email answers the same), without signing in. */
async function createAccount(email: string, password = PASSWORD): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  expect((await trpc(api, "user.signUp", { email, password })).status()).toBe(200);
  await api.dispose();
}

/** Signs up, then signs in through next-auth's credentials callback. */
async function signedIn(email: string, password = PASSWORD): Promise<APIRequestContext> {
  await createAccount(email, password);
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    headers: { origin: BASE }, form: { csrfToken, email, password, json: "true", callbackUrl: `${BASE}/notebooks` },
  });
  expect(res.status()).toBe(200);
  return api;
}

/** A second client holding only a copy of `api`'s cookies: what an attacker who copied them has. */
async function replayOf(api: APIRequestContext): Promise<APIRequestContext> {
  const { cookies } = await api.storageState();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  return playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
}

const whoAmI = async (api: APIRequestContext) => (await api.get("/api/trpc/user.me")).status();
async function userId(api: APIRequestContext): Promise<string> {
  return ((await (await api.get("/api/trpc/user.me")).json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}

test("a copied session cookie is refused after sign-out", async () => {
  const api = await signedIn(uniqueEmail("replay-signout"));
  const replay = await replayOf(api);
  expect(await whoAmI(replay)).toBe(200);
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await api.post("/api/auth/signout", { headers: { origin: BASE }, form: { csrfToken, json: "true" } })).status()).toBe(200);
  expect(await whoAmI(replay)).toBe(401);
  await Promise.all([api.dispose(), replay.dispose()]);
});

test("a copied session cookie is refused after an administrator resets the password, and after disabling", async () => {
  const admin = await signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  const email = uniqueEmail("replay-admin");
  const user = await signedIn(email);
  const id = await userId(user);
  const replay = await replayOf(user);
  expect(await whoAmI(replay)).toBe(200);
  expect((await trpc(admin, "admin.resetPassword", { userId: id })).status()).toBe(200);
  expect(await whoAmI(replay)).toBe(401);
  expect(await whoAmI(user)).toBe(401);

  // Signed in again with the new password; then disabled: refused, and still refused once re-enabled.
  const generated = ((await (await trpc(admin, "admin.resetPassword", { userId: id })).json()) as { result: { data: { json: { generatedPassword: string } } } })
    .result.data.json.generatedPassword;
  const again = await signedIn(email, generated);
  const replayAgain = await replayOf(again);
  expect(await whoAmI(replayAgain)).toBe(200);
  expect((await trpc(admin, "admin.setDisabled", { userId: id, disabled: true })).status()).toBe(200);
  expect(await whoAmI(replayAgain)).toBe(401);
  expect((await trpc(admin, "admin.setDisabled", { userId: id, disabled: false })).status()).toBe(200);
  expect(await whoAmI(replayAgain)).toBe(401);
  await Promise.all([admin.dispose(), user.dispose(), replay.dispose(), again.dispose(), replayAgain.dispose()]);
});

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
  return { context, page };
}

test("Settings lists the active sessions, signs one out, and signs out everywhere", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  await createAccount(email);
  const laptop = await signedInPage(browser, email);
  const phone = await signedInPage(browser, email);
  const phoneReplay = await playwrightRequest.newContext({ baseURL: BASE, storageState: await phone.context.storageState() });

  await laptop.page.goto("/settings");
  const section = laptop.page.getByTestId("active-sessions");
  const rows = section.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This browser" })).toHaveCount(1);
  await expect(section).toContainText("127.0.0.1");
  await expect(section).toContainText(/Chrom(e|ium)/);

  // Sign the phone out from the laptop: its next page load goes to sign-in, and a copy of its cookie is refused.
  await rows.filter({ hasNotText: "This browser" }).getByRole("button", { name: /^Sign out/ }).click();
  await expect(rows).toHaveCount(1);
  await phone.page.goto("/notebooks");
  await expect(phone.page).toHaveURL(/\/sign-in/);
  expect(await whoAmI(phoneReplay)).toBe(401);

  // A third sign-in, then "Sign out everywhere" from the laptop: both end.
  const tablet = await signedInPage(browser, email);
  await laptop.page.reload();
  await expect(rows).toHaveCount(2);
  const laptopCopy = await playwrightRequest.newContext({ baseURL: BASE, storageState: await laptop.context.storageState() });
  await section.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in/);
  await tablet.page.goto("/settings");
  await expect(tablet.page).toHaveURL(/\/sign-in/);
  expect(await whoAmI(laptopCopy)).toBe(401);
  await Promise.all([laptop.context.close(), phone.context.close(), tablet.context.close(), phoneReplay.dispose(), laptopCopy.dispose()]);
});

test("changing the password in Settings shows the meter and ends the other sessions", async ({ browser }) => {
  const email = uniqueEmail("change-pw");
  const other = await signedIn(email);
  const { context, page } = await signedInPage(browser, email);
  await page.goto("/settings");
  const form = page.getByTestId("change-password");
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("password1");
  await expect(form.getByTestId("password-meter")).toHaveAttribute("data-ok", "false");
  await form.getByLabel("New password").fill("a-better-long-password");
  await expect(form.getByTestId("password-meter")).toHaveAttribute("data-ok", "true");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other session was signed out.");
  expect(await whoAmI(other)).toBe(401);
  await page.reload();
  await expect(page).toHaveURL(/\/settings$/);
  await Promise.all([context.close(), other.dispose()]);
});

test("sign-in throttling and audit use the socket's address, not a client-written X-Forwarded-For (#13 item 5)", async () => {
  const email = uniqueEmail("xff");
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const statuses: string[] = [];
  for (let i = 1; i <= 5; i++) {
    // Rotating the header would have given each attempt a fresh "address".
    const res = await api.post("/api/auth/callback/credentials", {
      headers: { origin: BASE, "x-forwarded-for": `203.0.113.${i}` },
      form: { csrfToken, email, password: `wrong-${i}`, json: "true" },
    });
    statuses.push(new URL(((await res.json()) as { url: string }).url).searchParams.get("error") ?? "none");
  }
  expect(statuses.slice(0, 4)).toEqual(Array(4).fill("CredentialsSignin"));
  expect(statuses[4]).toMatch(/^Too many failed sign-ins/);

  const admin = await signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  const input = encodeURIComponent(JSON.stringify({ json: { action: "auth.sign_in_failed", actor: email } }));
  const audit = (await (await admin.get(`/api/trpc/admin.audit?input=${input}`)).json()) as { result: { data: { json: { rows: { ip: string | null }[] } } } };
  const ips = audit.result.data.json.rows.map((r) => r.ip);
  expect(ips).toHaveLength(5);
  expect(new Set(ips)).toEqual(new Set(["127.0.0.1"]));
  await Promise.all([api.dispose(), admin.dispose()]);
});

test("signed-in pages slide the session cookie's 12-hour lifetime forward", async ({ browser }) => {
  const api = await signedIn(uniqueEmail("renew"));
  const sessionCookie = (cookies: { name: string; expires: number }[]) => cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
  const state = await api.storageState();
  const before = sessionCookie(state.cookies).expires;
  expect(before * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  expect(before * 1000 - Date.now()).toBeLessThan(12.1 * 3600_000);
  await new Promise((r) => setTimeout(r, 2000));
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const renewed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/session");
  await page.goto("/notebooks");
  await renewed;
  expect(sessionCookie(await context.cookies()).expires).toBeGreaterThan(before + 1);
  await Promise.all([context.close(), api.dispose()]);
});
