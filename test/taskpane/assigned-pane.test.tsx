import { readFileSync } from "fs";
import * as path from "path";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { actualsFileFromJson } from "../../src/core/input";
import { reviewText } from "../../src/core/report";
import { excelHost, supportsUpTo, type Host } from "../../src/taskpane/host";
import { InsertTab } from "../../src/taskpane/InsertTab";
import { ProgressTab } from "../../src/taskpane/ProgressTab";
import { TRACKING_SHEET, colIndex, colLetter, sheetLayout } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { FakeBook, FakeContext } from "../../support/fake-excel";
import { sheetCalculator } from "../fakes/calculator";
import { checkSheet } from "../../src/workbook/check";

/** "Chỉ tiêu cấp trên giao" in the pane: a pasted list and an .xlsx table matched, confirmed, inserted. */

const LIST = readFileSync(path.join(__dirname, "../fixtures/assigned/giao-tinh.txt"), "utf8");

/** The fake does not calculate: the calculator gives the resolution's formula cells (the assigned ones stay ""). */
function fakeExcel(book: FakeBook): Host {
  book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION, sheetLayout(["6t", "nam"], { assignedBy: "tỉnh" }));
  return excelHost((batch) => batch(new FakeContext(book).asContext), supportsUpTo("1.19"));
}

const renderInsert = (host: Host) =>
  render(
    <InsertTab
      host={host}
      resolution={BUILTIN_RESOLUTION}
      tolerance={0.05}
      onTolerance={() => undefined}
      onInserted={() => undefined}
      disabled={false}
    />,
  );

test("a pasted list: the pairs are shown, the unsure one is decided by staff, the confirmed targets are inserted", async () => {
  const book = new FakeBook(["Sheet1"]);
  const host = fakeExcel(book);
  renderInsert(host);
  await userEvent.clear(screen.getByRole("textbox", { name: "Cấp giao" }));
  await userEvent.type(screen.getByRole("textbox", { name: "Cấp giao" }), "tỉnh");
  // Pasted, not typed: one change event with the whole list.
  await userEvent.click(screen.getByRole("textbox", { name: /Dán danh sách chỉ tiêu giao/ }));
  await userEvent.paste(LIST);
  await userEvent.click(screen.getByRole("button", { name: "Khớp với chỉ tiêu" }));
  const sure = within(await screen.findByRole("list", { name: "Khớp theo nội dung" })).getAllByRole("listitem");
  expect(sure.map((li) => li.textContent)).toEqual([
    "[1] “Thu ngân sách trên địa bàn” (30 tỷ đồng) → II.3.a “Thu ngân sách”",
    "[2] “Tỷ lệ hộ nghèo cuối năm” (dưới 0,5%) → III.1 “Tỷ lệ hộ nghèo”",
    "[3] “Tỷ lệ người dân tham gia BHYT” (từ 95% trở lên) → III.2 “Tỷ lệ người dân tham gia BHYT”",
    "[4] “Xếp hạng cải cách hành chính toàn thành phố” (thứ 10 trở lên) → V.2 “Xếp hạng cải cách hành chính toàn thành phố”",
    "[5] “Tỷ lệ chất thải rắn sinh hoạt được thu gom xử lý” (100%) → IV.3.a “Tỷ lệ chất thải rắn sinh hoạt được thu gom xử lý”",
    "[6] “Tỷ lệ hộ gia đình phân loại rác tại nguồn” (trên 85%) → IV.3.b “Tỷ lệ hộ gia đình phân loại rác tại nguồn”",
    "[7] “Tỷ suất sinh” (không quá 12‰) → III.3.a “Tỷ suất sinh”",
  ]);
  expect(within(screen.getByRole("list", { name: "Chỉ tiêu giao khác" })).getByRole("listitem").textContent).toBe(
    "“Số doanh nghiệp thành lập mới” (15 doanh nghiệp)",
  );
  // The unsure pair must be decided before confirming.
  const use = screen.getByRole("button", { name: "Dùng các chỉ tiêu giao này" }) as HTMLButtonElement;
  expect(use.disabled).toBe(true);
  const maybe = within(screen.getByRole("list", { name: "Có thể là cùng chỉ tiêu" }));
  expect(maybe.getByText(/\[9\] “Tỷ lệ đường giao thông được thảm nhựa” \(100%\) → II\.5/)).toBeTruthy();
  await userEvent.click(maybe.getByRole("radio", { name: "Là II.5" }));
  expect(use.disabled).toBe(false);
  await userEvent.click(use);
  expect(await screen.findByText(/Đã chọn 9 chỉ tiêu tỉnh giao; sẽ ghi vào cột “Chỉ tiêu tỉnh giao”/)).toBeTruthy();

  await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
  await screen.findByText(/Đã chèn sổ “Theo dõi”/);
  const back = (await host.readBack(BUILTIN_RESOLUTION))!;
  expect(back.content.assignedBy).toBe("tỉnh");
  const assigned = Object.fromEntries(
    Object.entries(back.content.rows).flatMap(([id, r]) => (r.assigned ? [[id, r.assigned]] : [])),
  );
  expect(assigned).toEqual({
    "II.3.a": "30 tỷ đồng",
    "III.1": "dưới 0,5%",
    "III.2": "từ 95% trở lên",
    "V.2": "thứ 10 trở lên",
    "IV.3.a": "100%",
    "IV.3.b": "trên 85%",
    "III.3.a": "không quá 12‰",
    "II.5": "100%",
    "GX.1": "15 doanh nghiệp",
  });
});

