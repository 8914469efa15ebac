import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Resolution } from "../../src/core/model";
import { carryOver, contentOverOld, describeLeftBehind } from "../../src/workbook/carry";
import { readTrackingValues, readWorkbook, writeWorkbook, type WorkbookState } from "../../src/workbook/excel";
import { HEADER_ROW, SUMMARY_SHEET, TRACKING_SHEET, col, colIndex, sheetLayout } from "../../src/workbook/layout";
import { bieuSheetName } from "../../src/workbook/bieu-sheet";
import { DEFAULT_PERIODS } from "../../src/core/words";
import { buildWorkbookPlan, type WorkbookPlan } from "../../src/workbook/plan";
import { readBack } from "../../src/workbook/tracking-row";
import { formatTarget } from "../../src/core/target";
import { sheetCalculator } from "../fakes/calculator";
import { FakeBook, FakeContext, parseRef } from "../../support/fake-excel";
import {
  cellContent,
  figuresOf,
  notesOf,
  overridesOf,
  syntheticFigures,
  syntheticResolution,
  writtenFile,
} from "../../support/synthetic";
import { mergeContent } from "../../src/core/content";
import { WITHOUT_I2A } from "../helpers/seed";
import { edited, fixture, loadScenarios, typedContent } from "../helpers/carry-corpus";

async function insert(book: FakeBook, plan: WorkbookPlan, state?: WorkbookState) {
  const ctx = new FakeContext(book);
  const s = state ?? (await readWorkbook(ctx.asContext));
  const r = await writeWorkbook(ctx.asContext, plan, {
    sheetNames: s.sheetNames,
    hasToleranceName: s.hasToleranceName,
    names: s.names ?? {},
    supports: () => true,
  });
  return { ctx, ...r };
}

