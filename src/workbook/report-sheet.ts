import { measureOf, toExcel } from "../core/measure";
import { pointWords } from "../core/previous";
import { STATUS, STATUSES, type Resolution } from "../core/model";
import { SHEET_COLORS } from "../core/palette";
import { STATUS_RULES, TARGET_OPS, type TargetOp } from "../core/rules";
import { PERIOD_INFO, type Period } from "../core/periods";
import { QUALITATIVE_ANSWERS, RATING_LEVELS } from "../core/words";
import { ASSIGNED_SECTION } from "../core/assigned-words";
import { EMPTY_CONTENT, type Content } from "../core/content";
import { reviewText } from "../core/report";
import {
  listOf,
  OP_LABELS,
  REPORT_SHEET,
  TRACKING_SHEET,
  col,
  colLetter,
  assignedKey,
  estimateName,
  periodKey,
  resultKey,
  type ColumnKey,
  type Layout,
} from "./layout";
import { isYes, q, significant, wordAt } from "./formulas";
import { area, fitRowHeights, pageBands, ref, type CellPlan, type SheetPlan } from "./sheet-plan";

/**
 * The "Báo cáo" sheet: the review text of semantics section 8 as native formulas, one sentence per
 * cell in column A, so it follows the figures in any Excel or LibreOffice. Each row to the right is
 * a slot for one sentence that may be written (a period's overall sentence, a section's, an
 * indicator's, found on the tracking sheet by the Mã in column B) with its working cells; column A
 * row k shows the k-th slot whose sentence is not empty (INDEX/MATCH on a running count: Excel 2007+
 * and LibreOffice, no FILTER), so the text has no empty lines. Numbers are spelled with Vietnamese
 * separators by the formulas themselves (TEXT would use the machine's locale), rounded as
 * core/numbers.roundedDigits rounds them.
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

/** Digit texts are grouped up to this many digits (10^24: far beyond any figure of a ward). */
const MAX_DIGITS = 24;

/** A text of digits (a cell) with "." between thousands ("30387" → "30.387"); no TEXT(), no number. */
export function grouped(digits: string): string {
  const n = `LEN(${digits})`;
  let text = "";
  const top = Math.ceil(MAX_DIGITS / 3);
  for (let j = top; j >= 1; j--) {
    // The highest group takes whatever digits are left, so none is ever dropped.
    const group =
      j === top
        ? `LEFT(${digits},${n}-${3 * (j - 1)})`
        : `MID(${digits},MAX(1,${n}-${3 * j - 1}),MIN(3,${n}-${3 * (j - 1)}))`;
    text += `${text ? "&" : ""}IF(${n}>${3 * (j - 1)},${group}${j > 1 ? `&"."` : ""},"")`;
  }
  return text;
}

/**
 * The steps of core/numbers.roundedDigits as cells, for x and d decimals at most:
 * `round` = ROUND(|x|, d); `places` = the decimals of it within 15 significant digits (fewer for
 * big numbers; negative: tens, hundreds…); `digits` = its 15 significant digits as text, from
 * FIXED(…, 0, TRUE) (no separators, whatever the locale); `whole` and `decimals` (trailing zeros
 * dropped) split them. Text, not INT/MOD: LibreOffice snaps a difference near 15 digits to 0.
 */