test("an .xlsx assignment table chosen as a file is matched the same way; “Chỉ tiêu riêng” makes an indicator", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["STT", "Nội dung", "Đơn vị tính", "Kế hoạch năm 2022"]);
  ws.addRow([1, "Thu ngân sách trên địa bàn", "tỷ đồng", 30]);
  ws.addRow([2, "Tỷ lệ đường giao thông được thảm nhựa", "%", "100%"]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const book = new FakeBook(["Sheet1"]);
  renderInsert(fakeExcel(book));
  const file = new File([bytes], "giao.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  await userEvent.upload(screen.getByLabelText("Tệp chỉ tiêu giao"), file);
  const sure = await screen.findByRole("list", { name: "Khớp theo nội dung" });
  expect(within(sure).getByRole("listitem").textContent).toBe(
    "[1] “Thu ngân sách trên địa bàn” (30 tỷ đồng) → II.3.a “Thu ngân sách”",
  );
  await userEvent.click(screen.getByRole("radio", { name: "Chỉ tiêu riêng" }));
  await userEvent.click(screen.getByRole("button", { name: "Dùng các chỉ tiêu giao này" }));
  await screen.findByText(/Đã chọn 2 chỉ tiêu tỉnh giao/);
  await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
  await screen.findByText(/Đã chèn sổ “Theo dõi”/);
  const layout = sheetLayout(["6t", "nam"], { assignedBy: "tỉnh" });
  const plan = buildWorkbookPlan(BUILTIN_RESOLUTION);
  const gxRow = plan.rows.at(-1)!.row + 2;
  expect(book.get(TRACKING_SHEET, gxRow, colIndex("id", layout))?.value).toBe("GX.1");
  expect(book.get(TRACKING_SHEET, gxRow, colIndex("assignedText", layout))?.value).toBe("100%");
});

