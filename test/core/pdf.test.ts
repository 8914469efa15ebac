import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { PNG } from "pngjs";
import { cli } from "../helpers/cli";
import { parseResolution } from "../../src/core/parser";
import { SCANNED_PDF, pdfText } from "../../src/core/pdf";
import { SEED_TEXT, printSeedPdf, reading } from "../helpers/seed";
import { describeWithTools, printPdf, tempDir } from "../helpers/tools";

describeWithTools("resolutions as text PDF", ["chromium"], () => {
  test("the seed printed on A4 (long lines broken by the page width) reads as the plain seed", async () => {
    const pdf = printSeedPdf();
    const text = await pdfText(readFileSync(pdf));
    // The page width did break long lines (where depends on the installed fonts, so not asserted).
    const lines = new Set(text.split("\n").map((l) => l.trim()));
    const broken = SEED_TEXT.split("\n").filter((l) => l.trim().length > 150 && !lines.has(l.trim()));
    expect(broken.length).toBeGreaterThan(0);
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(SEED_TEXT)));
    const { code, out } = await cli(["parse", pdf]);
    expect(code).toBe(0);
    expect(reading(JSON.parse(out))).toEqual(reading(parseResolution(SEED_TEXT)));
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
