import { MAX_CLAUSE_TARGETS, formatTarget, parseTargetPhrase, scanTargets } from "../../src/core/target";
import type { Target } from "../../src/core/model";

/** Every phrasing of semantics.md section 1 and its neighbours: phrase → target and unit. */
const PHRASES: [string, Target, string][] = [
  ["đạt 98%", { op: "gte", value: 98 }, "%"],
  ["98% trở lên", { op: "gte", value: 98 }, "%"],
  ["ít nhất 01 kỳ họp", { op: "gte", value: 1 }, "kỳ họp"],
  ["tối thiểu 15 ha", { op: "gte", value: 15 }, "ha"],
  ["27.625 triệu đồng", { op: "gte", value: 27625 }, "triệu đồng"],
  ["10 doanh nghiệp/năm", { op: "gte", value: 10 }, "doanh nghiệp/năm"],
  ["học sinh các cấp 98%", { op: "gte", value: 98 }, "%"],
  ["596tỷđ", { op: "gte", value: 596 }, "tỷ đồng"],
  ["60trđ/người/năm", { op: "gte", value: 60 }, "triệu đồng/người/năm"],
  ["đạt từ 94%", { op: "gte", value: 94 }, "%"],
  ["không dưới 80%", { op: "gte", value: 80 }, "%"],
  [">=75%", { op: "gte", value: 75 }, "%"],
  ["≥ 95%", { op: "gte", value: 95 }, "%"],
  ["khoảng 85 triệu đồng/người/năm", { op: "gte", value: 85 }, "triệu đồng/người/năm"],
  ["chiếm 20%", { op: "gte", value: 20 }, "%"],
  ["là 12 cơ sở", { op: "gte", value: 12 }, "cơ sở"],
  ["ở mức 98%", { op: "gte", value: 98 }, "%"],
  ["trên 99%", { op: "gt", value: 99 }, "%"],
  ["đạt trên 70 triệu đồng/năm", { op: "gt", value: 70 }, "triệu đồng/năm"],
  ["> 50%", { op: "gt", value: 50 }, "%"],
  ["trên 85 điểm", { op: "gt", value: 85 }, "điểm"],
  ["không quá 0,6%", { op: "lte", value: 0.6 }, "%"],
  ["giảm còn không quá 0,6%", { op: "lte", value: 0.6 }, "%"],
  ["tối đa 2%", { op: "lte", value: 2 }, "%"],
  ["không vượt quá 5%", { op: "lte", value: 5 }, "%"],
  ["giảm còn 1%", { op: "lte", value: 1 }, "%"],
  ["<= 3%", { op: "lte", value: 3 }, "%"],
  ["5% trở xuống", { op: "lte", value: 5 }, "%"],
  ["dưới 15%", { op: "lt", value: 15 }, "%"],
  ["< 6,9%", { op: "lt", value: 6.9 }, "%"],
  ["giảm xuống dưới 2%", { op: "lt", value: 2 }, "%"],
  ["từ 3 - 5 đảng viên", { op: "range", min: 3, max: 5 }, "đảng viên"],
  ["2 - 3 mô hình", { op: "range", min: 2, max: 3 }, "mô hình"],
  ["từ 8 – 10 đảng viên", { op: "range", min: 8, max: 10 }, "đảng viên"],
  ["5 đến 7 đảng viên", { op: "range", min: 5, max: 7 }, "đảng viên"],
  ["10% - 12%", { op: "range", min: 10, max: 12 }, "%"],
  ["tăng bình quân 10 - 12%/năm", { op: "range", min: 10, max: 12 }, "%/năm"],
  ["giảm bình quân 4 - 5%/năm", { op: "range", min: 4, max: 5 }, "%/năm"],
  ["tăng 10% so với năm trước", { op: "gte", value: 10 }, "% so với năm trước"],
  ["giảm hơn 5%", { op: "gt", value: 5 }, "%"],
  ["tăng trên 8% so với cùng kỳ", { op: "gt", value: 8 }, "% so với cùng kỳ"],
  ["xếp thứ 5 toàn thành phố trở lên", { op: "rank", value: 5 }, "thứ hạng"],
  ["thứ 5 trở lên", { op: "rank", value: 5 }, "thứ hạng"],
  ["đứng thứ 3", { op: "rank", value: 3 }, "thứ hạng"],
  ["trong tốp 10", { op: "rank", value: 10 }, "thứ hạng"],
  ["7/7 tổ dân phố", { op: "gte", value: 7, of: 7 }, "tổ dân phố"],
  ["19/19 tiêu chí", { op: "gte", value: 19, of: 19 }, "tiêu chí"],
  ["04/09 thôn", { op: "gte", value: 4, of: 9 }, "thôn"],
  ["3/4 trường", { op: "gte", value: 3, of: 4 }, "trường"],
  ["11‰", { op: "gte", value: 11 }, "‰"],
  ["12,5 tỷ đồng", { op: "gte", value: 12.5 }, "tỷ đồng"],
  ["2,5 km", { op: "gte", value: 2.5 }, "km"],
  ["hoàn thành tốt nhiệm vụ trở lên", { op: "rating", level: "Hoàn thành tốt nhiệm vụ" }, ""],
  ["xếp loại hoàn thành xuất sắc nhiệm vụ", { op: "rating", level: "Hoàn thành xuất sắc nhiệm vụ" }, ""],
  ["Đạt", { op: "qualitative" }, ""],
];

