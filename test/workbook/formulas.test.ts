import { CELL_JUNK } from "../../src/core/cell";
import { measureOf } from "../../src/core/measure";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { STATUS_RULES, TARGET_OPS } from "../../src/core/rules";
import { RATING_LEVELS } from "../../src/core/words";
import {
  GUARDED_TOLERANCE,
  checkFormula,
  finalFormula,
  ratioFormula,
  statusFormula,
} from "../../src/workbook/formulas";
import { OP_LABELS, TOLERANCE_NAME, col, sheetLayout } from "../../src/workbook/layout";

const layout = sheetLayout(["6t", "nam"]);
const [F, J, K, L, CUM] = (["actual", "check", "op", "value", "cumulative"] as const).map((k) => col(k, layout));
const at = (row: number, period: "6t" | "nam" = "nam") => ({ layout, row, period });

// Whether the formulas compute what judge() does is proven by recalculating them in LibreOffice
// (engine.test.ts); these tests pin their shape: native functions only, every kind, no custom function.
describe("the generated native formulas", () => {
  const status = statusFormula(at(12));

  test("the status formula branches on every kind's label and uses only native functions", () => {
    for (const op of TARGET_OPS.slice(0, -1)) expect(status).toContain(`$${K}12="${OP_LABELS[op]}"`);
    expect(status).not.toMatch(/CHITIEU|_xll|;/u);
    expect(new Set(status.match(/[A-Z]+(?=\()/gu))).toEqual(
      new Set(["IF", "ISERROR", "OR", "LEN", "MATCH", "ISNUMBER", "AND"]),
    );
    // An error in the figure cell never reaches LEN() or a comparison: no status but "Chưa có số liệu".
    expect(
      status.startsWith(
        `IF(ISERROR($${F}12),"Chưa có số liệu",IF(OR(LEN($${F}12)=0,LEN($${J}12)>0),"Chưa có số liệu",`,
      ),
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
    const ratio = ratioFormula(at(3));
    expect(ratio).toContain(`IF($${L}3=0,"",$${F}3/$${L}3)`);
    expect(ratio).toContain(`IF($${F}3=0,"",$${L}3/$${F}3)`);
    expect(ratio).not.toContain(OP_LABELS.rank);
  });

  test("the check formula holds each limit's words, in order, and compares words without wildcards", () => {
    const pct = checkFormula(at(5), measureOf({ unit: "%", target: { op: "gte" } }));
    const f = (t: string) => t.replace(/\$F5/gu, `$${F}5`);
    const junk =
      `IF(ISERROR($F5),"${capitalize(CELL_JUNK.error)}",IF(LEN($F5)=0,"",` +
      `IF(ISLOGICAL($F5),"${capitalize(CELL_JUNK.logical)}",` +
      `IF(IFERROR(OR(LEFT(CELL("format",$F5),1)="D",AND(CELL("format",$F5)="G",ISNUMBER($F5),` +
      `INFO("system")<>"pcdos",INFO("system")<>"mac")),FALSE),"${capitalize(CELL_JUNK.date)}",`;
    expect(pct).toBe(
      f(
        `${junk}IF(ISNUMBER($F5),IF($F5<0,"Không được nhỏ hơn 0%",IF($F5>1,"Không được lớn hơn 100%","")),"Cần một con số")))))`,
      ),
    );
    const rating = checkFormula(at(5), measureOf({ unit: "", target: { op: "rating" } }));
    for (const level of RATING_LEVELS) expect(rating).toContain(`$${F}5="${level}"`);
    expect(rating).not.toContain("MATCH");
  });

  test("before the year's end a cumulative row's bound is scaled by the period's share; never a rank's", () => {
    const six = statusFormula(at(4, "6t"));
    const v6 = `$${col("value", layout)}4*IF($${CUM}4="Có",0.5,1)`;
    expect(six).toContain(v6);
    expect(six).toContain(`$${col("actual6t", layout)}4`);
    // The rank branch compares with the bound itself.
    const rank = six.slice(six.indexOf(`="${OP_LABELS.rank}"`), six.indexOf(`="${OP_LABELS.rating}"`));
    expect(rank).not.toContain(v6);
    expect(statusFormula(at(4))).not.toContain(`$${CUM}4`);
  });

  test("the final status is staff's word when it is one of the five, else the rule's", () => {
    const fin = finalFormula(layout, 9);
    expect(fin).toContain(
      `MATCH($${col("override", layout)}9,{"Vượt","Đạt","Cơ bản đạt","Không đạt","Chưa có số liệu"},0)`,
    );
    expect(fin).toContain(`$${col("status", layout)}9`);
  });
});
