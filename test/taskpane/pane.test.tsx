import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Resolution } from "../../src/core/model";
import { App } from "../../src/taskpane/App";
import { CheckTab } from "../../src/taskpane/CheckTab";
import { CHECK_DELAY_MS, browserHost, excelHost, supportsUpTo, type Host } from "../../src/taskpane/host";
import { InsertTab } from "../../src/taskpane/InsertTab";
import { ProgressTab } from "../../src/taskpane/ProgressTab";
import { ResolutionTab } from "../../src/taskpane/ResolutionTab";
import {
  ESTIMATE_ROW,
  HEADER_ROW,
  REPORT_SHEET,
  col,
  colIndex,
  sheetLayout,
  TRACKING_SHEET,
} from "../../src/workbook/layout";
import { actualsFileFromJson } from "../../src/core/input";
import { reviewText } from "../../src/core/report";
import { bieuSheetName } from "../../src/workbook/bieu-sheet";
import { DEFAULT_PERIODS } from "../../src/core/words";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { sheetCalculator } from "../fakes/calculator";
import { FakeBook, FakeContext } from "../../support/fake-excel";
import { WITHOUT_I2A } from "../helpers/seed";
import { syntheticResolution } from "../../support/synthetic";

/** The sheets of a new workbook after the default insert: its own, then the add-in's. */
const INSERTED_SHEETS = ["Sheet1", "Theo dõi", "Tổng hợp", "Báo cáo", ...DEFAULT_PERIODS.map(bieuSheetName)];

/** The Excel host driven by the fake Excel API: each Excel.run gets a fresh context on the same book. */
function fakeExcel(book: FakeBook, api = "1.19") {
  const contexts: FakeContext[] = [];
  const host = excelHost((batch) => {
    const ctx = new FakeContext(book);
    contexts.push(ctx);
    return batch(ctx.asContext);
  }, supportsUpTo(api));
  return { host, contexts };
}

const rowOf = (id: string) => buildWorkbookPlan(BUILTIN_RESOLUTION).rows.find((r) => r.id === id)!.row;

const renderInsert = (host: Host, resolution: Resolution = BUILTIN_RESOLUTION, tolerance = 0.05) =>
  render(
    <InsertTab
      host={host}
      resolution={resolution}
      tolerance={tolerance}
      onTolerance={() => undefined}
      onInserted={() => undefined}
      disabled={false}
    />,
  );

async function insertedBook() {
  const book = new FakeBook(["Sheet1"]);
  book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION);
  const { host } = fakeExcel(book);
  await host.insert(BUILTIN_RESOLUTION, 0.05);
  return book;
}

describe("App", () => {
  test("outside Excel: says so in Vietnamese and offers the .xlsx instead of insert/check", async () => {
    render(<App host={browserHost()} />);
    expect(await screen.findByText(/Trang đang mở ngoài Excel/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Tải sổ" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Kiểm tra" })).toBeNull();
  });

  test("inside Excel: four steps, each a keyboard-reachable tab", async () => {
    const { host } = fakeExcel(new FakeBook());
    render(<App host={host} />);
    const tabs = screen.getAllByRole("tab").map((t) => t.textContent?.trim());
    expect(tabs).toEqual(["Nghị quyết", "Chèn sổ", "Kiểm tra", "Tiến độ"]);
    await userEvent.click(screen.getByRole("tab", { name: "Chèn sổ" }));
    expect(await screen.findByRole("button", { name: "Chèn sổ theo dõi" })).toBeTruthy();
  });

  test("a workbook that already has a tracking sheet brings its own resolution into the pane", async () => {
    const own = syntheticResolution(12, 5);
    const book = new FakeBook();
    await fakeExcel(book).host.insert(own, 0.05);
    book.calculate = sheetCalculator(book, own);
    const { host } = fakeExcel(book);
    render(<App host={host} />);
    expect(await screen.findByText(/Tệp này đã có sổ “Theo dõi”/)).toBeTruthy();
    expect(screen.getByText(/PHƯỜNG THỬ NGHIỆM|Phường Thử Nghiệm/)).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /Sửa chỉ tiêu đề ra của/ })).toHaveLength(12);
  });

  test("re-inserting offers the review periods the workbook's sheet already has", async () => {
    const book = new FakeBook(["Sheet1"]);
    book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION, sheetLayout(["9t", "nam"]));
    await fakeExcel(book).host.insert(BUILTIN_RESOLUTION, 0.05, ["9t", "nam"]);
    const { host } = fakeExcel(book);
    render(<App host={host} />);
    await screen.findByText(/Tệp này đã có sổ “Theo dõi”/);
    await userEvent.click(screen.getByRole("tab", { name: "Chèn sổ" }));
    const box = async (name: string) => ((await screen.findByRole("checkbox", { name })) as HTMLInputElement).checked;
    expect([await box("6 tháng"), await box("9 tháng"), await box("Cả năm")]).toEqual([false, true, true]);
  });

  test("a reading corrected but not inserted comes back when the pane reopens, until it is inserted", async () => {
    const store = new Map<string, unknown>();
    const settings = {
      get: (k: string) => store.get(k),
      set: (k: string, v: unknown) => void store.set(k, v),
      remove: (k: string) => void store.delete(k),
      saveAsync: () => undefined,
    };
    const book = new FakeBook(["Sheet1"]);
    const run = <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(new FakeContext(book).asContext);
    const first = render(<App host={excelHost(run, supportsUpTo("1.19"), () => settings)} />);
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    await userEvent.click(screen.getByRole("button", { name: "Xóa chỉ tiêu I.2.b" }));
    await waitFor(() => expect(store.has("chitieuDraft")).toBe(true));
    first.unmount();
    render(<App host={excelHost(run, supportsUpTo("1.19"), () => settings)} />);
    expect(await screen.findByText("Đã mở lại bản nghị quyết đang sửa dở (chưa chèn sổ).")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    expect(screen.queryByRole("button", { name: "Xóa chỉ tiêu I.2.b" })).toBeNull();
    expect(screen.getByRole("button", { name: "Xóa chỉ tiêu I.2.c" })).toBeTruthy();
  });

  test("an Excel too old for the add-in is told clearly and cannot insert", async () => {
    const { host } = fakeExcel(new FakeBook(), "1.7");
    render(<App host={host} />);
    expect(await screen.findByText(/Phiên bản Excel này quá cũ/)).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "Chèn sổ" }));
    expect(((await screen.findByRole("button", { name: "Chèn sổ theo dõi" })) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});

