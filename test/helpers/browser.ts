import { existsSync, readFileSync, statSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

const ROOT = path.join(__dirname, "../..");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
};

/** Serves a folder on 127.0.0.1 (an ephemeral port). */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "taskpane.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** office.js as every add-in page loads it (Microsoft's CDN), answered from the @microsoft/office-js package; nothing else leaves the machine. */
export async function offline(context: BrowserContext): Promise<void> {
  const dist = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const url = new URL(route.request().url());
    const m = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
    const file = m && url.hostname === "appsforoffice.microsoft.com" ? path.join(dist, m[1]!) : null;
    if (file && existsSync(file))
      return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
    // office.js outside Office opens Microsoft's telemetry frame; online it is an empty page.
    if (url.hostname.endsWith(".oaspapps.com"))
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title></title>" });
    return route.fulfill({ status: 404, body: "" });
  });
}
