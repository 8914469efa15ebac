import { CELL_JUNK } from "../../src/core/cell";
import { measureOf } from "../../src/core/measure";
import { capitalize } from "../../src/core/text";

import { STATUS_RULES, TARGET_OPS } from "../../src/core/rules";
import { QUALITATIVE_ANSWERS, RATING_LEVELS, STATUSES } from "../../src/core/words";
import { wordSpellings } from "../../src/core/typed";
import {
  GUARDED_TOLERANCE,
  checkFormula,
  cleaned,
  cumulativeOnFormula,
  finalFormula,
  isWord,
  wordAt,
  ratioFormula,
  statusFormula,
} from "../../src/workbook/formulas";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import {
  APPLIED_TOLERANCE_NAME,
  CUMULATIVE_WORDS,
  OP_LABELS,
  TOLERANCE_NAME,
  WORD_LISTS,
  cellPosition,
  col,
  eachCellOf,
  sheetLayout,
} from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { syntheticResolution } from "../../support/synthetic";

const layout = sheetLayout(["6t", "nam"]);
const [F, J, K, L, CUM, ON] = (["actual", "check", "op", "value", "cumulative", "cumulativeOn"] as const).map((k) =>
  col(k, layout),
);
const at = (row: number, period: "6t" | "nam" = "nam") => ({ layout, row, period });