describe("Resolution tab", () => {
  function renderTab(initial: Resolution = BUILTIN_RESOLUTION) {
    let current = initial;
    const onChange = jest.fn((r: Resolution) => (current = r));
    const view = render(<ResolutionTab resolution={initial} onChange={onChange} />);
    const rerender = () => view.rerender(<ResolutionTab resolution={current} onChange={onChange} />);
    return { onChange, rerender, current: () => current };
  }

  test("shows the built-in resolution's indicators by section", () => {
    renderTab();
    expect(screen.getByRole("heading", { name: /I\. CÔNG TÁC XÂY DỰNG ĐẢNG/ })).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /Sửa chỉ tiêu đề ra của/ })).toHaveLength(
      allIndicators(BUILTIN_RESOLUTION).length,
    );
  });

  test("pasted text is read into a preview, with warnings next to their lines", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: "Dán văn bản nghị quyết" }));
    const text = "I. KINH TẾ\n1. Thu ngân sách đạt 5 tỷ đồng.\n2. Giảm tai nạn trên cả 3 tiêu chí.\n";
    fireEvent.change(screen.getByRole("textbox", { name: "Văn bản nghị quyết" }), { target: { value: text } });
    await userEvent.click(screen.getByRole("button", { name: "Đọc nghị quyết" }));
    expect(t.onChange).toHaveBeenCalled();
    t.rerender();
    expect(await screen.findByText(/Đã đọc nghị quyết: 2 chỉ tiêu/)).toBeTruthy();
    await screen.findByText(/Dòng 3: “Giảm tai nạn trên cả 3 tiêu chí\.” — có số liệu \(3\)/);
    const items = within(screen.getByRole("heading", { name: "I. KINH TẾ" }).closest("section")!).getAllByRole(
      "listitem",
    );
    expect(items.map((li) => li.textContent?.slice(0, 40))).toEqual([
      expect.stringMatching(/^I\.1 Thu ngân sách/),
      expect.stringMatching(/^I\.2 Giảm tai nạn/),
      expect.stringMatching(/^Dòng 3: /),
    ]);
  });

  test("text that is not a resolution gets a clear error and changes nothing", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: "Dán văn bản nghị quyết" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Văn bản nghị quyết" }), {
      target: { value: "Hello, world" },
    });
    await userEvent.click(screen.getByRole("button", { name: "Đọc nghị quyết" }));
    expect(await screen.findByText(/Không tìm thấy phần/)).toBeTruthy();
    expect(t.onChange).not.toHaveBeenCalled();
  });

  test("a target can be edited before inserting; an unreadable phrase is refused with a message", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: "Sửa chỉ tiêu đề ra của III.1" }));
    const field = screen.getByRole("textbox", { name: "Chỉ tiêu đề ra của III.1" });
    await userEvent.clear(field);
    await userEvent.type(field, "không quá 0,5%{enter}");
    expect(t.current().sections[2]!.indicators[0]!.target).toEqual({ op: "lte", value: 0.5 });
    t.rerender();
    expect(screen.getByText("không quá 0,5%")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Sửa chỉ tiêu đề ra của II.1" }));
    const other = screen.getByRole("textbox", { name: "Chỉ tiêu đề ra của II.1" });
    await userEvent.clear(other);
    await userEvent.type(other, "nhiều hơn năm ngoái{enter}");
    expect(await screen.findByText(/Không đọc được chỉ tiêu "nhiều hơn năm ngoái"/)).toBeTruthy();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Chỉ tiêu đề ra của II.1" })).toBeNull();
    expect(t.onChange).toHaveBeenCalledTimes(1);
  });

  test("corrections: delete, change a unit, move, add from a warning line, undo; every control named", async () => {
    const withWarning: Resolution = {
      ...BUILTIN_RESOLUTION,
      warnings: [{ line: 30, text: "Tỷ lệ hộ dùng nước sạch đạt 98% trở lên.", reason: "không thuộc mục nào" }],
    };
    const t = renderTab(withWarning);
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    const click = async (name: string) => {
      await userEvent.click(screen.getByRole("button", { name }));
      await waitFor(() => expect(t.onChange).toHaveBeenCalled());
      t.rerender();
    };
    await click("Xóa chỉ tiêu I.2.b");
    expect(allIndicators(t.current()).map((i) => i.id)).not.toContain("I.2.b");

    await userEvent.click(screen.getByRole("button", { name: "Sửa đơn vị tính của II.1" }));
    const unit = screen.getByRole("textbox", { name: "Đơn vị tính của II.1" });
    await userEvent.clear(unit);
    await userEvent.type(unit, "triệu đồng/người/năm{Enter}");
    await waitFor(() =>
      expect(allIndicators(t.current()).find((i) => i.id === "II.1")!.unit).toBe("triệu đồng/người/năm"),
    );
    t.rerender();

    await click("Chuyển chỉ tiêu II.3.c lên");
    expect(
      t
        .current()
        .sections[1]!.indicators.map((i) => i.id)
        .indexOf("II.3.c"),
    ).toBeLessThan(
      t
        .current()
        .sections[1]!.indicators.map((i) => i.id)
        .indexOf("II.3.b"),
    );

    await click("Đọc dòng 30 thành chỉ tiêu của phần I");
    await waitFor(() => expect(t.current().warnings).toEqual([]));
    expect(
      allIndicators(t.current()).some(
        (i) =>
          i.target.op === "gte" &&
          "value" in i.target &&
          i.target.value === 98 &&
          i.text.startsWith("Tỷ lệ hộ dùng nước sạch"),
      ),
    ).toBe(true);
    t.rerender();

    // Undo, by the button and by Ctrl+Z: the line is a warning again, then the move is undone.
    await userEvent.click(screen.getByRole("button", { name: "Hoàn tác thay đổi vừa rồi (Ctrl+Z)" }));
    t.rerender();
    expect(t.current().warnings).toHaveLength(1);
    screen.getByRole("button", { name: "Hoàn tác thay đổi vừa rồi (Ctrl+Z)" }).focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    t.rerender();
    expect(
      t
        .current()
        .sections[1]!.indicators.map((i) => i.id)
        .indexOf("II.3.c"),
    ).toBeGreaterThan(
      t
        .current()
        .sections[1]!.indicators.map((i) => i.id)
        .indexOf("II.3.b"),
    );

    // The edited resolution exports as JSON and reads back identical.
    const { resolutionFromText } = await import("../../src/core/input");
    expect(resolutionFromText(JSON.stringify(t.current()), "x.json")).toEqual(t.current());
  });

  test("whether an indicator is cumulative: proposed by the core, changed by staff, kept in the reading", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    const box = (id: string) =>
      screen.getByRole("checkbox", {
        name: `Chỉ tiêu ${id} cộng dồn (số liệu tích lũy trong năm)`,
      }) as HTMLInputElement;
    expect(box("II.3.a").checked).toBe(true);
    expect(box("III.1").checked).toBe(false);
    await userEvent.click(box("II.3.a"));
    await waitFor(() => expect(allIndicators(t.current()).find((i) => i.id === "II.3.a")!.cumulative).toBe(false));
    t.rerender();
    expect(box("II.3.a").checked).toBe(false);
  });

  test("a target set by its fields: kind and numbers, refused in Vietnamese when they make no target", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    await userEvent.click(screen.getByRole("button", { name: "Sửa mức theo ô của chỉ tiêu I.2.a" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Kiểu chỉ tiêu của I.2.a" }), "range");
    const low = screen.getByRole("textbox", { name: "Mức thấp của I.2.a" });
    const high = screen.getByRole("textbox", { name: "Mức cao của I.2.a" });
    await userEvent.clear(low);
    await userEvent.type(low, "6");
    await userEvent.clear(high);
    await userEvent.type(high, "4");
    await userEvent.click(screen.getByRole("button", { name: "Lưu mức chỉ tiêu của I.2.a" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/\S/);
    expect(t.onChange).not.toHaveBeenCalled();
    await userEvent.clear(high);
    await userEvent.type(high, "8");
    await userEvent.click(screen.getByRole("button", { name: "Lưu mức chỉ tiêu của I.2.a" }));
    await waitFor(() =>
      expect(allIndicators(t.current()).find((i) => i.id === "I.2.a")).toMatchObject({
        target: { op: "range", min: 6, max: 8 },
        targetText: expect.stringMatching(/6 - 8/),
      }),
    );
  });

  test("every field is checked as it is typed, before anything is saved, in the schema's Vietnamese", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    // An indicator's text emptied: the message shows while typing, and "Lưu" keeps nothing.
    await userEvent.click(screen.getByRole("button", { name: "Sửa nội dung chỉ tiêu I.2.b" }));
    const text = screen.getByRole("textbox", { name: "Nội dung chỉ tiêu I.2.b" });
    await userEvent.clear(text);
    expect(await screen.findByText("Thiếu nội dung chỉ tiêu")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Lưu: Nội dung chỉ tiêu I.2.b" }));
    expect(t.onChange).not.toHaveBeenCalled();
    await userEvent.type(text, "Đảng viên hoàn thành tốt nhiệm vụ");
    expect(screen.queryByText("Thiếu nội dung chỉ tiêu")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Hủy: Nội dung chỉ tiêu I.2.b" }));
    // A level typed as words: the target's schema says a number is needed, as it is typed.
    await userEvent.click(screen.getByRole("button", { name: "Sửa mức theo ô của chỉ tiêu III.1" }));
    const level = screen.getByRole("textbox", { name: "Mức chỉ tiêu của III.1" });
    await userEvent.clear(level);
    await userEvent.type(level, "sáu");
    expect((await screen.findByRole("alert")).textContent).toMatch(/con số/u);
    await userEvent.clear(level);
    await userEvent.type(level, "0,5");
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    // A target phrase the reader cannot take is said so while typing.
    await userEvent.click(screen.getByRole("button", { name: "Sửa chỉ tiêu đề ra của II.1" }));
    const phrase = screen.getByRole("textbox", { name: "Chỉ tiêu đề ra của II.1" });
    await userEvent.clear(phrase);
    await userEvent.type(phrase, "tốt hơn năm trước nhiều");
    expect(phrase.getAttribute("aria-invalid")).toBe("true");
    expect(t.onChange).not.toHaveBeenCalled();
  });

  test("a section renamed, and an indicator added by typing, with Vietnamese validation", async () => {
    const t = renderTab();
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    await userEvent.click(screen.getByRole("button", { name: "Đổi tên phần V" }));
    const title = screen.getByRole("textbox", { name: "Tên phần V" });
    await userEvent.clear(title);
    await userEvent.click(screen.getByRole("button", { name: "Lưu: Tên phần V" }));
    expect(await screen.findByText("Tên phần không được để trống.")).toBeTruthy();
    await userEvent.type(title, "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ{Enter}");
    await waitFor(() => expect(t.current().sections[4]!.title).toBe("CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ"));
    t.rerender();
    await userEvent.click(screen.getByRole("button", { name: "Thêm chỉ tiêu vào phần V" }));
    await userEvent.type(
      screen.getByRole("textbox", { name: "Nội dung chỉ tiêu mới của phần V" }),
      "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 60%{Enter}",
    );
    await waitFor(() =>
      expect(t.current().sections[4]!.indicators.at(-1)).toMatchObject({
        id: "V.3",
        unit: "%",
        target: { op: "gte", value: 60 },
      }),
    );
  });

  test("a long reading is drawn a page at a time; a file dropped on the pane is imported", async () => {
    const big = syntheticResolution(500, 4);
    const t = renderTab(big);
    await userEvent.click(screen.getByRole("button", { name: /^Sửa kết quả đọc/ }));
    expect(screen.getAllByRole("button", { name: /^Xóa chỉ tiêu / })).toHaveLength(200);
    await userEvent.click(screen.getByRole("button", { name: "Hiện thêm (còn 300 chỉ tiêu)" }));
    expect(screen.getAllByRole("button", { name: /^Xóa chỉ tiêu / })).toHaveLength(400);
    const file = new File([JSON.stringify({ ...BUILTIN_RESOLUTION, title: "Nghị quyết kéo thả" })], "keo.json", {
      type: "application/json",
    });
    fireEvent.drop(screen.getByRole("heading", { name: "Nghị quyết dùng để lập sổ" }), {
      dataTransfer: { files: [file], types: ["Files"] },
    });
    await waitFor(() => expect(t.current().title).toBe("Nghị quyết kéo thả"));
  });

  test("imports Resolution JSON, and says where a broken JSON file is wrong", async () => {
    const t = renderTab();
    const input = screen.getByLabelText("Chọn tệp nghị quyết") as HTMLInputElement;
    const good = new File([JSON.stringify({ ...BUILTIN_RESOLUTION, title: "Nghị quyết nhập" })], "nq.json", {
      type: "application/json",
    });
    await userEvent.upload(input, good);
    await waitFor(() => expect(t.current().title).toBe("Nghị quyết nhập"));
    const bad = new File(['{\n  "title": "x",\n  "sections": [\n}'], "hong.json", { type: "application/json" });
    await userEvent.upload(input, bad);
    await waitFor(() => expect(screen.getByText(/Tệp "hong.json" không phải JSON hợp lệ \(dòng 4/)).toBeTruthy());
    const wrong = new File([JSON.stringify({ title: "x" })], "sai.json", { type: "application/json" });
    await userEvent.upload(input, wrong);
    await waitFor(() => expect(screen.getByText(/Tệp "sai.json" không đúng cấu trúc/)).toBeTruthy());
  });

  test("a .docx resolution (numbering in Word's lists) is read like its text", async () => {
    const { readFileSync } = await import("fs");
    const { makeDocx, seedParagraphs } = await import("../helpers/docx");
    const seed = readFileSync(`${__dirname}/../fixtures/seed/nghi-quyet-2022-phuong-tran-phu.txt`, "utf8");
    const t = renderTab();
    const input = screen.getByLabelText("Chọn tệp nghị quyết") as HTMLInputElement;
    const bytes = await makeDocx(seedParagraphs(seed));
    await userEvent.upload(input, new File([bytes as Uint8Array<ArrayBuffer>], "nghi-quyet.docx"));
    await waitFor(() => expect(allIndicators(t.current())).toHaveLength(45), { timeout: 5000 });
    expect(allIndicators(t.current()).map((i) => i.id)).toEqual(allIndicators(BUILTIN_RESOLUTION).map((i) => i.id));
    await userEvent.upload(input, new File([new Uint8Array([80, 75, 3, 4, 9, 9])], "hong.docx"));
    await screen.findByText(/Tệp "hong.docx": Tệp .docx không mở được/);
  });
});

describe("Insert tab, against the fake Excel", () => {
  test("inserts the tracking sheet and the summary, and says so", async () => {
    const book = new FakeBook(["Sheet1"]);
    const { host, contexts } = fakeExcel(book);
    renderInsert(host);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await waitFor(() => expect(screen.getByText(/Đã chèn sổ “Theo dõi” \(45 chỉ tiêu\)/)).toBeTruthy());
    expect(book.sheets.map((s) => s.name)).toEqual(INSERTED_SHEETS);
    // Inspect, read, the sheets' batch, then guarded steps (frozen rows, print setup per sheet, chart): none grows with size.
    // Two steps a sheet (frozen rows, print setup) for five sheets, the tracking sheet's column group.
    expect(contexts.reduce((n, c) => n + c.syncCount, 0)).toBe(15);
  });

  test("asks before touching a sheet with figures; cancelling changes nothing, confirming carries them over", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"), 3);
    const { host } = fakeExcel(book);
    renderInsert(host);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await waitFor(() => expect(screen.getByText(/số liệu, ghi chú của 1 chỉ tiêu/)).toBeTruthy());
    await userEvent.click(screen.getByRole("button", { name: "Hủy" }));
    expect(book.sheets.map((s) => s.name)).toEqual(INSERTED_SHEETS);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await userEvent.click(await screen.findByRole("button", { name: "Chuyển số liệu và chèn" }));
    await waitFor(() => expect(screen.getByText(/Đã chuyển số liệu, ghi chú của 1 chỉ tiêu/)).toBeTruthy());
    expect(book.sheets.map((s) => s.name)).toContain("Theo dõi (cũ)");
    expect(book.get(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"))?.value).toBe(3);
  });

  test("a reworded indicator is shown side by side as “Có thể là cùng chỉ tiêu”; only the pairs staff choose are carried", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("III.2"), colIndex("actual"), 0.993);
    book.put(TRACKING_SHEET, rowOf("III.6.a"), colIndex("actual"), 0.976);
    book.put(TRACKING_SHEET, rowOf("III.1"), colIndex("actual"), 0.004);
    const reworded: Resolution = {
      ...BUILTIN_RESOLUTION,
      sections: BUILTIN_RESOLUTION.sections.map((sec) => ({
        ...sec,
        indicators: sec.indicators.map((i) =>
          i.id === "III.2"
            ? { ...i, text: "Tỷ lệ người dân tham gia bảo hiểm y tế" }
            : i.id === "III.6.a"
              ? { ...i, text: "Tỷ lệ hộ được công nhận gia đình văn hóa" }
              : i.id === "III.1"
                ? { ...i, text: "Tỷ lệ hộ cận nghèo" }
                : i,
        ),
      })),
    };
    book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION);
    const { host } = fakeExcel(book);
    renderInsert(host, reworded);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    const pairs = within(await screen.findByRole("list", { name: "Có thể là cùng chỉ tiêu" })).getAllByRole("listitem");
    expect(pairs).toHaveLength(2);
    // The two texts side by side, leave chosen until staff say otherwise.
    expect(pairs[0]!.textContent).toContain("Sổ cũ (III.2): Tỷ lệ người dân tham gia BHYT");
    expect(pairs[0]!.textContent).toContain("Nghị quyết mới (III.2): Tỷ lệ người dân tham gia bảo hiểm y tế");
    expect(within(pairs[0]!).getByRole("radio", { name: "Để lại ở sổ cũ" })).toHaveProperty("checked", true);
    expect(pairs[1]!.textContent).toContain("Tỷ lệ hộ được công nhận gia đình văn hóa");
    // Near-poor is another indicator: not offered, listed as not carried.
    const left = within(screen.getByRole("list", { name: "Không chuyển được" })).getAllByRole("listitem");
    expect(left.map((li) => li.textContent).join(" ")).toMatch(
      /Mã III\.1 “Tỷ lệ hộ nghèo”.*số liệu cả năm 0,4%.*khác ở “cận”/u,
    );
    await userEvent.click(within(pairs[0]!).getByRole("radio", { name: "Chuyển sang III.2" }));
    await userEvent.click(screen.getByRole("button", { name: "Chuyển số liệu và chèn" }));
    await waitFor(() =>
      expect(
        screen.getByText(/Đã chuyển số liệu, ghi chú của 1 chỉ tiêu sang sổ mới \(1 số liệu cả năm\)/),
      ).toBeTruthy(),
    );
    expect(book.get(TRACKING_SHEET, rowOf("III.2"), colIndex("actual"))?.value).toBe(0.993);
    expect(book.get(TRACKING_SHEET, rowOf("III.6.a"), colIndex("actual"))?.value ?? "").toBe("");
    expect(book.get(TRACKING_SHEET, rowOf("III.1"), colIndex("actual"))?.value ?? "").toBe("");
    expect(screen.getByText(/có thể là III\.6\.a .*chưa chuyển/u)).toBeTruthy();
  });

  test("renamed sheet, reworded headers, cleared Mã, added and sorted rows, a clause removed: each figure to its indicator, the rest listed first", async () => {
    const book = await insertedBook();
    const put = (id: string, key: Parameters<typeof colIndex>[0], v: unknown) =>
      book.put(TRACKING_SHEET, rowOf(id), colIndex(key), v);
    put("I.2.a", "actual", 4);
    put("I.2.b", "actual", 0.86);
    put("I.2.c", "actual", 0.82);
    put("I.2.c", "note", "theo báo cáo chi bộ");
    put("III.2", "actual", 0.97);
    put("I.4.a", "actual", "Hoàn thành tốt nhiệm vụ");
    put("I.4.a", "id", ""); // Mã cleared by mistake
    book.put(TRACKING_SHEET, rowOf("I.1.a") - 1, colIndex("note"), "phần I: chờ đánh giá"); // note on a section row
    const last = Math.max(...buildWorkbookPlan(BUILTIN_RESOLUTION).rows.map((r) => r.row));
    book.put(TRACKING_SHEET, last + 1, colIndex("text"), "Chỉ tiêu bổ sung của chi bộ");
    book.put(TRACKING_SHEET, last + 1, colIndex("actual"), 7);
    book.swapRows(TRACKING_SHEET, rowOf("III.2"), rowOf("I.1.a"));
    book.put(TRACKING_SHEET, HEADER_ROW, colIndex("actual"), "Kết quả thực hiện");
    book.put(TRACKING_SHEET, HEADER_ROW, colIndex("note"), "Ghi chú thêm");
    book.sheet(TRACKING_SHEET).name = "Theo dõi 2022";
    book.names.set("DungSai", { sheet: "Theo dõi 2022", ref: "E3" });
    book.put("Theo dõi 2022", 3, colIndex("targetText"), 0.1);

    book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION);
    const { host } = fakeExcel(book);
    renderInsert(host, WITHOUT_I2A, 0.1);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    const bar = await screen.findByText(/Sổ “Theo dõi 2022” đang có/);
    expect(bar.textContent).toMatch(/Sẽ chuyển sang sổ mới số liệu, ghi chú của 4 chỉ tiêu/);
    const list = within(screen.getByRole("list", { name: "Không chuyển được" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(list).toEqual([
      `Mã I “CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ” (dòng ${rowOf("I.1.a") - 1}): ghi chú — ghi chú ở dòng phần I.`,
      `Mã I.2.a “Kết nạp đảng viên” (dòng ${rowOf("I.2.a")}): số liệu cả năm 4 — Mã I.2.a nay là chỉ tiêu khác (“Chi bộ hoàn thành tốt nhiệm vụ trở lên”).`,
      `“Chỉ tiêu bổ sung của chi bộ” (dòng ${last + 1}): số liệu cả năm 7 — dòng không có Mã.`,
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Chuyển số liệu và chèn" }));
    await screen.findByText(/Đã chèn sổ “Theo dõi”/);
    const kept = [
      "Theo dõi 2022",
      ...["Tổng hợp", "Báo cáo", ...DEFAULT_PERIODS.map(bieuSheetName)].map((n) => `${n} (cũ)`),
    ];
    expect(document.body.textContent).toContain(`Sổ cũ được giữ lại: ${kept.join(", ")}.`);
    const newRow = (id: string) => buildWorkbookPlan(WITHOUT_I2A).rows.find((r) => r.id === id)!.row;
    const figure = (id: string) => book.get(TRACKING_SHEET, newRow(id), colIndex("actual"))?.value;
    expect([figure("I.2.a"), figure("I.2.b"), figure("III.2"), figure("I.4.a")]).toEqual([
      0.86,
      0.82,
      0.97,
      "Hoàn thành tốt nhiệm vụ",
    ]);
    expect(book.get(TRACKING_SHEET, newRow("I.2.b"), colIndex("note"))?.value).toBe("theo báo cáo chi bộ");
    expect(book.get(TRACKING_SHEET, 3, colIndex("targetText"))?.value).toBe(0.1);
    expect(book.sheet("Theo dõi 2022").cells.size).toBeGreaterThan(100);
  });

  test("a tolerance pasted over with 1.5 in the old sheet is reported, not carried", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, 3, colIndex("targetText"), 1.5);
    const { host } = fakeExcel(book);
    renderInsert(host);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    const done = await screen.findByText(/Đã chèn sổ “Theo dõi”/);
    expect(done.textContent).toContain(
      "Không chuyển dung sai của sổ cũ (Dung sai phải là tỷ lệ từ 0% đến 99% (ví dụ 0,05 hoặc 5%), đang là 1,5 (tức 150%)); sổ mới dùng 5%.",
    );
    expect(book.get(TRACKING_SHEET, 3, colIndex("targetText"))?.value).toBe(0.05);
  });

  test("an Excel that refuses print setup still gets the sheet, and the pane says so", async () => {
    const book = new FakeBook(["Sheet1"]);
    book.refuse.add("PageLayout.zoom");
    renderInsert(fakeExcel(book).host);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await screen.findByText(/chưa nhận một phần thiết lập \(Thiết lập in \(Theo dõi\).*sổ theo dõi vẫn đầy đủ/);
    expect(book.sheets.map((s) => s.name)).toEqual(INSERTED_SHEETS);
  });

  test("a failure is reported in Vietnamese", async () => {
    const host: Host = { ...browserHost(), kind: "excel", inspect: () => Promise.reject(new Error("mất kết nối")) };
    renderInsert(host);
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await waitFor(() => expect(screen.getByText(/Không đọc được bảng tính: mất kết nối/)).toBeTruthy());
  });
});

describe("Check tab, against the fake Excel", () => {
  test("lists each wrong figure with its indicator and cell; a click selects the cell", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("III.2"), colIndex("actual"), 1.5); // 150%, pasted
    book.put(TRACKING_SHEET, rowOf("I.2.a"), colIndex("actual"), "bốn");
    book.put(TRACKING_SHEET, rowOf("II.2.a"), colIndex("actual"), 0.85);
    book.put(TRACKING_SHEET, rowOf("II.2.b"), colIndex("actual"), 0.14);
    book.put(TRACKING_SHEET, rowOf("II.2.c"), colIndex("actual"), 0.02);
    const { host } = fakeExcel(book);
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await userEvent.click(screen.getByRole("button", { name: "Kiểm tra số liệu" }));
    await screen.findByText(/2 lỗi, 1 cảnh báo/);
    expect(
      screen.getByText(/Chỉ tiêu III\.2 cả năm \(ô [A-Z]+\d+\): không được lớn hơn 100%, đang là 150%/),
    ).toBeTruthy();
    expect(screen.getByText(/Chỉ tiêu I\.2\.a .*cần một con số, đang là chữ "bốn"/)).toBeTruthy();
    expect(screen.getByText(/Tổng các tỷ trọng II\.2\.a \+ II\.2\.b \+ II\.2\.c là 101%/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /Chọn ô [A-Z]+\d+: Chỉ tiêu III\.2/ }));
    await waitFor(() => expect(book.sheet(TRACKING_SHEET).selected).toBe(`${col("actual")}${rowOf("III.2")}`));
  });

  test("registers for changes on load and checks again when the sheet changes", async () => {
    const book = await insertedBook();
    const { host } = fakeExcel(book);
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await screen.findByText(/Đang theo dõi/);
    expect(book.sheet(TRACKING_SHEET).onChanged).toHaveLength(1);
    book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"), 0);
    await act(async () => {
      await book.sheet(TRACKING_SHEET).onChanged[0]!({ address: `${col("actual")}40` });
    });
    await screen.findByText(/Chỉ tiêu V\.2 .*không được nhỏ hơn 1/, undefined, { timeout: 3000 });
  });

  test("ten visits to the Check tab and two inserts leave one handler; it checks only for figure edits", async () => {
    const book = await insertedBook();
    const { host, contexts } = fakeExcel(book);
    render(<App host={host} />);
    for (let k = 0; k < 10; k++) {
      await userEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
      await screen.findByText(/Đang theo dõi/);
      await userEvent.click(screen.getByRole("tab", { name: "Tiến độ" }));
    }
    await act(async () => {
      await host.insert(BUILTIN_RESOLUTION, 0.05);
      await host.insert(BUILTIN_RESOLUTION, 0.05);
    });
    const handlers = () => book.sheets.flatMap((s) => s.onChanged.map(() => s.name));
    expect(handlers()).toEqual([TRACKING_SHEET]);
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Theo dõi (cũ)", "Theo dõi (cũ 2)"]));

    await userEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await screen.findByText(/Đang theo dõi/);
    const runs = contexts.length;
    const edit = (address: string) => act(() => book.sheet(TRACKING_SHEET).onChanged[0]!({ address }));
    await edit("C10:D12");
    await edit(`${col("note")}40`);
    await new Promise((r) => setTimeout(r, CHECK_DELAY_MS + 100));
    expect(contexts.length).toBe(runs);
    book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"), 0);
    await edit(`${col("actual")}40`);
    await edit(`${col("actual")}41`);
    await screen.findByText(/Chỉ tiêu V\.2 .*không được nhỏ hơn 1/, undefined, { timeout: 3000 });
    // Two edits within the delay: one read of the sheet, and one look at the Báo cáo sheet's counts.
    await act(() => new Promise((r) => setTimeout(r, CHECK_DELAY_MS + 100)));
    expect(contexts.length).toBe(runs + 2);
    expect(handlers()).toEqual([TRACKING_SHEET]);
  });

  test("a figure edit that changes the number of sentences moves the Báo cáo print area to them", async () => {
    const book = await insertedBook();
    const { host } = fakeExcel(book);
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await screen.findByText(/Đang theo dõi/);
    const report = book.sheet(REPORT_SHEET);
    const printed = book.get(REPORT_SHEET, 2, 2)?.value as number;
    expect(report.pageLayout.printArea).toBe(`A1:A${3 + printed}`);
    // What the sheet's count formula gives after the edit (the fake does not calculate the Báo cáo sheet).
    let now = printed;
    const calculate = book.calculate!;
    book.calculate = (sheet, row, c, formula) =>
      sheet === REPORT_SHEET && row === 2 && c === 3 ? now : calculate(sheet, row, c, formula);
    const edit = async () => {
      await act(async () => {
        await book.sheet(TRACKING_SHEET).onChanged[0]!({ address: `${col("actual")}${rowOf("V.2")}` });
        await new Promise((r) => setTimeout(r, CHECK_DELAY_MS + 200));
      });
    };
    await edit();
    expect(report.pageLayout.printArea).toBe(`A1:A${3 + printed}`);
    now = printed + 2;
    await edit();
    await waitFor(() => expect(report.pageLayout.printArea).toBe(`A1:A${5 + printed}`));
    expect(book.get(REPORT_SHEET, 2, 2)?.value).toBe(printed + 2);
    expect([...report.autofitRows]).toEqual(expect.arrayContaining([4, 5 + printed]));
    // A note edit does not touch it.
    now = printed + 5;
    await act(async () => {
      await book.sheet(TRACKING_SHEET).onChanged[0]!({ address: `${col("note")}40` });
      await new Promise((r) => setTimeout(r, CHECK_DELAY_MS + 200));
    });
    expect(report.pageLayout.printArea).toBe(`A1:A${5 + printed}`);
  });

  test("before ExcelApi 1.19 nothing runs on edit: the tab checks when opened and says why", async () => {
    const book = await insertedBook();
    const { host, contexts } = fakeExcel(book, "1.18");
    render(<App host={host} />);
    await userEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    expect(await screen.findByText(/xóa lịch sử hoàn tác \(Ctrl\+Z\)/)).toBeTruthy();
    await screen.findByText(/Không thấy lỗi nào trong 45 chỉ tiêu/);
    expect(book.sheets.flatMap((s) => s.onChanged)).toEqual([]);
    // One read for opening the tab, none more while it stays open.
    const runs = contexts.length;
    await act(() => new Promise((r) => setTimeout(r, CHECK_DELAY_MS + 100)));
    expect(contexts.length).toBe(runs);
  });

  test("junk in figure cells (a date Excel made of “3/5”, TRUE, an error) is named, as the sheet's check column does", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"), 46086);
    book.get(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"))!.numberFormat = "d-mmm";
    book.put(TRACKING_SHEET, rowOf("III.1"), colIndex("actual"), false);
    book.put(TRACKING_SHEET, rowOf("II.1"), colIndex("actual"), "#N/A");
    const { host } = fakeExcel(book, "1.18");
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await screen.findByText(/3 lỗi/);
    expect(
      screen.getByText(/Chỉ tiêu II\.3\.a .*ô đang là ngày tháng — có thể Excel đã đổi “3\/5” thành ngày/),
    ).toBeTruthy();
    expect(screen.getByText(/Chỉ tiêu III\.1 .*giá trị đúng\/sai/)).toBeTruthy();
    expect(screen.getByText(/Chỉ tiêu II\.1 .*ô đang báo lỗi/)).toBeTruthy();
  });

  test("“Sửa tự động” turns figures stored as text into numbers, lists them, and leaves ambiguous ones", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("I.5"), colIndex("actual"), "80%");
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"), "30.387,5");
    book.put(TRACKING_SHEET, rowOf("II.3.b"), colIndex("actual"), "5.000");
    book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"), "thứ ba");
    const { host } = fakeExcel(book, "1.18");
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await userEvent.click(await screen.findByRole("button", { name: "Đổi 2 số liệu đang lưu dạng chữ thành số" }));
    const list = await screen.findByRole("list", { name: "Đã sửa tự động" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      `${col("actual")}${rowOf("I.5")} (I.5): “80%” → 80%`,
      `${col("actual")}${rowOf("II.3.a")} (II.3.a): “30.387,5” → 30.387,5`,
    ]);
    expect(book.get(TRACKING_SHEET, rowOf("I.5"), colIndex("actual"))?.value).toBe(0.8);
    expect(book.get(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"))?.value).toBe(30387.5);
    // "5.000" could be 5000 or 5 (typed on an English keyboard): left for staff, still reported.
    expect(book.get(TRACKING_SHEET, rowOf("II.3.b"), colIndex("actual"))?.value).toBe("5.000");
    await screen.findByText(/Chỉ tiêu II\.3\.b .*cần một con số/);
    expect(screen.queryByRole("button", { name: /số liệu đang lưu dạng chữ/ })).toBeNull();
  });

  test("a tracking sheet staff renamed is still checked, and its cells selected", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("III.2"), colIndex("actual"), 1.5);
    book.sheet(TRACKING_SHEET).name = "Theo dõi 2022";
    book.names.set("DungSai", { sheet: "Theo dõi 2022", ref: "E3" });
    const { host } = fakeExcel(book, "1.18");
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await screen.findByText(/1 lỗi/);
    await userEvent.click(screen.getByRole("button", { name: /Chọn ô [A-Z]+\d+: Chỉ tiêu III\.2/ }));
    await waitFor(() => expect(book.sheet("Theo dõi 2022").selected).toBe(`${col("actual")}${rowOf("III.2")}`));
  });

  test("without a tracking sheet it says to insert one first", async () => {
    const { host } = fakeExcel(new FakeBook());
    render(<CheckTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await userEvent.click(screen.getByRole("button", { name: "Kiểm tra số liệu" }));
    await screen.findByText(/Chưa có sổ “Theo dõi”/);
  });
});

describe("Progress tab", () => {
  test("counts per status and per section, as the sheet shows them", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("V.2"), colIndex("actual"), 4);
    book.put(TRACKING_SHEET, rowOf("V.1"), colIndex("actual"), 0.3);
    book.put(TRACKING_SHEET, rowOf("III.1"), colIndex("actual"), 0.006);
    const { host } = fakeExcel(book);
    render(<ProgressTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    const year = await screen.findByRole("region", { name: "Kết quả cả năm" });
    const list = within(year).getByRole("list", { name: "Số chỉ tiêu theo mức đánh giá, cả năm" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Vượt: 1", "Đạt: 1", "Cơ bản đạt: 0", "Không đạt: 1", "Chưa có số liệu: 42"]);
    const cells = (name: RegExp) =>
      within(within(year).getByRole("rowheader", { name }).closest("tr")!)
        .getAllByRole("cell")
        .map((c) => c.textContent);
    const section = BUILTIN_RESOLUTION.sections.find((s) => s.id === "V")!;
    expect(within(year).getByRole("rowheader", { name: `V. ${section.title}` })).toBeTruthy();
    expect(cells(/^V\./)).toEqual(["1", "0", "0", "1", "0", "2", "50%"]);
    // A section without any figure has no rate yet, rather than 0%.
    expect(cells(/^IV\./).at(-1)).toBe("");
    expect(cells(/^Tổng cộng$/)).toEqual(["1", "1", "0", "1", "42", "45", "4%"]);
  });

  test("each period has its own counts; the year counts staff's own assessment", async () => {
    const book = await insertedBook();
    // Thu ngân sách: 15.000 of 27.625 triệu by mid-year is on track; 26.000 for the year is a near miss.
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual6t"), 15000);
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"), 26500);
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("override"), "Đạt");
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("reason"), "Điều chỉnh dự toán giữa năm");
    const { host } = fakeExcel(book);
    render(<ProgressTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    const items = async (period: string) =>
      within(
        within(await screen.findByRole("region", { name: `Kết quả ${period}` })).getByRole("list", {
          name: `Số chỉ tiêu theo mức đánh giá, ${period}`,
        }),
      )
        .getAllByRole("listitem")
        .map((li) => li.textContent);
    expect(await items("6 tháng")).toEqual([
      "Vượt: 1",
      "Đạt: 0",
      "Cơ bản đạt: 0",
      "Không đạt: 0",
      "Chưa có số liệu: 44",
    ]);
    expect(await items("cả năm")).toEqual([
      "Vượt: 0",
      "Đạt: 1",
      "Cơ bản đạt: 0",
      "Không đạt: 0",
      "Chưa có số liệu: 44",
    ]);
  });

  test("“Sao chép báo cáo” copies the review text of every period, as chitieu report writes it", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual6t"), 15000);
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual"), 30387.5);
    book.put(TRACKING_SHEET, ESTIMATE_ROW, colIndex("actual"), "Có");
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (t: string) => void copied.push(t) },
      configurable: true,
    });
    const { host } = fakeExcel(book);
    render(<ProgressTab host={host} resolution={BUILTIN_RESOLUTION} inserted={0} />);
    await userEvent.click(await screen.findByRole("button", { name: "Sao chép báo cáo" }));
    await screen.findByText(/Đã sao chép lời văn báo cáo/);
    const file = actualsFileFromJson(
      { "II.3.a": { "6t": 15000, nam: 30387.5 }, $estimates: ["nam"] },
      BUILTIN_RESOLUTION,
      "test",
    );
    expect(copied).toEqual([
      [
        ...reviewText(BUILTIN_RESOLUTION, file.content, "6t"),
        ...reviewText(BUILTIN_RESOLUTION, file.content, "nam"),
      ].join("\n"),
    ]);
    expect(copied[0]).toContain("Thu ngân sách: 30.387,5 triệu đồng, ước đạt 110% chỉ tiêu nghị quyết (Vượt).");
  });
});