describe("the Excel writer applies the whole plan", () => {
  test.each([10, 500])("%d indicators: every cell, format, rule and name; a constant number of syncs", async (n) => {
    const res = syntheticResolution(n, 7);
    const plan = buildWorkbookPlan(res, { content: { rows: {}, tolerance: 0.07 } });
    const book = new FakeBook(["Sheet1"]);
    const { ctx } = await insert(book, plan);
    // One read, one batch for the sheets, then a guarded step each for frozen rows, print setup, the
    // tracking sheet's column group and the chart.
    expect(ctx.syncCount).toBe(1 + 1 + 2 * plan.sheets.length + 1 + 1);

    for (const p of plan.sheets) {
      const s = book.sheet(p.name);
      for (const c of p.cells) {
        const m = book.get(p.name, c.row, c.col);
        if (c.formula !== undefined) expect([c.row, c.col, m?.formula]).toEqual([c.row, c.col, c.formula]);
        else expect([c.row, c.col, m?.value]).toEqual([c.row, c.col, c.value]);
      }
      for (const st of p.styles.filter((x) => x.style.numFmt)) {
        const b = parseRef(st.ref);
        expect(book.get(p.name, b.r0, b.c0)?.numberFormat).toBe(st.style.numFmt);
      }
      for (const st of p.styles.filter((x) => x.style.fill)) {
        const b = parseRef(st.ref);
        expect(book.get(p.name, b.r1, b.c1)?.style["fill.color"]).toBe(st.style.fill);
      }
      expect(s.validations.map((v) => v.ref).sort()).toEqual(p.validations.map((v) => v.ref).sort());
      for (const v of s.validations) {
        expect(v.rule).toBeDefined();
        expect(v.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
        expect(v.prompt).toMatchObject({ showPrompt: true });
      }
      const cfs = p.conditionalFormats.flatMap((cf) =>
        cf.rules.map((r) => ({
          ref: cf.ref,
          formula: `=${r.formula}`,
          fill: r.fill,
          font: r.font,
          ...(r.italic ? { italic: true } : {}),
        })),
      );
      expect(s.conditionalFormats.filter((c) => c.type === "Custom").map((c) => ({ ref: c.ref, ...c.props }))).toEqual(
        cfs,
      );
      expect(s.conditionalFormats.filter((c) => c.type === "DataBar").map((c) => c.ref)).toEqual(
        p.dataBars.map((d) => d.ref),
      );
      expect(s.merges).toEqual(p.merges);
      expect(s.pageBreaks).toEqual(p.print.breaksBefore ?? []);
      expect(s.freezeRows).toBe(p.freezeRows);
      expect(s.pageLayout).toMatchObject({
        printArea: p.print.area,
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: p.print.pagesTall ?? 0 },
        leftHeader: p.print.header.left,
        centerHeader: p.print.header.center,
        rightHeader: p.print.header.right,
        centerFooter: "Trang &P / &N",
      });
      // Excel measures rows itself from the header down; fixed heights only above it (merged title rows).
      const [a, b] = p.autofitRows!;
      expect([...s.autofitRows].sort((x, y) => x - y)).toEqual(Array.from({ length: b - a + 1 }, (_, k) => a + k));
      for (const r of s.rowHeights.keys()) expect(r < a || r > b).toBe(true);
      expect(s.charts.map((c) => c.source)).toEqual(p.charts.map((c) => c.sourceRef));
      expect(s.columnWidths.size).toBe(p.columns.length);
    }
    expect(book.names.get("DungSai")).toEqual({ sheet: TRACKING_SHEET, ref: "E3" });
    expect(book.active).toBe(TRACKING_SHEET);
  });

  test("a platform that refuses a print setting still gets the whole sheet and the chart, and says so", async () => {
    const book = new FakeBook();
    book.refuse.add("PageLayout.zoom");
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION);
    const ctx = new FakeContext(book);
    const r = await writeWorkbook(ctx.asContext, plan, {
      sheetNames: ["Sheet1"],
      hasToleranceName: false,
      supports: () => true,
    });
    expect(r.extras).toEqual([
      expect.stringMatching(/^Thiết lập in \(Theo dõi\): .*PageLayout\.zoom refused/),
      expect.stringMatching(/^Thiết lập in \(Tổng hợp\): /),
      expect.stringMatching(/^Thiết lập in \(Báo cáo\): /),
      ...DEFAULT_PERIODS.map((p) => expect.stringContaining(`Thiết lập in (${bieuSheetName(p)}): `)),
    ]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Theo dõi",
      "Tổng hợp",
      "Báo cáo",
      ...DEFAULT_PERIODS.map(bieuSheetName),
    ]);
    expect(book.sheet(TRACKING_SHEET).validations.length).toBe(plan.sheets[0]!.validations.length);
    expect(book.sheet(TRACKING_SHEET).freezeRows).toBe(plan.sheets[0]!.freezeRows);
    expect(book.sheet("Tổng hợp").charts).toHaveLength(1);
    expect(book.names.has("DungSai")).toBe(true);
  });

  test("fit-to-width taken but not applied (Windows) is read back and reported", async () => {
    const book = new FakeBook();
    book.ignore.add("PageLayout.zoom");
    const r = await insert(book, buildWorkbookPlan(BUILTIN_RESOLUTION));
    expect(r.extras).toHaveLength(3 + DEFAULT_PERIODS.length);
    expect(r.extras[0]).toMatch(/chưa áp dụng “vừa một trang theo chiều ngang” cho sheet “Theo dõi”/);
  });

  test("Tổng hợp's page breaks and fit go where the plan puts them", async () => {
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, { periods: ["3t", "6t", "9t", "nam"] });
    const summary = plan.sheets.find((p) => p.name === SUMMARY_SHEET)!;
    expect(summary.print.breaksBefore?.length).toBeGreaterThan(0);
    const book = new FakeBook();
    await insert(book, plan);
    expect(book.sheet(SUMMARY_SHEET).pageBreaks).toEqual(summary.print.breaksBefore);
    const short = buildWorkbookPlan(BUILTIN_RESOLUTION).sheets.find((p) => p.name === SUMMARY_SHEET)!;
    expect(short.print.pagesTall).toBe(1);
    const other = new FakeBook();
    await insert(other, buildWorkbookPlan(BUILTIN_RESOLUTION));
    expect(other.sheet(SUMMARY_SHEET).pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  test("without ExcelApi 1.9 no page-layout member is touched", async () => {
    const book = new FakeBook();
    const ctx = new FakeContext(book);
    await writeWorkbook(ctx.asContext, buildWorkbookPlan(BUILTIN_RESOLUTION, { periods: ["3t", "6t", "9t", "nam"] }), {
      sheetNames: ["Sheet1"],
      hasToleranceName: false,
      supports: (v) => v === "1.8",
    });
    expect(ctx.log.filter((l) => l.includes("pageLayout") || l.includes("PageBreaks"))).toEqual([]);
    expect(book.sheet(TRACKING_SHEET).freezeRows).toBe(HEADER_ROW);
  });

  test("every text the writer puts in a cell reads back unchanged, though Excel parses what it is given", async () => {
    // Target texts "100%", "98%", a note "1/5", figures typed as text: Excel would turn each into a number.
    const ids = allIndicators(BUILTIN_RESOLUTION).map((i) => i.id);
    const texts = ["1/5", "3/5", "100%", "99.5", "-", "+ thêm", "TRUE", "1e5", "10:30", "=SUM(A1)", "@x"];
    const notes = Object.fromEntries(ids.slice(0, texts.length).map((id, k) => [id, texts[k]!]));
    const figures = Object.fromEntries(ids.slice(-texts.length).map((id, k) => [id, texts[k]!]));
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, {
      content: mergeContent(writtenFile(BUILTIN_RESOLUTION, { notes }), cellContent(figures)),
    });
    const book = new FakeBook();
    await insert(book, plan);
    let strings = 0;
    for (const p of plan.sheets)
      for (const c of p.cells)
        if (typeof c.value === "string" && c.value !== "") {
          strings++;
          const m = book.get(p.name, c.row, c.col);
          expect([p.name, c.row, c.col, m?.formula, m?.value]).toEqual([p.name, c.row, c.col, undefined, c.value]);
        }
    expect(strings).toBeGreaterThan(300);
    const targets = allIndicators(BUILTIN_RESOLUTION).map((i) => i.targetText);
    expect(targets).toEqual(expect.arrayContaining(["100%", "98%"]));
  });

  test("a failed batch is undone: old sheets keep their names, the tolerance name is back, no new sheet", async () => {
    const res = syntheticResolution(8, 3);
    const book = new FakeBook(["Sheet1"]);
    book.calculate = sheetCalculator(book, res);
    await insert(book, buildWorkbookPlan(res, { content: { rows: {}, tolerance: 0.08 } }));
    const before = { sheets: book.sheets.map((s) => s.name), name: book.names.get("DungSai") };
    book.refuse.add("DataValidation.rule");
    const ctx = new FakeContext(book);
    const state = await readWorkbook(ctx.asContext);
    await expect(
      writeWorkbook(ctx.asContext, buildWorkbookPlan(res), {
        sheetNames: state.sheetNames,
        hasToleranceName: state.hasToleranceName,
        toleranceRef: state.toleranceRef,
        names: state.names ?? {},
        supports: () => true,
      }),
    ).rejects.toThrow(/DataValidation\.rule refused/);
    expect(book.sheets.map((s) => s.name)).toEqual(before.sheets);
    expect(book.names.get("DungSai")).toEqual(before.name);
    expect(book.get(TRACKING_SHEET, 3, colIndex("targetText"))?.value).toBe(0.08);
  });

  test("2,000 indicators with three periods: no request over Excel on the web's 5 MB, the same syncs, every formula", async () => {
    const res = syntheticResolution(2000, 9);
    const periods = ["6t", "9t", "nam"] as const;
    const plan = buildWorkbookPlan(res, {
      periods,
      content: writtenFile(res, { actuals: syntheticFigures(res, 9, 0.05) }),
    });
    const formulaText = plan.sheets.flatMap((p) => p.cells).reduce((n, c) => n + (c.formula?.length ?? 0), 0);
    // Written cell by cell, the formulas alone would be several requests' worth.
    expect(formulaText).toBeGreaterThan(4 * 5 * 2 ** 20);
    const book = new FakeBook(["Sheet1"]);
    const { ctx } = await insert(book, plan);
    expect(book.requestLimit).toBe(5 * 2 ** 20);
    expect(ctx.largestRequest).toBeLessThan(book.requestLimit!);
    // Runs of a formula go as one R1C1 text; what is left takes a few more requests, not one per row.
    expect(ctx.syncCount).toBeGreaterThanOrEqual(1 + 1 + 2 * plan.sheets.length + 1 + 1);
    expect(ctx.syncCount).toBeLessThanOrEqual(1 + 1 + 2 * plan.sheets.length + 1 + 1 + 8);
    const wrong: string[] = [];
    for (const p of plan.sheets)
      for (const c of p.cells)
        if (c.formula !== undefined && book.get(p.name, c.row, c.col)?.formula !== c.formula)
          wrong.push(`${p.name}!${c.row},${c.col}`);
    expect(wrong).toEqual([]);
  }, 300_000);

  test("a request over the limit is refused whole, as Excel on the web does, and the insert is undone", async () => {
    const res = syntheticResolution(40, 4);
    const book = new FakeBook(["Sheet1"]);
    book.calculate = sheetCalculator(book, res);
    await insert(book, buildWorkbookPlan(res));
    const snapshot = () => JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]));
    const before = snapshot();
    book.requestLimit = 20_000;
    const error = await insert(book, buildWorkbookPlan(res)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^RequestPayloadSizeLimitExceeded: /u);
    book.requestLimit = null;
    expect(snapshot()).toBe(before);
  });

  test.each([
    "Worksheet.name",
    "*.add",
    "Range.numberFormat",
    "Range.formulas",
    "Range.formulasR1C1",
    "RangeFont.name",
    "RangeFormat.wrapText",
    "RangeBorder.style",
    "*.merge",
    "RangeFormat.columnWidth",
    "RangeFormat.rowHeight",
    "*.autofitRows",
    "Range.rowHidden",
    "DataValidation.prompt",
    "ConditionalFormatRule.formula",
    "ConditionalDataBarPositiveFormat.fillColor",
    "*.activate",
  ])("Excel refusing %s during a re-insert leaves the workbook exactly as it was", async (member) => {
    // Two indicators a section: a run of formulas down each column.
    const res = syntheticResolution(12, 5);
    const book = new FakeBook(["Sheet1"]);
    book.calculate = sheetCalculator(book, res);
    await insert(
      book,
      buildWorkbookPlan(res, {
        content: writtenFile(res, { tolerance: 0.08, actuals: syntheticFigures(res, 5, 0.08) }),
      }),
    );
    const snapshot = () =>
      JSON.stringify({
        sheets: book.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value, c.formula])]),
        names: [...book.names],
      });
    const before = snapshot();
    book.refuse.add(member);
    const ctx = new FakeContext(book);
    const state = await readWorkbook(ctx.asContext);
    const error = await writeWorkbook(ctx.asContext, buildWorkbookPlan(res), {
      sheetNames: state.sheetNames,
      hasToleranceName: state.hasToleranceName,
      toleranceRef: state.toleranceRef,
      names: state.names ?? {},
      supports: () => true,
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/refused/);
    expect((error as { workbookChanged?: boolean }).workbookChanged).toBeUndefined();
    book.refuse.clear();
    expect(snapshot()).toBe(before);
  });

  test("a tolerance name that is not a range (a constant, #REF!) is read as unknown, not a crash", async () => {
    const book = new FakeBook(["Sheet1"]);
    book.calculate = sheetCalculator(book, syntheticResolution(4, 2));
    await insert(book, buildWorkbookPlan(syntheticResolution(4, 2)));
    book.names.set("DungSai", { sheet: "=0.05", ref: "" });
    const state = await readWorkbook(new FakeContext(book).asContext);
    expect(state.tracking?.tolerance).toBeNull();
    expect(state.hasToleranceName).toBe(true);
  });

  test("the fake refuses data-validation texts longer than Excel allows", async () => {
    const book = new FakeBook();
    const ctx = new FakeContext(book);
    const dv = ctx.asContext.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
    dv.prompt = { showPrompt: true, title: "x".repeat(33), message: "ok" };
    await expect(ctx.asContext.sync()).rejects.toThrow(/prompt title is 33 characters/);
  });

  test("text that looks like a formula is written as text", async () => {
    const res: Resolution = {
      ...BUILTIN_RESOLUTION,
      sections: [
        { id: "I", title: '=HYPERLINK("x")', indicators: [{ ...allIndicators(BUILTIN_RESOLUTION)[0]!, text: "=1+1" }] },
      ],
    };
    const book = new FakeBook();
    await insert(book, buildWorkbookPlan(res));
    const row = buildWorkbookPlan(res).rows[0]!.row;
    expect(book.get(TRACKING_SHEET, row, colIndex("text"))).toMatchObject({ value: "=1+1" });
    expect(book.get(TRACKING_SHEET, row, colIndex("text"))?.formula).toBeUndefined();
  });
});

