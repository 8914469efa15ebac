import { readFileSync } from "fs";
import * as path from "path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { parseResolution } from "../../src/core/parser";
import { reviewText } from "../../src/core/report";
import type { Resolution } from "../../src/core/model";
import type { Period } from "../../src/core/periods";
import { excelHost, supportsUpTo, type Host } from "../../src/taskpane/host";
import { InsertTab } from "../../src/taskpane/InsertTab";
import { TRACKING_SHEET, colIndex, periodKey } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { sheetCalculator } from "../fakes/calculator";
import { FakeBook, FakeContext } from "../../support/fake-excel";

/**
 * Inserting next year's resolution into a workbook that holds last year's sheet (semantics section
 * 9), through the fake Excel: 2022 of phường Trần Phú (the built-in), then the 2023 variant of it in
 * test/fixtures/previous (written for the tests from the seed).
 */

const NQ_2023: Resolution = parseResolution(
  readFileSync(path.join(__dirname, "../fixtures/previous/nghi-quyet-2023-phuong-tran-phu.txt"), "utf8"),
);

function fakeExcel(book: FakeBook): Host {
  return excelHost((batch) => batch(new FakeContext(book).asContext), supportsUpTo("1.19"));
}

const renderInsert = (host: Host, resolution: Resolution) =>
  render(
    <InsertTab
      host={host}
      resolution={resolution}
      tolerance={0.05}
      onTolerance={() => undefined}
      onInserted={() => undefined}
      disabled={false}
    />,
  );

/** 2022's figures as the cells hold them, by 2022 Mã, and where each indicator is in 2023. */
const FIGURES_2022: [string, string, Period, number][] = [
  ["II.3.a", "II.1", "6t", 14200],
  ["II.3.a", "II.1", "nam", 29000],
  ["II.3.c", "II.2", "nam", 4800],
  ["III.1", "III.1", "nam", 0.0055],
  ["V.2", "IV.1", "nam", 6],
];

/** A workbook holding 2022's sheet with figures, a note and an assessment. */
async function book2022(resolution: Resolution = BUILTIN_RESOLUTION) {
  const book = new FakeBook(["Sheet1"]);
  await fakeExcel(book).insert(resolution, 0.1);
  // The fake does not calculate: formula cells show the core's judgement of the sheet's resolution.
  book.calculate = sheetCalculator(book, resolution);
  const rowOf = (id: string) => buildWorkbookPlan(BUILTIN_RESOLUTION).rows.find((r) => r.id === id)!.row;
  for (const [id, , p, v] of FIGURES_2022) book.put(TRACKING_SHEET, rowOf(id), colIndex(periodKey("actual", p)), v);
  book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("note"), "Ghi chú năm 2022");
  return book;
}

