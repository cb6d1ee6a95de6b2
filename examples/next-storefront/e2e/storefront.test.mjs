// The storefront as a shopper uses it: `next start` on a free loopback port (after
// `next build`), Debian's Chromium through Playwright, the fake Elastic Path on the app's
// server. Every request the browser makes to another origin is aborted. Run: `npm test`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Debian's Chromium with the flags the package's own browser tests use (vite.config.ts). */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

const ADA = { email: "ada@example.com", password: "analytical-engine" };
const GRACE = { email: "grace@example.com", password: "compiler-1952" };
const ASSOCIATION = /\/v2\/carts\/[^/]+\/relationships\/customers$/;
const CART_LIST = /\/v2\/carts$/;
const CART_ITEMS = /\/v2\/carts\/[^/]+\/items$/;
const CHECKOUT = /\/v2\/carts\/[^/]+\/checkout$/;
/** Elastic Path's customer tokens (and the fake's) are JWTs: base64url of `{"` starts with `eyJ`. */
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
/** The fake's access tokens: 40 hex digits, as Elastic Path's. */
const ACCESS_TOKEN = /\b[0-9a-f]{40}\b/;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** `next start` bound to 127.0.0.1, started by its own binary so its PID is the server's. */
async function startNext() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      resolve(appDir, "node_modules/next/dist/bin/next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      `${port}`,
    ],
    {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (output.stdout += chunk));
  child.stderr.on("data", (chunk) => (output.stderr += chunk));
  await new Promise((ready, fail) => {
    const onData = () => output.stdout.includes("Ready") && ready();
    child.stdout.on("data", onData);
    child.once("exit", (code) => fail(new Error(`next start exited (${code}):\n${output.stderr}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child, output };
}

async function stopNext({ child }) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  process.kill(child.pid, "SIGTERM");
  await exited;
}

let server;
let browser;

before(async () => {
  server = await startNext();
  browser = await chromium.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  if (server) await stopNext(server);
});

/**
 * A fresh browser profile (no cookie, no storage) that reaches the app's origin only, and
 * records what the page says on the console and which Elastic Path requests it sends.
 */
async function openShop() {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  await context.route("**/*", (route) =>
    new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  const messages = [];
  const requests = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      messages.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    const { origin, pathname } = new URL(request.url());
    if (origin !== server.origin) return;
    const match = /^\/(fake-ep|api\/ep)(\/.*)$/.exec(pathname);
    if (match) requests.push({ method: request.method(), via: match[1], path: match[2] });
  });
  const count = (method, path) =>
    requests.filter((request) => request.method === method && path.test(request.path));
  return { context, page, messages, requests, count };
}

/** Loads `path` and waits until React has hydrated it (the app marks `<html data-hydrated>`). */
async function visit(page, path) {
  await page.goto(`${server.origin}${path}`);
  await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
}

/** The first HTML of `path`, as the server renders it, with the cookies of `context`. */
async function firstHtml(path, context) {
  const response = await context.request.get(`${server.origin}${path}`);
  assert.equal(response.status(), 200, path);
  return response.text();
}

/** What a shopper reads in `html` before any script runs (no scripts, no RSC payload). */
const visibleText = (html) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

function assertShows(html, phrase, where = "the first HTML") {
  assert.ok(visibleText(html).includes(phrase), `${where} shows "${phrase}"`);
}

async function addToCart(page, productName, expectedBadge) {
  await page.getByRole("button", { name: `Add ${productName} to cart` }).click();
  await page.getByText(expectedBadge).waitFor();
}

describe("the Next.js storefront", () => {
  test("renders signed out on the server and hydrates without a console message", async () => {
    for (const path of ["/", "/browser", "/browser/my-carts", "/server", "/server/my-carts"]) {
      const response = await fetch(`${server.origin}${path}`);
      assert.equal(response.status, 200, path);
      const html = await response.text();
      if (path !== "/") assertShows(html, "Signed out", path);
      assert.ok(!JWT.test(html), `nothing like a customer token in ${path}`);
    }
    const shop = await openShop();
    for (const path of [
      "/",
      "/browser",
      "/browser/cart",
      "/browser/checkout",
      "/browser/login",
      "/browser/my-carts",
    ]) {
      await visit(shop.page, path);
    }
    for (const path of [
      "/server",
      "/server/cart",
      "/server/checkout",
      "/server/login",
      "/server/my-carts",
    ]) {
      await visit(shop.page, path);
    }
    await shop.page.getByText("Log in to see the carts saved to your account.").waitFor();
    assert.deepEqual(shop.messages, []);
    await shop.context.close();
  });

  test("logged in by the browser: the cart is kept, shown in My carts, and cleared on logout", async () => {
    const { context, page, messages, count } = await openShop();
    await visit(page, "/browser");
    await addToCart(page, "Wool socks", "Cart: 1 product, $12.00");
    // useAddCartItem made the cart with the first add: one POST /v2/carts, then the item.
    assert.equal(count("POST", CART_LIST).length, 1, "one cart created");
    assert.equal(count("POST", CART_ITEMS).length, 1, "one item added");

    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("Email").fill(ADA.email);
    await page.getByLabel("Password").fill(ADA.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/browser/my-carts");
    await page.getByText("Your cart is saved to your account.").waitFor();
    const myCarts = page.getByRole("list", { name: "Saved carts" });
    await myCarts.getByText("Cart: 1 product, $12.00 (this device's cart)").waitFor();
    await myCarts.getByText("Saved for later: 1 product, $15.00").waitFor();
    assert.equal(count("POST", ASSOCIATION).length, 1, "one association request");

    // A reload: the server renders signed out (the session is in localStorage), the browser
    // signs in as it hydrates, and the cart is not associated a second time.
    const html = await firstHtml("/browser/my-carts", context);
    assertShows(html, "Signed out");
    await visit(page, "/browser/my-carts");
    await page.getByText("Signed in").waitFor();
    await myCarts.getByText("Cart: 1 product, $12.00 (this device's cart)").waitFor();
    assert.equal(count("POST", ASSOCIATION).length, 1, "still one association request");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByText("Signed out").waitFor();
    await page.getByText("Cart: empty").waitFor();
    await page.getByText("Log in to see the carts saved to your account.").waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.doesNotMatch(stored, JWT, "no customer token left in localStorage");
    assert.deepEqual(messages, []);
    await context.close();
  });

  test("a guest checks out: one checkout request, the order shown, the cart empty after", async () => {
    const { context, page, messages, count } = await openShop();
    await visit(page, "/browser");
    await addToCart(page, "Wool socks", "Cart: 1 product, $12.00");
    await page.getByRole("link", { name: "Cart", exact: true }).click();
    await page.getByRole("link", { name: "Check out" }).click();
    await page.waitForURL("**/browser/checkout");
    const form = page.getByRole("form", { name: "Checkout" });
    await form.getByLabel("Email").fill("ada@example.com");
    await form.getByLabel("Full name").fill("Ada Lovelace");
    await form.getByLabel("First name").fill("Ada");
    await form.getByLabel("Last name").fill("Lovelace");
    await form.getByLabel("Address").fill("1 Main Street");
    await form.getByLabel("City").fill("Springfield");
    await form.getByLabel("State or region").fill("IL");
    await form.getByLabel("Postcode").fill("62701");
    // A double click: the hook shares the checkout in the air, one order.
    await form.getByRole("button", { name: "Place order" }).dblclick();

    await page.getByRole("heading", { name: "Thank you: your order is placed" }).waitFor();
    await page.getByText("$12.00. Payment: unpaid.").waitFor();
    await page.getByText("Cart: empty").waitFor();
    const checkouts = count("POST", CHECKOUT);
    assert.equal(checkouts.length, 1, "one checkout request");
    assert.equal(checkouts[0].via, "fake-ep", "a guest's checkout goes to Elastic Path directly");
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    const cartId = /\/v2\/carts\/([^/]+)\/checkout$/.exec(checkouts[0].path)[1];
    assert.ok(!stored.includes(cartId), "the ordered cart is no longer this device's");
    assert.deepEqual(messages, []);
    await context.close();
  });

  test("logged in by the server: cookie session, server-rendered My carts, no token in the page", async () => {
    const { context, page, messages, count, requests } = await openShop();
    await visit(page, "/server");
    await addToCart(page, "Canvas tote bag", "Cart: 1 product, $25.00");

    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("Email").fill(GRACE.email);
    await page.getByLabel("Password").fill("not-her-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").getByText("Wrong email or password.").waitFor();

    await page.getByLabel("Password").fill(GRACE.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/server/my-carts");
    await page.getByText("Your cart is saved to your account.").waitFor();
    const myCarts = page.getByRole("list", { name: "Saved carts" });
    await myCarts.getByText("Cart: 1 product, $25.00 (this device's cart)").waitFor();
    const associations = count("POST", ASSOCIATION);
    assert.equal(associations.length, 1, "one association request");
    assert.equal(associations[0].via, "api/ep", "customer requests go through the cookie relay");

    // The customer token is in the httpOnly cookie only.
    const [cookie] = (await context.cookies()).filter(({ name }) => name === "ep_customer_session");
    assert.ok(cookie?.httpOnly, "an httpOnly session cookie");
    const { token, handle } = JSON.parse(decodeURIComponent(cookie.value));
    assert.match(token, JWT);
    assert.doesNotMatch(handle, JWT);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!stored.includes(token), "no customer token in localStorage");
    assert.doesNotMatch(await page.evaluate(() => document.cookie), /ep_customer_session/);

    // The first HTML with the cookie: signed in, "My carts" prefetched on the server (the
    // guest cart included), and neither the customer token nor an access token anywhere in
    // it, the dehydrated query cache and the RSC payload included.
    const html = await firstHtml("/server/my-carts", context);
    assertShows(html, "Signed in");
    assertShows(html, "Cart: 1 product, $25.00");
    assertShows(html, "Saved for later: 1 product, $15.00");
    assert.ok(!html.includes(token), "no customer token in the HTML");
    assert.ok(!JWT.test(html), "nothing like a customer token in the HTML");
    assert.ok(!ACCESS_TOKEN.test(html), "nothing like an access token in the HTML");

    // Loaded in the browser, the page hydrates the prefetched list instead of fetching it,
    // and the cart is not associated again.
    const listsBefore = count("GET", CART_LIST).length;
    await visit(page, "/server/my-carts");
    await myCarts.getByText("Cart: 1 product, $25.00 (this device's cart)").waitFor();
    await page.waitForLoadState("networkidle");
    assert.equal(count("GET", CART_LIST).length, listsBefore, "no list request on hydration");
    assert.equal(count("POST", ASSOCIATION).length, 1, "still one association request");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByText("Signed out").waitFor();
    await page.getByText("Cart: empty").waitFor();
    await page.getByText("Log in to see the carts saved to your account.").waitFor();
    await page.waitForLoadState("networkidle");
    const after = await context.cookies();
    assert.ok(!after.some(({ name }) => name === "ep_customer_session"), "cookie deleted");
    assertShows(await firstHtml("/server/my-carts", context), "Signed out");
    assert.ok(
      requests.every(({ path }) => !path.includes(token)),
      "no customer token in a request URL",
    );
    assert.deepEqual(messages, []);
    await context.close();
  });

  test("the server logged nothing: no error, nothing touched window", () => {
    assert.equal(server.output.stderr, "");
    assert.doesNotMatch(server.output.stdout, /error|window is not defined/i);
  });
});