describe("the fake behaves like Excel where it matters", () => {
  test("a misspelled member is refused, not silently accepted", async () => {
    const ctx = new FakeContext(new FakeBook());
    const ws = ctx.asContext.workbook.worksheets.getItem("Sheet1");
    expect(() => (ws as unknown as { getRnage: unknown }).getRnage).toThrow(/not a member of the Excel API/);
    const range = ws.getRange("A1");
    expect(() => ((range as unknown as { fomulas: unknown }).fomulas = [["=1"]])).toThrow(/not a member/);
    expect(() => (range.format as unknown as { colour: unknown }).colour).toThrow(/not a member/);
  });

  test("a property must be loaded and synced before it is read", async () => {
    const book = new FakeBook();
    book.put("Sheet1", 1, 1, "Mã");
    const ctx = new FakeContext(book);
    const r = ctx.asContext.workbook.worksheets.getItem("Sheet1").getRange("A1");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await ctx.asContext.sync();
    expect(r.values).toEqual([["Mã"]]);
  });

  test("writes take effect at sync, and array sizes must match the range", async () => {
    const book = new FakeBook();
    const ctx = new FakeContext(book);
    const r = ctx.asContext.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    r.values = [[1, 2]];
    expect(book.get("Sheet1", 1, 1)).toBeUndefined();
    await ctx.asContext.sync();
    expect(book.get("Sheet1", 1, 2)?.value).toBe(2);
    r.values = [[1, 2, 3]];
    await expect(ctx.asContext.sync()).rejects.toThrow(/array size/);
  });
});

