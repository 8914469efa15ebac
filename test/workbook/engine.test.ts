import "../fakes/custom-functions";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { checkCell, checkFigure, judge } from "../../src/core/judge";
import { STATUSES, STATUS_COLORS, allIndicators, type Actuals, type Resolution } from "../../src/core/model";
import { danhgia_ } from "../../src/functions/functions";
import { TARGET_OPS } from "../../src/core/rules";
import { formatTarget } from "../../src/core/target";
import type { Period } from "../../src/core/periods";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { bieuSheetName } from "../../src/workbook/bieu-sheet";
import { DEFAULT_PERIODS } from "../../src/core/words";
import { figureCell } from "../../src/workbook/tracking-row";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, recalcToCsv, recalcToXlsx, renderPng, tempDir } from "../helpers/tools";
import JSZip from "jszip";
import { syntheticFigures, syntheticResolution, writtenFile } from "../../support/synthetic";

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
/** A sheet with only the year keeps the plain headers "Thực hiện" and "Đánh giá" (interfaces.md). */
const YEAR = { periods: ["nam"] as Period[] };

interface Case {
  name: string;
  resolution: Resolution;
  actuals: Actuals;
  tolerance: number;
}

async function write(dir: string, c: Case): Promise<string> {
  const file = path.join(dir, `${c.name}.xlsx`);
  writeFileSync(
    file,
    await writeXlsx(
      buildWorkbookPlan(c.resolution, {
        content: writtenFile(c.resolution, { actuals: c.actuals, tolerance: c.tolerance }),
        ...YEAR,
      }),
    ),
  );
  return file;
}

/** Rows of the tracking sheet by Mã, columns by header text (never by position). */
function table(rows: string[][]) {
  const head = rows.findIndex((r) => r.includes("Mã") && r.some((v) => v.startsWith("Đánh giá")));
  const header = rows[head]!;
  const at = (name: string) => header.indexOf(name);
  const byId = new Map<string, (name: string) => string>();
  for (const r of rows.slice(head + 1)) byId.set(r[at("Mã")]!, (name) => r[at(name)] ?? "");
  return byId;
}

const percent = (s: string): number | null =>
  s === "" ? null : s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);