describe("the Insert tab with last year's sheet in the workbook", () => {
  test("offers “Lấy số liệu năm trước làm cùng kỳ” as the default action; 2022's figures become 2023's Cùng kỳ", async () => {
    const book = await book2022();
    const host = fakeExcel(book);
    renderInsert(host, NQ_2023);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    const take = await screen.findByRole("button", { name: "Lấy số liệu năm trước làm cùng kỳ" });
    // The default action is the primary button; the same-year carry is not offered.
    expect(take.className).toMatch(/is-primary|ms-Button--primary/u);
    expect(screen.queryByRole("button", { name: "Chuyển số liệu và chèn" })).toBeNull();
    expect(screen.getByText(/là sổ của năm trước\. Sẽ lấy số liệu của 4 chỉ tiêu/u)).toBeTruthy();
    await userEvent.click(take);
    await waitFor(() =>
      expect(
        screen.getByText(
          /Đã lấy số liệu năm trước của 4 chỉ tiêu làm số liệu cùng kỳ \(1 số liệu cùng kỳ 6 tháng, 4 số liệu cùng kỳ cả năm\)/u,
        ),
      ).toBeTruthy(),
    );
    expect(book.sheets.map((s) => s.name)).toContain("Theo dõi (cũ)");
    book.calculate = sheetCalculator(book, NQ_2023);
    const back = (await host.readBack(NQ_2023))!;
    expect(back.content.year).toBe(2023);
    for (const [, to, p, v] of FIGURES_2022) {
      expect(back.content.rows[to]!.previous?.[p]).toBe(v);
      // Never this year's own figure.
      expect(back.content.rows[to]!.figures[p] ?? "").toBe("");
    }
    expect(Object.values(back.content.rows).some((r) => r.note)).toBe(false);
    // "So với cùng kỳ" holds the very native formula the .xlsx has (test/cli/previous.test.ts has
    // LibreOffice calculate it to a ÷ previous), in every row and period.
    const plan = buildWorkbookPlan(NQ_2023);
    const rowOf = (id: string) => plan.rows.find((r) => r.id === id)!.row;
    for (const { row } of plan.rows)
      for (const key of ["change6t", "change"] as const) {
        const want = plan.sheets[0]!.cells.find((c) => c.row === row && c.col === colIndex(key))!.formula;
        expect(book.get(TRACKING_SHEET, row, colIndex(key))?.formula).toBe(want);
      }
    // With 2023's figures typed, the review text compares them with 2022's.
    book.put(TRACKING_SHEET, rowOf("II.1"), colIndex("actual"), 30400);
    book.put(TRACKING_SHEET, rowOf("III.1"), colIndex("actual"), 0.0025);
    const typed = (await host.readBack(NQ_2023))!;
    const text = reviewText(typed.resolution, typed.content, "nam");
    expect(text).toContain(
      "Thu ngân sách: 30.400 triệu đồng, đạt 104,8% chỉ tiêu nghị quyết, tăng 4,8% so với cùng kỳ (Vượt).",
    );
    expect(text).toContain(
      "Tỷ lệ hộ nghèo: 0,25%, bằng 50% chỉ tiêu nghị quyết, giảm 0,3 điểm phần trăm so với cùng kỳ (Vượt).",
    );
  });

  test("a year nobody knows: the pane asks what the sheet is, with no default", async () => {
    const book = await book2022();
    const host = fakeExcel(book);
    renderInsert(host, { ...NQ_2023, year: null });
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    expect(
      await screen.findByText(/Không biết nghị quyết mới là của năm nào \(sổ “Theo dõi” là năm 2022\)/u),
    ).toBeTruthy();
    const last = screen.getByRole("button", { name: "Sổ của năm trước: lấy làm số liệu cùng kỳ" });
    expect(screen.getByRole("button", { name: "Sổ của cùng năm: chuyển số liệu" })).toBeTruthy();
    expect(last.className).not.toMatch(/is-primary|ms-Button--primary/u);
    await userEvent.click(last);
    await userEvent.click(await screen.findByRole("button", { name: "Lấy số liệu năm trước làm cùng kỳ" }));
    await waitFor(() => expect(screen.getByText(/Đã lấy số liệu năm trước của 4 chỉ tiêu/u)).toBeTruthy());
    book.calculate = sheetCalculator(book, NQ_2023);
    const back = (await host.readBack(NQ_2023))!;
    expect(back.content.rows["II.1"]!.previous).toEqual({ "6t": 14200, nam: 29000 });
  });

  test("a later year's sheet is not carried: a new sheet without its figures, the old one kept", async () => {
    const book = new FakeBook(["Sheet1"]);
    const host = fakeExcel(book);
    await host.insert(NQ_2023, 0.05);
    book.calculate = sheetCalculator(book, NQ_2023);
    const rowOf = (id: string) => buildWorkbookPlan(NQ_2023).rows.find((r) => r.id === id)!.row;
    book.put(TRACKING_SHEET, rowOf("II.1"), colIndex("actual"), 30400);
    renderInsert(host, BUILTIN_RESOLUTION);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    expect(await screen.findByText(/là sổ năm 2023, sau năm của nghị quyết mới \(2022\)/u)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ mới, không lấy số liệu" }));
    await waitFor(() => expect(screen.getByText(/Đã chèn sổ “Theo dõi” \(45 chỉ tiêu\)/u)).toBeTruthy());
    expect(book.sheets.map((s) => s.name)).toContain("Theo dõi (cũ)");
    book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION);
    const back = (await host.readBack(BUILTIN_RESOLUTION))!;
    const filled = (v: unknown) => v !== undefined && v !== null && v !== "";
    expect(Object.values(back.content.rows).some((r) => Object.values(r.figures).some(filled) || r.previous)).toBe(
      false,
    );
  });
});
