import fc from "fast-check";
import {
  COMPARATORS,
  COMPARATOR_FORMS,
  NEGATORS,
  WRITTEN,
  complement,
  readComparator,
} from "../../src/core/comparators";
import { checkFigure, judge } from "../../src/core/judge";
import { allIndicators, type ComparisonOp } from "../../src/core/model";
import { parseResolution } from "../../src/core/parser";
import { parseTargetPhrase, scanTargets } from "../../src/core/target";

const strict = COMPARATORS.filter(
  (c) => c.at === "before" && (c.op === "gt" || c.op === "lt") && /\p{L}/u.test(c.words),
);
const widened: Record<"gt" | "lt", ComparisonOp> = { gt: "gte", lt: "lte" };

/** A figure as a resolution writes it: Vietnamese decimals, a percent or a count unit. */
const figure = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom("%", " tỷ đồng", " hộ"))
  .map(([whole, tenth, unit]) => ({
    text: `${whole}${tenth ? `,${tenth}` : ""}${unit}`,
    value: whole + tenth / 10,
    unit: unit.trim(),
  }));
const read = (phrase: string) => {
  const r = parseTargetPhrase(phrase);
  if (!r.ok) throw new Error(`${phrase}: ${r.message}`);
  return r.value;
};

describe("the comparator table", () => {
  test("has strict words in both directions for the negation rule to work on", () => {
    expect(new Set(strict.map((c) => c.op))).toEqual(new Set(["gt", "lt"]));
  });

  test("property: every comparator reads as its op, before any figure", () => {
    const before = COMPARATOR_FORMS.filter((f) => f.base.at === "before");
    fc.assert(
      fc.property(fc.constantFrom(...before), figure, (form, f) => {
        expect(read(`${form.words} ${f.text}`)).toMatchObject({
          target: { op: form.op, value: f.value },
          unit: f.unit,
        });
      }),
    );
  });

  test("property: for every strict comparator, its negated form reads as the complement", () => {
    // The complement: every actual figure that meets one of the two targets fails the other.
    const actual = fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.double({ min: 0, max: 10000, noNaN: true }));
    fc.assert(
      fc.property(fc.constantFrom(...strict), fc.constantFrom(...NEGATORS), figure, actual, (c, negator, f, a) => {
        const plain = read(`${c.words} ${f.text}`);
        const negated = read(`${negator} ${c.words} ${f.text}`);
        expect(plain.target.op).toBe(c.op);
        expect(negated).toMatchObject({ target: { op: complement(c.op), value: f.value }, unit: f.unit });
        for (const x of [a, f.value]) {
          // Figures the unit refuses (a share over 100%, a part of a household) are judged by neither.
          if (!checkFigure(plain, x).ok) continue;
          expect(judge(negated, x).met).toBe(!judge(plain, x).met);
        }
      }),
    );
  });

  test("property: 'bằng hoặc W' and 'W hoặc bằng' read as W with equality", () => {
    fc.assert(
      fc.property(fc.constantFrom(...strict), fc.boolean(), figure, (c, first, f) => {
        const phrase = first ? `bằng hoặc ${c.words} ${f.text}` : `${c.words} hoặc bằng ${f.text}`;
        expect(read(phrase).target).toEqual({ op: widened[c.op as "gt" | "lt"], value: f.value });
      }),
    );
  });

  test("property: inside a clause, the negated form of every strict word reads the same", () => {
    fc.assert(
      fc.property(fc.constantFrom(...strict), fc.constantFrom(...NEGATORS), figure, (c, negator, f) => {
        const scan = scanTargets(`Tỷ lệ lao động có việc làm ${negator} ${c.words} ${f.text} trong năm`);
        expect(scan.matches.map((m) => m.target)).toEqual([{ op: complement(c.op), value: f.value }]);
      }),
    );
  });

  test("the words the add-in writes back read as their op", () => {
    for (const [op, w] of Object.entries(WRITTEN)) expect(readComparator(w.words)?.op).toBe(op);
  });

  test("reads any spacing and case", () => {
    expect(readComparator("Không  Vượt   quá")?.op).toBe("lte");
    expect(readComparator("bằng hoặc")).toBeNull();
  });
});

