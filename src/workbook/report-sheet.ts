import { isCumulative } from "../core/cumulative";
import { measureOf, toExcel } from "../core/measure";
import { STATUSES, type Resolution } from "../core/model";
import { STATUS_RULES, TARGET_OPS, type TargetOp } from "../core/rules";
import { PERIOD_INFO, type Period } from "../core/periods";
import { QUALITATIVE_ANSWERS, RATING_LEVELS } from "../core/words";
import {
  CUMULATIVE_WORDS,
  OP_LABELS,
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
    (rest: string, words) => `IFERROR(INDEX(${listOf(words)!.name},${wordAt(ref, words)}),${rest})`,
    ref,
  );

/** True in a formula when the period's figures are estimates (its flag says "Có"). */
const isEstimate = (period: Period) => isYes(estimateName(period));
/** Stands for a row number in a formula built once for many rows. */
const ROW = "\u0000";
/** Numbers in words are grouped up to this power of ten (10^24: far beyond any figure of a ward). */
const MAX_POWER = 24;

/** Text of a whole number n ≥ 0 with "." between thousands ("30387" → "30.387"), below 10^MAX_POWER; no TEXT(). */
export function grouped(n: string): string {
  const part = (k: number) => (k === 0 ? n : `INT(${n}/1E${3 * k})`);
  // The group of thousands^k: three digits when a higher group stands before it, else as is.
  const group = (k: number) =>
    `IF(${n}>=1E${3 * k + 3},RIGHT("00"&(${part(k)}-INT(${n}/1E${3 * k + 3})*1000),3),${part(k)}&"")`;
  let text = group(0);
  for (let k = 1; 3 * k < MAX_POWER; k++) text = `IF(${n}>=1E${3 * k},${group(k)}&".","")&${text}`;
  return text;
}

/**
 * The steps of core/numbers.roundedDigits as cells: `r0` = ROUND(|x|, d); `places` = the decimals
 * of r0 within 15 significant digits (fewer for big numbers, negative: tens, hundreds…); `r` =
 * ROUND(r0, places), whose whole part and decimals the text spells.
 */
export const placesFormula = (r0: string, d: number) => {
  const terms: string[] = [];
  for (let k = 15 - d; k < MAX_POWER; k++) terms.push(`(${r0}>=1E${k})`);
  return `${d}-(${terms.join("+")})`;
};

/**
 * Vietnamese digits of a rounded number (cells x, r and places of placesFormula; d decimals at
 * most): "30.387,5", "-31,3", "0,55"; the sign kept unless the rounded number is 0, trailing zeros
 * of the decimals dropped, as core/numbers.formatVietnameseNumber writes.
 */
export function vietnameseDigits(x: string, r: string, places: string, d: number): string {
  const frac = `(IF(${places}>0,ROUND((${r}-INT(${r}))*10^${places},0)*10^(${d}-${places}),0))`;
  let zeros = "0";
  for (let k = 1; k < d; k++) zeros = `IF(MOD(${frac},${10 ** k})=0,${k},${zeros})`;
  const decimals = `IF(${frac}=0,"",","&LEFT(RIGHT("${"0".repeat(d)}"&${frac},${d}),${d}-${zeros}))`;
  return `IF(AND(${x}<0,${r}>0),"-","")&${grouped(`INT(${r})`)}&${decimals}`;
}

/**
 * The cells of an indicator's slot, by column (C onwards): where it is on the tracking sheet, its
 * figure, statuses ("Kết quả" for the year, "Cộng dồn" before it), ratio, kind and target, the
 * rounding steps of the figure and of the ratio in percent, its sentence and the running count of
 * sentences that column A is compacted by.
 */
const WORK = {
  row: 3,
  figure: 4,
  status: 5,
  result: 6,
  ratio: 7,
  written: 8,
  cumulative: 9,
  scale: 10,
  unit: 11,
  op: 12,
  level: 13,
  figureRound: 14,
  figurePlaces: 15,
  figureRounded: 16,
  percentRound: 17,
  percentPlaces: 18,
  percentRounded: 19,
  sentence: 20,
  order: 21,
};
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
  op: "Kiểu chỉ tiêu",
  level: "Mức chỉ tiêu",
  figureRound: "Số làm tròn",
  figurePlaces: "Số chữ số thập phân",
  figureRounded: "Số đã làm tròn",
  percentRound: "Tỷ lệ % làm tròn",
  percentPlaces: "Số chữ số thập phân",
  percentRounded: "Tỷ lệ % đã làm tròn",
  sentence: "Câu",
  order: "Thứ tự câu",
};
/** Decimals of a figure and of a ratio in percent in words (as core/report.ts writes them). */
const FIGURE_DECIMALS = 6;
const PERCENT_DECIMALS = 1;
/** Column A's width: within A4 landscape's printable width (the margins of xlsx.ts), so no sentence is cut. */
const TEXT_WIDTH = 130;