describe("re-inserting never loses figures", () => {
  test("every period's figures, the estimate flags, Cộng dồn choices and assessments survive a re-insert in Excel", async () => {
    const book = new FakeBook(["Sheet1"]);
    const res: Resolution = {
      ...BUILTIN_RESOLUTION,
      sections: BUILTIN_RESOLUTION.sections.map((s) => ({
        ...s,
        indicators: s.indicators.map((i) => (i.id === "II.3.b" ? { ...i, cumulative: false } : i)),
      })),
    };
    const first = buildWorkbookPlan(res, {
      periods: ["6t", "9t", "nam"],
      content: writtenFile(res, {
        periods: { "6t": { "II.3.a": 15000, "III.1": 0.7 }, "9t": { "I.2.a": 3 }, nam: { "II.3.a": 30387.5 } },
        estimates: ["9t", "nam"],
        overrides: { "II.3.c": { status: "Đạt", reason: "Tiết kiệm chi" } },
        notes: { "III.1": "ước" },
      }),
    });
    book.calculate = sheetCalculator(book, res, sheetLayout(["6t", "9t", "nam"]));
    await insert(book, first);
    const before = readBack((await readWorkbook(new FakeContext(book).asContext)).tracking!, res);
    // The pane re-inserts the built-in resolution (no cumulative choice of its own): the sheet's are kept.
    const state = await readWorkbook(new FakeContext(book).asContext);
    const carry = carryOver(BUILTIN_RESOLUTION, state.tracking);
    await insert(book, buildWorkbookPlan(BUILTIN_RESOLUTION, { ...carry, periods: state.tracking!.periods }), state);
    const after = readBack((await readWorkbook(new FakeContext(book).asContext)).tracking!, BUILTIN_RESOLUTION);
    expect(after.sheet.periods).toEqual(["6t", "9t", "nam"]);
    expect(after.content.estimates).toEqual(["9t", "nam"]);
    for (const p of ["6t", "9t", "nam"] as const)
      expect(figuresOf(after.content, p)).toEqual(figuresOf(before.content, p));
    expect(overridesOf(after.content)).toEqual({ "II.3.c": { status: "Đạt", reason: "Tiết kiệm chi" } });
    expect(notesOf(after.content)).toEqual({ "III.1": "ước" });
    expect(allIndicators(after.resolution).find((i) => i.id === "II.3.b")!.cumulative).toBe(false);
    expect(book.names.has("UocTinh_9thang")).toBe(true);
  });

  test("figures and notes move to the new sheet by Mã, even after staff moved rows; the old sheet is kept", async () => {
    const res = BUILTIN_RESOLUTION;
    const book = new FakeBook();
    await insert(book, buildWorkbookPlan(res));
    book.calculate = sheetCalculator(book, res);
    const rows = new Map(buildWorkbookPlan(res).rows.map((r) => [r.id, r.row]));
    // Staff type figures and a note…
    book.put(TRACKING_SHEET, rows.get("III.1")!, colIndex("actual"), 0.005);
    book.put(TRACKING_SHEET, rows.get("V.2")!, colIndex("actual"), 4);
    book.put(TRACKING_SHEET, rows.get("I.4.a")!, colIndex("actual"), "Hoàn thành tốt nhiệm vụ");
    book.put(TRACKING_SHEET, rows.get("II.1")!, colIndex("actual"), "chưa có");
    book.put(TRACKING_SHEET, rows.get("II.1")!, colIndex("note"), "Chờ số liệu Chi cục Thống kê");
    book.put(TRACKING_SHEET, 3, colIndex("targetText"), 0.1); // the named tolerance cell, changed by staff
    // …then swap two rows (sorting), so row numbers no longer match the plan.
    book.swapRows(TRACKING_SHEET, rows.get("III.1")!, rows.get("I.1.a")!);

    const ctx = new FakeContext(book);
    const state = await readWorkbook(ctx.asContext);
    expect(ctx.syncCount).toBe(2);
    expect(state.tracking?.rows.find((r) => r.id === "III.1")?.row).toBe(rows.get("I.1.a"));
    expect(state.tracking?.rows.find((r) => r.id === "III.1")?.status).toBe("Vượt");
    const carry = carryOver(res, state.tracking);
    expect(figuresOf(carry.content, "nam")).toEqual({
      "III.1": 0.005,
      "V.2": 4,
      "I.4.a": "Hoàn thành tốt nhiệm vụ",
      "II.1": "chưa có",
    });
    expect(notesOf(carry.content)).toEqual({ "II.1": "Chờ số liệu Chi cục Thống kê" });
    const { tolerance } = readBack(state.tracking!, res).content;
    expect([tolerance, carry.content.tolerance]).toEqual([0.1, 0.1]);

    const { kept } = await insert(book, buildWorkbookPlan(res, carry), state);
    const ours = ["Theo dõi", "Tổng hợp", "Báo cáo", ...DEFAULT_PERIODS.map(bieuSheetName)];
    expect(kept).toEqual(ours.map((n) => `${n} (cũ)`));
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...ours.map((n) => `${n} (cũ)`), ...ours]);
    const again = new FakeContext(book);
    const after = (await readWorkbook(again.asContext)).tracking!;
    const figure = (id: string) => after.rows.find((r) => r.id === id)?.actual;
    expect([figure("III.1"), figure("V.2"), figure("I.4.a"), figure("II.1")]).toEqual([
      0.005,
      4,
      "Hoàn thành tốt nhiệm vụ",
      "chưa có",
    ]);
    expect(book.names.get("DungSai")?.sheet).toBe("Theo dõi");
    expect(book.get(TRACKING_SHEET, 3, colIndex("targetText"))?.value).toBe(0.1);
  });

  test("carry-over by identity: same Mã and same indicator, else by text; the rest reported by old Mã and text", () => {
    const text = (id: string) => allIndicators(BUILTIN_RESOLUTION).find((i) => i.id === id)!.text;
    const values = [
      ["Mã", "STT", "Chỉ tiêu", "Thực hiện", "Ghi chú", "Kiểu chỉ tiêu"],
      ["I", "I", "CÔNG TÁC XÂY DỰNG ĐẢNG", "", "cả phần chậm", ""],
      ["I.1.a", "1.a", text("I.1.a"), 0.9, "", "≥"],
      ["IX.9", "9", "Chỉ tiêu đã bỏ", 5, "cũ", "≥"],
      ["I.1.a", "1.a", text("I.1.a"), 0.8, "", "≥"],
      // I.1.b's row now holds I.1.c's indicator (a clause above it was removed): it goes to I.1.c.
      ["I.1.b", "1.b", text("I.1.c"), 0.78, "", "≥"],
      // A row whose Mã was cleared, and one staff added: found by their text, or reported.
      ["", "", text("I.2.a"), 4, "", ""],
      ["", "", "Dòng tự thêm", 7, "", ""],
      // The same Mã, another indicator: not a match.
      ["I.3.a", "3.a", "Số hộ dùng nước sạch", 12, "", "≥"],
      // The same words but a rank where a percentage stands: not a match either.
      ["I.5", "5", text("I.5"), 3, "", "thứ hạng"],
    ];
    const existing = readTrackingValues(TRACKING_SHEET, values, 6)!;
    const carry = carryOver(BUILTIN_RESOLUTION, existing);
    expect(figuresOf(carry.content, "nam")).toEqual({ "I.1.a": 0.9, "I.1.c": 0.78, "I.2.a": 4 });
    expect(carry.moved).toEqual([
      { from: "I.1.b", to: "I.1.c" },
      { from: "", to: "I.2.a" },
    ]);
    expect(carry.leftBehind.map((l) => [l.id, l.row, l.what.join(" + "), l.reason])).toEqual([
      ["I", 7, "ghi chú", "ghi chú ở dòng phần I"],
      ["IX.9", 9, "số liệu 5 + ghi chú", "Mã IX.9 không còn trong nghị quyết mới"],
      ["I.1.a", 10, "số liệu 0,8", "Mã I.1.a bị lặp trên sổ cũ"],
      ["", 13, "số liệu 7", "dòng không có Mã"],
      ["I.3.a", 14, "số liệu 12", `Mã I.3.a nay là chỉ tiêu khác (“${text("I.3.a")}”)`],
      ["I.5", 15, "số liệu 3", `Mã I.5 nay là chỉ tiêu khác (“${text("I.5")}”)`],
    ]);
    expect(describeLeftBehind(carry.leftBehind[1]!)).toBe(
      "Mã IX.9 “Chỉ tiêu đã bỏ” (dòng 9): số liệu 5 và ghi chú — Mã IX.9 không còn trong nghị quyết mới.",
    );
  });

  test("a clause removed from item I.2 moves the letters up: each figure follows its indicator, not its old Mã", () => {
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, {
      content: writtenFile(BUILTIN_RESOLUTION, { actuals: { "I.2.a": 4, "I.2.b": 86, "I.2.c": 82 } }),
    });
    const values: unknown[][] = [];
    for (const c of plan.sheets[0]!.cells) (values[c.row - 1] ??= [])[c.col - 1] = c.value ?? c.formula;
    const grid = values.map((r) => Array.from({ length: 13 }, (_, k) => r?.[k] ?? ""));
    const existing = readTrackingValues(TRACKING_SHEET, grid)!;
    // The new reading: "Kết nạp đảng viên" gone, I.2.b and I.2.c now lettered a and b.
    const carry = carryOver(WITHOUT_I2A, existing);
    expect(figuresOf(carry.content, "nam")).toEqual({ "I.2.a": 0.86, "I.2.b": 0.82 });
    expect(carry.moved).toEqual([
      { from: "I.2.b", to: "I.2.a" },
      { from: "I.2.c", to: "I.2.b" },
    ]);
    expect(carry.leftBehind.map(describeLeftBehind)).toEqual([
      `Mã I.2.a “Kết nạp đảng viên” (dòng ${plan.rows.find((r) => r.id === "I.2.a")!.row}): số liệu cả năm 4 — Mã I.2.a nay là chỉ tiêu khác (“Chi bộ hoàn thành tốt nhiệm vụ trở lên”).`,
    ]);
  });

  test("a figure Excel made into a date, TRUE or an error is not carried as a number, and is reported", () => {
    const text = (id: string) => allIndicators(BUILTIN_RESOLUTION).find((i) => i.id === id)!.text;
    const values = [
      ["Mã", "Chỉ tiêu", "Thực hiện", "Ghi chú"],
      ["II.3.a", text("II.3.a"), 46086, "ước"],
      ["V.2", text("V.2"), true, ""],
      ["II.1", text("II.1"), "#N/A", ""],
      ["III.2", text("III.2"), 0.97, ""],
    ];
    const formats = values.map((r, k) => r.map((_, c) => (k === 1 && c === 2 ? "d-mmm" : "General")));
    const carry = carryOver(BUILTIN_RESOLUTION, readTrackingValues(TRACKING_SHEET, values, 6, formats));
    expect(figuresOf(carry.content, "nam")).toEqual({ "III.2": 0.97 });
    expect(notesOf(carry.content)).toEqual({ "II.3.a": "ước" });
    expect(carry.leftBehind.map((l) => [l.id, l.reason.split(" ").slice(0, 4).join(" ")])).toEqual([
      ["II.3.a", "ô đang là ngày"],
      ["V.2", "ô đang là giá"],
      ["II.1", "ô đang báo lỗi"],
    ]);
  });

  test("a user's sheets named like ours, in any case, are kept under a free name", async () => {
    const book = new FakeBook(["theo dõi", "Theo dõi (cũ)", "TỔNG HỢP"]);
    book.put("theo dõi", 1, 1, "ghi chép riêng");
    const { kept } = await insert(book, buildWorkbookPlan(BUILTIN_RESOLUTION));
    expect(kept).toEqual(["Theo dõi (cũ 2)", "Tổng hợp (cũ)"]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Theo dõi (cũ 2)",
      "Theo dõi (cũ)",
      "Tổng hợp (cũ)",
      "Theo dõi",
      "Tổng hợp",
      "Báo cáo",
      ...DEFAULT_PERIODS.map(bieuSheetName),
    ]);
    expect(book.get("Theo dõi (cũ 2)", 1, 1)?.value).toBe("ghi chép riêng");
  });

  test("a sheet without the Mã header is not mistaken for a tracking sheet", () => {
    expect(
      readTrackingValues("x", [
        ["Tên", "Số"],
        ["a", 1],
      ]),
    ).toBeNull();
  });
});

