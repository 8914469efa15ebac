import { existsSync, readFileSync, statSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { toolEnv } from "./tools";

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
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, env: toolEnv() });
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

/** A 1,000-row table as it arrives when pasted from Word or a web page: tab-separated cells. */
export function pastedTable(rows = 1000): string {
  const lines = [
    "NGHỊ QUYẾT",
    "I. CHỈ TIÊU KINH TẾ - XÃ HỘI",
    "STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2025",
  ];
  for (let k = 1; k <= rows; k++)
    lines.push(`${k}\tTỷ lệ hộ dân thôn ${k} dùng nước sạch đạt từ ${80 + (k % 20)}% trở lên\t%\t${80 + (k % 20)}%`);
  return lines.join("\n");
}

export interface PasteTiming {
  /** From the click on "Đọc nghị quyết" to the reading's message. */
  readMs: number;
  /** From a click after the reading to the pane showing its answer. */
  respondMs: number;
  /** The longest task on the page's main thread after the reading finished. */
  longestTaskMs: number;
  message: string;
}

/** Pastes a big table into the pane, reads it, and measures how soon the pane answers afterwards. */
export async function measureBigPaste(page: Page, rows = 1000): Promise<PasteTiming> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.getByRole("button", { name: "Dán văn bản nghị quyết" }).click();
  await page.getByRole("textbox", { name: "Văn bản nghị quyết" }).fill(pastedTable(rows));
  const t0 = Date.now();
  await page.getByRole("button", { name: "Đọc nghị quyết" }).click();
  const done = page.getByText(/^Đã đọc nghị quyết: /);
  await done.waitFor({ timeout: 60_000 });
  const readMs = Date.now() - t0;
  const message = (await done.textContent()) ?? "";
  const finished = await page.evaluate(() => performance.now());
  const t1 = Date.now();
  await page.getByRole("button", { name: /^Sửa kết quả đọc/ }).click();
  await page
    .getByRole("button", { name: /^Xóa chỉ tiêu / })
    .first()
    .waitFor({ timeout: 60_000 });
  const respondMs = Date.now() - t1;
  const longestTaskMs = await page.evaluate(
    (after) =>
      Math.max(
        0,
        ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
          .filter((t) => t.start >= after)
          .map((t) => t.duration),
      ),
    finished,
  );
  return { readMs, respondMs, longestTaskMs, message };
}