export function reportSheet(r: Resolution, layout: Layout): SheetPlan {
  const cells: CellPlan[] = [];
  const samples: CellPlan[] = [];
  const t = `'${TRACKING_SHEET}'!`;
  const column = (key: ColumnKey) => `${t}$${col(key, layout)}:$${col(key, layout)}`;
  const ids = column("id");
  const wrap = { wrap: true, vAlign: "top" as const };
  const letter = (k: keyof typeof WORK) => String.fromCharCode(64 + WORK[k]);
  /** The formulas of an indicator's slot, with `at` for its row number. */
  // The scale and the unit are cells of the row, so one formula serves every row of a period.
  const rowFormulas = (at: string, period: Period) => {
    const out: { col: number; formula: string; share: string }[] = [];
    const estimate = isEstimate(period);
    const w = (k: keyof typeof WORK) => `$${letter(k)}${at}`;
    const get = (range: string) => `IF(ISNUMBER(${w("row")}),INDEX(${range},${w("row")}),"")`;
    const put = (k: keyof typeof WORK, formula: string, share = `${k} ${period}`) =>
      out.push({ col: WORK[k], formula, share });
    put("row", `IFERROR(MATCH($B${at},${ids},0),"")`);
    put("figure", get(column(periodKey("actual", period))));
    put("status", get(column(periodKey("status", period))));
    if (period === "nam") put("result", get(column(resultKey(period))));
    put("ratio", get(column(periodKey("ratio", period))));
    put("written", `IF(ISNUMBER(${w("figure")}),${w("figure")}/${w("scale")},"")`, "written");
    if (period !== "nam") put("cumulative", get(column("cumulative")));
    put("op", get(column("op")), "op");
    put("level", get(column("value")), "level");
    const rounding = (
      x: string,
      d: number,
      round: keyof typeof WORK,
      places: keyof typeof WORK,
      rounded: keyof typeof WORK,
    ) => {
      put(round, `IF(ISNUMBER(${x}),ROUND(ABS(${x})${d === PERCENT_DECIMALS ? "*100" : ""},${d}),"")`, round);
      put(places, `IF(ISNUMBER(${w(round)}),${placesFormula(w(round), d)},"")`, places);
      put(rounded, `IF(ISNUMBER(${w(round)}),ROUND(${w(round)},${w(places)}),"")`, rounded);
    };
    rounding(w("written"), FIGURE_DECIMALS, "figureRound", "figurePlaces", "figureRounded");
    rounding(w("ratio"), PERCENT_DECIMALS, "percentRound", "percentPlaces", "percentRounded");
    const figureText = vietnameseDigits(w("written"), w("figureRounded"), w("figurePlaces"), FIGURE_DECIMALS);
    const percentText = vietnameseDigits(w("ratio"), w("percentRounded"), w("percentPlaces"), PERCENT_DECIMALS);
    const isOp = (op: TargetOp) => `${w("op")}=${q(OP_LABELS[op])}`;
    const shown =
      `IF(ISNUMBER(${w("written")}),IF(${isOp("rank")},"xếp thứ "&${figureText}&" (chỉ tiêu: thứ "&${w("level")}&" trở lên)",` +
      `${figureText}&${w("unit")}),${w("figure")})`;
    const plan =
      period === "nam"
        ? q("chỉ tiêu nghị quyết")
        : `IF(${w("cumulative")}=${q(CUMULATIVE_WORDS[0])},"kế hoạch năm","chỉ tiêu nghị quyết")`;
    // The verb of each kind's ratio, from the rule table ("bằng" where lower is better).
    const lower = TARGET_OPS.filter((op) => STATUS_RULES[op].ratio === "bằng");
    const verb = `IF(OR(${lower.map(isOp).join(",")}),"bằng","đạt")`;
    const ratio =
      `IF(ISNUMBER(${w("percentRounded")}),", "&IF(${estimate},"ước ","")&${verb}&" "&` +
      `${percentText}&"% "&${plan},"")`;
    // The rule's status, unless it only repeats a qualitative answer; staff's assessment where it differs.
    const differs = `${w("result")}<>${w("status")}`;
    const said =
      period === "nam"
        ? `IF(${isOp("qualitative")},IF(${differs}," (đánh giá lại: "&${w("result")}&")",""),` +
          `" ("&${w("status")}&IF(${differs},"; đánh giá lại: "&${w("result")},"")&")")`
        : `IF(${isOp("qualitative")},""," ("&${w("status")}&")")`;
    put(
      "sentence",
      `IF(OR(LEN(${w("figure")})=0,${w("status")}="Chưa có số liệu",${w("status")}=""),"",` +
        `IFERROR(INDEX(${column("text")},${w("row")}),"")&": "&${shown}&${ratio}&${said}&".")`,
      `sentence ${period}`,
    );
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
  for (const [k, c] of Object.entries(WORK))
    cells.push({ row: 3, col: c, value: WORK_HEADERS[k as keyof typeof WORK] });
  const sentence = (row: number, formula: string) => cells.push({ row, col: WORK.sentence, formula });
  // One slot per sentence that may be written (each period's overall, sections, indicators), in order.
  let row = 3;
  for (const period of layout.periods) {
    const result = column(resultKey(period));
    const estimate = isEstimate(period);
    const count = (s: string, extra = "") => `COUNTIFS(${ids},"*.*",${result},${q(s)}${extra})`;
    const n = STATUSES.map((s) => count(s)).join("+");
    const [V, D, C, K, X] = STATUSES.map((s) => count(s));
    row++;
    sentence(
      row,
      `"Kết quả "&IF(${estimate},"ước ","")&${q(`${PERIOD_INFO[period].label}: có `)}&(${V}+${D})&"/"&(${n})&` +
        `" chỉ tiêu đạt và vượt (vượt "&${V}&", đạt "&${D}&"), "&${C}&" chỉ tiêu cơ bản đạt, "&${K}&` +
        `" chỉ tiêu không đạt, "&${X}&" chỉ tiêu chưa có số liệu."`,
    );
    for (const s of r.sections) {
      row++;
      const [v, d, c, k, x] = STATUSES.map((st) => `COUNTIFS(${ids},$B${row}&".*",${result},${q(st)})`);
      const at = `MATCH($B${row},${ids},0)`;
      cells.push({ row, col: 2, value: s.id });
      // Every status that occurs in the section is named (core/report.sectionSentence).
      sentence(
        row,
        `"Phần "&$B${row}&". "&IFERROR(INDEX(${column("text")},${at}),"")&": "&(${v}+${d})&"/"&(${v}+${d}+${c}+${k}+${x})&` +
          `" chỉ tiêu đạt và vượt"&IF(${v}+${d}>0," ("&IF(${v}>0,"vượt "&${v},"")&IF(AND(${v}>0,${d}>0),", ","")&` +
          `IF(${d}>0,"đạt "&${d},"")&")","")&IF(${c}>0,", "&${c}&" chỉ tiêu cơ bản đạt","")&` +
          `IF(${k}>0,", "&${k}&" chỉ tiêu không đạt","")&IF(${x}>0,", "&${x}&" chỉ tiêu chưa có số liệu","")&"."`,
      );
      samples.push({
        row,
        col: 1,
        value: `Phần ${s.id}. ${s.title}: 10/12 chỉ tiêu đạt và vượt (vượt 5, đạt 5), 1 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 10 chỉ tiêu chưa có số liệu.`,
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
          value: `${ind.text}: xếp thứ 1.234.567,89${suffix} (chỉ tiêu: thứ 5 trở lên), ước bằng 100,5% ${plural} (Cơ bản đạt; đánh giá lại: Đạt).`,
        });
      }
    }
  }
  const last = row;
  // Column A: the k-th sentence that is not empty, so the text has no empty lines (semantics section 8).
  const sentences = `$${letter("sentence")}$4:$${letter("sentence")}$${last}`;
  const order = `$${letter("order")}$4:$${letter("order")}$${last}`;
  for (let at = 4; at <= last; at++) {
    cells.push({
      row: at,
      col: WORK.order,
      share: "order",
      formula: `N($${letter("order")}${at - 1})+IF(LEN($${letter("sentence")}${at})>0,1,0)`,
    });
    cells.push({
      row: at,
      col: 1,
      share: "text",
      formula: `IFERROR(INDEX(${sentences},MATCH(ROW()-3,${order},0)),"")`,
    });
  }
  const columns = [{ width: TEXT_WIDTH }, { width: 8 }, ...Object.values(WORK).map(() => ({ width: 11 }))];
  const styles: SheetPlan["styles"] = [
    { ref: "A1:A1", style: { bold: true, size: 14, hAlign: "center" } },
    { ref: "A2:A2", style: { italic: true, hAlign: "center", wrap: true } },
    { ref: "A3:A3", style: { italic: true, color: "#595959", wrap: true } },
    { ref: area(2, 3, WORK.order, 3), style: { bold: true, size: 10, color: "#595959", wrap: true } },
    { ref: area(1, 4, 1, last), style: wrap },
    { ref: area(2, 4, WORK.order, last), style: { size: 10, color: "#595959" } },
  ];
  // Row k shows the k-th sentence, which may be any slot's from the k-th on: its height is the
  // tallest of theirs (measured on a long sentence of each; formulas have no text before they are calculated).
  const measured = new Map(
    fitRowHeights({ cells: samples, styles, merges: [], columns }).map((h) => [h.row, h.height]),
  );
  const heights: SheetPlan["rowHeights"] = fitRowHeights({ cells, styles, merges: [], columns }).filter(
    (h) => h.row < 4,
  );
  let tallest = 0;
  const below: SheetPlan["rowHeights"] = [];
  for (let at = last; at >= 4; at--) {
    tallest = Math.max(tallest, measured.get(at) ?? 0);
    if (tallest > 0) below.push({ row: at, height: tallest });
  }
  return {
    name: REPORT_SHEET,
    rowCount: last,
    colCount: WORK.order,
    cells,
    styles,
    merges: [],
    columns,
    rowHeights: [...heights, ...below.reverse()],
    freezeRows: 3,
    validations: [],
    conditionalFormats: [],
    dataBars: [],
    charts: [],
    autofitRows: [4, last],
    hiddenRows: [],
    print: { landscape: true, area: area(1, 1, 1, last), ...pageBands(r.title, r.organization) },
  };
}
