import "../fakes/custom-functions";
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FakeCustomFunctionError } from "../fakes/custom-functions";
import { danhgia_, dat_, so_, socungky_, tyle_ } from "../../src/functions/functions";
import { allIndicators } from "../../src/core/model";
import { formatTarget } from "../../src/core/target";
import { evaluatePlan } from "../../src/workbook/evaluate";
import { TRACKING_SHEET, colIndex, sheetLayout, type ColumnKey } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { syntheticFigures, syntheticResolution, writtenFile } from "../../support/synthetic";

const one = <T>(fn: () => T[][]) => fn()[0]![0];
const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a #VALUE!/#N/A error");
};

describe("CHITIEU.DAT and CHITIEU.DANHGIA with every target kind, as Excel passes cells", () => {
  test.each([
    // actual (as the cell holds it), target phrase or number, DANHGIA
    [0.995, "trên 99%", "Đạt"],
    [0.99, "trên 99%", "Cơ bản đạt"],
    [0.006, "không quá 0,6%", "Đạt"],
    [0.005, "không quá 0,6%", "Vượt"],
    [0.07, "không quá 7%", "Đạt"],
    [0.14, "dưới 15%", "Đạt"],
    [0.155, "dưới 15%", "Cơ bản đạt"],
    [0.16, "dưới 15%", "Không đạt"],
    [0.75, ">=75%", "Đạt"],
    [0.5, ">=75%", "Không đạt"],
    [4, "từ 3 - 5", "Đạt"],
    [6, "từ 3 - 5", "Vượt"],
    [4, "thứ 5 trở lên", "Vượt"],
    [6, "thứ 5 trở lên", "Không đạt"],
    ["Hoàn thành tốt nhiệm vụ", "hoàn thành tốt nhiệm vụ trở lên", "Đạt"],
    ["Hoàn thành nhiệm vụ", "hoàn thành tốt nhiệm vụ trở lên", "Không đạt"],
    [27625, "27.625 triệu đồng", "Đạt"],
    [30000, "27.625 triệu đồng", "Vượt"],
    ["Đạt", "Đạt", "Đạt"],
    [7, "7/7 tổ dân phố", "Đạt"],
    [10, 8, "Vượt"],
    [0.9, 0.9, "Đạt"],
    [11, "không quá 11‰", "Đạt"],
    ["", "trên 99%", "Chưa có số liệu"],
    [null, "trên 99%", "Chưa có số liệu"],
  ])("%p against %p → %s", (actual, target, status) => {
    expect(one(() => danhgia_([[actual]], [[target]]))).toBe(status);
    expect(one(() => dat_([[actual]], [[target]]))).toBe(status === "Vượt" || status === "Đạt");
  });

  test.each(["\u00a0", "\u202f", "\u200b ", "\u2009", "\t"])(
    "a phrase with %j for a space judges exactly as with a space",
    (space) => {
      for (const [actual, phrase] of [
        [0.011, "tối đa 1%"],
        [0.006, "không quá 0,6%"],
        [4, "từ 3 - 5 đảng viên"],
        ["Hoàn thành tốt nhiệm vụ", "hoàn thành tốt nhiệm vụ trở lên"],
      ] as const)
        expect(one(() => danhgia_([[actual]], [[phrase.replace(/ /g, space)]]))).toBe(
          one(() => danhgia_([[actual]], [[phrase]])),
        );
      expect(one(() => danhgia_([["Hoàn\u00a0thành tốt\u200b nhiệm vụ"]], [["hoàn thành tốt nhiệm vụ trở lên"]]))).toBe(
        "Đạt",
      );
    },
  );

  test("the tolerance is optional and may be given", () => {
    expect(one(() => danhgia_([[0.9]], [["đạt 98%"]]))).toBe("Không đạt");
    expect(one(() => danhgia_([[0.9]], [["đạt 98%"]], 0.1))).toBe("Cơ bản đạt");
    expect(one(() => danhgia_([[0.9]], [["đạt 98%"]], null))).toBe("Không đạt");
    expect(err(() => danhgia_([[0.9]], [["đạt 98%"]], 5))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Dung sai/),
    });
  });

  test("a whole column of figures against a column of targets, or against one target", () => {
    expect(danhgia_([[0.995], [0.5], [""]], [["trên 99%"], ["trên 99%"], ["trên 99%"]])).toEqual([
      ["Đạt"],
      ["Không đạt"],
      ["Chưa có số liệu"],
    ]);
    expect(dat_([[0.995], [0.5]], [["trên 99%"]])).toEqual([[true], [false]]);
    const mixed = danhgia_([[0.995], ["abc"]], [["trên 99%"]]);
    expect(mixed[0]![0]).toBe("Đạt");
    expect(mixed[1]![0]).toBeInstanceOf(FakeCustomFunctionError);
  });

  test("ranges of different shapes are refused with a message", () => {
    expect(err(() => dat_([[1], [2]], [["a"], ["b"], ["c"]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/cùng kích thước/),
    });
  });
});

