import { readFileSync } from "fs";
import * as path from "path";
import { addAssigned, assignedItemsFromText, judgeAssigned, readAssigned } from "../../src/core/assigned";
import { ASSIGNED_SECTION, assignedByFromHeader } from "../../src/core/assigned-words";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { mergeContent, type Content } from "../../src/core/content";
import { InputError, actualsFileFromJson } from "../../src/core/input";
import { allIndicators } from "../../src/core/model";
import { evaluatePeriod, reviewText } from "../../src/core/report";
import { STATUS } from "../../src/core/words";

const R = BUILTIN_RESOLUTION;
const ind = (id: string) => allIndicators(R).find((i) => i.id === id)!;
const LIST = readFileSync(path.join(__dirname, "../fixtures/assigned/giao-tinh.txt"), "utf8");

describe("an assigned phrase, read by the target reader", () => {
  test("a money target in another unit is converted to the indicator's", () => {
    const read = readAssigned(ind("II.3.a"), "30 tỷ đồng");
    expect(read.ok && read.spec.target).toEqual({ op: "gte", value: 30000 });
    expect(read.ok && read.spec.unit).toBe("triệu đồng");
  });
  test("rates, per mille and ranks keep their numbers", () => {
    const t = (id: string, p: string) => {
      const r = readAssigned(ind(id), p);
      return r.ok ? r.spec.target : r.message;
    };
    expect(t("III.1", "dưới 0,5%")).toEqual({ op: "lt", value: 0.5 });
    expect(t("III.3.a", "không quá 12‰")).toEqual({ op: "lte", value: 12 });
    expect(t("V.2", "thứ 10 trở lên")).toEqual({ op: "rank", value: 10 });
  });
  test("another unit or another kind is refused in Vietnamese", () => {
    const unit = readAssigned(ind("III.1"), "15 hộ");
    expect(unit.ok).toBe(false);
    expect(!unit.ok && unit.message).toMatch(/đơn vị/u);
    const kind = readAssigned(ind("I.4.a"), "trên 90%");
    expect(!kind.ok && kind.message).toMatch(/không cùng loại/u);
  });
  test("the level word comes back from the header", () => {
    expect(assignedByFromHeader("Chỉ tiêu tỉnh giao")).toBe("tỉnh");
    expect(assignedByFromHeader("Chỉ tiêu thành phố giao")).toBe("thành phố");
    expect(assignedByFromHeader("Chỉ tiêu đề ra")).toBeNull();
  });
});

