import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { judge } from "../../src/core/judge";
import { allIndicators, type Actuals } from "../../src/core/model";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { writtenFile } from "../../support/synthetic";
import { launch, measureBigPaste, offline, serve } from "../helpers/browser";
import { printSeedPdf } from "../helpers/seed";
import { describeWithTools, recalcToCsv, renderPng, tempDir } from "../helpers/tools";

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SHOTS = path.join(ROOT, "test-output/screenshots");

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** WCAG 2.1 A/AA and best-practice checks by axe-core, the engine browsers' accessibility tools use. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const r = await page.evaluate(() =>
    (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      // Only violations are reported in full: much faster on a page of 200 indicators.
      resultTypes: ["violations"],
    }),
  );
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const RESOLUTION_TEXT = `NGHỊ QUYẾT
Về nhiệm vụ năm 2025 của Đảng bộ xã Hòa Bình

I. KINH TẾ
1. Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng.
2. Tỷ lệ hộ nghèo giảm còn dưới 2%.
II. XÃ HỘI
1. Tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 94% trở lên; 04/09 thôn đạt chuẩn nông thôn mới.
2. Giảm tai nạn giao thông trên cả 3 tiêu chí.
`;

describeWithTools(
  "the task pane in headless Chromium (production build, outside Excel)",
  ["chromium", "soffice"],
  () => {
    let server: Awaited<ReturnType<typeof serve>>;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];
    const scripts: string[] = [];
    /** The chunk that carries exceljs (it writes xl/sharedStrings.xml); the pane must not load it up front. */
    const exceljsChunk = () =>
      readdirSync(DIST).filter(
        (f) =>
          f.endsWith(".js") &&
          f !== "taskpane.js" &&
          f !== "functions.js" &&
          readFileSync(path.join(DIST, f), "utf8").includes("sharedStrings"),
      );

    beforeAll(async () => {
      if (!existsSync(path.join(DIST, "taskpane.html")))
        throw new Error("dist/ is missing: run npm run build (npm test does)");
      mkdirSync(SHOTS, { recursive: true });
      server = await serve(DIST);
      browser = await launch();
      context = await browser.newContext({
        viewport: { width: 420, height: 900 },
        locale: "vi-VN",
        acceptDownloads: true,
      });
      await offline(context);
      page = await context.newPage();
      page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on(
        "request",
        (r) => r.resourceType() === "script" && scripts.push(path.basename(new URL(r.url()).pathname)),
      );
      await page.goto(`${server.url}/taskpane.html`);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test("renders in Vietnamese, says it is outside Excel, with no console error", async () => {
      await page.getByText("Trang đang mở ngoài Excel").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Chỉ tiêu");
      expect((await page.getByRole("tab").allTextContents()).map((t) => t.trim())).toEqual(["Nghị quyết", "Tải sổ"]);
      await page.screenshot({ path: path.join(SHOTS, "1-ngoai-excel.png"), fullPage: false });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    test("pasting a resolution shows its indicators, and the unread line next to them", async () => {
      await page.getByRole("button", { name: "Dán văn bản nghị quyết" }).click();
      await page.getByRole("textbox", { name: "Văn bản nghị quyết" }).fill(RESOLUTION_TEXT);
      await page.getByRole("button", { name: "Đọc nghị quyết" }).click();
      await page.getByText(/Đã đọc nghị quyết: 5 chỉ tiêu trong 2 phần/).waitFor();
      const labels = await page
        .getByRole("button", { name: /^Sửa chỉ tiêu đề ra của / })
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
      const ids = labels.map((l) => l!.replace("Sửa chỉ tiêu đề ra của ", ""));
      expect(ids).toEqual(["I.1", "I.2", "II.1.a", "II.1.b", "II.2"]);
      await page.getByText(/Dòng 9: “Giảm tai nạn giao thông trên cả 3 tiêu chí\.”/).waitFor();
      await page.getByRole("button", { name: "Sửa chỉ tiêu đề ra của I.2" }).click();
      expect(await page.getByRole("textbox", { name: "Chỉ tiêu đề ra của I.2" }).inputValue()).toBe("giảm còn dưới 2%");
      await page.keyboard.press("Escape");
      await page.screenshot({ path: path.join(SHOTS, "2-dan-nghi-quyet.png"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    // How fast it answers is measured by `npm run bench`, not asserted: a busy machine is slower.
    test("a 1,000-row table pasted: the tab does not crash and shows the reading", async () => {
      const p3 = await context.newPage();
      const errors: string[] = [];
      p3.on("pageerror", (e) => errors.push(e.message));
      p3.on("crash", () => errors.push("crash"));
      await p3.goto(`${server.url}/taskpane.html`);
      const timing = await measureBigPaste(p3, 1000);
      writeFileSync(path.join(SHOTS, "..", "paste-1000.json"), JSON.stringify(timing, null, 2));
      expect(timing.message).toMatch(/Đã đọc nghị quyết: \d+ chỉ tiêu/u);
      // The long reading is drawn a page at a time, and stays accessible.
      expect(await p3.getByRole("button", { name: /^Xóa chỉ tiêu / }).count()).toBeLessThanOrEqual(200);
      expect(await axeViolations(p3)).toEqual([]);
      expect(errors).toEqual([]);
      await p3.close();
    }, 120_000);

    test("a text PDF of the resolution opens in the pane (pdf.js and its worker load only then)", async () => {
      const pdf = printSeedPdf();
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      await page.getByLabel("Chọn tệp nghị quyết").setInputFiles(pdf);
      await page.getByText(/Đã nhập tệp out\.pdf/).waitFor({ timeout: 30_000 });
      expect(await page.getByRole("button", { name: /^Sửa chỉ tiêu đề ra của / }).count()).toBe(45);
      expect(requested.some((u) => u.endsWith("/pdf.worker.min.js"))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    }, 120_000);

    test("a .docx read, corrected (delete, add from a warning line, unit, move), exported and re-imported identical, then downloaded", async () => {
      const { makeDocx, seedParagraphs } = await import("../helpers/docx");
      const seed = readFileSync(path.join(ROOT, "test/fixtures/seed/nghi-quyet-2022-phuong-tran-phu.txt"), "utf8");
      const paragraphs = seedParagraphs(seed);
      // One more item in section II that the reader cannot read as a target: it warns about its line.
      const at = paragraphs.findIndex((p) => p.text.startsWith("VĂN HÓA"));
      paragraphs.splice(at, 0, { text: "Giảm tai nạn giao thông trên cả 3 tiêu chí.", list: "decimal" });
      const dir = tempDir("chitieu-review-");
      const docx = path.join(dir, "nghi-quyet.docx");
      writeFileSync(docx, await makeDocx(paragraphs));
      const p2 = await context.newPage();
      const errors: string[] = [];
      p2.on("pageerror", (e) => errors.push(e.message));
      await p2.goto(`${server.url}/taskpane.html`);
      await p2.getByLabel("Chọn tệp nghị quyết").setInputFiles(docx);
      await p2.getByText(/Đã nhập tệp nghi-quyet\.docx: 46 chỉ tiêu/).waitFor({ timeout: 30_000 });
      // Each state, for the user guide and for axe: the reading as imported…
      await p2.screenshot({ path: path.join(SHOTS, "6a-nhap-tep.png"), fullPage: false });
      expect(await axeViolations(p2)).toEqual([]);
      await p2.getByRole("button", { name: /^Sửa kết quả đọc/ }).click();
      // …with the correction controls and the warning line shown…
      await p2
        .getByText(/Giảm tai nạn giao thông/)
        .first()
        .scrollIntoViewIfNeeded();
      await p2.screenshot({ path: path.join(SHOTS, "6b-dong-chua-doc.png"), fullPage: false });
      expect(await axeViolations(p2)).toEqual([]);
      const ids = async () =>
        (
          await p2
            .getByRole("button", { name: /^Xóa chỉ tiêu / })
            .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!.replace("Xóa chỉ tiêu ", "")))
        ).filter(Boolean);
      expect(await ids()).toContain("II.7");
      await p2.getByRole("button", { name: "Xóa chỉ tiêu II.7" }).click();
      await p2.getByRole("button", { name: "Xóa chỉ tiêu I.2.b" }).click();
      await p2.getByRole("button", { name: /^Đọc dòng \d+ thành chỉ tiêu của phần II$/ }).click();
      // axe with a field open for editing.
      await p2.getByRole("button", { name: "Sửa đơn vị tính của II.1" }).click();
      // …a field open for editing…
      await p2.screenshot({ path: path.join(SHOTS, "6c-sua-don-vi.png"), fullPage: false });
      expect(await axeViolations(p2)).toEqual([]);
      await p2.getByRole("textbox", { name: "Đơn vị tính của II.1" }).fill("triệu đồng/người/năm");
      await p2.keyboard.press("Enter");
      // Keyboard only: focus the control and press Enter, as a screen-reader user would.
      await p2.getByRole("button", { name: "Chuyển chỉ tiêu II.3.c lên" }).focus();
      await p2.keyboard.press("Enter");
      // The last correction is drawn once II.3.c stands before II.3.b.
      await p2.waitForFunction(() => {
        const order = [...document.querySelectorAll("button[aria-label^='Xóa chỉ tiêu ']")].map((b) =>
          b.getAttribute("aria-label"),
        );
        return order.indexOf("Xóa chỉ tiêu II.3.c") < order.indexOf("Xóa chỉ tiêu II.3.b");
      });
      const edited = await ids();
      expect(edited).toHaveLength(45);
      expect(edited).not.toContain("I.2.b");
      expect(edited.indexOf("II.3.c")).toBeLessThan(edited.indexOf("II.3.b"));
      await p2.screenshot({ path: path.join(SHOTS, "6-sua-nghi-quyet.png"), fullPage: false });
      expect(await axeViolations(p2)).toEqual([]);

      const [json] = await Promise.all([
        p2.waitForEvent("download"),
        p2.getByRole("button", { name: "Xuất JSON" }).click(),
      ]);
      const exported = path.join(dir, "nq.json");
      await json.saveAs(exported);
      await p2.getByLabel("Chọn tệp nghị quyết").setInputFiles(exported);
      await p2.getByText(/Đã nhập tệp nq\.json: 45 chỉ tiêu/).waitFor();
      // …the exported JSON imported again…
      expect(await axeViolations(p2)).toEqual([]);
      const [again] = await Promise.all([
        p2.waitForEvent("download"),
        p2.getByRole("button", { name: "Xuất JSON" }).click(),
      ]);
      const reexported = path.join(dir, "nq-2.json");
      await again.saveAs(reexported);
      expect(JSON.parse(readFileSync(reexported, "utf8"))).toEqual(JSON.parse(readFileSync(exported, "utf8")));

      await p2.getByRole("tab", { name: "Tải sổ" }).click();
      // …and the download tab with its review periods.
      await p2.getByRole("checkbox", { name: "6 tháng" }).waitFor();
      expect(await axeViolations(p2)).toEqual([]);
      const [xlsx] = await Promise.all([
        p2.waitForEvent("download"),
        p2.getByRole("button", { name: "Tải sổ theo dõi (.xlsx)" }).click(),
      ]);
      const book = path.join(dir, "so.xlsx");
      await xlsx.saveAs(book);
      const rows = recalcToCsv([book]).get(book)!.get("Theo dõi")!;
      const head = rows.findIndex((r) => r.includes("Mã") && r.includes("Thực hiện cả năm"));
      const col = (h: string) => rows[head]!.indexOf(h);
      const sheetIds = rows
        .slice(head + 1)
        .map((r) => r[col("Mã")]!)
        .filter((id) => id.includes("."));
      expect(sheetIds).toEqual(edited);
      expect(rows.find((r) => r[col("Mã")] === "II.1")![col("Đơn vị tính")]).toBe("triệu đồng/người/năm");
      expect(errors).toEqual([]);
      await p2.close();
    }, 180_000);

    test("the .xlsx download opens in LibreOffice with the right statuses", async () => {
      await page.getByRole("button", { name: "Nghị quyết mẫu 2022 (phường Trần Phú)" }).click();
      await page.getByRole("tab", { name: "Tải sổ" }).click();
      await page.screenshot({ path: path.join(SHOTS, "3-tai-so.png") });
      expect(await axeViolations(page)).toEqual([]);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải sổ theo dõi (.xlsx)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("chi-tieu-2022.xlsx");
      expect(scripts).toContain(exceljsChunk()[0]);
      const dir = tempDir("chitieu-e2e-");
      const file = path.join(dir, "chi-tieu-2022.xlsx");
      await download.saveAs(file);
      await page.getByText(/Đã tạo tệp chi-tieu-2022\.xlsx \(45 chỉ tiêu\)/).waitFor();

      const rows = recalcToCsv([file]).get(file)!.get("Theo dõi")!;
      const header = rows.findIndex((r) => r.includes("Mã"));
      const at = (h: string) => rows[header]!.indexOf(h);
      // The default sheet has six months and the year, each with its status; the year's result too.
      for (const h of ["Đánh giá 6 tháng", "Đánh giá cả năm", "Kết quả"]) {
        const statuses = new Map(rows.slice(header + 1).map((r) => [r[at("Mã")], r[at(h)]]));
        for (const ind of allIndicators(BUILTIN_RESOLUTION))
          expect([h, ind.id, statuses.get(ind.id)]).toEqual([h, ind.id, judge(ind, null).status]);
      }
      expect(rows.flat().some((v) => /^#|^Err:/.test(v))).toBe(false);
      expect(problems).toEqual([]);
    });

    test("keyboard only: reach the download tab and button, and start the download", async () => {
      const kb = await context.newPage();
      await kb.goto(`${server.url}/taskpane.html`);
      await kb.getByText("Trang đang mở ngoài Excel").waitFor();
      const focused = () => kb.evaluate(() => (document.activeElement?.textContent ?? "").trim());
      for (let i = 0; i < 10 && (await focused()) !== "Nghị quyết"; i++) await kb.keyboard.press("Tab");
      expect(await focused()).toBe("Nghị quyết");
      await kb.keyboard.press("ArrowRight");
      await kb.keyboard.press("Enter");
      await kb.getByRole("button", { name: "Tải sổ theo dõi (.xlsx)" }).waitFor();
      for (let i = 0; i < 10 && (await focused()) !== "Tải sổ theo dõi (.xlsx)"; i++) await kb.keyboard.press("Tab");
      expect(await focused()).toBe("Tải sổ theo dõi (.xlsx)");
      const [download] = await Promise.all([kb.waitForEvent("download"), kb.keyboard.press("Enter")]);
      expect(download.suggestedFilename()).toBe("chi-tieu-2022.xlsx");
      await kb.close();
    });

    test("a filled-in workbook, as staff share it, for the user guide", async () => {
      const figures: Actuals = {
        "I.1.a": 100,
        "I.1.c": 78,
        "I.2.a": 4,
        "I.2.b": 86,
        "I.3.a": 3,
        "I.4.a": "Hoàn thành xuất sắc nhiệm vụ",
        "I.5": 88,
        "II.1": 72,
        "II.2.a": 82,
        "II.2.b": 14,
        "II.2.c": 1.5,
        "II.3.a": 26500,
        "II.3.b": 5000,
        "II.3.c": 4700,
        "III.1": 0.55,
        "III.2": 97,
        "III.5": "Đạt",
      };
      // Six months: about half of each cumulative figure; the year's estimates, one assessed by the committee.
      const half = Object.fromEntries(
        Object.entries(figures).map(([id, v]) => [
          id,
          typeof v === "number" && /^II\.3|^I\.2\.a/u.test(id) ? v / 2 : v,
        ]),
      );
      const file = path.join(tempDir("chitieu-doc-"), "so-theo-doi.xlsx");
      const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, {
        content: writtenFile(BUILTIN_RESOLUTION, {
          periods: { "6t": half, nam: figures },
          estimates: ["nam"],
          overrides: { "II.3.a": { status: "Đạt", reason: "Dự toán điều chỉnh giữa năm" } },
        }),
      });
      writeFileSync(file, await writeXlsx(plan));
      const pages = renderPng(file, 80);
      // Each sheet's first page, found by its text (LibreOffice prints the sheets in order).
      const pdf = path.join(path.dirname(pages[0]!), "so-theo-doi.pdf");
      const text = (n: number) =>
        execFileSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
      const first = (title: string) => pages.findIndex((_, i) => text(i + 1).includes(title));
      const at = { tracking: 0, summary: first("TỔNG HỢP KẾT QUẢ"), report: first("BÁO CÁO KẾT QUẢ") };
      expect(at.summary).toBeGreaterThan(0);
      expect(at.report).toBeGreaterThan(at.summary);
      // The report page holds the sentences LibreOffice calculated, Vietnamese digits included.
      expect(text(at.report + 1)).toContain("Kết quả 6 tháng: có");
      const report = pages.slice(at.report).map((_, i) => text(at.report + 1 + i));
      expect(report.join("\n")).toMatch(/Thu ngân sách: 13\.250 triệu đồng, đạt 48% kế hoạch năm/u);
      const { copyFileSync } = await import("fs");
      copyFileSync(pages[at.tracking]!, path.join(SHOTS, "4-so-theo-doi.png"));
      copyFileSync(pages[at.summary]!, path.join(SHOTS, "5-tong-hop.png"));
      copyFileSync(pages[at.report]!, path.join(SHOTS, "7-bao-cao.png"));
    });
  },
);
