import { spawn } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as https from "https";
import * as path from "path";
import { tempDir } from "../helpers/tools";

const ROOT = path.join(__dirname, "../..");

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

// Linux is where npm start must not just fail: office-addin-debugging refuses to sideload there.
(process.platform === "linux" ? test : test.skip)(
  "npm start on Linux serves the add-in over https and prints how to upload manifest.xml",
  async () => {
    const port = 3400 + Math.floor(Math.random() * 200);
    const dev = tempDir("chitieu-dev-");
    const child = spawn("node", [path.join(ROOT, "scripts/start.js")], {
      cwd: ROOT,
      // Certificates and the manifest copy go to a temporary folder, not into home or the repository.
      env: { ...process.env, PORT: String(port), CHITIEU_DEV_DIR: dev },
      detached: true,
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    try {
      const started = Date.now();
      while (!/Tải lên phần bổ trợ/.test(out)) {
        if (Date.now() - started > 150_000) throw new Error(`npm start did not come up:\n${out}`);
        if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${out}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      // The manifest it says to upload, and the one it serves, point at the port it serves on.
      const told = new RegExp(`chọn (\\S+manifest\\.${port}\\.xml)\\.`).exec(out)?.[1];
      expect(told).toBeDefined();
      expect(path.dirname(told!)).toBe(dev);
      expect(existsSync(path.join(dev, "ca.crt"))).toBe(true);
      const manifest = readFileSync(told!, "utf8");
      expect(manifest).toContain(`https://localhost:${port}/taskpane.html`);
      expect(manifest).not.toContain("localhost:3000");
      const served = await get(`https://localhost:${port}/manifest.xml`);
      expect(served.body).toContain(`https://localhost:${port}/`);
      expect(served.body).not.toContain("localhost:3000");
      expect(out).toMatch(/chưa được máy tin cậy/);
      expect(out).not.toMatch(/\n\s+at /);
      const page = await get(`https://localhost:${port}/taskpane.html`);
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/Chỉ tiêu/);
      const meta = await get(`https://localhost:${port}/functions.json`);
      expect(JSON.parse(meta.body).functions.map((f: { id: string }) => f.id)).toEqual([
        "DAT",
        "DANHGIA",
        "TYLE",
        "SOCUNGKY",
        "SO",
      ]);
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  },
  180_000,
);