describe("target phrases", () => {
  test.each(PHRASES)("%s", (phrase, target, unit) => {
    const r = parseTargetPhrase(phrase);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ target, unit }) });
  });

  test.each([
    ["tăng 10% so với năm trước", true],
    ["giảm bình quân 4 - 5%/năm", true],
    ["giảm còn 1%", false],
    ["đạt 98%", false],
  ])("%s is a change: %s", (phrase, change) => {
    expect(scanTargets(phrase).matches[0]?.change).toBe(change);
  });

  describe("words that look like comparators but are not", () => {
    test.each([
      ["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 12%", { op: "lt", value: 12 }],
      ["Mật độ đạt 10 bác sĩ trên 1 vạn dân", { op: "gte", value: 10 }],
      ["Tỷ lệ sinh con thứ 3 trở lên dưới 23,5%", { op: "lt", value: 23.5 }],
      ["Có 5 sản phẩm OCOP đạt 3 sao trở lên", { op: "gte", value: 5 }],
      ["Năng suất trên một ha đạt 6,2 tấn", { op: "gte", value: 6.2 }],
      ["Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng", { op: "gte", value: 12.5 }],
      ["Trong giai đoạn 2021 - 2025 kết nạp 20 đảng viên", { op: "gte", value: 20 }],
      ["Theo Nghị quyết số 15/NQ-ĐU ngày 12/5/2022, đạt 90%", { op: "gte", value: 90 }],
      ["hồ sơ mức độ 3 và mức độ 4 đạt trên 50%", { op: "gt", value: 50 }],
      ["Sinh trên 2 con dưới 23,5%", { op: "lt", value: 23.5 }],
      ["Trồng 3 ha cây trên 1 ha đất trống", { op: "gte", value: 3 }],
    ])("%s", (clause, target) => {
      const scan = scanTargets(clause);
      expect(scan.matches.map((m) => m.target)).toEqual([target]);
    });

    test.each([
      "xây dựng hoàn thành tổ dân phố mẫu ở TDP8",
      "Căn cứ nhiệm kỳ 2020 - 2025",
      "năm 2022",
      "trên địa bàn phường",
    ])("%s has no target", (clause) => expect(scanTargets(clause).matches).toEqual([]));
  });

  test.each([
    ["Giảm tỷ lệ sinh con thứ 3 trở lên 0,2%", { op: "gte", value: 0.2 }, true],
    ["Tăng thu ngân sách 10%", { op: "gte", value: 10 }, true],
    ["Giảm tỷ lệ lao động nông nghiệp xuống còn 30%", { op: "lte", value: 30 }, false],
    ["Tỷ lệ hộ nghèo còn 1,5%", { op: "lte", value: 1.5 }, false],
    ["Tăng tỷ lệ che phủ rừng lên 45%", { op: "gte", value: 45 }, false],
    ["Tăng cường kiểm tra, đạt 100% cơ sở", { op: "gte", value: 100 }, false],
  ])("%s: a change or a level, by its verbs", (clause, target, change) => {
    const m = scanTargets(clause).matches[0]!;
    expect([m.target, m.change]).toEqual([target, change]);
  });

  test("a bare figure for a lower-is-better subject is a ceiling", () => {
    expect(scanTargets("Tỷ suất sinh 11‰").matches[0]).toMatchObject({
      target: { op: "lte", value: 11 },
      impliedCeiling: true,
    });
    expect(scanTargets("Chi ngân sách Nhà nước: 4.909 triệu đồng").matches[0]?.target).toEqual({
      op: "lte",
      value: 4909,
    });
    expect(scanTargets("Thu ngân sách: 4.909 triệu đồng").matches[0]?.target).toEqual({ op: "gte", value: 4909 });
  });

  test("keeps the phrase as written", () => {
    expect(scanTargets("Tỷ lệ hộ nghèo giảm còn không quá 0,6%.").matches[0]?.phrase).toBe("giảm còn không quá 0,6%");
    expect(scanTargets("Thu nhập khoảng 45 triệu đồng/năm").matches[0]?.phrase).toBe("khoảng 45 triệu đồng/năm");
  });

  test.each(["", "   ", "abc", "hello world", "trên", "từ 5 - 3 người", "thứ 0 trở lên", "đạt 98% và trên 99%"])(
    "unreadable phrase %j gives a Vietnamese message",
    (phrase) => {
      const r = parseTargetPhrase(phrase);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/chỉ tiêu/iu);
    },
  );

  test.each(PHRASES.filter(([p]) => !/so với|\/năm|tăng|giảm|khoảng|chiếm|^là|ở mức/u.test(p)))(
    "formatTarget(%s) reads back to the same target",
    (_phrase, target, unit) => {
      const again = parseTargetPhrase(formatTarget(target, unit));
      expect(again).toEqual({ ok: true, value: expect.objectContaining({ target }) });
    },
  );
});