export function roundingFormulas(
  x: string,
  d: number,
  scale: string,
  c: Record<"round" | "places" | "digits" | "whole" | "decimals", string>,
) {
  const powers: string[] = [];
  for (let k = 15 - d; k < MAX_DIGITS; k++) powers.push(`(${c.round}>=1E${k})`);
  const whole = `IF(${c.places}>=0,ROUND(ROUND(${c.round},${c.places})*10^${c.places},0),ROUND(ROUND(${c.round},${c.places})/10^(-${c.places}),0))`;
  const fixed = `FIXED(${whole},0,TRUE)&REPT("0",MAX(0,-${c.places}))`;
  const tail = `RIGHT(${c.digits},${c.places})`;
  let zeros = "0";
  for (let k = 1; k <= d; k++) zeros = `IF(RIGHT(${tail},${k})=${q("0".repeat(k))},${k},${zeros})`;
  return {
    round: `IF(ISNUMBER(${x}),ROUND(ABS(${x})${scale},${d}),"")`,
    places: `IF(ISNUMBER(${c.round}),${d}-(${powers.join("+")}),"")`,
    digits: `IF(ISNUMBER(${c.round}),IF(${c.places}>0,RIGHT(REPT("0",${c.places})&${fixed},MAX(LEN(${fixed}),${c.places}+1)),${fixed}),"")`,
    whole: `IF(ISNUMBER(${c.round}),LEFT(${c.digits},LEN(${c.digits})-MAX(0,${c.places})),"")`,
    decimals: `IF(ISNUMBER(${c.round}),IF(${c.places}>0,LEFT(${tail},${c.places}-${zeros}),""),"")`,
  };
}

/**
 * Vietnamese digits of a rounded number from its cells (roundingFormulas): "30.387,5", "-31,3",
 * "0,55"; the sign kept unless the rounded number is 0, as core/numbers.formatVietnameseNumber writes.
 */
export const vietnameseDigits = (x: string, round: string, whole: string, decimals: string) =>
  `IF(AND(${x}<0,${round}>0),"-","")&${grouped(whole)}&IF(LEN(${decimals})>0,","&${decimals},"")`;

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
  figureDigits: 16,
  figureWhole: 17,
  figureDecimals: 18,
  percentRound: 19,
  percentPlaces: 20,
  percentDigits: 21,
  percentWhole: 22,
  percentDecimals: 23,
  sentence: 24,
  hasSentence: 25,
  order: 26,
  previous: 27,
  change: 28,
  points: 29,
  delta: 30,
  deltaRound: 31,
  deltaPlaces: 32,
  deltaDigits: 33,
  deltaWhole: 34,
  deltaDecimals: 35,
  deltaText: 36,
  compared: 37,
};
/** The last working column. */
const LAST_WORK = Math.max(...Object.values(WORK));
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
  figureDigits: "Các chữ số",
  figureWhole: "Phần nguyên",
  figureDecimals: "Phần thập phân",
  percentRound: "Tỷ lệ % làm tròn",
  percentPlaces: "Số chữ số thập phân",
  percentDigits: "Các chữ số",
  percentWhole: "Phần nguyên",
  percentDecimals: "Phần thập phân",
  sentence: "Câu",
  hasSentence: "Có câu",
  order: "Thứ tự câu",
  previous: "Cùng kỳ",
  change: "So với cùng kỳ",
  points: "Đơn vị so sánh",
  delta: "Tăng/giảm",
  deltaRound: "Tăng/giảm làm tròn",
  deltaPlaces: "Số chữ số thập phân",
  deltaDigits: "Các chữ số",
  deltaWhole: "Phần nguyên",
  deltaDecimals: "Phần thập phân",
  deltaText: "Tăng/giảm (chữ số)",
  compared: "So với cùng kỳ (lời)",
};
/** With an assigned target: its ratio (fetched) and the rounding steps of it in percent, after the slot's columns. */
const ASSIGNED_WORK = {
  assignedRatio: LAST_WORK + 1,
  assignedRound: LAST_WORK + 2,
  assignedPlaces: LAST_WORK + 3,
  assignedDigits: LAST_WORK + 4,
  assignedWhole: LAST_WORK + 5,
  assignedDecimals: LAST_WORK + 6,
};
const ASSIGNED_HEADERS: Record<keyof typeof ASSIGNED_WORK, string> = {
  assignedRatio: "Tỷ lệ so với kế hoạch giao",
  assignedRound: "Tỷ lệ % làm tròn",
  assignedPlaces: "Số chữ số thập phân",
  assignedDigits: "Các chữ số",
  assignedWhole: "Phần nguyên",
  assignedDecimals: "Phần thập phân",
};
/** Decimals of a figure and of a ratio in percent in words (as core/report.ts writes them). */
const FIGURE_DECIMALS = 6;
const PERCENT_DECIMALS = 1;
/**
 * Column A's width: within A4 landscape's printable width (27,7 cm inside xlsx.ts's margins;
 * LibreOffice reads a unit of this sheet as about 6,75 pt), so no sentence runs off the page.
 */
