import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { actualsFromJson, actualsHints, resolutionFromJson } from "../../src/core/input";

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error");
};

/** English or zod's stock wording that staff should never read. */
const FOREIGN =
  /mong đợi|nhận được|Đầu vào không hợp lệ|\b(string|number|record|undefined|object|array|boolean|expected|received|Invalid)\b/u;

describe("schema messages in plain Vietnamese, naming what was expected and what was found", () => {
  test("missing and mistyped fields of a resolution", () => {
    const m = errorOf(() => resolutionFromJson({ title: 1, sections: "x" }, "nq.json"));
    expect(m).toContain("title: cần một chuỗi chữ, đang là số 1");
    expect(m).toContain("organization: thiếu (cần một chuỗi chữ)");
    expect(m).toContain('sections: cần một danh sách [ ], đang là chữ "x"');
    expect(m).not.toMatch(FOREIGN);
  });

  test("a target without its number, a rank below 1, an unknown key", () => {
    const res = (target: unknown, extra: object = {}) => ({
      title: "t",
      organization: "o",
      year: 2024,
      sections: [{ id: "I", title: "s", indicators: [{ id: "I.1", text: "x", unit: "%", target, ...extra }] }],
      warnings: [],
    });
    const a = errorOf(() => resolutionFromJson(res({ op: "gte" }), "nq.json"));
    expect(a).toContain("(mã I.1).target.value: thiếu (cần một con số)");
    const b = errorOf(() => resolutionFromJson(res({ op: "rank", value: 0 }), "nq.json"));
    expect(b).toMatch(/target\.value: phải từ 1 trở lên, đang là số 0/u);
    const c = errorOf(() => resolutionFromJson(res({ op: "gte", value: 5, extra: 1 }), "nq.json"));
    expect(c).toMatch(/có trường không dùng được: "extra"/u);
    for (const m of [a, b, c]) expect(m).not.toMatch(FOREIGN);
  });

  test.each([
    [true, "giá trị đúng/sai (true)"],
    [[1], "một danh sách [ ]"],
    [{ v: 1 }, "một đối tượng { }"],
  ])("a figure %j says a number was expected and what it is", (figure, found) => {
    const m = errorOf(() => actualsFromJson({ "III.2": figure }, BUILTIN_RESOLUTION, "so-lieu.json"));
    expect(m).toContain(`III.2: cần một con số (ví dụ 99.5 cho 99,5%)`);
    expect(m).toContain(`đang là ${found}`);
    expect(m).not.toMatch(FOREIGN);
  });

  test("figures given as a list instead of an object", () => {
    const m = errorOf(() => actualsFromJson([1, 2], BUILTIN_RESOLUTION, "so-lieu.json"));
    expect(m).toContain("(gốc): cần một đối tượng { }, đang là một danh sách [ ]");
  });
});

describe("hints for figures that are valid but surely mistyped", () => {
  test("a percentage below 1 against a target of 1% or more is a warning, not an error", () => {
    const actuals = actualsFromJson({ "III.2": 0.995, "III.1": 0.55, "I.5": 88 }, BUILTIN_RESOLUTION, "a.json");
    expect(actuals["III.2"]).toBe(0.995);
    // III.1 is "không quá 0,6%": 0,55% is a real figure there.
    expect(actualsHints(actuals, BUILTIN_RESOLUTION, "a.json")).toEqual([
      "a.json, chỉ tiêu III.2: 0,995% — có phải 99,5%? Tỷ lệ ghi theo phần trăm (99.5 là 99,5%).",
    ]);
  });

  test("counts, money and ratings below 1 get no hint", () => {
    const actuals = { "V.2": 0, "II.3.a": 0.5 };
    expect(actualsHints(actuals, BUILTIN_RESOLUTION, "a.json")).toEqual([]);
  });
});