describe("bounds", () => {
  test("a clause reads at most MAX_CLAUSE_TARGETS targets and says the rest is not read", () => {
    const clause = `Thu ${"5% ".repeat(MAX_CLAUSE_TARGETS + 10)}`;
    const scan = scanTargets(clause);
    expect(scan.matches).toHaveLength(MAX_CLAUSE_TARGETS);
    expect(scan.problems.map((p) => p.reason)).toEqual(["vế có hơn 5.000 con số chỉ tiêu; phần sau không đọc"]);
    expect(scanTargets(`Thu ${"5% ".repeat(MAX_CLAUSE_TARGETS)}`).problems).toEqual([]);
  });

  test("what a scan returns is the caller's: changing it leaves the next scan of the same clause as it was", () => {
    const first = scanTargets("Tỷ lệ tham gia bảo hiểm y tế trên 95% và thu ngân sách đạt 5 tỷ đồng");
    first.matches.length = 0;
    first.strayFigures.push("9");
    const again = scanTargets("Tỷ lệ tham gia bảo hiểm y tế trên 95% và thu ngân sách đạt 5 tỷ đồng");
    expect(again.matches.map((m) => m.target)).toEqual([
      { op: "gt", value: 95 },
      { op: "gte", value: 5 },
    ]);
    expect(again.strayFigures).toEqual([]);
    const phrase = parseTargetPhrase("trên 99%");
    if (phrase.ok) (phrase.value.target as { value: number }).value = 1;
    expect(parseTargetPhrase("trên 99%")).toEqual({
      ok: true,
      value: { target: { op: "gt", value: 99 }, unit: "%", change: false },
    });
  });
});
