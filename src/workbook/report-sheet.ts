import { isCumulative } from "../core/cumulative";
import { measureOf, toExcel } from "../core/measure";
import { STATUS, STATUSES, type Resolution } from "../core/model";
import { SHEET_COLORS } from "../core/palette";
import { PERIOD_INFO, type Period } from "../core/periods";
import { QUALITATIVE_ANSWERS, RATING_LEVELS } from "../core/words";
import {
  listOf,
  REPORT_SHEET,
  TRACKING_SHEET,
  col,
  estimateName,
  periodKey,
  resultKey,
  type ColumnKey,
  type Layout,
} from "./layout";
import { isYes, q, wordAt } from "./formulas";
import { area, fitRowHeights, pageBands, type CellPlan, type SheetPlan } from "./sheet-plan";

/**
 * The "Báo cáo" sheet: the review text of semantics section 8 as native formulas, one sentence per
 * cell in column A, so it follows the figures in any Excel or LibreOffice. Numbers are spelled with
 * Vietnamese separators by the formulas themselves (TEXT would use the machine's locale). Each row
 * finds its indicator on the tracking sheet by the Mã in column B; the working cells are to the right.
 */

/** A rating or qualitative answer as the words' list spells it (a figure with a status is one of them). */
const canonicalWord = (ref: string) =>
  [RATING_LEVELS, QUALITATIVE_ANSWERS].reduceRight(
    (rest: string, words) => `IFERROR(INDEX(${listOf(words)!.name},1,${wordAt(ref, words)}),${rest})`,
    ref,
  );

/** True in a formula when the period's figures are estimates (its flag says "Có"). */
const isEstimate = (period: Period) => isYes(estimateName(period));
/** Stands for a row number in a formula built once for many rows. */
const ROW = "\u0000";

/** Text of a whole number n ≥ 0 with "." between thousands ("30387" → "30.387"); no TEXT(). */
function grouped(n: string): string {
  const g = (div: string) => `RIGHT("00"&MOD(INT(${n}/${div}),1000),3)`;
  return (
    `IF(${n}>=1E9,INT(${n}/1E9)&"."&${g("1E6")}&"."&${g("1000")}&"."&${g("1")},` +
    `IF(${n}>=1E6,INT(${n}/1E6)&"."&${g("1000")}&"."&${g("1")},` +
    `IF(${n}>=1000,INT(${n}/1000)&"."&${g("1")},${n}&"")))`
  );
}

/**
 * Vietnamese digits of a number from its whole part and its decimals times 10^d (cells): "30.387,5",
 * "0,55"; trailing zeros of the decimals dropped, as core/numbers.formatVietnameseNumber writes.
 */
export function vietnameseDigits(int: string, frac: string, negative: string, d: number): string {
  let zeros = "0";
  for (let k = 1; k < d; k++) zeros = `IF(MOD(${frac},${10 ** k})=0,${k},${zeros})`;
  const decimals = `IF(${frac}=0,"",","&LEFT(RIGHT("${"0".repeat(d)}"&${frac},${d}),${d}-${zeros}))`;
  return `IF(${negative},"-","")&${grouped(int)}&${decimals}`;
}

/** The working cells of an indicator's row, by column (C onwards); "Kết quả" for the year, "Cộng dồn" before it. */
const WORK = { row: 3, figure: 4, status: 5, result: 6, ratio: 7, written: 8, cumulative: 9, scale: 10, unit: 11 };
const WORK_HEADERS: Record<keyof typeof WORK, string> = {
  row: "Dòng",
  figure: "Số liệu",
  status: "Đánh giá",
  result: "Kết quả",
  ratio: "Tỷ lệ",
  written: "Số (như viết)",
  cumulative: "Cộng dồn",
  scale: "Hệ số",
  unit: "Đơn vị trong câu",
};