describe("judged per period by the same rules (semantics sections 6 and 10)", () => {
  const row = (assigned: string, figures: Content["rows"][string]["figures"]) => ({ figures, assigned });
  // Cumulative: before the year's end against 30.000 × 6/12 = 15.000; the tolerance 5% puts the
  // near-miss line at 14.250 for 6 months and 28.500 for the year.
  test.each([
    ["6t", 16000, STATUS.exceeded, 16000 / 30000],
    ["6t", 15000, STATUS.met, 0.5],
    ["6t", 14300, STATUS.nearMiss, 14300 / 30000],
    ["6t", 14000, STATUS.notMet, 14000 / 30000],
    ["nam", 28500, STATUS.nearMiss, 0.95],
    ["nam", 28000, STATUS.notMet, 28000 / 30000],
  ] as const)("money, %s: %d triệu against 30 tỷ đồng", (p, fig, status, ratio) => {
    const j = judgeAssigned(ind("II.3.a"), row("30 tỷ đồng", { [p]: fig }), p);
    expect(j?.status).toBe(status);
    expect(j?.ratio).toBeCloseTo(ratio, 12);
  });
  test("a rate (Excel percentage in the cell) and a rank are not pro-rated", () => {
    expect(judgeAssigned(ind("III.1"), row("dưới 0,5%", { "6t": 0.0045 }), "6t")?.status).toBe(STATUS.met);
    expect(judgeAssigned(ind("III.1"), row("dưới 0,5%", { nam: 0.0052 }), "nam")?.status).toBe(STATUS.nearMiss);
    expect(judgeAssigned(ind("V.2"), row("thứ 10 trở lên", { "6t": 7 }), "6t")?.status).toBe(STATUS.exceeded);
    expect(judgeAssigned(ind("V.2"), row("thứ 10 trở lên", { nam: 12 }), "nam")?.status).toBe(STATUS.notMet);
    expect(judgeAssigned(ind("V.2"), row("thứ 10 trở lên", {}), "nam")?.status).toBe(STATUS.noFigure);
    expect(judgeAssigned(ind("V.2"), { figures: { nam: 3 } }, "nam")).toBeNull();
  });
  test("the resolution's own statuses and ratios do not change", () => {
    const figures: Content = {
      rows: { "II.3.a": { figures: { "6t": 14000, nam: 28000 } }, "V.2": { figures: { nam: 7 } } },
    };
    const withAssigned = mergeContent(figures, {
      rows: { "II.3.a": { figures: {}, assigned: "30 tỷ đồng" }, "V.2": { figures: {}, assigned: "thứ 10 trở lên" } },
    });
    for (const p of ["6t", "nam"] as const) {
      const strip = (xs: ReturnType<typeof evaluatePeriod>) =>
        xs.map(({ id, status, rule, ratio }) => ({ id, status, rule, ratio }));
      expect(strip(evaluatePeriod(R, withAssigned, p))).toEqual(strip(evaluatePeriod(R, figures, p)));
    }
    const v2 = evaluatePeriod(R, withAssigned, "nam").find((x) => x.id === "V.2")!;
    expect([v2.status, v2.assigned?.status]).toEqual([STATUS.notMet, STATUS.exceeded]);
  });
});

describe("$assigned in the actuals file", () => {
  const file = {
    "II.3.a": { "6t": 16000, nam: 31000 },
    "III.1": { "6t": 0.55, nam: 0.45 },
    "V.2": { "6t": 7, nam: 12 },
    "GX.1": 17,
    $assigned: {
      "II.3.a": "30 tỷ đồng",
      "III.1": "dưới 0,5%",
      "V.2": "thứ 10 trở lên",
      "Số doanh nghiệp thành lập mới": "15 doanh nghiệp",
    },
    $assignedBy: "tỉnh",
  };
  test("an id key gives its indicator's phrase; another key is an indicator of section GX", () => {
    const read = actualsFileFromJson(file, R, "Tệp số liệu");
    expect(read.content.assignedBy).toBe("tỉnh");
    expect(read.content.rows["II.3.a"]?.assigned).toBe("30 tỷ đồng");
    const gx = read.resolution.sections.find((s) => s.id === ASSIGNED_SECTION)!;
    expect(gx.title).toBe("Chỉ tiêu tỉnh giao khác");
    expect(gx.indicators).toEqual([
      expect.objectContaining({ id: "GX.1", text: "Số doanh nghiệp thành lập mới", unit: "doanh nghiệp" }),
    ]);
    expect(read.content.rows["GX.1"]).toEqual({ figures: { nam: 17 }, assigned: "15 doanh nghiệp" });
    expect(allIndicators(R)).toHaveLength(allIndicators(read.resolution).length - 1);
  });
  test("the review text: the assigned sentence after the overall one, and both ratios", () => {
    const read = actualsFileFromJson(file, R, "Tệp số liệu");
    const six = reviewText(read.resolution, read.content, "6t");
    // 6 months: money 16.000 ≥ 15.000 Vượt; poverty 0,55% ≥ 0,5% × 1,05 = 0,525% Không đạt; rank 7 ≤ 10 Vượt;
    // GX.1 has no 6-month figure.
    expect(six[1]).toBe(
      "Về chỉ tiêu tỉnh giao: có 2/4 chỉ tiêu đạt và vượt (vượt 2, đạt 0), 0 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 1 chỉ tiêu chưa có số liệu.",
    );
    expect(six).toContain("Thu ngân sách: 16.000 triệu đồng, đạt 57,9% kế hoạch năm, 53,3% kế hoạch tỉnh giao (Vượt).");
    // The year: 31.000 Vượt; 0,45% below 0,5% is Đạt (never Vượt for "dưới"); thứ 12 Không đạt; 17 > 15 Vượt.
    const year = reviewText(read.resolution, read.content, "nam");
    expect(year[1]).toBe(
      "Về chỉ tiêu tỉnh giao: có 3/4 chỉ tiêu đạt và vượt (vượt 2, đạt 1), 0 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 0 chỉ tiêu chưa có số liệu.",
    );
    expect(year.at(-1)).toBe(
      "Số doanh nghiệp thành lập mới: 17 doanh nghiệp, đạt 113,3% chỉ tiêu nghị quyết, 113,3% kế hoạch tỉnh giao (Vượt).",
    );
  });
  test("without $assigned the text has no such sentence", () => {
    const lines = reviewText(R, { rows: { "II.3.a": { figures: { nam: 30000 } } } }, "nam");
    expect(lines.some((l) => l.startsWith("Về chỉ tiêu"))).toBe(false);
  });
  test("a phrase that cannot be read, or for another unit, is an error naming the indicator", () => {
    expect(() => actualsFileFromJson({ $assigned: { "III.1": "nhiều" } }, R, "Tệp số liệu")).toThrow(InputError);
    expect(() => actualsFileFromJson({ $assigned: { "III.1": "15 hộ" } }, R, "Tệp số liệu")).toThrow(
      /Chỉ tiêu III\.1: .*đơn vị/u,
    );
    expect(() => actualsFileFromJson({ $assignedBy: 3 }, R, "Tệp số liệu")).toThrow(/\$assignedBy/u);
  });
  test("mergeContent: a newer non-empty phrase wins, an empty one does not erase", () => {
    const m = mergeContent(
      { rows: { "III.1": { figures: {}, assigned: "dưới 0,5%" } } },
      { rows: { "III.1": { figures: {}, assigned: " " } }, assignedBy: "huyện" },
    );
    expect(m.rows["III.1"]?.assigned).toBe("dưới 0,5%");
    expect(m.assignedBy).toBe("huyện");
  });
});