/** The phrasings of semantics.md section 1, new paragraph on negated and compound comparators. */
const NEGATED_AND_COMPOUND: [string, ComparisonOp, number][] = [
  ["không vượt 2%", "lte", 2],
  ["không vượt quá 2%", "lte", 2],
  ["không quá 2%", "lte", 2],
  ["không cao hơn 5%", "lte", 5],
  ["không nhiều hơn 5%", "lte", 5],
  ["không trên 5%", "lte", 5],
  ["không để vượt quá 3%", "lte", 3],
  ["không được vượt 3%", "lte", 3],
  ["không thấp hơn 95%", "gte", 95],
  ["không dưới 90%", "gte", 90],
  ["không ít hơn 90%", "gte", 90],
  ["bằng hoặc cao hơn 90%", "gte", 90],
  ["cao hơn hoặc bằng 90%", "gte", 90],
  ["bằng hoặc vượt 90%", "gte", 90],
  ["bằng hoặc thấp hơn 1%", "lte", 1],
  ["thấp hơn hoặc bằng 1%", "lte", 1],
];

describe("negated and compound comparators in a document", () => {
  test.each(NEGATED_AND_COMPOUND)("Tỷ lệ hộ nghèo %s", (phrase, op, value) => {
    const r = parseResolution(`I. CHỈ TIÊU\n1. Tỷ lệ hộ nghèo ${phrase}.\n2. Kết nạp 3 đảng viên.`);
    const [ind] = allIndicators(r);
    expect([ind!.text, ind!.unit, ind!.target, ind!.targetText]).toEqual([
      "Tỷ lệ hộ nghèo",
      "%",
      { op, value },
      phrase,
    ]);
    expect(r.warnings).toEqual([]);
  });

  test.each(NEGATED_AND_COMPOUND)("typed in a target cell: %s", (phrase, op, value) => {
    expect(read(phrase)).toEqual({ target: { op, value }, unit: "%", change: false });
  });

  test('a clause that opens with "không để" or "không được" negates its comparator', () => {
    const r = parseResolution(
      "I. CHỈ TIÊU\n1. Không để tỷ lệ hộ nghèo vượt quá 3%.\n2. Không được để nợ đọng thuế trên 5%.\n" +
        "3. Không để tỷ lệ hộ nghèo không vượt quá 3%.\n4. Không để xảy ra cháy nổ lớn tại 3 khu dân cư.\n" +
        "5. Không còn hộ nghèo trên 2 khu phố.\n",
    );
    expect(allIndicators(r).map((i) => i.target)).toEqual([
      { op: "lte", value: 3 },
      { op: "lte", value: 5 },
      // Written twice, negated once: the words right before the figure win.
      { op: "lte", value: 3 },
      { op: "qualitative" },
      { op: "qualitative" },
    ]);
    expect(read("không để vượt quá 3%").target).toEqual({ op: "lte", value: 3 });
    expect(read("không được trên 3%").target).toEqual({ op: "lte", value: 3 });
  });

  test("words that look like comparators still are not (semantics section 1)", () => {
    const r = parseResolution(
      "I. CHỈ TIÊU\n1. Thu ngân sách trên địa bàn không dưới 12,5 tỷ đồng.\n" +
        "2. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng không vượt quá 8%.\n" +
        "3. Mật độ bác sĩ trên 1 vạn dân bằng hoặc cao hơn 10 bác sĩ.\n",
    );
    expect(allIndicators(r).map((i) => [i.text, i.target])).toEqual([
      ["Thu ngân sách trên địa bàn", { op: "gte", value: 12.5 }],
      ["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", { op: "lte", value: 8 }],
      ["Mật độ bác sĩ trên 1 vạn dân", { op: "gte", value: 10 }],
    ]);
  });

  test("a ceiling is never read as a floor: 5% against 'không vượt 2%' is not met", () => {
    const [ind] = allIndicators(
      parseResolution("I. CHỈ TIÊU\n1. Tỷ lệ hộ nghèo không vượt 2%.\n2. Kết nạp 3 đảng viên."),
    );
    expect(ind!.target).toEqual({ op: "lte", value: 2 });
    expect([5, 2, 1.5].map((a) => judge(ind!, a).status)).toEqual(["Không đạt", "Đạt", "Vượt"]);
    expect(scanTargets("Chi thường xuyên không vượt dự toán được giao").matches).toEqual([]);
  });
});