export function reportSheet(r: Resolution, layout: Layout): SheetPlan {
  const cells: CellPlan[] = [];
  const samples: CellPlan[] = [];
  const t = `'${TRACKING_SHEET}'!`;
  const column = (key: ColumnKey) => `${t}$${col(key, layout)}:$${col(key, layout)}`;
  const ids = column("id");
  const wrap = { wrap: true, vAlign: "top" as const };
  /** The formulas of an indicator's row, with `at` for its row number. */
  // The scale and the unit are cells of the row, so one formula serves every row of a period.
  const rowFormulas = (at: string, period: Period) => {
    const out: { col: number; formula: string; share: string }[] = [];
    const estimate = isEstimate(period);
    const w = (k: keyof typeof WORK) => `$${String.fromCharCode(64 + WORK[k])}${at}`;
    const get = (range: string) => `IF(ISNUMBER(${w("row")}),INDEX(${range},${w("row")}),"")`;
    const put = (k: keyof typeof WORK, formula: string, share = `${k} ${period}`) =>
      out.push({ col: WORK[k], formula, share });
    put("row", `IFERROR(MATCH($B${at},${ids},0),"")`);
    put("figure", get(column(periodKey("actual", period))));
    put("status", get(column(periodKey("status", period))));
    if (period === "nam") put("result", get(column(resultKey(period))));
    put("ratio", get(column(periodKey("ratio", period))));
    put("written", `IF(ISNUMBER(${w("figure")}),${w("figure")}/${w("scale")},"")`, "written");
    if (period !== "nam") put("cumulative", get(column("cumulativeOn")));
    // Whole part and decimals ×10^d of the figure and of the ratio in percent (binary noise off
    // first: 0,059/0,08 is 0,73749999…, and the core rounds to 12 digits, 73,75% → 73,8%).
    const millionths = `ROUND(ABS(${w("written")})*1E6,0)`;
    const figureInt = `INT(${millionths}/1E6)`;
    const tenths = `ROUND(ROUND(ABS(${w("ratio")})*100,9)*10,0)`;
    const percentInt = `INT(${tenths}/10)`;
    const shown = `IF(ISNUMBER(${w("written")}),${vietnameseDigits(figureInt, `(${millionths}-${figureInt}*1E6)`, `${w("written")}<0`, 6)}&${w("unit")},${canonicalWord(w("figure"))})`;
    const plan =
      period === "nam" ? q("chỉ tiêu nghị quyết") : `IF(${w("cumulative")}=TRUE,"kế hoạch năm","chỉ tiêu nghị quyết")`;
    const ratio =
      `IF(ISNUMBER(${w("ratio")}),", "&IF(${estimate},"ước đạt","đạt")&" "&` +
      `${vietnameseDigits(percentInt, `(${tenths}-${percentInt}*10)`, "FALSE", 1)}&"% "&${plan},"")`;
    const staff = period === "nam" ? `IF(${w("result")}<>${w("status")},"; đánh giá lại: "&${w("result")},"")` : `""`;
    out.push({
      col: 1,
      share: `sentence ${period}`,
      formula:
        `IF(OR(LEN(${w("figure")})=0,${w("status")}="${STATUS.noFigure}",${w("status")}=""),"",` +
        `IFERROR(INDEX(${column("text")},${w("row")}),"")&": "&${shown}&${ratio}&" ("&${w("status")}&${staff}&").")`,
    });
    return out;
  };
  const templates = new Map<string, ReturnType<typeof rowFormulas>>();
  cells.push({ row: 1, col: 1, value: "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU" });
  cells.push({ row: 2, col: 1, value: [r.title, r.organization].filter(Boolean).join(" — ") });
  cells.push({
    row: 3,
    col: 1,
    value: `Các câu dưới đây tự cập nhật theo sheet “${TRACKING_SHEET}”; sao chép cột A sang văn bản báo cáo.`,
  });
  cells.push({ row: 3, col: 2, value: "Mã" });
  const workHeaders = Object.values(WORK_HEADERS);
  for (const [k, c] of Object.entries(WORK))
    cells.push({ row: 3, col: c, value: WORK_HEADERS[k as keyof typeof WORK] });
  let row = 4;
  for (const period of layout.periods) {
    const result = column(resultKey(period));
    const estimate = isEstimate(period);
    const count = (s: string, extra = "") => `COUNTIFS(${ids},"*.*",${result},${q(s)}${extra})`;
    const n = STATUSES.map((s) => count(s)).join("+");
    const [V, D, C, K, X] = STATUSES.map((s) => count(s));
    row++;
    cells.push({
      row,
      col: 1,
      formula:
        `"Kết quả "&IF(${estimate},"ước ","")&${q(`${PERIOD_INFO[period].label}: có `)}&(${V}+${D})&"/"&(${n})&` +
        `" chỉ tiêu đạt và vượt (vượt "&${V}&", đạt "&${D}&"), "&${C}&" chỉ tiêu cơ bản đạt, "&${K}&` +
        `" chỉ tiêu không đạt, "&${X}&" chỉ tiêu chưa có số liệu."`,
    });
    for (const s of r.sections) {
      row++;
      const mine = (x: string) => `COUNTIFS(${ids},$B${row}&".*",${result},${q(x)})`;
      const at = `MATCH($B${row},${ids},0)`;
      cells.push({ row, col: 2, value: s.id });
      cells.push({
        row,
        col: 1,
        formula:
          `"Phần "&$B${row}&". "&IFERROR(INDEX(${column("text")},${at}),"")&": "&(${mine(STATUS.exceeded)}+${mine(STATUS.met)})&"/"&` +
          `(${STATUSES.map(mine).join("+")})&" chỉ tiêu đạt và vượt"&` +
          `IF(${mine(STATUS.notMet)}>0,", "&${mine(STATUS.notMet)}&" chỉ tiêu không đạt","")&"."`,
      });
      samples.push({
        row,
        col: 1,
        value: `Phần ${s.id}. ${s.title}: 10/12 chỉ tiêu đạt và vượt, 2 chỉ tiêu không đạt.`,
      });
      for (const ind of s.indicators) {
        row++;
        const m = measureOf(ind);
        const factor = toExcel(1, m);
        const suffix = m.sign === "" && ind.unit ? ` ${ind.unit}` : m.sign;
        let template = templates.get(period);
        if (!template) templates.set(period, (template = rowFormulas(ROW, period)));
        cells.push({ row, col: 2, value: ind.id });
        cells.push({ row, col: WORK.scale, value: factor });
        cells.push({ row, col: WORK.unit, value: suffix });
        for (const f of template)
          cells.push({ row, col: f.col, share: f.share, formula: f.formula.split(ROW).join(String(row)) });
        const plural = isCumulative(ind) && period !== "nam" ? "kế hoạch năm" : "chỉ tiêu nghị quyết";
        samples.push({
          row,
          col: 1,
          value: `${ind.text}: 1.234.567,89${suffix}, ước đạt 100,5% ${plural} (Cơ bản đạt; đánh giá lại: Đạt).`,
        });
      }
    }
    row++;
  }
  const columns = [{ width: 150 }, { width: 8 }, ...workHeaders.map(() => ({ width: 11 }))];
  const last = WORK.unit;
  const styles: SheetPlan["styles"] = [
    { ref: "A1:A1", style: { bold: true, size: 14, hAlign: "center" } },
    { ref: "A2:A2", style: { italic: true, hAlign: "center", wrap: true } },
    { ref: "A3:A3", style: { italic: true, color: SHEET_COLORS.muted, wrap: true } },
    { ref: area(2, 3, last, 3), style: { bold: true, size: 10, color: SHEET_COLORS.muted, wrap: true } },
    { ref: area(1, 4, 1, row), style: wrap },
    { ref: area(2, 4, last, row), style: { size: 10, color: SHEET_COLORS.muted } },
  ];
  return {
    name: REPORT_SHEET,
    rowCount: row,
    colCount: last,
    cells,
    styles,
    merges: [],
    columns,
    // Heights from a long sentence of each row: formulas have no text before they are calculated.
    rowHeights: fitRowHeights({ cells: [...cells, ...samples], styles, merges: [], columns }),
    freezeRows: 3,
    validations: [],
    conditionalFormats: [],
    dataBars: [],
    charts: [],
    autofitRows: [4, row],
    hiddenRows: [],
    print: { landscape: true, area: area(1, 1, 1, row), ...pageBands(r.title, r.organization) },
  };
}