const TEXT_WIDTH = 110;

/** The rows above the sentences: title, resolution, the note (or the warning that the print area is stale). */
const HEAD_ROWS = 3;
/**
 * Under their labels: how many sentences the print area holds (B2, a number the writer sets) and
 * how many the figures give now (C2, a formula). The add-in reads both to follow the sentences.
 */
const COUNT_CELL = { row: 2, col: 2 };
const NOW_CELL = { row: 2, col: 3 };
/** The printed count's cell, which the add-in sets when it moves the print area. */
export const REPORT_PRINTED = ref(COUNT_CELL.col, COUNT_CELL.row);
export const REPORT_COUNTS = `${REPORT_PRINTED}:${ref(NOW_CELL.col, NOW_CELL.row)}`;
/** The Báo cáo sheet's print area when it shows `sentences` sentences. */
export const reportPrintArea = (sentences: number) => area(1, 1, 1, HEAD_ROWS + sentences);
/** The rows of `sentences` sentences, to fit their heights. */
export const reportSentenceRows = (sentences: number) => `${HEAD_ROWS + 1}:${HEAD_ROWS + Math.max(1, sentences)}`;

/** The warning's words around its numbers: the sentences now, those printed, the print area's last row. */
const stale = (now: string, printed: string, lastRow: string) => [
  "Số liệu đã đổi: nay có ",
  now,
  " câu, vùng in có ",
  printed,
  " câu. Hãy chèn lại sổ bằng bổ trợ Chỉ tiêu (số liệu được giữ nguyên) hoặc đặt vùng in A1:A",
  lastRow,
  " trước khi in.",
];
/** The warning as a formula of the cells holding both counts. */
const staleText = (now: string, printed: string) =>
  stale(now, printed, `(${now}+${HEAD_ROWS})`)
    .map((x, i) => (i % 2 === 1 ? x : q(x)))
    .join("&");
/** The warning at its longest, to size its row. */
const staleSample = (slots: number) => stale(String(slots), String(slots), String(slots)).join("");

/**
 * The Báo cáo sheet. `content` is what the file is written with: the sentences it gives now
 * (core/report.reviewText, which the formulas equal) set the print area, so no empty slot prints,
 * and the heights of the rows that show them. A cell keeps their count, and the note turns into a
 * warning when the figures later give another number of sentences (edited without the add-in).
 */
