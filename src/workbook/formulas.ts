import { QUALITATIVE_ANSWERS, RATING_LEVELS } from "../core/model";
import { formatFigure, toExcel, type Measure } from "../core/measure";
import { OP_LABELS, TOLERANCE_NAME, col } from "./layout";

/**
 * Native Excel formulas (English names, comma separators, no leading "=") that implement
 * judge.ts for one row of the tracking sheet. Tested against judge() through LibreOffice.
 */

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const RATING_ARRAY = `{${RATING_LEVELS.map(q).join(",")}}`;

function refs(row: number) {
  return {
    a: `$${col("actual")}${row}`,
    op: `$${col("op")}${row}`,
    v: `$${col("value")}${row}`,
    m: `$${col("max")}${row}`,
    chk: `$${col("check")}${row}`,
  };
}

/** "Kiểm tra số liệu": "" when the figure is blank or acceptable, else a Vietnamese reason. */
export function checkFormula(row: number, measure: Measure): string {
  const { a } = refs(row);
  let test: string;
  if (measure.kind === "rating") {
    test = `IF(ISNUMBER(MATCH(${a},${RATING_ARRAY},0)),"",${q("Chọn một mức xếp loại trong danh sách")})`;
  } else if (measure.kind === "qualitative") {
    test = `IF(OR(${QUALITATIVE_ANSWERS.map((w) => `${a}=${q(w)}`).join(",")}),"",${q('Chỉ nhập "Đạt" hoặc "Không đạt"')})`;
  } else {
    const conds: string[] = [];
    if (measure.integer)
      conds.push(
        `${a}<>INT(${a}),${q(measure.kind === "rank" ? "Thứ hạng phải là số nguyên" : "Số lượng phải là số nguyên")}`,
      );
    if (measure.min !== null)
      conds.push(
        `${a}<${toExcel(measure.min, measure)},${q(`Không được nhỏ hơn ${formatFigure(measure.min, measure)}`)}`,
      );
    if (measure.max !== null)
      conds.push(
        `${a}>${toExcel(measure.max, measure)},${q(`Không được lớn hơn ${formatFigure(measure.max, measure)}`)}`,
      );
    let inner = `""`;
    for (const c of conds.reverse()) inner = `IF(${c},${inner})`;
    test = `IF(ISNUMBER(${a}),${inner},${q("Cần nhập một con số")})`;
  }
  return `IF(LEN(${a})=0,"",${test})`;
}

/** "Tỷ lệ hoàn thành": a ÷ target (range: ÷ min), target ÷ a when lower is better; blank where none. */
export function ratioFormula(row: number): string {
  const { a, op, v, chk } = refs(row);
  const L = OP_LABELS;
  return (
    `IF(OR(LEN(${a})=0,LEN(${chk})>0),"",` +
    `IF(OR(${op}=${q(L.gte)},${op}=${q(L.gt)},${op}=${q(L.range)}),IF(${v}=0,"",${a}/${v}),` +
    `IF(OR(${op}=${q(L.lte)},${op}=${q(L.lt)}),IF(${a}=0,"",${v}/${a}),"")))`
  );
}

/** "Đánh giá": one of the five status words. */
export function statusFormula(row: number): string {
  const { a, op, v, m, chk } = refs(row);
  const L = OP_LABELS;
  const t = TOLERANCE_NAME;
  const below = `IF(${a}>=${v}*(1-${t}),"Cơ bản đạt","Không đạt")`;
  const above = `IF(${a}<=${v}*(1+${t}),"Cơ bản đạt","Không đạt")`;
  const have = `MATCH(${a},${RATING_ARRAY},0)`;
  const want = `MATCH(${v},${RATING_ARRAY},0)`;
  const branches: [string, string][] = [
    [L.gte, `IF(${a}>=${v},IF(${a}>${v},"Vượt","Đạt"),${below})`],
    [L.gt, `IF(${a}>${v},"Đạt",${below})`],
    [L.lte, `IF(${a}<=${v},IF(${a}<${v},"Vượt","Đạt"),${above})`],
    [L.lt, `IF(${a}<${v},"Đạt",${above})`],
    [L.range, `IF(${a}>=${v},IF(${a}>${m},"Vượt","Đạt"),${below})`],
    [L.rank, `IF(${a}<=${v},IF(${a}<${v},"Vượt","Đạt"),"Không đạt")`],
    [L.rating, `IF(${have}<=${want},IF(${have}<${want},"Vượt","Đạt"),"Không đạt")`],
  ];
  let body = `IF(${a}="Đạt","Đạt","Không đạt")`;
  for (const [label, expr] of branches.reverse()) body = `IF(${op}=${q(label)},${expr},${body})`;
  return `IF(OR(LEN(${a})=0,LEN(${chk})>0),"Chưa có số liệu",${body})`;
}
