"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");

/** Every localhost URL in manifest.xml is replaced by this in production builds (README: "Production URL"). */
const DEV_ORIGIN = `https://localhost:${pkg.config.dev_server_port}`;
const devPort = () => Number(process.env.PORT || pkg.config.dev_server_port);
const PLACEHOLDER_URL = "https://chitieu.example.vn/";

/**
 * custom-functions-metadata always writes `allowCustomDataForDataTypeAny`, a CustomFunctionsRuntime
 * 1.4 key that Excel 2021 lacks; no function here takes data types, so the shipped metadata drops it.
 */
class ShippedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ShippedMetadata", (compilation) => {
      const { Compilation, sources } = compiler.webpack;
      compilation.hooks.processAssets.tap(
        { name: "ShippedMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const { allowCustomDataForDataTypeAny: _dropped, ...metadata } = JSON.parse(asset.source.source().toString());
          compilation.updateAsset("functions.json", new sources.RawSource(`${JSON.stringify(metadata, null, 2)}\n`));
        },
      );
    });
  }
}
function publicUrl() {
  const url = process.env.CHITIEU_PUBLIC_URL || pkg.config.public_url;
  if (!/^https:\/\//.test(url)) throw new Error(`public_url must be an https URL, got "${url}"`);
  if (url === PLACEHOLDER_URL && !publicUrl.warned) {
    publicUrl.warned = true;
    console.warn(
      `Cảnh báo: dist/manifest.xml trỏ tới địa chỉ mẫu ${url}. Trước khi triển khai, đặt "config.public_url" trong package.json hoặc biến CHITIEU_PUBLIC_URL.`,
    );
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** Development certificates: office-addin-dev-certs installs its CA on Windows/macOS; on Linux it cannot (no sudo), so we only generate. */
async function httpsOptions() {
  const certs = require("office-addin-dev-certs");
  if (process.platform !== "linux") return certs.getHttpsServerOptions();
  // CHITIEU_DEV_DIR: where the tests keep them instead of the user's home.
  const dir = process.env.CHITIEU_DEV_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
  if (!files.every((f) => fs.existsSync(f))) await certs.generateCertificates(...files);
  const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
  return { ca, cert, key };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.env.WEBPACK_SERVE === "true";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // Self-contained: the manifest's CustomFunctions Script loads it alone; the shared-runtime page loads it too.
      functions: "./src/functions/functions.ts",
      // The page loads functions.js first; taskpane.js reuses its modules (the core) instead of a second copy.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Relative, not "auto": auto-detection reads `document`, which the JavaScript-only functions runtime lacks.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // pdf.js ships ES2022 (private class fields): brought down to ES2020 like our own code.
          test: /pdfjs-dist[\\/].*\.js$/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { allowJs: true, target: "es2020", module: "esnext" } },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new ShippedMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // pdf.js's worker, fetched only when someone opens a PDF resolution in the pane.
          {
            from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.js",
            to: "pdf.worker.min.js",
            transform: (content) =>
              require("typescript").transpileModule(content.toString(), {
                compilerOptions: { allowJs: true, target: "es2020", module: "none" },
              }).outputText,
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Development: the port served (PORT); production: the public URL.
            transform: (content) =>
              content
                .toString()
                .split(DEV_ORIGIN)
                .join(dev ? `https://localhost:${devPort()}` : publicUrl().replace(/\/$/, "")),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          static: { directory: path.resolve(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: devPort(),
          host: "localhost",
          client: { overlay: false },
        }
      : undefined,
  };
};