describe("Insert tab: review periods", () => {
  test("the sheet gets the periods ticked: 9 months and the year instead of 6 months and the year", async () => {
    const book = new FakeBook(["Sheet1"]);
    const { host } = fakeExcel(book);
    renderInsert(host);
    await userEvent.click(screen.getByRole("checkbox", { name: "6 tháng" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "9 tháng" }));
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await screen.findByText(/Đã chèn sổ “Theo dõi”/);
    const headers = Array.from({ length: 30 }, (_, i) => book.get(TRACKING_SHEET, HEADER_ROW, i + 1)?.value);
    expect(headers).toEqual(expect.arrayContaining(["Thực hiện 9 tháng", "Thực hiện cả năm", "Kết quả"]));
    expect(headers).not.toContain("Thực hiện 6 tháng");
    // Unticking every period leaves nothing to insert.
    await userEvent.click(screen.getByRole("checkbox", { name: "9 tháng" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Cả năm" }));
    expect(screen.getByRole("button", { name: "Chèn sổ theo dõi" }).hasAttribute("disabled")).toBe(true);
  });

  test("6 tháng unticked over a sheet with 6-month figures: the period is kept and the pane says so", async () => {
    const book = await insertedBook();
    book.put(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual6t"), 14000);
    book.calculate = sheetCalculator(book, BUILTIN_RESOLUTION);
    const { host } = fakeExcel(book);
    renderInsert(host);
    await userEvent.click(screen.getByRole("checkbox", { name: "6 tháng" }));
    await userEvent.click(screen.getByRole("button", { name: "Chèn sổ theo dõi" }));
    await userEvent.click(await screen.findByRole("button", { name: "Chuyển số liệu và chèn" }));
    await screen.findByText(/Sổ cũ có số liệu 6 tháng nên sổ mới vẫn giữ kỳ này\./);
    expect(book.get(TRACKING_SHEET, rowOf("II.3.a"), colIndex("actual6t"))?.value).toBe(14000);
  });
});