describe("the resolution a tracking sheet stands for", () => {
  async function sheetOf(res: Resolution, edit?: (book: FakeBook) => void) {
    const book = new FakeBook();
    await insert(book, buildWorkbookPlan(res));
    book.calculate = sheetCalculator(book, res);
    edit?.(book);
    return (await readWorkbook(new FakeContext(book).asContext)).tracking!;
  }
  const essentials = (r: Resolution) =>
    r.sections.map((s) => [
      s.id,
      s.title,
      s.indicators.map((i) => [i.id, i.text, i.unit, i.target, i.targetText ?? formatTarget(i.target, i.unit)]),
    ]);

  test.each([
    ["built-in", BUILTIN_RESOLUTION],
    ["every target kind", syntheticResolution(60, 11)],
  ])("%s: read back from the sheet as it was written", async (_n, res) => {
    const { resolution, problems, own } = readBack(await sheetOf(res), BUILTIN_RESOLUTION);
    expect(problems).toEqual([]);
    expect(own).toBe(true);
    expect(essentials(resolution!)).toEqual(essentials(res));
    expect([resolution!.organization, resolution!.year]).toEqual([res.organization, res.year]);
  });

  test("a target edited in the sheet is the one read; rows sorted across sections stay in their section", async () => {
    const rows = new Map(buildWorkbookPlan(BUILTIN_RESOLUTION).rows.map((r) => [r.id, r.row]));
    const sheet = await sheetOf(BUILTIN_RESOLUTION, (book) => {
      book.put(TRACKING_SHEET, rows.get("III.1")!, colIndex("value"), 0.005);
      book.swapRows(TRACKING_SHEET, rows.get("I.1.a")!, rows.get("VI.4")!);
    });
    const { resolution } = readBack(sheet, BUILTIN_RESOLUTION);
    const ind = (id: string) => resolution!.sections.flatMap((s) => s.indicators).find((i) => i.id === id);
    expect(ind("III.1")!.target).toEqual({ op: "lte", value: 0.5 });
    expect(resolution!.sections.find((s) => s.id === "VI")!.indicators.map((i) => i.id)).toContain("VI.4");
    expect(resolution!.sections.find((s) => s.id === "I")!.indicators.map((i) => i.id)).toContain("I.1.a");
  });

  test("unreadable target cells are reported with their cell, the rest still read", async () => {
    const rows = new Map(buildWorkbookPlan(BUILTIN_RESOLUTION).rows.map((r) => [r.id, r.row]));
    const sheet = await sheetOf(BUILTIN_RESOLUTION, (book) => {
      book.put(TRACKING_SHEET, rows.get("II.1")!, colIndex("op"), "lớn hơn");
      book.put(TRACKING_SHEET, rows.get("I.4.a")!, colIndex("value"), "Tốt");
    });
    const { resolution, problems } = readBack(sheet, BUILTIN_RESOLUTION);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`I\\.4\\.a: “Mức chỉ tiêu” \\(ô ${col("value")}${rows.get("I.4.a")}\\)`)),
      expect.stringMatching(new RegExp(`II\\.1: “Kiểu chỉ tiêu” \\(ô ${col("op")}${rows.get("II.1")}\\)`)),
    ]);
    expect(resolution!.sections.flatMap((s) => s.indicators)).toHaveLength(43);
  });
});