describe("a list read by the resolution reader", () => {
  test("each line is an indicator's text and its phrase as written", () => {
    const { items, problems } = assignedItemsFromText(LIST);
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.text, i.phrase])).toEqual([
      ["Thu ngân sách trên địa bàn", "30 tỷ đồng"],
      ["Tỷ lệ hộ nghèo cuối năm", "dưới 0,5%"],
      ["Tỷ lệ người dân tham gia BHYT", "từ 95% trở lên"],
      ["Xếp hạng cải cách hành chính toàn thành phố", "thứ 10 trở lên"],
      ["Tỷ lệ chất thải rắn sinh hoạt được thu gom xử lý", "100%"],
      ["Tỷ lệ hộ gia đình phân loại rác tại nguồn", "trên 85%"],
      ["Tỷ suất sinh", "không quá 12‰"],
      ["Số doanh nghiệp thành lập mới", "15 doanh nghiệp"],
      ["Tỷ lệ đường giao thông được thảm nhựa", "100%"],
    ]);
  });
  test("addAssigned extends an existing extra section without repeating a text", () => {
    const once = addAssigned(
      R,
      { rows: {} },
      { byId: {}, extra: [{ text: "Số doanh nghiệp thành lập mới", phrase: "15 doanh nghiệp" }] },
    );
    const twice = addAssigned(once.resolution, once.content, {
      byId: {},
      extra: [
        { text: "số doanh nghiệp  thành lập mới", phrase: "20 doanh nghiệp" },
        { text: "Số hợp tác xã thành lập mới", phrase: "2 hợp tác xã" },
      ],
    });
    const gx = twice.resolution.sections.filter((s) => s.id === ASSIGNED_SECTION);
    expect(gx).toHaveLength(1);
    expect(gx[0]!.indicators.map((i) => i.id)).toEqual(["GX.1", "GX.2"]);
    expect(twice.content.rows["GX.1"]?.assigned).toBe("20 doanh nghiệp");
  });
});