// Whether the formulas compute what judge() does is proven by recalculating them in LibreOffice
// (engine.test.ts); these tests pin their shape: native functions only, every kind, no custom function.
describe("the generated native formulas", () => {
  const status = statusFormula(at(12));

  test("the status formula branches on every kind's label and uses only native functions", () => {
    for (const op of TARGET_OPS.slice(0, -1)) expect(status).toContain(`$${K}12="${OP_LABELS[op]}"`);
    expect(status).not.toMatch(/CHITIEU|_xll|;/u);
    expect(new Set(status.match(/[A-Z]+(?=\()/gu))).toEqual(
      new Set(["IF", "ISERROR", "OR", "LEN", "MATCH", "MOD", "TRIM", "SUBSTITUTE", "UNICHAR", "ROUND", "INT", "ABS"]),
    );
    // An error in the figure cell never reaches LEN() or a comparison: no status but "Chưa có số liệu".
    expect(
      status.startsWith(
        `IF(ISERROR($${F}12),"Chưa có số liệu",IF(OR(LEN($${F}12)=0,LEN($${J}12)>0),"Chưa có số liệu",`,
      ),
    ).toBe(true);
  });

  test("the tolerance appears once per kind that has a near miss, always through its guarded cell", () => {
    const nearMisses = TARGET_OPS.filter((op) => STATUS_RULES[op].nearMiss !== null).length;
    // Each near-miss bound is rounded to 12 digits: IF(x=0,0,ROUND(x,11-INT(LOG10(ABS(x))))) names x three times.
    expect(status.split(APPLIED_TOLERANCE_NAME).length - 1).toBe(3 * nearMisses);
    expect(status).toContain(
      `ROUND($${L}12*(1-${APPLIED_TOLERANCE_NAME}),11-INT(LOG10(ABS($${L}12*(1-${APPLIED_TOLERANCE_NAME})))))`,
    );
    expect(status.replaceAll(APPLIED_TOLERANCE_NAME, "")).not.toContain(TOLERANCE_NAME);
    // A number within the limits, else a whole percentage typed as text, else the default.
    expect(GUARDED_TOLERANCE).toMatch(
      /^IF\(ISNUMBER\(DungSai\),IF\(AND\(DungSai>=0,DungSai<=0\.99\),DungSai,0\.05\),IF\(IFERROR\(AND\(ISTEXT\(DungSai\),.*\)\/100,0\.05\)\)$/u,
    );
    // The guarded cell is the named one, beside the target columns.
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION);
    const name = plan.names.find((n) => n.name === APPLIED_TOLERANCE_NAME)!;
    const { row, col: c } = cellPosition(name.ref);
    expect(plan.sheets[0]!.cells.find((x) => x.row === row && x.col === c)?.formula).toBe(GUARDED_TOLERANCE);
    // The words staff type are named lists in the sheet, in the rules' order, in each spelling typed.ts reads.
    for (const list of WORD_LISTS) {
      const ref = plan.names.find((n) => n.name === list.name)!.ref;
      const words: unknown[] = [];
      eachCellOf(ref.replace(/\$/gu, ""), (r, cc) =>
        words.push(plan.sheets[0]!.cells.find((x) => x.row === r && x.col === cc)?.value),
      );
      const spellings = list.words.map((w) => wordSpellings(w));
      expect(words).toEqual([0, 1, 2].flatMap((k) => spellings.map((s) => s[k])));
      expect(words.slice(0, list.words.length)).toEqual([...list.words]);
    }
    for (const list of WORD_LISTS.filter((l) => l.words === RATING_LEVELS || l.words === QUALITATIVE_ANSWERS))
      expect(status).toContain(`MATCH(${cleaned(`$${F}12`)},${list.name},0)`);
  });

  test("the ratio is figure ÷ target for every measured kind, lower-is-better too (semantics section 2)", () => {
    const ratio = ratioFormula(at(3));
    expect(ratio).toContain(`IF($${L}3=0,"",$${F}3/$${L}3)`);
    expect(ratio).not.toContain(`$${L}3/$${F}3`);
    expect(ratio).toContain(OP_LABELS.lte);
    expect(ratio).not.toContain(OP_LABELS.rank);
  });

  test("the check formula holds each limit's words, in order, and compares words without wildcards", () => {
    const pct = checkFormula(at(5), measureOf({ unit: "%", target: { op: "gte" } }));
    const f = (t: string) => t.replace(/\$F5/gu, `$${F}5`);
    const junk =
      `IF(ISERROR($F5),"${capitalize(CELL_JUNK.error)}",IF(LEN($F5)=0,"",` +
      `IF(ISLOGICAL($F5),"${capitalize(CELL_JUNK.logical)}",` +
      `IF(IFERROR(LEFT(CELL("format",$F5),1)="D",FALSE),"${capitalize(CELL_JUNK.date)}",`;
    expect(pct).toBe(
      f(
        `${junk}IF(ISNUMBER($F5),IF($F5<0,"Không được nhỏ hơn 0%",IF($F5>1,"Không được lớn hơn 100%","")),"Cần một con số")))))`,
      ),
    );
    const rating = checkFormula(at(5), measureOf({ unit: "", target: { op: "rating" } }));
    // The word found by MATCH (which takes "*" for any word) is confirmed by "=", which does not.
    const typed = cleaned(`$${F}5`);
    expect(rating).toContain(`IFERROR(INDEX(MucXepLoai,1,MATCH(${typed},MucXepLoai,0))=${typed},FALSE)`);
  });

  test("before the year's end a cumulative row's bound is scaled by the period's share; never a rank's", () => {
    const six = statusFormula(at(4, "6t"));
    const v6 = `$${col("value", layout)}4*IF($${ON}4,0.5,1)`;
    expect(six).toContain(v6);
    // "Cộng dồn" is read once per row, as typed.ts reads a word.
    expect(cumulativeOnFormula(layout, 4)).toBe(
      `IF(${isWord(`$${CUM}4`, CUMULATIVE_WORDS)},${wordAt(`$${CUM}4`, CUMULATIVE_WORDS)}=1,FALSE)`,
    );
    expect(six).toContain(`$${col("actual6t", layout)}4`);
    // The rank branch compares with the bound itself.
    const rank = six.slice(six.indexOf(`="${OP_LABELS.rank}"`), six.indexOf(`="${OP_LABELS.rating}"`));
    expect(rank).not.toContain(v6);
    expect(statusFormula(at(4))).not.toContain(`$${ON}4`);
  });

  test("the final status is staff's word when it is one of the five, else the rule's", () => {
    const fin = finalFormula(layout, 9);
    const ov = `$${col("override", layout)}9`;
    // Staff's word as the list spells it, whatever its case, spaces or Unicode form.
    expect(fin).toBe(
      `IF(${isWord(ov, STATUSES)},INDEX(MucDanhGia,1,${wordAt(ov, STATUSES)}),$${col("status", layout)}9)`,
    );
  });

  test("cells sharing a formula key hold the same formula but for their own row (what the .xlsx stores once)", () => {
    const own = (formula: string, row: number) =>
      formula.replace(/(\$[A-Z]{1,3})(\d+)(?![\d(])/gu, (ref, c: string, r: string) =>
        Number(r) === row ? `${c}#` : ref,
      );
    let shared = 0;
    for (const res of [BUILTIN_RESOLUTION, syntheticResolution(60, 5)])
      for (const periods of [["nam"], ["6t", "nam"], ["6t", "9t", "nam"]] as const)
        for (const sheet of buildWorkbookPlan(res, { periods: [...periods] }).sheets) {
          const first = new Map<string, string>();
          for (const c of sheet.cells) {
            if (c.share === undefined) continue;
            const key = `${c.col} ${c.share}`;
            const pattern = own(c.formula!, c.row);
            if (!first.has(key)) first.set(key, pattern);
            else shared++;
            expect([sheet.name, key, pattern]).toEqual([sheet.name, key, first.get(key)]);
          }
        }
    expect(shared).toBeGreaterThan(1000);
  });
});
