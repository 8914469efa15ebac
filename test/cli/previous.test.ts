import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { cli } from "../helpers/cli";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators } from "../../src/core/model";
import type { Period } from "../../src/core/words";
import { readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { readBack } from "../../src/workbook/tracking-row";
import { describeWithTools, recalcToCsv, recalcToXlsx, tempDir } from "../helpers/tools";
import { periodKey } from "../../src/workbook/layout";

/**
 * Starting 2023's workbook from 2022's (semantics section 9): the built-in 2022 resolution of
 * phường Trần Phú with 6-month and year figures, carried with `--previous` onto a 2023 variant of
 * it (test/fixtures/previous, written for these tests from the seed: same indicators, renumbered,
 * one dropped, one added, 2023 targets made up).
 */

const ROOT = path.join(__dirname, "../..");
const NQ_2023 = path.join(ROOT, "test/fixtures/previous/nghi-quyet-2023-phuong-tran-phu.txt");

const dir = tempDir("chitieu-previous-");
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};

/** 2022's figures as written, by the 2022 Mã; III.4.b (malnutrition) has no 2023 indicator. */
const FIGURES_2022: Record<string, Partial<Record<Period, number>>> = {
  "I.1.c": { "6t": 78, nam: 81 },
  "I.2.a": { "6t": 2, nam: 4 },
  "II.3.a": { "6t": 14200, nam: 29000 },
  "II.3.c": { "6t": 2300, nam: 4800 },
  "II.4": { "6t": 9, nam: 17 },
  "II.5": { nam: 98 },
  "III.1": { nam: 0.55 },
  "III.2": { "6t": 98.9, nam: 99.1 },
  "III.3.a": { nam: 10.8 },
  "III.4.b": { nam: 5.5 },
  "V.2": { nam: 6 },
};
/** Where each 2022 indicator is in 2023's resolution (the same text, another Mã). */
const TO_2023: Record<string, string> = {
  "I.1.c": "I.1",
  "I.2.a": "I.2",
  "II.3.a": "II.1",
  "II.3.c": "II.2",
  "II.4": "II.3",
  "II.5": "II.4",
  "III.1": "III.1",
  "III.2": "III.2",
  "III.3.a": "III.3",
  "V.2": "IV.1",
};
/** 2023's own figures: none equal to a 2022 figure of its indicator, so a carried one would show. */
const FIGURES_2023: Record<string, Partial<Record<Period, number>>> = {
  "I.1": { "6t": 80, nam: 82.5 },
  "II.1": { "6t": 15100, nam: 30400 },
  "II.2": { "6t": 2250, nam: 4700 },
  "II.3": { "6t": 12 },
  "III.1": { nam: 0.25 },
  "III.2": { nam: 99.4 },
  "III.3": { nam: 10.2 },
  "IV.1": { nam: 4 },
};

/** A figure as written in its cell form (percentages as Excel percentages), as the sheet holds it. */
const cellOf = (unit: string, v: number) => (unit === "%" ? v / 100 : v);

let old2022: string;
let new2023: string;
let carried: { code: number; err: string };

beforeAll(async () => {
  old2022 = path.join(dir, "so-2022.xlsx");
  const a2022 = {
    ...FIGURES_2022,
    $notes: { "II.3.a": "Ghi chú của năm 2022" },
    $overrides: { "II.4": { status: "Đạt", reason: "Cấp ủy đánh giá năm 2022" } },
  };
  expect(
    (await cli(["workbook", "--actuals", file("2022.json", a2022), "--tolerance", "10%", "--out", old2022])).code,
  ).toBe(0);
  new2023 = path.join(dir, "so-2023.xlsx");
  carried = await cli([
    "workbook",
    "--resolution",
    NQ_2023,
    "--actuals",
    file("2023.json", FIGURES_2023),
    "--previous",
    old2022,
    "--out",
    new2023,
  ]);
}, 120_000);