describeWithTools("workbooks recalculated by LibreOffice agree with the core", ["soffice"], () => {
  const tolerances = [0, 0.05, 0.1, 0.2];
  const cases: Case[] = [
    { name: "builtin", resolution: BUILTIN_RESOLUTION, actuals: {}, tolerance: 0.05 },
    { name: "synthetic", resolution: syntheticResolution(400, SEED), actuals: {}, tolerance: tolerances[SEED % 4]! },
    { name: "synthetic-b", resolution: syntheticResolution(150, SEED + 1), actuals: {}, tolerance: 0.05 },
  ];
  for (const [k, c] of cases.entries()) c.actuals = syntheticFigures(c.resolution, SEED + k, c.tolerance);
  const empty: Case = { name: "empty", resolution: BUILTIN_RESOLUTION, actuals: {}, tolerance: 0.05 };
  let sheets: Map<string, Map<string, string[][]>>;
  const files = new Map<string, string>();

  beforeAll(async () => {
    const dir = tempDir("chitieu-engine-");
    for (const c of [...cases, empty]) files.set(c.name, await write(dir, c));
    sheets = recalcToCsv([...files.values()]);
  });

  test.each(cases.map((c) => [c.name, c] as const))(
    `%s: every Đánh giá, Tỷ lệ hoàn thành and Kiểm tra equals the core (seed ${SEED})`,
    (_n, c) => {
      const rows = table(sheets.get(files.get(c.name)!)!.get("Theo dõi")!);
      const mismatches: string[] = [];
      const seen = new Set<string>();
      for (const ind of allIndicators(c.resolution)) {
        const cell = rows.get(ind.id);
        if (!cell) {
          mismatches.push(`${ind.id}: row not found`);
          continue;
        }
        const a = c.actuals[ind.id];
        const want = judge(ind, a, c.tolerance);
        seen.add(want.status);
        const got = cell("Đánh giá");
        const ratio = percent(cell("Tỷ lệ hoàn thành"));
        const invalid = !checkFigure(ind, a).ok;
        const ratioOk =
          want.ratio === null
            ? ratio === null
            : ratio !== null && Math.abs(ratio - want.ratio) <= 1e-9 * Math.abs(want.ratio);
        if (got !== want.status || !ratioOk || (cell("Kiểm tra số liệu") !== "") !== invalid)
          mismatches.push(
            `${ind.id} ${JSON.stringify(ind.target)} ${ind.unit} a=${JSON.stringify(a)}: core ${want.status}/${want.ratio}/${invalid ? "sai" : "ok"}, sheet ${got}/${ratio}/${cell("Kiểm tra số liệu")}`,
          );
      }
      expect(mismatches).toEqual([]);
      if (c.name.startsWith("synthetic")) {
        expect([...seen].sort()).toEqual([...STATUSES].sort());
        // Every kind of the rule table is recalculated, so a new kind cannot skip this test.
        const kinds = new Set(allIndicators(c.resolution).map((i) => i.target.op));
        expect([...kinds].sort()).toEqual([...TARGET_OPS].sort());
      }
    },
  );

  test.each(cases.map((c) => [c.name, c] as const))(
    "%s: CHITIEU.DANHGIA on each figure and target phrase equals the status LibreOffice computed",
    (_n, c) => {
      const rows = table(sheets.get(files.get(c.name)!)!.get("Theo dõi")!);
      const mismatches: string[] = [];
      for (const ind of allIndicators(c.resolution)) {
        const phrase = formatTarget(ind.target, ind.unit);
        const cell = figureCell(ind, c.actuals[ind.id]);
        let got: unknown;
        try {
          got = danhgia_([[cell ?? ""]], [[phrase]], c.tolerance)[0]![0];
        } catch {
          got = "#VALUE!";
        }
        const sheet = rows.get(ind.id)!;
        // A wrong figure is #VALUE! in a formula; the sheet shows what it can prove and flags the cell.
        const ok =
          got === "#VALUE!"
            ? sheet("Đánh giá") === "Chưa có số liệu" && sheet("Kiểm tra số liệu") !== ""
            : got === sheet("Đánh giá");
        if (!ok)
          mismatches.push(
            `${ind.id} "${phrase}" cell=${JSON.stringify(cell)}: DANHGIA ${String(got)}, sheet ${sheet("Đánh giá")}`,
          );
      }
      expect(mismatches).toEqual([]);
    },
  );

  test("no error value anywhere, in any sheet", () => {
    for (const [file, byName] of sheets)
      for (const [name, rows] of byName)
        rows.forEach((r, i) =>
          r.forEach((v, j) => {
            if (/^(#[A-Z/0]+[!?]?|Err:\d+)$/u.test(v))
              throw new Error(`${path.basename(file)} ${name} row ${i + 1} col ${j + 1}: ${v}`);
          }),
        );
  });

  test.each(cases.map((c) => [c.name, c] as const))(
    "%s: the summary sheet counts match the core per section and in total",
    (_n, c) => {
      const rows = sheets.get(files.get(c.name)!)!.get("Tổng hợp")!;
      const header = rows.find((r) => r.includes("Phần"))!;
      const total = { n: 0, counts: new Map<string, number>() };
      for (const s of c.resolution.sections) {
        const row = rows.find((r) => r[0] === s.id)!;
        const counts = new Map<string, number>();
        for (const ind of s.indicators) {
          const st = judge(ind, c.actuals[ind.id], c.tolerance).status;
          counts.set(st, (counts.get(st) ?? 0) + 1);
          total.counts.set(st, (total.counts.get(st) ?? 0) + 1);
        }
        total.n += s.indicators.length;
        for (const st of STATUSES)
          expect([s.id, st, Number(row[header.indexOf(st)])]).toEqual([s.id, st, counts.get(st) ?? 0]);
        expect(Number(row[header.indexOf("Tổng số")])).toBe(s.indicators.length);
      }
      const totalRow = rows.find((r) => r[1] === "Tổng cộng")!;
      for (const st of STATUSES) expect(Number(totalRow[header.indexOf(st)])).toBe(total.counts.get(st) ?? 0);
      expect(Number(totalRow[header.indexOf("Tổng số")])).toBe(total.n);
    },
  );
});

describeWithTools("chitieu workbook variants open in LibreOffice with no error value", ["soffice"], () => {
  test("--resolution (text and JSON) with --actuals and --tolerance", async () => {
    const { main } = await import("../../src/cli/main");
    const dir = tempDir("chitieu-cli-lo-");
    const fixture = path.join(__dirname, "../fixtures/resolutions/xa-hoa-binh-2023.txt");
    const actuals = path.join(dir, "so-lieu.json");
    writeFileSync(
      actuals,
      JSON.stringify({
        "I.1": 11,
        "I.2": 52,
        "II.1": 2.5,
        "II.4": 4,
        "IV.2": "Hoàn thành tốt nhiệm vụ",
        "III.2": "Đạt",
      }),
    );
    const json = path.join(dir, "nq.json");
    const quiet = {
      stdout: (t: string) => writeFileSync(json, t),
      stderr: () => undefined,
      stdin: async () => Buffer.from(""),
    };
    expect(await main(["parse", fixture], quiet)).toBe(0);
    const files: string[] = [];
    for (const [k, res] of [fixture, json].entries()) {
      const out = path.join(dir, `so-${k}.xlsx`);
      const args = ["workbook", "--resolution", res, "--actuals", actuals, "--tolerance", "0.1", "--out", out];
      expect(await main(args, { ...quiet, stdout: () => undefined })).toBe(0);
      files.push(out);
    }
    const recalculated = recalcToCsv(files);
    for (const f of files) {
      const rows = recalculated.get(f)!.get("Theo dõi")!;
      expect(rows.flat().filter((v) => /^(#[A-Z/0]+[!?]?|Err:\d+)$/u.test(v))).toEqual([]);
      const t = table(rows);
      // The command line's default sheet has 6 months and the year; these figures are the year's.
      expect(
        ["I.1", "I.2", "II.1", "II.4", "IV.2", "III.2", "III.1"].map((id) => t.get(id)!("Đánh giá cả năm")),
      ).toEqual(["Đạt", "Cơ bản đạt", "Không đạt", "Đạt", "Không đạt", "Đạt", "Chưa có số liệu"]);
    }
  });
});

describeWithTools("text Excel cannot hold still gives a file LibreOffice opens", ["soffice"], () => {
  test("a resolution with U+FFFF and a 40,000-character clause: warnings by line, and every sheet opens", async () => {
    const { main } = await import("../../src/cli/main");
    const dir = tempDir("chitieu-xml-");
    const text = path.join(dir, "nq.txt");
    const long = `${"nâng cao chất lượng hoạt động ".repeat(1400)}đạt 95%.`;
    writeFileSync(text, `NGHỊ QUYẾT\nI. KINH TẾ\n1. Thu ngân sách\uffff đạt 10 tỷ đồng.\n2. ${long}\n`);
    const out = path.join(dir, "so.xlsx");
    let err = "";
    const io = { stdout: () => undefined, stderr: (t: string) => (err += t), stdin: async () => Buffer.from("") };
    expect(await main(["workbook", "--resolution", text, "--out", out], io)).toBe(0);
    expect(err).toMatch(/Cảnh báo: dòng 3: .*U\+FFFF/u);
    expect(err).toMatch(/Cảnh báo: dòng 4: .*đã cắt bớt/u);
    const sheets = recalcToCsv([out]).get(out)!;
    expect([...sheets.keys()].sort()).toEqual(
      ["Báo cáo", "Theo dõi", "Tổng hợp", ...DEFAULT_PERIODS.map(bieuSheetName)].sort(),
    );
    const rows = table(sheets.get("Theo dõi")!);
    expect(rows.get("I.1")!("Chỉ tiêu")).toBe("Thu ngân sách");
    expect(rows.get("I.2")!("Chỉ tiêu").length).toBe(32_767);
  }, 120_000);
});

describeWithTools(
  "junk in figure cells gets no status, and a reason, in LibreOffice and in the core",
  ["soffice"],
  () => {
    test("a date, TRUE in a count cell, an error value, numbers stored as text", async () => {
      const dir = tempDir("chitieu-junk-");
      const clean = path.join(dir, "clean.xlsx");
      writeFileSync(clean, await writeXlsx(buildWorkbookPlan(BUILTIN_RESOLUTION, YEAR)));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(clean);
      const ws = wb.getWorksheet("Theo dõi")!;
      const rowOf = new Map(buildWorkbookPlan(BUILTIN_RESOLUTION, YEAR).rows.map((r) => [r.id, r.row]));
      const F = 6;
      // What staff end up with: "3/5" typed into a money cell becomes 5 March (a date format and its serial).
      // The sheet finds dates with CELL("format"), which Excel desktop answers "D…" for every date format;
      // LibreOffice answers so only for a few (m/d/yy here) and the web not at all: the pane's check,
      // which reads the cell's number format, finds them everywhere (the last assertion below).
      const junk: [string, ExcelJS.CellValue, string | undefined][] = [
        ["II.3.a", 46086, "m/d/yy"],
        ["V.2", true, undefined],
        ["II.1", { formula: "NA()" } as ExcelJS.CellValue, undefined],
        ["I.5", "80%", undefined],
        ["II.3.b", "1.000.000", undefined],
      ];
      for (const [id, value, fmt] of junk) {
        const cell = ws.getCell(rowOf.get(id)!, F);
        cell.value = value;
        if (fmt) cell.numFmt = fmt;
      }
      const file = path.join(dir, "junk.xlsx");
      await wb.xlsx.writeFile(file);
      const t = table(recalcToCsv([file]).get(file)!.get("Theo dõi")!);
      const byId = new Map(allIndicators(BUILTIN_RESOLUTION).map((i) => [i.id, i]));
      for (const [id, value, fmt] of junk) {
        expect([id, t.get(id)!("Đánh giá")]).toEqual([id, "Chưa có số liệu"]);
        expect([id, t.get(id)!("Kiểm tra số liệu")]).toEqual([id, expect.stringMatching(/\S/u)]);
        // The pane reads these cells through Office.js: an error arrives as its text, a date as its serial.
        const asRead = typeof value === "object" && value !== null ? "#N/A" : value;
        expect([id, checkCell(byId.get(id)!, asRead, fmt).ok]).toEqual([id, false]);
      }
      expect(t.get("II.3.a")!("Kiểm tra số liệu")).toMatch(/ngày tháng/u);
      for (const fmt of ["d-mmm", "dd/mm/yyyy", "d/m/yyyy", "h:mm", "[$-42A]d-mmm"])
        expect([fmt, checkCell(byId.get("II.3.a")!, 46086, fmt).ok]).toEqual([fmt, false]);
      expect(checkCell(byId.get("II.3.a")!, 46086, "#,##0").ok).toBe(true);
      expect(t.get("V.2")!("Kiểm tra số liệu")).toMatch(/đúng\/sai/u);
      // LibreOffice keeps TRUE/FALSE only in cells formatted General (count and rank cells are); in a
      // percentage cell it becomes 1/0. Excel, and the pane's check, see FALSE there for what it is.
      expect(checkCell(byId.get("III.1")!, false, "0.0#%").ok).toBe(false);
      expect(t.get("II.1")!("Kiểm tra số liệu")).toMatch(/báo lỗi/u);
      // Nothing else in the sheet shows an error value.
      expect(
        [...t.values()].flatMap((get) => ["Đánh giá", "Tỷ lệ hoàn thành", "Kiểm tra số liệu"].map(get)),
      ).not.toContain("#N/A");
    }, 120_000);
  },
);

describeWithTools("a tolerance cell pasted over with junk never decides a status", ["soffice"], () => {
  test('1.5, -0.2, "abc" or a deleted name: the statuses of 5%, and the sheet says so beside the cell', async () => {
    const dir = tempDir("chitieu-tol-");
    const res = syntheticResolution(120, SEED + 7);
    const actuals = syntheticFigures(res, SEED + 7, 0.05);
    const base = path.join(dir, "base.xlsx");
    writeFileSync(
      base,
      await writeXlsx(buildWorkbookPlan(res, { content: writtenFile(res, { actuals, tolerance: 0.05 }), ...YEAR })),
    );
    const variants: [string, (wb: ExcelJS.Workbook) => void][] = [
      ["big", (wb) => (wb.getWorksheet("Theo dõi")!.getCell("E3").value = 1.5)],
      ["negative", (wb) => (wb.getWorksheet("Theo dõi")!.getCell("E3").value = -0.2)],
      ["text", (wb) => (wb.getWorksheet("Theo dõi")!.getCell("E3").value = "abc")],
      ["no-name", (wb) => wb.definedNames.remove("'Theo dõi'!$E$3", "DungSai")],
    ];
    const files = [base];
    for (const [name, edit] of variants) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(base);
      edit(wb);
      const f = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(f);
      files.push(f);
    }
    const out = recalcToCsv(files);
    const statuses = (f: string) => {
      const t = table(out.get(f)!.get("Theo dõi")!);
      return allIndicators(res).map((i) => t.get(i.id)!("Đánh giá"));
    };
    const expected = statuses(base);
    expect(expected).toContain("Cơ bản đạt");
    expect(out.get(base)!.get("Theo dõi")![2]![5]).toBe("");
    for (const f of files.slice(1)) {
      expect([path.basename(f), statuses(f)]).toEqual([path.basename(f), expected]);
      expect([path.basename(f), out.get(f)!.get("Theo dõi")![2]![5]]).toEqual([
        path.basename(f),
        expect.stringMatching(/^Dung sai .*đang dùng 5%\.$/u),
      ]);
    }
  }, 120_000);
});

describeWithTools(
  "parts A and B restarting their numerals: the summary counts each indicator once",
  ["soffice"],
  () => {
    test("Tổng số per section and in total, as LibreOffice recalculates them", async () => {
      const { parseResolution } = await import("../../src/core/parser");
      const res = parseResolution(
        readFileSync(path.join(__dirname, "../fixtures/resolutions/bo-cuc-phan-a-b.txt"), "utf8"),
      );
      const file = path.join(tempDir("chitieu-parts-"), "parts.xlsx");
      writeFileSync(file, await writeXlsx(buildWorkbookPlan(res)));
      const rows = recalcToCsv([file]).get(file)!.get("Tổng hợp")!;
      const head = rows.findIndex((r) => r.includes("Tổng số"));
      const at = rows[head]!.indexOf("Tổng số");
      const counts = Object.fromEntries(rows.slice(head + 1).map((r) => [r[0] || r[1], r[at]]));
      for (const s of res.sections) expect([s.id, counts[s.id]]).toEqual([s.id, String(s.indicators.length)]);
      expect(counts["Tổng cộng"]).toBe(String(allIndicators(res).length));
    }, 120_000);
  },
);

describeWithTools("figures show as typed, and Tỷ lệ đạt stays blank until a figure exists", ["soffice"], () => {
  test("0,55% is not shown as 0,5% or 0,6%; 30.387,5 is not shown as 30.388; integers keep no decimals", async () => {
    const dir = tempDir("chitieu-shown-");
    const filled = path.join(dir, "filled.xlsx");
    const empty = path.join(dir, "empty.xlsx");
    const actuals: Actuals = { "III.1": 0.55, "II.3.a": 30387.5, "II.3.b": 5000, "III.2": 99.5, "I.5": 88, "V.2": 3 };
    writeFileSync(
      filled,
      await writeXlsx(
        buildWorkbookPlan(BUILTIN_RESOLUTION, { content: writtenFile(BUILTIN_RESOLUTION, { actuals }), ...YEAR }),
      ),
    );
    writeFileSync(empty, await writeXlsx(buildWorkbookPlan(BUILTIN_RESOLUTION, YEAR)));
    const shown = recalcToCsv([filled, empty], true);
    const t = table(shown.get(filled)!.get("Theo dõi")!);
    const figure = (id: string) => t.get(id)!("Thực hiện");
    expect(figure("III.1")).toMatch(/^0[.,]55%$/);
    expect(figure("II.3.a")).toMatch(/^30[.,]387[.,]5$/);
    expect(figure("II.3.b")).toMatch(/^5[.,]000$/);
    expect(figure("III.2")).toMatch(/^99[.,]5%$/);
    expect(figure("I.5")).toMatch(/^88[.,]0%$/);
    expect(figure("V.2")).toBe("3");
    // The target columns show the target as written too: "không quá 0,6%" is 0,6%, not 1%.
    expect(t.get("III.1")!("Mức chỉ tiêu")).toMatch(/^0[.,]6%$/);

    const rate = (file: string) => {
      const rows = shown.get(file)!.get("Tổng hợp")!;
      const head = rows.findIndex((r) => r.includes("Tỷ lệ đạt"));
      const at = rows[head]!.indexOf("Tỷ lệ đạt");
      return Object.fromEntries(rows.slice(head + 1).map((r) => [r[0] || r[1], r[at]]));
    };
    expect(Object.values(rate(empty)).every((v) => v === "")).toBe(true);
    const filledRate = rate(filled);
    expect(filledRate["I"]).toMatch(/^\d+%$/);
    expect(filledRate["IV"]).toBe("");
    expect(filledRate["Tổng cộng"]).toMatch(/^\d+%$/);
  }, 120_000);
});

describeWithTools("the tracking sheet renders with the five status colours", ["soffice", "pdftoppm"], () => {
  const count = (files: string[]) => {
    const hits = new Map<string, number>(STATUSES.map((s) => [s, 0]));
    for (const f of files) {
      const png = PNG.sync.read(readFileSync(f));
      for (let i = 0; i < png.data.length; i += 4) {
        const hex = `#${[0, 1, 2].map((k) => png.data[i + k]!.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
        for (const s of STATUSES) if (STATUS_COLORS[s].fill === hex) hits.set(s, hits.get(s)! + 1);
      }
    }
    return hits;
  };

  test("figures turn the status cells into each status colour (conditional formats, not the legend)", async () => {
    const dir = tempDir("chitieu-render-");
    const ind = allIndicators(BUILTIN_RESOLUTION);
    // Nine rows of each of the four judged statuses; the rest stay blank (grey).
    const figures: Actuals = {
      "V.2": 4,
      "III.1": 0.5,
      "II.3.c": 4000,
      "II.3.a": 30000,
      "I.2.a": 6,
      "I.3.a": 4,
      "I.3.b": 6,
      "I.3.c": 11,
      "II.4": 20,
    };
    Object.assign(figures, {
      "I.1.a": 100,
      "I.1.b": 100,
      "II.5": 98,
      "II.6": 100,
      "III.4.a": 100,
      "VI.2.b": 100,
      "III.5": "Đạt",
      "IV.1": "Đạt",
      "VI.1": "Đạt",
    });
    Object.assign(figures, {
      "I.1.c": 72,
      "I.2.b": 86,
      "I.2.c": 77,
      "III.2": 95,
      "III.6.a": 93,
      "III.7": 86,
      "IV.3.a": 94,
      "IV.3.b": 86,
      "V.1": 48,
    });
    Object.assign(figures, {
      "II.1": 10,
      "II.2.a": 10,
      "II.2.b": 90,
      "II.2.c": 50,
      "III.3.b": 90,
      "III.4.b": 90,
      "III.8": "Không đạt",
      "IV.2": "Không đạt",
      "VI.3": "Không đạt",
    });
    const want = new Map<string, number>();
    for (const i of ind) {
      const s = judge(i, figures[i.id], 0.05).status;
      want.set(s, (want.get(s) ?? 0) + 1);
    }
    expect(["Vượt", "Đạt", "Cơ bản đạt", "Không đạt"].map((s) => want.get(s))).toEqual([9, 9, 9, 9]);
    const file = (name: string, actuals: Actuals) =>
      write(dir, { name, resolution: BUILTIN_RESOLUTION, actuals, tolerance: 0.05 });
    const blank = count(renderPng(await file("blank", {})));
    const filled = count(renderPng(await file("filled", figures)));
    for (const s of ["Vượt", "Đạt", "Cơ bản đạt", "Không đạt"]) {
      // Blank, only the legend shows each colour; nine coloured status cells add well over twice as much.
      expect([s, blank.get(s)! > 0 && filled.get(s)! > 2.5 * blank.get(s)!]).toEqual([s, true]);
    }
    expect(filled.get("Chưa có số liệu")!).toBeLessThan(blank.get("Chưa có số liệu")!);
  });
});

/** Each formula cell's cached result as exceljs reads it, by sheet and address ("" where none or empty). */
async function cachedResults(file: string): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Map<string, unknown>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, unknown>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
          cells.set(cell.address, v.result ?? "");
      }),
    );
    out.set(ws.name, cells);
  });
  return out;
}

/** Formula cells written without a cached value (<f> and no <v>), in the file's own XML. */
async function uncached(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))) {
    const xml = await zip.file(name)!.async("string");
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(.*?)<\/c>/gsu))
      if (m[2]!.includes("<f") && !/<v>|<v\/>/u.test(m[2]!)) out.push(`${name} ${m[1]}`);
  }
  return out;
}

const sameResult = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a))
    : JSON.stringify(a) === JSON.stringify(b);

describeWithTools("every formula cell carries the value LibreOffice calculates", ["soffice"], () => {
  const shapes: Period[][] = [["nam"], ["6t", "nam"], ["6t", "9t", "nam"], ["3t", "6t", "9t", "nam"]];
  const res = syntheticResolution(90, SEED + 11);
  const files = new Map<string, string>();
  let recalculated: Map<string, string>;

  beforeAll(async () => {
    const dir = tempDir("chitieu-cached-");
    for (const periods of shapes)
      for (const figures of [false, true]) {
        const name = `${periods.join("-")}${figures ? "-so-lieu" : ""}`;
        const ids = allIndicators(res).map((i) => i.id);
        const content = writtenFile(res, {
          periods: Object.fromEntries(periods.map((p, k) => [p, syntheticFigures(res, SEED + 20 + k, 0.1)] as const)),
          estimates: periods.slice(0, 1),
          tolerance: 0.1,
          // Staff's assessments: a valid one with and without a reason, and one not of the five words.
          overrides: {
            [ids[0]!]: { status: "Đạt", reason: "Cấp ủy đánh giá" },
            [ids[1]!]: { status: "Không đạt", reason: "" },
            [ids[2]!]: { status: "Tốt", reason: "x" },
          },
          notes: { [ids[3]!]: "Ghi chú" },
          // Last year's figures ("Cùng kỳ"), drawn alike: equal, 0, words and blanks among them.
          previous: Object.fromEntries(periods.map((p, k) => [p, syntheticFigures(res, SEED + 40 + k, 0.1)] as const)),
        });
        const opts = figures ? { periods, content } : { periods };
        const file = path.join(dir, `${name}.xlsx`);
        writeFileSync(file, await writeXlsx(buildWorkbookPlan(res, opts)));
        files.set(name, file);
      }
    // The command line's file, with its default periods.
    const { main } = await import("../../src/cli/main");
    const cli = path.join(dir, "cli.xlsx");
    const quiet = { stdout: () => undefined, stderr: () => undefined, stdin: async () => Buffer.from("") };
    expect(await main(["workbook", "--out", cli], quiet)).toBe(0);
    files.set("cli", cli);
    recalculated = recalcToXlsx([...files.values()]);
  }, 240_000);

  test.each([...shapes.flatMap((p) => [p.join("-"), `${p.join("-")}-so-lieu`]), "cli"])(
    `%s: cell by cell on every sheet (seed ${SEED})`,
    async (name) => {
      const file = files.get(name)!;
      expect(await uncached(file)).toEqual([]);
      const ours = await cachedResults(file);
      const theirs = await cachedResults(recalculated.get(file)!);
      const mismatches: string[] = [];
      let compared = 0;
      for (const [sheet, cells] of ours) {
        for (const [address, value] of cells) {
          compared++;
          const lo = theirs.get(sheet)?.get(address);
          if (!sameResult(value, lo))
            mismatches.push(`${sheet}!${address}: cached ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(lo)}`);
        }
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      // The Biểu sheets are among those compared (one per period).
      expect([...ours.keys()].filter((n) => n.startsWith("Biểu ")).length).toBeGreaterThan(0);
      // Every sheet has formulas, and the figures gave them something to show.
      expect([...ours.values()].every((cells) => cells.size > 0)).toBe(true);
      expect(compared).toBeGreaterThan(500);
      const shown = [...ours.get("Theo dõi")!.values()];
      if (name.endsWith("so-lieu")) for (const s of ["Vượt", "Đạt", "Không đạt"]) expect(shown).toContain(s);
    },
    60_000,
  );
});
