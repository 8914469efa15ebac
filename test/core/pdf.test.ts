import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { PNG } from "pngjs";
import { main } from "../../src/cli/main";
import type { Resolution } from "../../src/core/model";
import { parseResolution } from "../../src/core/parser";
import { SCANNED_PDF, pdfText } from "../../src/core/pdf";
import { describeWithTools, printPdf, tempDir } from "../helpers/tools";

const SEED = readFileSync(path.join(__dirname, "../fixtures/seed/nghi-quyet-2022-phuong-tran-phu.txt"), "utf8");
const reading = (r: Resolution) => ({
  title: r.title,
  organization: r.organization,
  year: r.year,
  sections: r.sections.map((s) => ({ ...s, indicators: s.indicators.map(({ line: _l, ...i }) => i) })),
  warnings: r.warnings.map((w) => w.reason),
});

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stdin: async () => Buffer.from(""),
  });
  return { code, out, err };
}

describeWithTools("resolutions as text PDF", ["chromium"], () => {
  test("the seed printed on A4 (long lines broken by the page width) reads as the plain seed", async () => {
    const body = SEED.split("\n")
      .map((l) => `<p>${l.trim() ? esc(l) : "&nbsp;"}</p>`)
      .join("");
    const pdf = printPdf(
      `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:2cm}body{font:13pt "Liberation Serif"}p{margin:0 0 4pt}</style>${body}`,
    );
    const text = await pdfText(readFileSync(pdf));
    // The page width did break lines: "3 -" ends one, "5 tập thể" starts the next.
    expect(text).toMatch(/xây dựng 3 -\n5 tập thể/u);
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(SEED)));
    const { code, out } = await cli(["parse", pdf]);
    expect(code).toBe(0);
    expect(reading(JSON.parse(out))).toEqual(reading(parseResolution(SEED)));
  }, 120_000);

  test("a scanned PDF (an image, no text layer) exits 2 and says what to do instead", async () => {
    const png = new PNG({ width: 200, height: 100 });
    png.data.fill(255);
    const dir = tempDir("chitieu-scan-");
    writeFileSync(path.join(dir, "scan.png"), PNG.sync.write(png));
    const pdf = printPdf(`<!doctype html><img src="file://${dir}/scan.png" width="600">`);
    await expect(pdfText(readFileSync(pdf))).rejects.toThrow(SCANNED_PDF);
    const { code, out, err } = await cli(["parse", pdf]);
    expect([code, out]).toEqual([2, ""]);
    expect(err).toContain("ảnh quét (không có lớp chữ)");
    expect(err).not.toMatch(/Warning|canvas|\n\s+at /u);
  }, 120_000);
});