describe("errors are #VALUE! with a Vietnamese message saying what was expected", () => {
  test.each([
    [0.5, "abc", /Chỉ tiêu cần viết như trong nghị quyết/],
    [0.5, "", /Chưa có chỉ tiêu/],
    [0.5, true, /con số hoặc cụm từ/],
    ["nhiều", "trên 99%", /cần một con số, đang là chữ "nhiều"/],
    [true, "trên 99%", /cần một con số/],
    [99.5, "trên 99%", /không được lớn hơn 100%/],
    ["Tốt", "hoàn thành tốt nhiệm vụ trở lên", /Hoàn thành tốt nhiệm vụ/],
    [2.5, "thứ 5 trở lên", /số nguyên/],
  ])("DANHGIA(%p; %p)", (actual, target, message) => {
    const e = err(() => danhgia_([[actual]], [[target]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });
});

describe("a target given as numeric text reads as that number", () => {
  test.each([
    [98, "98"],
    [97, "98"],
    [27625, "27.625"],
  ])("%p against %p judges as against the number", (a, t) => {
    const n = Number(t.replace(".", ""));
    expect(one(() => danhgia_([[a]], [[t]]))).toBe(one(() => danhgia_([[a]], [[n]])));
    expect(one(() => dat_([[a]], [[t]]))).toBe(one(() => dat_([[a]], [[n]])));
  });
});

describe("CHITIEU.TYLE", () => {
  test.each([
    [0.88, "đạt 80%", 1.1],
    [0.003, "không quá 0,6%", 0.5],
    [6, "từ 4 - 5", 1.5],
    [63, 70, 0.9],
  ])("%p against %p → %p", (a, t, ratio) => expect(one(() => tyle_([[a]], [[t]]))).toBeCloseTo(ratio, 12));
  test.each([
    [3, "thứ 5 trở lên"],
    ["Đạt", "Đạt"],
    ["", "đạt 80%"],
    [0.5, 0],
  ])("%p against %p → #N/A", (a, t) => expect(err(() => tyle_([[a]], [[t]])).code).toBe("#N/A"));
});

describe("CHITIEU.SO", () => {
  test.each([
    ["27.625", 27625],
    ["0,6", 0.6],
    ["01", 1],
    ["1.234.567,89", 1234567.89],
    ["99,5%", 0.995],
    ["27.625 triệu đồng", 27625],
    ["Thu ngân sách: 4.909 triệu", 4909],
    [12, 12],
  ])("%p → %p", (text, n) => expect(one(() => so_([[text]]))).toBe(n));
  test.each([
    ["abc", /Không thấy con số/],
    ["từ 3 - 5", /2 con số/],
    ["", /Cần một văn bản có số/],
    ["1.2.3", /Không đọc được số/],
    ["1e5", /số mũ/],
    ["2,5E-3", /số mũ/],
  ])("%p is #VALUE!", (text, message) => expect(err(() => so_([[text]])).message).toMatch(message));
  test("a column of texts gives a column of numbers", () => expect(so_([["1.000"], ["2,5"]])).toEqual([[1000], [2.5]]));
});

describe("CHITIEU.SOCUNGKY: the figure ÷ last year's, as the sheet's “So với cùng kỳ” column", () => {
  test.each([
    [110, 100, 1.1],
    [0.55, 0.6, 0.55 / 0.6],
    [27625, 26000, 27625 / 26000],
  ])("%p against %p", (a, p, ratio) => expect(one(() => socungky_([[a]], [[p]]))).toBeCloseTo(ratio, 12));

  test.each([
    [110, 0, /cùng kỳ khác 0/],
    ["", 100, /hai con số/],
    [110, "abc", /hai con số/],
  ])("%p against %p is #N/A", (a, p, message) => {
    const e = err(() => socungky_([[a]], [[p]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(message);
  });

  test("a rank, a rating or a qualitative target has no comparison; a figure the sheet refuses is #VALUE!", () => {
    expect(err(() => socungky_([[4]], [[6]], "thứ 5 trở lên")).code).toBe("#N/A");
    expect(err(() => socungky_([["Đạt"]], [["Đạt"]], "Đạt")).code).toBe("#N/A");
    expect(err(() => socungky_([[1.5]], [[0.9]], "trên 99%")).code).toBe("#VALUE!");
    expect(err(() => socungky_([[1, 2]], [[1, 2, 3]])).message).toMatch(/vùng cùng kỳ \(1×3\)/u);
  });

  test("equals the tracking sheet's formula over every kind, figures and last year's chosen at random", () => {
    const res = syntheticResolution(120, 41);
    const figures = syntheticFigures(res, 42, 0.05);
    const previous = syntheticFigures(res, 43, 0.05);
    const content = writtenFile(res, { actuals: figures, previous: { nam: previous } });
    const plan = buildWorkbookPlan(res, { content, periods: ["nam"] });
    const shown = evaluatePlan(plan).get(TRACKING_SHEET)!;
    const layout = sheetLayout(["nam"]);
    const at = (row: number, key: ColumnKey) => shown.get(row * 16384 + colIndex(key, layout));
    let compared = 0;
    for (const ind of allIndicators(res)) {
      const row = plan.rows.find((x) => x.id === ind.id)!.row;
      const cell = (k: "figures" | "previous") =>
        k === "figures" ? (content.rows[ind.id]?.figures.nam ?? null) : (content.rows[ind.id]?.previous?.nam ?? null);
      const sheet = at(row, "change");
      // The target as the sheet's technical cells hold it (a resolution's own words may be vaguer).
      let fn: unknown;
      try {
        fn = one(() => socungky_([[cell("figures")]], [[cell("previous")]], formatTarget(ind.target, ind.unit)));
      } catch {
        fn = "";
      }
      expect([ind.id, fn]).toEqual([ind.id, sheet === "" ? "" : sheet]);
      if (sheet !== "") compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe("metadata (golden file: the shipped dist/functions.json → test/functions/functions.expected.json)", () => {
  const golden = path.join(__dirname, "functions.expected.json");
  let metadata: {
    functions: {
      id: string;
      name: string;
      description: string;
      parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
    }[];
  };

  let generated: Record<string, unknown>;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson);
    metadata = JSON.parse(readFileSync(path.join(__dirname, "../../dist/functions.json"), "utf8"));
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
      if (process.env.CI === "true") throw new Error("missing golden file");
      writeFileSync(golden, `${JSON.stringify(metadata, null, 2)}\n`);
    }
  });

  test("equals the golden file", () => expect(metadata).toEqual(JSON.parse(readFileSync(golden, "utf8"))));

  test("holds only keys Excel 2021 knows (CustomFunctionsRuntime 1.3): no data-types key", () => {
    const { allowCustomDataForDataTypeAny, ...rest } = generated;
    // The generator adds the 1.4 key; the build drops it and nothing else.
    expect(allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata).toEqual(rest);
    expect(Object.keys(metadata)).toEqual(["functions"]);
    const FUNCTION_KEYS = ["id", "name", "description", "helpUrl", "parameters", "result", "options"];
    const OPTION_KEYS = ["cancelable", "requiresAddress", "stream", "volatile", "requiresParameterAddresses"];
    for (const f of metadata.functions as unknown as Record<string, unknown>[]) {
      expect(Object.keys(f).filter((k) => !FUNCTION_KEYS.includes(k))).toEqual([]);
      expect(Object.keys((f.options ?? {}) as object).filter((k) => !OPTION_KEYS.includes(k))).toEqual([]);
    }
  });

  test("ids, names, parameters and the optional tolerance", () => {
    expect(
      metadata.functions.map((f) => [
        f.id,
        f.name,
        f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", Boolean(p.optional)]),
      ]),
    ).toEqual([
      [
        "DAT",
        "DAT",
        [
          ["thuc_hien", "any", "matrix", false],
          ["chi_tieu", "any", "matrix", false],
        ],
      ],
      [
        "DANHGIA",
        "DANHGIA",
        [
          ["thuc_hien", "any", "matrix", false],
          ["chi_tieu", "any", "matrix", false],
          ["dung_sai", "any", "scalar", true],
        ],
      ],
      [
        "TYLE",
        "TYLE",
        [
          ["thuc_hien", "any", "matrix", false],
          ["chi_tieu", "any", "matrix", false],
        ],
      ],
      [
        "SOCUNGKY",
        "SOCUNGKY",
        [
          ["thuc_hien", "any", "matrix", false],
          ["cung_ky", "any", "matrix", false],
          ["chi_tieu", "any", "scalar", true],
        ],
      ],
      ["SO", "SO", [["van_ban", "any", "matrix", false]]],
    ]);
  });

  test("descriptions are Vietnamese with diacritics (NFC)", () => {
    for (const f of metadata.functions)
      for (const text of [f.description, ...f.parameters.map((p) => p.description)]) {
        expect(text).toMatch(/[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ]/iu);
        expect(text.normalize("NFC")).toBe(text);
      }
  });

  test("the built dist/functions.json is the same metadata", () => {
    const built = path.join(__dirname, "../../dist/functions.json");
    if (!existsSync(built)) {
      if (process.env.CI === "true") throw new Error("dist/functions.json missing: npm test builds first");
      console.warn("SKIPPED: dist/functions.json not built (run npm run build)");
      return;
    }
    expect(JSON.parse(readFileSync(built, "utf8"))).toEqual(metadata);
  });
});

describe("CHITIEU.DANHGIA reads negated and compound comparators (semantics section 1)", () => {
  test.each([
    // actual, target phrase, DANHGIA: each row fails if the phrase is read with the wrong op
    [0.05, "không vượt 2%", "Không đạt"],
    [0.02, "không vượt 2%", "Đạt"],
    [0.015, "không vượt 2%", "Vượt"],
    [0.05, "không cao hơn 5%", "Đạt"],
    [0.06, "không cao hơn 5%", "Không đạt"],
    [0.95, "không thấp hơn 95%", "Đạt"],
    [0.9, "không thấp hơn 95%", "Không đạt"],
    [0.9, "không dưới 90%", "Đạt"],
    [0.95, "không dưới 90%", "Vượt"],
    [0.9, "bằng hoặc cao hơn 90%", "Đạt"],
    [0.85, "bằng hoặc cao hơn 90%", "Không đạt"],
    [0.01, "thấp hơn hoặc bằng 1%", "Đạt"],
    [0.005, "thấp hơn hoặc bằng 1%", "Vượt"],
    [0.02, "thấp hơn hoặc bằng 1%", "Không đạt"],
  ])("%p against %p → %s", (actual, target, status) => {
    expect(one(() => danhgia_([[actual]], [[target]]))).toBe(status);
  });
});
