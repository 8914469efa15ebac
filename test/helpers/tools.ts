import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

/** Finds an external program; null when absent. */
export function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * describe() for tests that need external tools: on a developer machine without them the block
 * is skipped with a visible note; under CI=true a missing tool fails the run.
 */
export function describeWithTools(title: string, tools: string[], body: () => void): void {
  const missing = tools.filter((t) => !which(t));
  if (missing.length === 0) return describe(title, body);
  if (process.env.CI === "true")
    return describe(title, () =>
      test(`needs ${missing.join(", ")}`, () => {
        throw new Error(`CI=true but ${missing.join(", ")} not installed (see .ci/run)`);
      }),
    );
  console.warn(`SKIPPED "${title}": ${missing.join(", ")} not installed (apt-get install as in .ci/run)`);
  describe.skip(title, body);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

let home: string | undefined;
/**
 * The environment for an external tool: its home, configuration and caches in a temporary folder
 * (Chromium and LibreOffice write ~/.config and ~/.cache otherwise), so tests write nothing in the user's home.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  home ??= tempDir("chitieu-home-");
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    XDG_DATA_HOME: path.join(home, ".local/share"),
  };
}

/**
 * Converts workbooks with headless LibreOffice; its own profile so parallel runs do not collide.
 * `locale` ("vi-VN", "en-US") is the profile's locale, which decides how numbers are shown.
 */
function soffice(args: string[], outDir: string, locale?: string, timeout = 180_000): void {
  const profile = tempDir("lo-profile-");
  mkdirSync(path.join(profile, "user"));
  // Always recalculate on load: a workbook's cached results must never stand in for LibreOffice's own.
  const items = [
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>`,
    ...(locale
      ? [
          `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>`,
        ]
      : []),
  ];
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.join("\n")}
</oor:items>
`,
  );
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", outDir], {
    stdio: "pipe",
    timeout,
    env: toolEnv(),
  });
}

/** Recalculates each .xlsx and returns every sheet as rows of raw cell text, keyed by file then sheet. */
export function recalcToCsv(
  files: string[],
  asShown = false,
  locale?: string,
  timeout?: number,
): Map<string, Map<string, string[][]>> {
  const out = tempDir("lo-csv-");
  // Tokens: comma, double quote, UTF-8, line 1, -, -, -, -, "as shown" (formatted) or raw, -, -, all sheets.
  soffice(
    ["--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`, ...files],
    out,
    locale,
    timeout,
  );
  const result = new Map<string, Map<string, string[][]>>();
  for (const f of files) {
    const base = path.basename(f, ".xlsx");
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(out).filter((n) => n.startsWith(`${base}-`) && n.endsWith(".csv")))
      sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(out, name), "utf8")));
    result.set(f, sheets);
  }
  return result;
}

/**
 * Recalculates each .xlsx with Gnumeric (`ssconvert --recalc`), a third engine, and returns every
 * sheet as rows of cell text, keyed by file then sheet, like recalcToCsv.
 */
export function gnumericToCsv(files: string[]): Map<string, Map<string, string[][]>> {
  const result = new Map<string, Map<string, string[][]>>();
  for (const f of files) {
    const out = tempDir("gnumeric-csv-");
    execFileSync("ssconvert", ["--recalc", "-S", f, path.join(out, "sheet-%s.csv")], {
      stdio: "pipe",
      timeout: 180_000,
      env: toolEnv(),
    });
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(out).filter((n) => n.startsWith("sheet-") && n.endsWith(".csv")))
      sheets.set(name.slice(6, -4), parseCsv(readFileSync(path.join(out, name), "utf8")));
    result.set(f, sheets);
  }
  return result;
}

/** Each .xlsx as LibreOffice saves it after recalculating (its formula cells hold LibreOffice's results), by file. */
export function recalcToXlsx(files: string[]): Map<string, string> {
  const out = tempDir("lo-xlsx-");
  soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", ...files], out);
  return new Map(files.map((f) => [f, path.join(out, path.basename(f))]));
}

/** A workbook printed to PDF by LibreOffice, in a folder of its own (or `out`); returns the PDF's path. */
export function printToPdf(file: string, out = tempDir("lo-pdf-")): string {
  soffice(["--convert-to", "pdf", file], out);
  return path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
}

/** A word or a line of text on a printed page: its page (0-based), text and box in points. */
export interface PdfBox {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };
const unescapeXml = (t: string) => t.replace(/&(?:amp|lt|gt|quot);/gu, (e) => XML_ENTITIES[e]!);

/**
 * Every word and every line of text of a PDF with its box (pdftotext -bbox-layout), and the page
 * size (the last page's; the sheets print on A4 throughout).
 */
export function pdfBoxes(pdf: string): {
  words: PdfBox[];
  lines: PdfBox[];
  width: number;
  height: number;
  pages: number;
} {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  const words: PdfBox[] = [];
  const lines: PdfBox[] = [];
  let width = 0;
  let height = 0;
  const box = (page: number, m: RegExpMatchArray, text: string): PdfBox => ({
    page,
    text,
    xMin: +m[1]!,
    yMin: +m[2]!,
    xMax: +m[3]!,
    yMax: +m[4]!,
  });
  const pages = xml.split("<page ").slice(1);
  pages.forEach((page, n) => {
    width = Number(/width="([\d.]+)"/u.exec(page)![1]);
    height = Number(/height="([\d.]+)"/u.exec(page)![1]);
    for (const line of page.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu,
    )) {
      const inLine = [
        ...line[5]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu),
      ].map((w) => box(n, w, unescapeXml(w[5]!)));
      words.push(...inLine);
      lines.push(box(n, line, inLine.map((w) => w.text).join(" ")));
    }
  });
  return { words, lines, width, height, pages: pages.length };
}

/** Renders a workbook to PNG pages (LibreOffice → PDF → pdftoppm). */
export function renderPng(file: string, dpi = 50): string[] {
  const out = tempDir("lo-png-");
  const pdf = printToPdf(file, out);
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, path.join(out, "page")]);
  return readdirSync(out)
    .filter((n) => n.endsWith(".png"))
    .sort()
    .map((n) => path.join(out, n));
}

/** RFC 4180 CSV. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Chromium prints HTML to PDF on A4, as e-office systems export a signed text PDF. */
export function printPdf(html: string): string {
  const dir = tempDir("chitieu-pdf-");
  const page = path.join(dir, "page.html");
  const pdf = path.join(dir, "out.pdf");
  writeFileSync(page, html);
  execFileSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-pdf-header-footer",
      `--user-data-dir=${path.join(dir, "profile")}`,
      `--print-to-pdf=${pdf}`,
      `file://${page}`,
    ],
    { stdio: "pipe", timeout: 120_000, env: toolEnv() },
  );
  return pdf;
}
