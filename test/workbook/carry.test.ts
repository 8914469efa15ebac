import { compareTexts, describeLeftBehind, shownFigure } from "../../src/workbook/carry";

describe("the identity rule on the words that differ (carry.compareTexts)", () => {
  test.each([
    ["Tỷ lệ hộ gia đình văn hóa", "Tỉ lệ hộ gia đình văn hoá", "same"],
    ["Thu nhập bình quân đầu người", "Thu nhập bình quân đầu người năm 2022", "same"],
    ["Tỷ lệ chất thải rắn được thu gom", "Phấn đấu tỷ lệ chất thải rắn được thu gom đạt", "same"],
    ["Tỷ lệ hộ nghèo", "Tỷ lệ hộ cận nghèo", "different"],
    ["Số vụ tai nạn giao thông", "Số vụ cháy nổ", "different"],
    ["Thu ngân sách", "Thu ngân sách phường được hưởng", "different"],
    ["Trẻ em dưới 1 tuổi được tiêm chủng", "Trẻ em dưới 5 tuổi được tiêm chủng", "different"],
    ["Tỷ lệ hộ nghèo", "Tỷ lệ hộ gia đình văn hóa", "different"],
    ["Trẻ em dưới 1 tuổi được tiêm chủng", "Trẻ em trên 1 tuổi được tiêm chủng", "different"],
    ["Tỷ lệ người dân tham gia BHYT", "Tỷ lệ người dân tham gia bảo hiểm y tế", "maybe"],
    ["Tỷ lệ thu hút, tập hợp đoàn viên, hội viên", "Tỷ lệ tập hợp đoàn viên, hội viên", "maybe"],
  ])("“%s” and “%s”: %s", (a, b, verdict) => {
    expect(compareTexts(a, b).verdict).toBe(verdict);
  });

  test("another unit is another indicator, whatever the words", () => {
    const units = { a: "triệu đồng/năm", b: "nghìn đồng/năm" };
    expect(compareTexts("Thu nhập bình quân", "Thu nhập bình quân", units).verdict).toBe("different");
    expect(compareTexts("Thu nhập bình quân", "Thu nhập bình quân", { a: "", b: "triệu đồng" }).verdict).toBe("same");
  });

  test("the words that differ are named", () => {
    expect(compareTexts("Tỷ lệ hộ nghèo", "Tỷ lệ hộ cận nghèo").differ).toEqual(["cận"]);
  });
});

describe("what is left behind is named as staff see it", () => {
  test("a percentage as a percentage, money with Vietnamese separators, words as typed", () => {
    expect(shownFigure(0.82, "0%")).toBe("82%");
    expect(shownFigure(0.005, "0.0%")).toBe("0,5%");
    expect(shownFigure(27625, "#,##0")).toBe("27.625");
    expect(shownFigure("Đạt")).toBe("Đạt");
  });

  test("a column no header says is named with its letter and header", () => {
    expect(
      describeLeftBehind({
        id: "",
        row: 7,
        text: "",
        what: ["cột M “Nhận xét” (45 ô có nội dung)"],
        reason: "không nhận ra cột này là cột nào của sổ theo dõi",
      }),
    ).toBe("Cột M “Nhận xét” (45 ô có nội dung) ở dòng 7 — không nhận ra cột này là cột nào của sổ theo dõi.");
  });
});