export function reportSheet(r: Resolution, layout: Layout, content: Content = EMPTY_CONTENT): SheetPlan {
  const cells: CellPlan[] = [];
  const t = `'${TRACKING_SHEET}'!`;
  const column = (key: ColumnKey) => `${t}$${col(key, layout)}:$${col(key, layout)}`;
  const ids = column("id");
  const wrap = { wrap: true, vAlign: "top" as const };
  const by = layout.assignedBy;
  const letter = (k: keyof typeof WORK) => colLetter(WORK[k]);
  /** The formulas of an indicator's slot, with `at` for its row number. */
  // The scale and the unit are cells of the row, so one formula serves every row of a period.
  const rowFormulas = (at: string, period: Period) => {
    const out: { col: number; formula: string; share: string }[] = [];
    const estimate = isEstimate(period);
    const w = (k: keyof typeof WORK | keyof typeof ASSIGNED_WORK) =>
      `$${colLetter(k in WORK ? WORK[k as keyof typeof WORK] : ASSIGNED_WORK[k as keyof typeof ASSIGNED_WORK])}${at}`;
    // An empty cell is "" here: Excel turns INDEX of an empty cell into 0 in the cell that holds it,
    // LibreOffice keeps it empty, and ISNUMBER would tell them apart.
    const get = (range: string) =>
      `IF(ISNUMBER(${w("row")}),IF(LEN(INDEX(${range},${w("row")}))=0,"",INDEX(${range},${w("row")})),"")`;
    const put = (k: keyof typeof WORK | keyof typeof ASSIGNED_WORK, formula: string, share = `${k} ${period}`) =>
      out.push({
        col: k in WORK ? WORK[k as keyof typeof WORK] : ASSIGNED_WORK[k as keyof typeof ASSIGNED_WORK],
        formula,
        share,
      });
    put("row", `IFERROR(MATCH($B${at},${ids},0),"")`);
    put("figure", get(column(periodKey("actual", period))));
    put("status", get(column(periodKey("status", period))));
    if (period === "nam") put("result", get(column(resultKey(period))));
    put("ratio", get(column(periodKey("ratio", period))));
    put("written", `IF(ISNUMBER(${w("figure")}),${w("figure")}/${w("scale")},"")`, "written");
    if (period !== "nam") put("cumulative", get(column("cumulativeOn")));
    put("op", get(column("op")), "op");
    put("level", get(column("value")), "level");
    const rounding = (x: string, d: number, scale: string, prefix: "figure" | "percent" | "delta" | "assigned") => {
      const keys = {
        round: `${prefix}Round`,
        places: `${prefix}Places`,
        digits: `${prefix}Digits`,
        whole: `${prefix}Whole`,
        decimals: `${prefix}Decimals`,
      } as const;
      const cells = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, w(v)])) as Record<
        keyof typeof keys,
        string
      >;
      const formulas = roundingFormulas(x, d, scale, cells);
      for (const k of Object.keys(keys) as (keyof typeof keys)[]) put(keys[k], formulas[k], keys[k]);
      return { text: vietnameseDigits(x, cells.round, cells.whole, cells.decimals), cells };
    };
    const figureText = rounding(w("written"), FIGURE_DECIMALS, "", "figure").text;
    const percentText = rounding(w("ratio"), PERCENT_DECIMALS, "*100", "percent").text;
    // The change from last year's figure, as core/previous.ts says it: amounts by percent, rates by points.
    put("previous", get(column(periodKey("previous", period))));
    put("change", get(column(periodKey("change", period))));
    const raw = `IF(LEN(${w("points")})=0,(${w("change")}-1)*100,${w("written")}-${w("previous")}/${w("scale")})`;
    // At the core's 12 significant digits (core/previous.ts changeDelta).
    put("delta", `IF(ISNUMBER(${w("change")}),${significant(raw)},"")`, "delta");
    const delta = rounding(w("delta"), PERCENT_DECIMALS, "", "delta").cells;
    put(
      "deltaText",
      `IF(ISNUMBER(${delta.round}),${grouped(delta.whole)}&IF(LEN(${delta.decimals})>0,","&${delta.decimals},""),"")`,
      "deltaText",
    );
    const deltaDigits = w("deltaText");
    put(
      "compared",
      `IF(ISNUMBER(${delta.round}),IF(${deltaDigits}="0",", bằng cùng kỳ",", "&IF(${w("delta")}>0,"tăng ","giảm ")&` +
        `${deltaDigits}&IF(LEN(${w("points")})=0,"%",${w("points")})&" so với cùng kỳ"),"")`,
      "compared",
    );
    const isOp = (op: TargetOp) => `${w("op")}=${q(OP_LABELS[op])}`;
    const shown =
      `IF(ISNUMBER(${w("written")}),IF(${isOp("rank")},"xếp thứ "&${figureText}&" (chỉ tiêu: thứ "&${w("level")}&" trở lên)",` +
      `${figureText}&${w("unit")}),${canonicalWord(w("figure"))})`;
    const plan =
      period === "nam" ? q("chỉ tiêu nghị quyết") : `IF(${w("cumulative")}=TRUE,"kế hoạch năm","chỉ tiêu nghị quyết")`;
    // The verb of each kind's ratio, from the rule table ("bằng" where lower is better).
    const lower = TARGET_OPS.filter((op) => STATUS_RULES[op].ratio === "bằng");
    const verb = `IF(OR(${lower.map(isOp).join(",")}),"bằng","đạt")`;
    let ratio =
      `IF(ISNUMBER(${w("percentRound")}),", "&IF(${estimate},"ước ","")&${verb}&" "&` +
      `${percentText}&"% "&${plan},"")`;
    if (by !== undefined) {
      // Both ratios in one clause (core/report.ts): "đạt 135,7% chỉ tiêu nghị quyết, 317% kế hoạch tỉnh giao".
      put("assignedRatio", get(column(assignedKey("assignedRatio", period))));
      const assignedText = rounding(w("assignedRatio"), PERCENT_DECIMALS, "*100", "assigned").text;
      ratio +=
        `&IF(ISNUMBER(${w("assignedRound")}),", "&IF(ISNUMBER(${w("percentRound")}),"",IF(${estimate},"ước ","")&${verb}&" ")&` +
        `${assignedText}&${q(`% kế hoạch ${by} giao`)},"")`;
    }
    // The rule's status, unless it only repeats a qualitative answer; staff's assessment where it differs.
    const differs = `${w("result")}<>${w("status")}`;
    const said =
      period === "nam"
        ? `IF(${isOp("qualitative")},IF(${differs}," (đánh giá lại: "&${w("result")}&")",""),` +
          `" ("&${w("status")}&IF(${differs},"; đánh giá lại: "&${w("result")},"")&")")`
        : `IF(${isOp("qualitative")},""," ("&${w("status")}&")")`;
    put(
      "sentence",
      `IF(OR(LEN(${w("figure")})=0,${w("status")}="${STATUS.noFigure}",${w("status")}=""),"",` +
        `IFERROR(INDEX(${column("text")},${w("row")}),"")&": "&${shown}&${ratio}&${w("compared")}&${said}&".")`,
      `sentence ${period}`,
    );
    return out;
  };
  const templates = new Map<string, ReturnType<typeof rowFormulas>>();
  /** A long sentence each slot may write, to size the rows (formulas have no text before they are calculated). */
  const samples: CellPlan[] = [];
  cells.push({ row: 1, col: 1, value: "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU" });
  cells.push({ row: 2, col: 1, value: [r.title, r.organization].filter(Boolean).join(" — ") });
  cells.push({ row: 3, col: 2, value: "Mã" });
  for (const [k, c] of Object.entries(WORK))
    cells.push({ row: 3, col: c, value: WORK_HEADERS[k as keyof typeof WORK] });
  if (by !== undefined)
    for (const [k, c] of Object.entries(ASSIGNED_WORK))
      cells.push({ row: 3, col: c, value: ASSIGNED_HEADERS[k as keyof typeof ASSIGNED_WORK] });
  const lastWork = by !== undefined ? ASSIGNED_WORK.assignedDecimals : LAST_WORK;
  const sentence = (row: number, formula: string) => cells.push({ row, col: WORK.sentence, formula });
  // One slot per sentence that may be written (each period's overall, sections, indicators), in order.
  let row = 3;
  for (const period of layout.periods) {
    const result = column(resultKey(period));
    const estimate = isEstimate(period);
    // The resolution's own indicators: the extra assigned ones ("GX.1") count only in the assigned sentence.
    const count = (s: string, extra = "") =>
      `COUNTIFS(${ids},"*.*",${ids},"<>${ASSIGNED_SECTION}.*",${result},${q(s)}${extra})`;
    const n = STATUSES.map((s) => count(s)).join("+");
    const [V, D, C, K, X] = STATUSES.map((s) => count(s));
    row++;
    sentence(
      row,
      `"Kết quả "&IF(${estimate},"ước ","")&${q(`${PERIOD_INFO[period].label}: có `)}&(${V}+${D})&"/"&(${n})&` +
        `" chỉ tiêu đạt và vượt (vượt "&${V}&", đạt "&${D}&"), "&${C}&" chỉ tiêu cơ bản đạt, "&${K}&` +
        `" chỉ tiêu không đạt, "&${X}&" chỉ tiêu chưa có số liệu."`,
    );
    if (by !== undefined) {
      // "Về chỉ tiêu tỉnh giao: …" (semantics section 10): the assigned statuses, only when a row carries one.
      const assigned = column(assignedKey("assignedStatus", period));
      const [aV, aD, aC, aK, aX] = STATUSES.map((st) => `COUNTIFS(${ids},"*.*",${assigned},${q(st)})`);
      const m = `(${aV}+${aD}+${aC}+${aK}+${aX})`;
      row++;
      samples.push({
        row,
        col: 1,
        value: `Về chỉ tiêu ${by} giao: có 100/100 chỉ tiêu đạt và vượt (vượt 50, đạt 50), 10 chỉ tiêu cơ bản đạt, 10 chỉ tiêu không đạt, 10 chỉ tiêu chưa có số liệu.`,
      });
      sentence(
        row,
        `IF(${m}=0,"",${q(`Về chỉ tiêu ${by} giao: có `)}&(${aV}+${aD})&"/"&${m}&` +
          `" chỉ tiêu đạt và vượt (vượt "&${aV}&", đạt "&${aD}&"), "&${aC}&" chỉ tiêu cơ bản đạt, "&${aK}&` +
          `" chỉ tiêu không đạt, "&${aX}&" chỉ tiêu chưa có số liệu.")`,
      );
    }
    for (const s of r.sections) {
      row++;
      const [v, d, c, k, x] = STATUSES.map((st) => `COUNTIFS(${ids},$B${row}&".*",${result},${q(st)})`);
      const at = `MATCH($B${row},${ids},0)`;
      cells.push({ row, col: 2, value: s.id });
      samples.push({
        row,
        col: 1,
        value: `Phần ${s.id}. ${s.title}: 100/100 chỉ tiêu đạt và vượt (vượt 50, đạt 50), 10 chỉ tiêu cơ bản đạt, 10 chỉ tiêu không đạt, 10 chỉ tiêu chưa có số liệu.`,
      });
      // Every status that occurs in the section is named (core/report.sectionSentence).
      sentence(
        row,
        `"Phần "&$B${row}&". "&IFERROR(INDEX(${column("text")},${at}),"")&": "&(${v}+${d})&"/"&(${v}+${d}+${c}+${k}+${x})&` +
          `" chỉ tiêu đạt và vượt"&IF(${v}+${d}>0," ("&IF(${v}>0,"vượt "&${v},"")&IF(AND(${v}>0,${d}>0),", ","")&` +
          `IF(${d}>0,"đạt "&${d},"")&")","")&IF(${c}>0,", "&${c}&" chỉ tiêu cơ bản đạt","")&` +
          `IF(${k}>0,", "&${k}&" chỉ tiêu không đạt","")&IF(${x}>0,", "&${x}&" chỉ tiêu chưa có số liệu","")&"."`,
      );
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
        cells.push({ row, col: WORK.points, value: pointWords(ind) });
        samples.push({
          row,
          col: 1,
          value: `${ind.text}: xếp thứ 1.234.567,89${suffix} (chỉ tiêu: thứ 5 trở lên), ước bằng 100,5% chỉ tiêu nghị quyết, giảm 1.234,5 điểm phần nghìn so với cùng kỳ (Cơ bản đạt; đánh giá lại: Không đạt).`,
        });
        for (const f of template)
          cells.push({ row, col: f.col, share: f.share, formula: f.formula.split(ROW).join(String(row)) });
      }
    }
  }
  const last = row;
  const written = layout.periods.flatMap((p) => reviewText(r, content, p));
  // How many sentences the file was laid out for, against how many the figures give now.
  const printed = `$${colLetter(COUNT_CELL.col)}$${COUNT_CELL.row}`;
  const now = `$${colLetter(NOW_CELL.col)}$${NOW_CELL.row}`;
  cells.push({ row: COUNT_CELL.row - 1, col: COUNT_CELL.col, value: "Số câu được in" });
  cells.push({ ...COUNT_CELL, value: written.length });
  cells.push({ row: NOW_CELL.row - 1, col: NOW_CELL.col, value: "Số câu hiện có" });
  cells.push({ ...NOW_CELL, formula: `$${letter("order")}$${last}` });
  const note = `Các câu dưới đây tự cập nhật theo sheet “${TRACKING_SHEET}”; sao chép cột A sang văn bản báo cáo.`;
  cells.push({ row: HEAD_ROWS, col: 1, formula: `IF(${now}=${printed},${q(note)},${staleText(now, printed)})` });
  // Column A: the k-th sentence that is not empty, so the text has no empty lines (semantics section 8).
  const sentences = `$${letter("sentence")}$4:$${letter("sentence")}$${last}`;
  const order = `$${letter("order")}$4:$${letter("order")}$${last}`;
  for (let at = 4; at <= last; at++) {
    cells.push({
      row: at,
      col: WORK.hasSentence,
      share: "hasSentence",
      formula: `IF(LEN($${letter("sentence")}${at})>0,1,0)`,
    });
    // How many sentences so far, from the first slot to this one (a SUM of numbers: fast in both engines).
    cells.push({
      row: at,
      col: WORK.order,
      share: "order",
      formula: `SUM($${letter("hasSentence")}$4:$${letter("hasSentence")}${at})`,
    });
    cells.push({
      row: at,
      col: 1,
      share: "text",
      formula: `IFERROR(INDEX(${sentences},MATCH(ROW()-3,${order},0)),"")`,
    });
  }
  const columns = [{ width: TEXT_WIDTH }, { width: 8 }, ...Array.from({ length: lastWork - 2 }, () => ({ width: 11 }))];
  const styles: SheetPlan["styles"] = [
    { ref: "A1:A1", style: { bold: true, size: 14, hAlign: "center" } },
    { ref: "A2:A2", style: { italic: true, hAlign: "center", wrap: true } },
    { ref: "A3:A3", style: { italic: true, color: SHEET_COLORS.muted, ...wrap } },
    { ref: area(2, 3, lastWork, 3), style: { bold: true, size: 10, color: SHEET_COLORS.muted, wrap: true } },
    { ref: area(1, 4, 1, last), style: wrap },
    { ref: area(2, 4, lastWork, last), style: { size: 10, color: SHEET_COLORS.muted } },
    {
      ref: area(COUNT_CELL.col, 1, NOW_CELL.col, NOW_CELL.row),
      style: { size: 10, color: SHEET_COLORS.muted, wrap: true },
    },
  ];
  // The rows that print show today's sentences, each as tall as its own, under a note as tall as the
  // warning it may turn into. A row below may show a sentence once more figures are typed (neither
  // LibreOffice nor Excel fits a row to a formula's result): its height is the tallest of the slots' from there on.
  const end = HEAD_ROWS + written.length;
  const shown = [
    { row: HEAD_ROWS, col: 1, value: staleSample(last) },
    ...written.map((value, k) => ({ row: HEAD_ROWS + 1 + k, col: 1, value })),
  ];
  const heights = fitRowHeights({ cells: [...cells, ...shown], styles, merges: [], columns }).filter(
    (h) => h.row <= end,
  );
  const measured = new Map(
    fitRowHeights({ cells: samples, styles, merges: [], columns }).map((h) => [h.row, h.height]),
  );
  const below: SheetPlan["rowHeights"] = [];
  let tallest = 0;
  for (let at = last; at > end; at--) {
    tallest = Math.max(tallest, measured.get(at) ?? 0);
    if (tallest > 0) below.unshift({ row: at, height: tallest });
  }
  return {
    name: REPORT_SHEET,
    rowCount: last,
    colCount: lastWork,
    cells,
    styles,
    merges: [],
    columns,
    rowHeights: [...heights, ...below],
    freezeRows: 3,
    validations: [],
    // The warning stands out on screen and on paper.
    conditionalFormats: [
      {
        ref: `A${HEAD_ROWS}`,
        rules: [{ formula: `${now}<>${printed}`, fill: SHEET_COLORS.warningFill, font: SHEET_COLORS.warning }],
      },
    ],
    dataBars: [],
    charts: [],
    autofitRows: [4, last],
    hiddenRows: [],
    print: { landscape: true, area: reportPrintArea(written.length), ...pageBands(r.title, r.organization) },
  };
}