describe("the issue's scenarios through the fake Excel's re-insert (test/fixtures/carry/01-issue.json)", () => {
  const scenarios = loadScenarios().filter(
    (s) => (s.name.includes("not carried") || s.name.includes("gets nothing")) && !s.name.includes("offered"),
  );

  test.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_n, sc) => {
    const old = edited(fixture(sc.base ?? "builtin"), sc.before ?? []);
    const next = edited(old, sc.edits);
    const book = new FakeBook(["Sheet1"]);
    await insert(book, buildWorkbookPlan(old, { content: typedContent(sc) }));
    book.calculate = sheetCalculator(book, old);
    const state = await readWorkbook(new FakeContext(book).asContext);
    const { carry, content } = contentOverOld(next, state.tracking);
    await insert(book, buildWorkbookPlan(next, { content }), state);
    book.calculate = sheetCalculator(book, next);
    const after = readBack((await readWorkbook(new FakeContext(book).asContext)).tracking!, next).content.rows;
    for (const [id, t] of Object.entries(sc.typed)) {
      const want = sc.expect[id];
      const values = [t.nam, t["6t"], t.note, t.override?.[1]].filter((v) => v !== undefined);
      // Where each typed value is now: only at its expected Mã, or nowhere.
      const holders = Object.entries(after)
        .filter(([, r]) =>
          values.some((v) => Object.values(r.figures).includes(v) || r.note === v || r.override?.reason === v),
        )
        .map(([newId]) => newId);
      expect([id, holders]).toEqual([id, want ? [want] : []]);
      if (!want) expect(carry.leftBehind.map(describeLeftBehind).join("\n")).toContain(`Mã ${id} `);
    }
  });
});

