#!/usr/bin/env node
// `npm start`: sideload into desktop Excel where office-addin-debugging can (Windows, macOS);
// on Linux it cannot ("Platform not supported: linux"), so serve the add-in over https and say how to load it.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const pkg = require("../package.json");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name + (process.platform === "win32" ? ".cmd" : ""));

if (process.platform === "win32" || process.platform === "darwin") {
  const child = spawn(bin("office-addin-debugging"), ["start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
  return;
}

const port = Number(process.env.PORT || pkg.config.dev_server_port);
const url = `https://localhost:${port}`;
// The manifest to upload must point at the port served: on another port, write a copy that does.
let manifest = path.join(root, "manifest.xml");
if (port !== Number(pkg.config.dev_server_port)) {
  const text = fs.readFileSync(manifest, "utf8").split(`https://localhost:${pkg.config.dev_server_port}`).join(url);
  manifest = path.join(process.env.CHITIEU_DEV_DIR || root, `manifest.${port}.xml`);
  fs.writeFileSync(manifest, text);
}
// CHITIEU_DEV_DIR (the tests set it): the certificates and the manifest copy go there, not into home or the repository.
const ca = path.join(process.env.CHITIEU_DEV_DIR || path.join(os.homedir(), ".office-addin-dev-certs"), "ca.crt");
console.log(`Chỉ tiêu: đang khởi động máy chủ phát triển (https, cổng ${port})…`);
const server = spawn(bin("webpack"), ["serve", "--mode", "development"], {
  cwd: root,
  env: { ...process.env, PORT: String(port) },
  stdio: ["ignore", "pipe", "pipe"],
});
let shown = false;
const watch = (chunk) => {
  const text = chunk.toString();
  if (/EADDRINUSE/.test(text)) {
    console.error(
      `Lỗi: cổng ${port} đang được dùng. Đóng chương trình đang dùng cổng đó hoặc chạy: PORT=3001 npm start`,
    );
    server.kill();
    process.exitCode = 2;
    return;
  }
  if (/error/i.test(text) && !/compiled successfully/.test(text)) process.stderr.write(text);
  if (!shown && /compiled successfully/.test(text)) {
    shown = true;
    console.log(`
Phần bổ trợ Chỉ tiêu đang chạy tại ${url}/taskpane.html

Trên Linux, office-addin-debugging không nạp được phần bổ trợ vào Excel (chỉ hỗ trợ Windows, macOS).
Cách dùng thử:
  1. Excel trên web: mở một sổ làm việc → Trang đầu → Phần bổ trợ → Thêm phần bổ trợ khác
     → Tải lên phần bổ trợ của tôi (Upload My Add-in) → chọn ${manifest}.
  2. Chứng chỉ: chứng chỉ gốc phát triển ${ca} chưa được máy tin cậy
     (cài nó cần quyền quản trị: sudo cp "${ca}" /usr/local/share/ca-certificates/office-addin-dev.crt && sudo update-ca-certificates).
     Cách nhanh: mở ${url}/taskpane.html một lần trong trình duyệt dùng Excel trên web và chấp nhận cảnh báo.
  3. Không cần Excel: mở ${url}/taskpane.html để tải sổ theo dõi .xlsx,
     hoặc chạy: npx chitieu workbook --out chi-tieu-2022.xlsx

Nhấn Ctrl+C để dừng.
`);
  }
};
server.stdout.on("data", watch);
server.stderr.on("data", watch);
server.on("exit", (code) => process.exit(process.exitCode ?? code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
