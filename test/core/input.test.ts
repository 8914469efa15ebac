import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import {
  ActualsFileSchema,
  InputError,
  actualsFileFromJson,
  actualsFromJson,
  parseJson,
  resolutionFromJson,
  resolutionFromText,
} from "../../src/core/input";
import { locateJsonError } from "../../src/core/json-locate";

describe("reading input files", () => {
  test("JSON errors name the source and, with the locator, the line and column", () => {
    expect(() => parseJson("", "Tệp a.json")).toThrow(new InputError("Tệp a.json đang trống."));
    expect(() => parseJson('{\n  "a": 1,\n  x\n}', "Tệp a.json", locateJsonError)).toThrow(
      /Tệp a\.json .*dòng 3, cột 3/u,
    );
    expect(parseJson('\ufeff{"a":1}', "x")).toEqual({ a: 1 });
  });

  test("a resolution JSON with a repeated id is refused, naming the id and its path", () => {
    const dup = structuredClone(BUILTIN_RESOLUTION);
    dup.sections[1]!.indicators[0]!.id = "I.1.a";
    expect(() => resolutionFromJson(dup, "Tệp nq.json")).toThrow(/sections\[1\].*indicators\[0\].*"I\.1\.a" bị trùng/u);
  });

  test("text that looks like JSON is read as JSON; other text as a resolution", () => {
    expect(resolutionFromText(JSON.stringify(BUILTIN_RESOLUTION), "x").sections).toHaveLength(6);
    expect(() => resolutionFromText("Không có gì", "Tệp a.txt")).toThrow(/^Tệp a\.txt: /u);
  });

  test("figures: unknown ids and wrong figures are errors that name them", () => {
    expect(actualsFromJson({ "III.1": 0.55, "I.4.a": "Hoàn thành tốt nhiệm vụ" }, BUILTIN_RESOLUTION, "s")).toEqual({
      "III.1": 0.55,
      "I.4.a": "Hoàn thành tốt nhiệm vụ",
    });
    expect(() => actualsFromJson({ "IX.9": 1 }, BUILTIN_RESOLUTION, "Tệp s.json")).toThrow(/"IX\.9"/u);
    expect(() => actualsFromJson({ "III.2": 150 }, BUILTIN_RESOLUTION, "Tệp s.json")).toThrow(
      /chỉ tiêu III\.2: không được lớn hơn 100%/u,
    );
  });
});

describe("the actuals file schema (what `chitieu schema` prints) and the reader agree", () => {
  const accepted = [
    { "II.3.a": { "6t": 15000, nam: 30387.5 }, "III.1": { nam: 0.55 } },
    { "II.3.a": 15000, $estimates: ["nam"], $overrides: { "II.3.c": { status: "Đạt", reason: "tiết kiệm" } } },
    { $notes: { "I.2.a": "theo báo cáo chi bộ" }, "I.4.a": "Hoàn thành tốt nhiệm vụ", "V.2": null },
  ];
  const refused = [
    { "II.3.a": { "12t": 1 } },
    { $estimates: ["quy1"] },
    { $overrides: { "II.3.c": { status: "Tốt" } } },
    { $khac: 1 },
    { "II.3.a": [1, 2] },
  ];
  test.each(accepted.map((x) => [JSON.stringify(x), x]))("accepted by both: %s", (_n, x) => {
    expect(ActualsFileSchema.safeParse(x).success).toBe(true);
    expect(() => actualsFileFromJson(x, BUILTIN_RESOLUTION, "t.json")).not.toThrow();
  });
  test.each(refused.map((x) => [JSON.stringify(x), x]))("refused by both: %s", (_n, x) => {
    expect(ActualsFileSchema.safeParse(x).success).toBe(false);
    expect(() => actualsFileFromJson(x, BUILTIN_RESOLUTION, "t.json")).toThrow(InputError);
  });
});
