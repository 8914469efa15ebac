import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { actualsFileFromJson } from "../../src/core/input";
import { allIndicators } from "../../src/core/model";
import { finalStatus, judgePeriod, proposeCumulative, scaleTarget } from "../../src/core/periods";
import { evaluatePeriod, reviewText } from "../../src/core/report";
import { figuresOf } from "../../support/synthetic";

const ind = (id: string) => allIndicators(BUILTIN_RESOLUTION).find((i) => i.id === id)!;

describe("review periods (semantics section 6)", () => {
  test("the core proposes which indicators build up over the year", () => {
    const cumulative = allIndicators(BUILTIN_RESOLUTION)
      .filter(proposeCumulative)
      .map((i) => i.id);
    // Money collected or spent, members admitted, establishments founded; not rates, per capita, ranks.
    expect(cumulative).toEqual(expect.arrayContaining(["I.2.a", "II.3.a", "II.3.b", "II.3.c", "II.4"]));
    for (const id of ["I.2.b", "II.1", "III.1", "V.2", "I.4.a", "III.5"]) expect(cumulative).not.toContain(id);
    expect(proposeCumulative({ ...ind("I.2.a"), cumulative: false } as never)).toBe(true);
    // Counts of what was added during the year (issue 23), wherever the verb stands; not growth rates or "tăng cường".
    const count = (text: string, targetText = "3 cơ sở") =>
      proposeCumulative({ text, unit: "cơ sở", targetText, target: { op: "gte", value: 3 } });
    expect(count("Số cơ sở SXKD cá thể phi nông nghiệp tăng")).toBe(true);
    expect(count("Số doanh nghiệp thành lập mới")).toBe(true);
    expect(count("Đảng viên phát triển mới")).toBe(true);
    expect(count("Số hợp tác xã", "tăng 3 cơ sở")).toBe(true);
    expect(count("Tăng cường kiểm tra cơ sở kinh doanh")).toBe(false);
    expect(count("Số cơ sở đạt chuẩn")).toBe(false);
    expect(proposeCumulative({ text: "Tốc độ tăng trưởng kinh tế", unit: "%", target: { op: "gte", value: 8 } })).toBe(
      false,
    );
  });

  test("before the year's end a cumulative target is pro-rated; its ratio is against the year", () => {
    expect(scaleTarget({ op: "range", min: 3, max: 5 }, 0.5)).toEqual({ op: "range", min: 1.5, max: 2.5 });
    expect(scaleTarget({ op: "rank", value: 5 }, 0.5)).toEqual({ op: "rank", value: 5 });
    // "8/10 tổ dân phố": the level is pro-rated, the whole it is out of is not (8 of 10 stays a valid figure).
    expect(scaleTarget({ op: "gte", value: 8, of: 10 }, 0.5)).toEqual({ op: "gte", value: 4, of: 10 });
    const share = { id: "X.1", text: "Tổ dân phố đạt chuẩn văn minh", unit: "tổ dân phố", cumulative: true };
    expect(judgePeriod({ ...share, target: { op: "gte", value: 10, of: 10 } }, 8, "6t").status).toBe("Vượt");
    // 15.000 of 27.625 triệu at six months: on track (more than half), 54,3% of the year's plan.
    const mid = judgePeriod(ind("II.3.a"), 15000, "6t");
    expect(mid.status).toBe("Vượt");
    expect(mid.ratio).toBeCloseTo(15000 / 27625, 10);
    expect(judgePeriod(ind("II.3.a"), 15000, "nam").status).toBe("Không đạt");
    expect(judgePeriod(ind("II.3.a"), 20000, "9t").status).toBe("Cơ bản đạt");
    // Rates are judged against the target itself in every period.
    expect(judgePeriod(ind("III.1"), 0.7, "6t").status).toBe(judgePeriod(ind("III.1"), 0.7, "nam").status);
    expect(judgePeriod({ ...ind("II.3.a"), cumulative: false }, 15000, "6t").status).toBe("Không đạt");
  });

  test("staff's own assessment wins for the year", () => {
    expect(finalStatus("Cơ bản đạt", { status: "Đạt" })).toBe("Đạt");
    expect(finalStatus("Cơ bản đạt", undefined)).toBe("Cơ bản đạt");
  });
});

