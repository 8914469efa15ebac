import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { mergeContent } from "../../src/core/content";
import { actualsFileFromJson, InputError } from "../../src/core/input";
import { allIndicators, type Indicator } from "../../src/core/model";
import { previousChange, previousWords } from "../../src/core/previous";
import { evaluatePeriod, reviewText } from "../../src/core/report";

/** The same period last year (semantics section 9), on the built-in 2022 resolution of phường Trần Phú. */

const ind = (id: string): Indicator => allIndicators(BUILTIN_RESOLUTION).find((i) => i.id === id)!;
const read = (data: unknown) => actualsFileFromJson(data, BUILTIN_RESOLUTION, "Tệp số liệu");

describe("the comparison with the same period last year", () => {
  test("amounts and counts change by a percentage with one decimal; equal is “bằng cùng kỳ”", () => {
    // Budget revenue (II.3.a) as cells hold it: plain numbers.
    expect(previousWords(ind("II.3.a"), 30387.5, 29000)).toBe("tăng 4,8% so với cùng kỳ");
    expect(previousWords(ind("II.3.c"), 4700, 4800)).toBe("giảm 2,1% so với cùng kỳ");
    expect(previousWords(ind("II.4"), 16, 16)).toBe("bằng cùng kỳ");
    // 0,04% more rounds to 0,0: said as equal, not "tăng 0%".
    expect(previousWords(ind("II.3.a"), 10004, 10000)).toBe("bằng cùng kỳ");
    expect(previousChange(ind("II.3.a"), 30387.5, 29000)).toBeCloseTo(1.0478448, 6);
  });

  test("rates (%, ‰) change by points, the difference of the figures as written", () => {
    // Poverty 0,55% → 0,25% (cells 0.0055 and 0.0025): 0,3 points down.
    expect(previousWords(ind("III.1"), 0.0025, 0.0055)).toBe("giảm 0,3 điểm phần trăm so với cùng kỳ");
    expect(previousWords(ind("III.2"), 0.992, 0.985)).toBe("tăng 0,7 điểm phần trăm so với cùng kỳ");
    expect(previousWords(ind("III.3.a"), 10.5, 11.2)).toBe("giảm 0,7 điểm phần nghìn so với cùng kỳ");
  });

  test("none for a rank, a rating or an answer, a blank, a word, last year's 0, or a figure not acceptable", () => {
    expect(previousChange(ind("V.2"), 4, 6)).toBeNull();
    expect(previousChange(ind("I.4.a"), "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ")).toBeNull();
    expect(previousChange(ind("III.5"), "Đạt", "Đạt")).toBeNull();
    expect(previousChange(ind("II.3.a"), 100, null)).toBeNull();
    expect(previousChange(ind("II.3.a"), null, 100)).toBeNull();
    expect(previousChange(ind("II.3.a"), 100, "abc")).toBeNull();
    expect(previousChange(ind("II.3.a"), 100, 0)).toBeNull();
    expect(previousChange(ind("II.3.a"), 100, 50, false)).toBeNull();
    expect(previousWords(ind("II.3.a"), 100, 0)).toBeNull();
  });
});

describe("$previous in the actuals file", () => {
  test("per period or plain (the year), in cell form beside the figures; evaluate's previous and change", () => {
    const { content, periods } = read({
      "II.3.a": { "6t": 15000, nam: 30387.5 },
      "III.1": 0.25,
      $previous: { "II.3.a": { "6t": 14200, nam: 29000 }, "III.1": 0.55 },
    });
    expect(periods).toEqual(["6t", "nam"]);
    expect(content.rows["II.3.a"]!.previous).toEqual({ "6t": 14200, nam: 29000 });
    expect(content.rows["III.1"]!.previous!.nam).toBeCloseTo(0.0055, 12);
    const year = evaluatePeriod(BUILTIN_RESOLUTION, content, "nam");
    const a = year.find((x) => x.id === "II.3.a")!;
    expect(a.previous).toBe(29000);
    expect(a.change).toBe(30387.5 / 29000);
    const text = reviewText(BUILTIN_RESOLUTION, content, "nam");
    expect(text).toContain(
      "Thu ngân sách: 30.387,5 triệu đồng, đạt 110% chỉ tiêu nghị quyết, tăng 4,8% so với cùng kỳ (Vượt).",
    );
    expect(text).toContain(
      "Tỷ lệ hộ nghèo: 0,25%, bằng 41,7% chỉ tiêu nghị quyết, giảm 0,3 điểm phần trăm so với cùng kỳ (Vượt).",
    );
    // Six months of a cumulative indicator: against the year's plan, then last year's six months.
    expect(reviewText(BUILTIN_RESOLUTION, content, "6t")).toContain(
      "Thu ngân sách: 15.000 triệu đồng, đạt 54,3% kế hoạch năm, tăng 5,6% so với cùng kỳ (Vượt).",
    );
  });

  test("last year's figures never become this year's, and merge by the rule of figures", () => {
    const { content } = read({ $previous: { "II.3.a": 29000 } });
    expect(content.rows["II.3.a"]!.figures).toEqual({});
    const merged = mergeContent(
      { rows: { "II.3.a": { figures: { nam: 1 }, previous: { "6t": 5, nam: 7 } } } },
      { rows: { "II.3.a": { figures: {}, previous: { nam: 9, "6t": "" } } } },
    );
    expect(merged.rows["II.3.a"]).toEqual({ figures: { nam: 1 }, previous: { "6t": 5, nam: 9 } });
  });

  test("unknown ids, wrong figures and a wrong shape are refused in Vietnamese, naming $previous", () => {
    const message = (data: unknown) => {
      try {
        read(data);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error("not refused");
    };
    expect(message({ $previous: { "IX.9": 1 } })).toMatch(/\$previous.*không có trong nghị quyết: "IX\.9"/u);
    expect(message({ $previous: { "II.3.a": { "6t": "nhiều" } } })).toMatch(/\$previous, 6 tháng\).*II\.3\.a/su);
    expect(message({ $previous: { "II.3.a": { q5: 1 } } })).toMatch(/\$previous.*kỳ "q5" không có/u);
    expect(message({ $previous: [1, 2] })).toMatch(/\$previous.*cần một đối tượng/u);
  });
});
