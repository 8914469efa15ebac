import { CELL_JUNK } from "../../src/core/cell";
import { measureOf } from "../../src/core/measure";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { STATUS_RULES, TARGET_OPS } from "../../src/core/rules";
import { RATING_LEVELS } from "../../src/core/words";
import { GUARDED_TOLERANCE, checkFormula, ratioFormula, statusFormula } from "../../src/workbook/formulas";
import { OP_LABELS, TOLERANCE_NAME } from "../../src/workbook/layout";

// Whether the formulas compute what judge() does is proven by recalculating them in LibreOffice
// (engine.test.ts); these tests pin their shape: native functions only, every kind, no custom function.
describe("the generated native formulas", () => {
  const status = statusFormula(12);

  test("the status formula branches on every kind's label and uses only native functions", () => {
    for (const op of TARGET_OPS.slice(0, -1)) expect(status).toContain(`$K12="${OP_LABELS[op]}"`);
    expect(status).not.toMatch(/CHITIEU|_xll|;/u);
    expect(new Set(status.match(/[A-Z]+(?=\()/gu))).toEqual(
      new Set(["IF", "ISERROR", "OR", "LEN", "MATCH", "ISNUMBER", "AND"]),
    );
    // An error in the figure cell never reaches LEN() or a comparison: no status but "Chưa có số liệu".
    expect(
      status.startsWith(`IF(ISERROR($F12),"Chưa có số liệu",IF(OR(LEN($F12)=0,LEN($J12)>0),"Chưa có số liệu",`),
    ).toBe(true);
  });

  test("the tolerance appears once per kind that has a near miss, always through its guard", () => {
    const nearMisses = TARGET_OPS.filter((op) => STATUS_RULES[op].nearMiss !== null).length;
    expect(status.split(GUARDED_TOLERANCE).length - 1).toBe(nearMisses);
    expect(status.split(TOLERANCE_NAME).length - 1).toBe(
      nearMisses * (GUARDED_TOLERANCE.split(TOLERANCE_NAME).length - 1),
    );
    expect(GUARDED_TOLERANCE).toBe("IF(ISNUMBER(DungSai),IF(AND(DungSai>=0,DungSai<=0.99),DungSai,0.05),0.05)");
  });

  test("the ratio divides as each kind's rule says", () => {
    const ratio = ratioFormula(3);
    expect(ratio).toContain(`IF($L3=0,"",$F3/$L3)`);
    expect(ratio).toContain(`IF($F3=0,"",$L3/$F3)`);
    expect(ratio).not.toContain(OP_LABELS.rank);
  });

  test("the check formula holds each limit's words, in order, and compares words without wildcards", () => {
    const pct = checkFormula(5, measureOf({ unit: "%", target: { op: "gte" } }));
    const junk =
      `IF(ISERROR($F5),"${capitalize(CELL_JUNK.error)}",IF(LEN($F5)=0,"",` +
      `IF(ISLOGICAL($F5),"${capitalize(CELL_JUNK.logical)}",` +
      `IF(IFERROR(OR(LEFT(CELL("format",$F5),1)="D",AND(CELL("format",$F5)="G",ISNUMBER($F5),` +
      `INFO("system")<>"pcdos",INFO("system")<>"mac")),FALSE),"${capitalize(CELL_JUNK.date)}",`;
    expect(pct).toBe(
      `${junk}IF(ISNUMBER($F5),IF($F5<0,"Không được nhỏ hơn 0%",IF($F5>1,"Không được lớn hơn 100%","")),"Cần một con số")))))`,
    );
    const rating = checkFormula(5, measureOf({ unit: "", target: { op: "rating" } }));
    for (const level of RATING_LEVELS) expect(rating).toContain(`$F5="${level}"`);
    expect(rating).not.toContain("MATCH");
  });
});