test("“Sao chép báo cáo” copies the same “Về chỉ tiêu tỉnh giao” sentence as chitieu report", async () => {
  const book = new FakeBook(["Sheet1"]);
  const host = fakeExcel(book);
  const json = {
    "II.3.a": { "6t": 16000, nam: 31000 },
    "V.2": { nam: 12 },
    $assigned: { "II.3.a": "30 tỷ đồng", "V.2": "thứ 10 trở lên" },
    $assignedBy: "tỉnh",
  };
  const file = actualsFileFromJson(json, BUILTIN_RESOLUTION, "test");
  await host.insert(BUILTIN_RESOLUTION, 0.05, ["6t", "nam"], [], {
    list: { byId: { "II.3.a": "30 tỷ đồng", "V.2": "thứ 10 trở lên" }, extra: [] },
    by: "tỉnh",
  });
  const layout = sheetLayout(["6t", "nam"], { assignedBy: "tỉnh" });
  const rowOf = (id: string) => buildWorkbookPlan(BUILTIN_RESOLUTION).rows.find((r) => r.id === id)!.row;
  book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual6t", layout), 16000);
  book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual", layout), 31000);
  book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual", layout), 12);
  const copied: string[] = [];
  Object.defineProperty(navigator, "clipboard", {
    value: { writeText: async (t: string) => void copied.push(t) },
    configurable: true,
  });
  render(<ProgressTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
  await userEvent.click(await screen.findByRole("button", { name: "Sao chép báo cáo" }));
  await screen.findByText(/Đã sao chép lời văn báo cáo/);
  const expected = [
    ...reviewText(BUILTIN_RESOLUTION, file.content, "6t"),
    ...reviewText(BUILTIN_RESOLUTION, file.content, "nam"),
  ];
  expect(copied).toEqual([expected.join("\n")]);
  expect(copied[0]).toContain(
    "Về chỉ tiêu tỉnh giao: có 1/2 chỉ tiêu đạt và vượt (vượt 1, đạt 0), 0 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 0 chỉ tiêu chưa có số liệu.",
  );
});

test("in Excel, a phrase typed into the column is read on change and its technical cells written", async () => {
  const book = new FakeBook(["Sheet1"]);
  const host = fakeExcel(book);
  await host.insert(BUILTIN_RESOLUTION, 0.05, ["6t", "nam"], [], {
    list: { byId: { "III.1": "dưới 0,5%" }, extra: [] },
    by: "tỉnh",
  });
  await host.readBack(BUILTIN_RESOLUTION);
  const handlers = book.sheet(TRACKING_SHEET).onChanged;
  expect(handlers).toHaveLength(1);
  const layout = sheetLayout(["6t", "nam"], { assignedBy: "tỉnh" });
  const rowOf = (id: string) => buildWorkbookPlan(BUILTIN_RESOLUTION).rows.find((r) => r.id === id)!.row;
  const at = (id: string, key: Parameters<typeof colIndex>[0]) =>
    book.get(TRACKING_SHEET, rowOf(id), colIndex(key, layout))?.value;
  // Retyped, and typed where there was none: "95%" typed into a General cell is Excel's 0,95 shown "0%".
  book.put(TRACKING_SHEET, rowOf("III.1"), colIndex("assignedText", layout), "dưới 0,3%");
  book.put(TRACKING_SHEET, rowOf("III.2"), colIndex("assignedText", layout), 0.95);
  book.get(TRACKING_SHEET, rowOf("III.2"), colIndex("assignedText", layout))!.numberFormat = "0%";
  book.put(TRACKING_SHEET, rowOf("III.4.a"), colIndex("assignedText", layout), "nhiều hơn năm trước");
  // Before the add-in reads them, the check (Kiểm tra) names each phrase not read yet, and the unreadable one.
  const assignedProblems = async () =>
    checkSheet((await host.readBack(BUILTIN_RESOLUTION))!)
      .filter((p) => p.cell?.replace(/\d+$/u, "") === colLetter(colIndex("assignedText", layout)))
      .map((p) => `${p.severity} ${p.message}`);
  expect(await assignedProblems()).toEqual([
    "warning Chỉ tiêu III.1: chỉ tiêu giao “dưới 0,3%” chưa được đọc (đang đánh giá theo “dưới 0,5%”); sửa lại ô này khi phần bổ trợ đang mở, hoặc chèn lại sổ.",
    expect.stringMatching(/^error Chỉ tiêu III\.4\.a: Không đọc được chỉ tiêu "nhiều hơn năm trước"/u),
  ]);
  const letter = colLetter(colIndex("assignedText", layout));
  await handlers[0]!({ address: `${letter}${rowOf("III.1")}:${letter}${rowOf("III.4.a")}` });
  await waitForValue(() => at("III.2", "assignedRead"), "95%");
  expect([at("III.1", "assignedOp"), at("III.1", "assignedValue"), at("III.1", "assignedRead")]).toEqual([
    "<",
    0.003,
    "dưới 0,3%",
  ]);
  expect([at("III.2", "assignedText"), at("III.2", "assignedOp"), at("III.2", "assignedValue")]).toEqual([
    "95%",
    "≥",
    0.95,
  ]);
  // A phrase the reader cannot read: kind and level blank, the phrase kept, so the check says so.
  expect([at("III.4.a", "assignedOp") ?? "", at("III.4.a", "assignedRead")]).toEqual(["", "nhiều hơn năm trước"]);
  const back = (await host.readBack(BUILTIN_RESOLUTION))!;
  expect(back.content.rows["III.2"]?.assigned).toBe("95%");
  expect((await assignedProblems()).map((p) => p.split(":")[0])).toEqual(["error Chỉ tiêu III.4.a"]);
});

async function waitForValue(get: () => unknown, want: unknown) {
  for (let k = 0; k < 100 && get() !== want; k++) await new Promise((r) => setTimeout(r, 20));
  expect(get()).toBe(want);
}