test("a figure that is a formula in Excel (=0*1 in Tỷ lệ hộ nghèo) is carried as its value 0 and named", async () => {
  const book = new FakeBook(["Sheet1"]);
  const plan = buildWorkbookPlan(BUILTIN_RESOLUTION);
  await insert(book, plan);
  const row = plan.rows.find((r) => r.id === "III.1")!.row;
  // Staff type the formula in Excel.
  const typing = new FakeContext(book);
  typing.asContext.workbook.worksheets.getItem(TRACKING_SHEET).getRange(`${col("actual")}${row}`).formulas = [["=0*1"]];
  await typing.asContext.sync();
  const calc = sheetCalculator(book, BUILTIN_RESOLUTION);
  book.calculate = (s, r, c, f) => (f === "0*1" ? 0 : calc(s, r, c));
  const state = await readWorkbook(new FakeContext(book).asContext);
  const carry = carryOver(BUILTIN_RESOLUTION, state.tracking);
  expect(carry.content.rows["III.1"]?.figures.nam).toBe(0);
  expect(carry.notices.map(describeLeftBehind)).toEqual([
    `Mã III.1 “Tỷ lệ hộ nghèo” (dòng ${row}): số liệu cả năm 0% — số liệu là công thức, đã chuyển giá trị 0%.`,
  ]);
});