describe("chitieu workbook --previous", () => {
  test("every 2022 figure sits in its indicator's Cùng kỳ of the same period; no 2023 Thực hiện holds one", async () => {
    expect(carried.code).toBe(0);
    const sheet = (await readTrackingXlsx(readFileSync(new2023)))!;
    const back = readBack(sheet, BUILTIN_RESOLUTION);
    expect(back.own).toBe(true);
    expect(back.content.year).toBe(2023);
    expect(sheet.periods).toEqual(["6t", "nam"]);
    const units = new Map(allIndicators(BUILTIN_RESOLUTION).map((i) => [i.id, i.unit]));
    for (const [oldId, byPeriod] of Object.entries(FIGURES_2022)) {
      const to = TO_2023[oldId];
      if (!to) continue;
      const row = back.content.rows[to]!;
      for (const p of ["6t", "nam"] as const) {
        const v = byPeriod[p];
        if (v === undefined) expect(row.previous?.[p]).toBeUndefined();
        else expect(row.previous?.[p]).toBeCloseTo(cellOf(units.get(oldId)!, v), 12);
        // This year's cell holds this year's figure or nothing.
        const own = FIGURES_2023[to]?.[p];
        if (own === undefined) expect(row.figures[p] ?? "").toBe("");
        else expect(row.figures[p]).toBeCloseTo(cellOf(units.get(oldId)!, own), 12);
      }
    }
    // Notes and assessments stayed behind; the tolerance came along.
    expect(Object.values(back.content.rows).some((r) => r.note || r.override)).toBe(false);
    expect(back.content.tolerance).toBe(0.1);
    // The new indicator has no last year.
    expect(back.content.rows["III.4"]?.previous ?? {}).toEqual({});
  });

  test("prints what was matched and names what was not, with its old Mã, text and value as typed", () => {
    expect(carried.err).toMatch(
      /Sổ năm trước ".*so-2022\.xlsx".*chuyển 6 số liệu cùng kỳ 6 tháng, 10 số liệu cùng kỳ cả năm \(của 10 chỉ tiêu\)/u,
    );
    expect(carried.err).toContain("II.3.a → II.1");
    expect(carried.err).toMatch(
      /Mã III\.4\.b “Tỷ lệ suy dinh dưỡng trẻ em” \(dòng \d+\): số liệu cả năm 5,5% — Mã III\.4\.b không còn/u,
    );
    expect(carried.err).not.toMatch(/ghi chú|đánh giá lại/u);
  });

  test("chitieu evaluate prints each period's previous (as written) and change (a ÷ previous)", async () => {
    const actuals = {
      "II.3.a": { "6t": 15000, nam: 30387.5 },
      "III.1": 0.25,
      $previous: { "II.3.a": { "6t": 14200, nam: 29000 }, "III.1": 0.55, "V.2": 6 },
    };
    const r = await cli(["evaluate", "--actuals", file("danh-gia.json", actuals)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out["II.3.a"]["6t"]).toEqual(expect.objectContaining({ previous: 14200, change: 15000 / 14200 }));
    expect(out["II.3.a"].nam).toEqual(expect.objectContaining({ previous: 29000, change: 30387.5 / 29000 }));
    expect(out["III.1"].nam.previous).toBe(0.55);
    expect(out["III.1"].nam.change).toBeCloseTo(0.25 / 0.55, 12);
    // A rank has last year's figure but no comparison; an indicator without either has nulls.
    expect(out["V.2"].nam).toEqual(expect.objectContaining({ previous: 6, change: null }));
    expect(out["I.1.a"].nam).toEqual(expect.objectContaining({ previous: null, change: null }));
  });

  test("--from with a workbook of another year exits 2 naming both years and --previous", async () => {
    const r = await cli(["workbook", "--resolution", NQ_2023, "--from", old2022, "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/năm 2022.*năm 2023.*--previous/su);
    expect(r.err).not.toMatch(/\n\s+at /u);
  });

  test("--from with a year unknown on one side carries as the same year and says to use --previous otherwise", async () => {
    const noYear = file("nq-2022-khong-nam.json", { ...BUILTIN_RESOLUTION, year: null });
    const r = await cli(["workbook", "--resolution", noYear, "--from", old2022, "--out", path.join(dir, "v.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/không biết năm của nghị quyết mới; coi sổ cũ là sổ cùng năm \(--from\)\. .*--previous/u);
  });

  test("--previous refuses a workbook of the same or a later year, and one whose year is unknown", async () => {
    const same = await cli(["workbook", "--previous", old2022, "--out", path.join(dir, "y.xlsx")]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/năm 2022, cùng năm.*--from/su);
    const later = await cli(["workbook", "--previous", new2023, "--out", path.join(dir, "z.xlsx")]);
    expect(later.code).toBe(2);
    expect(later.err).toMatch(/năm 2023, sau năm của nghị quyết \(2022\)/u);
    const noYear = file("nq-khong-nam.json", { ...BUILTIN_RESOLUTION, year: null });
    const unknown = await cli([
      "workbook",
      "--resolution",
      noYear,
      "--previous",
      old2022,
      "--out",
      path.join(dir, "w.xlsx"),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Không biết năm của nghị quyết mới.*--previous.*--from/su);
  });
});

describeWithTools("the 2023 workbook recalculated by LibreOffice", ["soffice"], () => {
  let recalculated: string;
  let report: string[];
  beforeAll(() => {
    recalculated = recalcToXlsx([new2023]).get(new2023)!;
    const book = recalcToCsv([new2023]).get(new2023)!;
    report = book
      .get("Báo cáo")!
      .slice(3)
      .map((r) => r[0] ?? "")
      .filter((t) => t !== "");
  }, 240_000);

  test("So với cùng kỳ equals a ÷ previous, period by period, blank where either is blank", async () => {
    // The values LibreOffice calculated, read from the file it saved, columns found by their keys.
    const sheet = (await readTrackingXlsx(readFileSync(recalculated)))!;
    let compared = 0;
    for (const r of sheet.rows)
      for (const p of ["6t", "nam"] as const) {
        const a = r.cells[periodKey("actual", p)];
        const prev = r.cells[periodKey("previous", p)];
        const change = r.cells[periodKey("change", p)];
        if (typeof a !== "number" || typeof prev !== "number" || r.id === "IV.1") expect(change ?? "").toBe("");
        else {
          expect(change).toBeCloseTo(a / prev, 12);
          compared++;
        }
      }
    // Every 2022 figure with a 2023 figure of the same period beside it (the rank not compared).
    expect(compared).toBe(10);
  });

  test("chitieu report says tăng/giảm … so với cùng kỳ as section 9 does, and the Báo cáo sheet says the same", async () => {
    const printed: string[] = [];
    for (const p of ["6t", "nam"]) {
      const r = await cli(["report", "--from", new2023, "--period", p]);
      expect(r.code).toBe(0);
      printed.push(...r.out.trim().split("\n"));
    }
    expect(printed).toContain(
      "Thu ngân sách: 30.400 triệu đồng, đạt 104,8% chỉ tiêu nghị quyết, tăng 4,8% so với cùng kỳ (Vượt).",
    );
    expect(printed).toContain(
      "Chi ngân sách Nhà nước: 2.250 triệu đồng, bằng 43,3% kế hoạch năm, giảm 2,2% so với cùng kỳ (Vượt).",
    );
    expect(printed).toContain(
      "Tỷ lệ hộ nghèo: 0,25%, bằng 50% chỉ tiêu nghị quyết, giảm 0,3 điểm phần trăm so với cùng kỳ (Vượt).",
    );
    expect(printed).toContain(
      "Tỷ suất sinh: 10,2‰, bằng 97,1% chỉ tiêu nghị quyết, giảm 0,6 điểm phần nghìn so với cùng kỳ (Vượt).",
    );
    // A rank is not compared.
    expect(printed.find((t) => t.startsWith("Xếp hạng"))).not.toMatch(/cùng kỳ/u);
    expect(report).toEqual(printed);
  });
});