describe("figures per period, estimates and staff's assessments in the actuals file", () => {
  const file = actualsFileFromJson(
    {
      "II.3.a": { "6t": 15000, nam: 30387.5 },
      "III.1": 0.55,
      "II.3.c": { nam: 5100 },
      $estimates: ["nam"],
      $overrides: { "II.3.c": { status: "Đạt", reason: "tiết kiệm chi" } },
    },
    BUILTIN_RESOLUTION,
    "so-lieu.json",
  );

  test("a plain value is the year's; an object gives each period's", () => {
    expect(file.periods).toEqual(["6t", "nam"]);
    expect(figuresOf(file.content, "6t")).toEqual({ "II.3.a": 15000 });
    // In cell form: 0,55% is the Excel percentage 0.0055.
    expect(figuresOf(file.content, "nam")).toEqual({ "II.3.a": 30387.5, "III.1": 0.0055, "II.3.c": 5100 });
    expect(file.content.estimates).toEqual(["nam"]);
  });

  test("bad periods, statuses and ids are refused in Vietnamese", () => {
    const bad = (data: object) => () => actualsFileFromJson(data, BUILTIN_RESOLUTION, "f.json");
    expect(bad({ "II.3.a": { "12t": 1 } })).toThrow(/kỳ "12t" không có; các kỳ là "3t", "6t", "9t", "nam"/);
    expect(bad({ $overrides: { "II.3.a": { status: "Tốt" } } })).toThrow(/\$overrides.*phải là một trong/s);
    expect(bad({ $overrides: { "IX.1": { status: "Đạt" } } })).toThrow(/\(\$overrides\) có mã chỉ tiêu không có/);
    expect(bad({ $estimates: ["quý 3"] })).toThrow(/\$estimates/);
    expect(bad({ "II.3.a": { "6t": "abc" } })).toThrow(/\(6 tháng\).*II\.3\.a: cần một con số/s);
  });

  test("the year's final status uses staff's assessment; the rule's stays beside it", () => {
    const year = evaluatePeriod(BUILTIN_RESOLUTION, file.content, "nam").find((x) => x.id === "II.3.c")!;
    expect([year.rule, year.status]).toEqual(["Cơ bản đạt", "Đạt"]);
  });

  test("the review text (semantics section 8): the overall sentence exactly, then sections and figures", () => {
    const year = reviewText(BUILTIN_RESOLUTION, file.content, "nam");
    expect(year[0]).toBe(
      "Kết quả ước cả năm: có 3/45 chỉ tiêu đạt và vượt (vượt 2, đạt 1), 0 chỉ tiêu cơ bản đạt, 0 chỉ tiêu không đạt, 42 chỉ tiêu chưa có số liệu.",
    );
    expect(year).toContain("Thu ngân sách: 30.387,5 triệu đồng, ước đạt 110% chỉ tiêu nghị quyết (Vượt).");
    expect(year).toContain(
      "Chi ngân sách Nhà nước: 5.100 triệu đồng, ước bằng 103,9% chỉ tiêu nghị quyết (Cơ bản đạt; đánh giá lại: Đạt).",
    );
    const mid = reviewText(BUILTIN_RESOLUTION, file.content, "6t");
    expect(mid[0]).toBe(
      "Kết quả 6 tháng: có 1/45 chỉ tiêu đạt và vượt (vượt 1, đạt 0), 0 chỉ tiêu cơ bản đạt, 0 chỉ tiêu không đạt, 44 chỉ tiêu chưa có số liệu.",
    );
    expect(mid).toContain("Thu ngân sách: 15.000 triệu đồng, đạt 54,3% kế hoạch năm (Vượt).");
    // No empty lines: indicators without a figure are only counted.
    expect(year.every((l) => l.trim() !== "")).toBe(true);
  });

  test("how the words read (section 8): đạt/bằng, kế hoạch năm, ranks, answers, every status of a section", () => {
    const words = actualsFileFromJson(
      {
        "II.3.c": { "6t": 2300 },
        "II.3.a": { "6t": 13300 },
        "V.2": { "6t": 7 },
        "III.5": { "6t": "Đạt" },
        "VI.1": { "6t": "Không đạt" },
        "I.4.a": { "6t": "Hoàn thành nhiệm vụ" },
        "I.1.c": { "6t": 74 },
        "II.2.b": { "6t": 17 },
      },
      BUILTIN_RESOLUTION,
      "so-lieu.json",
    );
    const mid = reviewText(BUILTIN_RESOLUTION, words.content, "6t");
    // The seed's spending at six months (issue 23): a ceiling's share, read "bằng", against the year's plan.
    expect(mid).toContain("Chi ngân sách Nhà nước: 2.300 triệu đồng, bằng 46,9% kế hoạch năm (Vượt).");
    expect(mid).toContain(
      "Xếp hạng cải cách hành chính toàn thành phố: xếp thứ 7 (chỉ tiêu: thứ 5 trở lên) (Không đạt).",
    );
    expect(mid.find((l) => l.startsWith("Trường"))).toMatch(/: Đạt\.$/u);
    expect(mid.find((l) => l.startsWith("Cơ sở an toàn"))).toMatch(/: Không đạt\.$/u);
    expect(mid.find((l) => l.startsWith("Đảng bộ phường"))).toMatch(/: Hoàn thành nhiệm vụ \(Không đạt\)\.$/u);
    expect(mid.join("\n")).not.toMatch(/thứ hạng|Đạt \(Đạt\)|Không đạt \(Không đạt\)/u);
    expect(mid.find((l) => l.startsWith("Tỷ trọng công nghiệp"))).toMatch(
      /, bằng 113,3% chỉ tiêu nghị quyết \(Không đạt\)/u,
    );
    expect(mid.find((l) => l.startsWith("Phần I."))).toBe(
      "Phần I. CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ: 0/12 chỉ tiêu đạt và vượt, 1 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 10 chỉ tiêu chưa có số liệu.",
    );
    expect(mid.find((l) => l.startsWith("Phần II."))).toBe(
      "Phần II. NHIỆM VỤ CHÍNH TRỊ: 1/10 chỉ tiêu đạt và vượt (vượt 1), 1 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 7 chỉ tiêu chưa có số liệu.",
    );
  });
});
