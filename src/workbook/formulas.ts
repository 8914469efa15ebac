import { CELL_JUNK, CELL_JUNK_KINDS, type CellJunk } from "../core/cell";
import { capitalize } from "../core/text";
import { limitsOf, toExcel, type Measure } from "../core/measure";
import { DEFAULT_TOLERANCE, NEAR_MISS_DIGITS, TOLERANCE_MAX, TOLERANCE_MIN, formatTolerance } from "../core/tolerance";
import { STATUS, STATUSES, type TargetOp } from "../core/model";
import { PERIOD_INFO, type Period } from "../core/periods";
import { STATUS_RULES, prorates, type Scale, type StatusRule } from "../core/rules";
import { TYPED_SUBSTITUTIONS } from "../core/typed";
import { comparesWithPrevious } from "../core/previous";
import {
  APPLIED_TOLERANCE_NAME,
  CUMULATIVE_WORDS,
  OP_LABELS,
  TOLERANCE_NAME,
  col,
  listOf,
  type WordList,
  periodKey,
  type ColumnKey,
  type Layout,
} from "./layout";

/**
 * Native Excel formulas (English names, comma separators, no leading "=") for one row of the
 * tracking sheet, generated from the core's tables: the status rules (rules.ts) and the figure
 * limits (measure.ts). Recalculated by LibreOffice in the tests and compared with judge().
 */

/** A text as a formula's string literal ("" doubles a quote). */
export const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A typed cell as core/typed.ts reads it: its substitutions (a no-break space is a space, a
 * zero-width space nothing), then TRIM. UNICHAR exists in Excel 2013+ and LibreOffice.
 */
export const cleaned = (ref: string): string =>
  `TRIM(${TYPED_SUBSTITUTIONS.reduce((x, [from, to]) => `SUBSTITUTE(${x},UNICHAR(${from.codePointAt(0)}),${q(to)})`, ref)})`;

const wordList = (words: readonly string[]): WordList => {
  const list = listOf(words);
  if (!list) throw new Error(`no named list holds ${words.join(", ")}`);
  return list;
};

/**
 * TRUE when a cell holds one of a list's words, in any case and spelling its list holds. MATCH
 * would take "*" or "?" for any word, so the match is confirmed by "=", which has no wildcards.
 */
export function isWord(ref: string, words: readonly string[]): string {
  const { name } = wordList(words);
  const c = cleaned(ref);
  // The lists lie in one row: INDEX(list,1,k), as Gnumeric reads a lone index as a row number.
  return `IFERROR(INDEX(${name},1,MATCH(${c},${name},0))=${c},FALSE)`;
}

/** The 1-based position of the word a cell holds in its list (#N/A when none; guard with isWord). */
export function wordAt(ref: string, words: readonly string[]): string {
  const { name } = wordList(words);
  return `(MOD(MATCH(${cleaned(ref)},${name},0)-1,${words.length})+1)`;
}

/** Where a row's formulas look: one period's figure and check, and the row's target. */
export interface RowRef {
  layout: Layout;
  row: number | typeof ROW;
  period: Period;
  /** The assigned target's formulas (its own technical cells), not the resolution's. */
  assigned?: boolean;
}

/**
 * A row's formulas differ from another row's only by the row number: each is built once per sheet
 * layout with ROW in its place, then given the row (a 2,000-row sheet has 20,000 of them).
 */
const ROW = "\u0000";
const templates = new Map<string, string>();
function forRow(key: string, row: number | typeof ROW, build: (row: typeof ROW) => string): string {
  let t = templates.get(key);
  if (t === undefined) {
    if (templates.size > 1000) templates.clear();
    templates.set(key, (t = build(ROW)));
  }
  return row === ROW ? t : t.split(ROW).join(String(row));
}
// A layout's columns follow from its periods alone.
const layoutKey = (at: RowRef) =>
  `${at.layout.periods.join(",")}|${at.layout.assignedBy === undefined ? "" : "a"}|${at.period}|${at.assigned ? "assigned" : ""}`;

function refs({ layout, row, period, assigned: as = false }: RowRef) {
  const at = (key: ColumnKey) => `$${col(key, layout)}${row}`;
  return {
    a: at(periodKey("actual", period)),
    chk: at(periodKey("check", period)),
    op: at(as ? "assignedOp" : "op"),
    v: at(as ? "assignedValue" : "value"),
    m: at(as ? "assignedMax" : "max"),
    cum: at("cumulativeOn"),
    prev: at(periodKey("previous", period)),
  };
}

/**
 * The sheet's test for each kind of cell junk (core/cell.ts). ISERROR, ISLOGICAL, CELL and IFERROR
 * exist in Excel 2007+, LibreOffice and Gnumeric. A date fails open: refused only when the engine
 * positively says so, CELL("format") starting with "D" (Excel for its date formats; LibreOffice and
 * Gnumeric for the date formats they know, see core/cell.ts). "G" says nothing: LibreOffice and
 * Gnumeric give it for accounting formats and zero-as-dash as for unknown dates. Excel on the web
 * has no CELL("format"): IFERROR makes the test false there; the pane still checks the cell's format.
 */
const JUNK_TESTS: Record<CellJunk, (a: string) => string> = {
  error: (a) => `ISERROR(${a})`,
  logical: (a) => `ISLOGICAL(${a})`,
  date: (a) => `IFERROR(LEFT(CELL("format",${a}),1)="D",FALSE)`,
};

/** "Kiểm tra số liệu": "" when the figure is blank or acceptable, else the limit's Vietnamese words. */
export function checkFormula(at: RowRef, measure: Measure): string {
  return forRow(`check|${layoutKey(at)}|${measure.sign}|${JSON.stringify(limitsOf(measure))}`, at.row, (row) =>
    buildCheck({ ...at, row }, measure),
  );
}

function buildCheck(at: RowRef, measure: Measure): string {
  const { a } = refs(at);
  let test = `""`;
  for (const limit of [...limitsOf(measure)].reverse()) {
    const msg = q(capitalize(limit.message));
    switch (limit.kind) {
      case "words":
        test = `IF(${isWord(a, limit.words)},${test},${msg})`;
        break;
      case "number":
        test = `IF(ISNUMBER(${a}),${test},${msg})`;
        break;
      case "integer":
        test = `IF(${a}<>INT(${a}),${msg},${test})`;
        break;
      case "min":
        test = `IF(${a}<${toExcel(limit.bound, measure)},${msg},${test})`;
        break;
      case "max":
        test = `IF(${a}>${toExcel(limit.bound, measure)},${msg},${test})`;
    }
  }
  for (const kind of CELL_JUNK_KINDS.filter((k) => k !== "error").reverse())
    test = `IF(${JUNK_TESTS[kind](a)},${q(capitalize(CELL_JUNK[kind]))},${test})`;
  // An error first: LEN() of an error is an error.
  return `IF(${JUNK_TESTS.error(a)},${q(capitalize(CELL_JUNK.error))},IF(LEN(${a})=0,"",${test}))`;
}

const RULES = Object.entries(STATUS_RULES) as [TargetOp, StatusRule][];
/** A figure's place on its rule's scale: the number, or its position in the named list of words. */
const onScale = (scale: Scale, ref: string) => (scale.kind === "number" ? ref : wordAt(ref, scale.words));

/**
 * The tolerance cell as core/tolerance.ts readToleranceCell reads it: a number within the limits, or
 * a whole percentage typed as text ("10%", "10 %"), read without the machine's locale (the digits
 * must be the number's own, so "1,5%" or "05%" are not); else the default. A pasted 1.5, "abc" or a
 * deleted name never decide a status; the sheet says so beside the cell (toleranceWarningFormula).
 */
const T = TOLERANCE_NAME;
const TOL_TEXT = cleaned(T);
const TOL_DIGITS = `TRIM(LEFT(${TOL_TEXT},LEN(${TOL_TEXT})-1))`;
const TOL_IS_PERCENT_TEXT =
  `IFERROR(AND(ISTEXT(${T}),RIGHT(${TOL_TEXT},1)="%",LEN(${TOL_DIGITS})>0,LEN(${TOL_DIGITS})<=2,` +
  `${TOL_DIGITS}=""&INT(ABS(--${TOL_DIGITS}))),FALSE)`;
const TOL_IN_LIMITS = `AND(${T}>=${TOLERANCE_MIN},${T}<=${TOLERANCE_MAX})`;
export const GUARDED_TOLERANCE =
  `IF(ISNUMBER(${T}),IF(${TOL_IN_LIMITS},${T},${DEFAULT_TOLERANCE}),` +
  `IF(${TOL_IS_PERCENT_TEXT},--${TOL_DIGITS}/100,${DEFAULT_TOLERANCE}))`;

/** Beside the tolerance cell: "" when it is valid, else what is wrong and what is used instead. */
export function toleranceWarningFormula(): string {
  const used = `đang dùng ${formatTolerance(DEFAULT_TOLERANCE)}`;
  return (
    `IF(ISNUMBER(${T}),IF(${TOL_IN_LIMITS},"",` +
    `${q(`Dung sai phải từ ${formatTolerance(TOLERANCE_MIN)} đến ${formatTolerance(TOLERANCE_MAX)}; ${used}.`)}),` +
    `IF(${TOL_IS_PERCENT_TEXT},"",${q(`Dung sai không phải con số hay số phần trăm nguyên như "5%"; ${used}.`)}))`
  );
}

/** A number rounded to the core's digits (a near-miss bound, a change from last year) (tolerance.ts nearMissBound), so a boundary is one value. */
export const significant = (x: string) => `IF(${x}=0,0,ROUND(${x},${NEAR_MISS_DIGITS - 1}-INT(LOG10(ABS(${x})))))`;
const nearMiss = significant;

/** One rule of rules.ts as a formula; a, v, m are the figure, bound and stretch cells. */
function ruleFormula(rule: StatusRule, a: string, v: string, m: string): string {
  const A = onScale(rule.scale, a);
  const V = onScale(rule.scale, v);
  const t = APPLIED_TOLERANCE_NAME;
  const ex = rule.exceeds;
  const met = ex
    ? `IF(${A}${ex.cmp}${ex.of === "bound" ? V : m},${q(STATUS.exceeded)},${q(STATUS.met)})`
    : q(STATUS.met);
  const miss =
    rule.nearMiss === "higher"
      ? `IF(${A}>=${nearMiss(`${V}*(1-${t})`)},${q(STATUS.nearMiss)},${q(STATUS.notMet)})`
      : rule.nearMiss === "lower"
        ? `IF(${A}<=${nearMiss(`${V}*(1+${t})`)},${q(STATUS.nearMiss)},${q(STATUS.notMet)})`
        : q(STATUS.notMet);
  return `IF(${A}${rule.met}${V},${met},${miss})`;
}

/**
 * "Đánh giá": one of the five status words, by the row's "Kiểu chỉ tiêu" (the last kind is the
 * fallback). Before the year's end a row marked "Cộng dồn" is judged against its target's numbers
 * times the period's share (rules.prorates says which kinds have such numbers).
 */
export function statusFormula(at: RowRef): string {
  return forRow(`status|${layoutKey(at)}`, at.row, (row) => buildStatus({ ...at, row }));
}

function buildStatus(at: RowRef): string {
  const { a, op, v, m, chk, cum } = refs(at);
  const share = PERIOD_INFO[at.period].share;
  const scaled = (kind: TargetOp, ref: string) =>
    share < 1 && prorates(kind) ? `(${ref}*IF(${cum},${share},1))` : ref;
  const formula = ([kind, rule]: [TargetOp, StatusRule]) => ruleFormula(rule, a, scaled(kind, v), scaled(kind, m));
  const [last, ...rest] = [...RULES].reverse();
  let body = formula(last!);
  for (const entry of rest) body = `IF(${op}=${q(OP_LABELS[entry[0]])},${formula(entry)},${body})`;
  const status = `IF(${JUNK_TESTS.error(a)},${q(STATUS.noFigure)},IF(OR(LEN(${a})=0,LEN(${chk})>0),${q(STATUS.noFigure)},${body}))`;
  // An assigned status only where the row carries an assigned target.
  return at.assigned ? `IF(LEN(${op})=0,"",${status})` : status;
}

/**
 * "Tỷ lệ hoàn thành": figure ÷ target (a range's min) for the kinds the rules give a ratio; blank
 * where none or where the target is 0. Always against the year's target, also for a cumulative row
 * before the year's end ("54,3% kế hoạch năm").
 */
export function ratioFormula(at: RowRef): string {
  return forRow(`ratio|${layoutKey(at)}`, at.row, (row) => buildRatio({ ...at, row }));
}

function buildRatio(at: RowRef): string {
  const { a, op, v, chk } = refs(at);
  const kinds = `OR(${RULES.filter(([, r]) => r.ratio !== null)
    .map(([k]) => `${op}=${q(OP_LABELS[k])}`)
    .join(",")})`;
  return (
    `IF(${JUNK_TESTS.error(a)},"",IF(OR(LEN(${a})=0,LEN(${chk})>0),"",` + `IF(${kinds},IF(${v}=0,"",${a}/${v}),"")))`
  );
}

/**
 * "So với cùng kỳ": figure ÷ last year's figure (core/previous.ts previousChange), blank where either
 * is blank or not a number, last year's is 0, the figure is not acceptable, or the kind has no comparison.
 */
export function changeFormula(at: RowRef): string {
  return forRow(`change|${layoutKey(at)}`, at.row, (row) => buildChange({ ...at, row }));
}

function buildChange(at: RowRef): string {
  const { a, op, chk, prev } = refs(at);
  const kinds = `OR(${RULES.filter(([k]) => comparesWithPrevious(k))
    .map(([k]) => `${op}=${q(OP_LABELS[k])}`)
    .join(",")})`;
  return (
    `IF(OR(${JUNK_TESTS.error(a)},${JUNK_TESTS.error(prev)}),"",IF(OR(LEN(${a})=0,LEN(${chk})>0),"",` +
    `IF(AND(${kinds},ISNUMBER(${a}),ISNUMBER(${prev})),IF(${prev}=0,"",${a}/${prev}),"")))`
  );
}
/** The assigned target's status and ratio for a period: the same rules on its own technical cells. */
export const assignedStatusFormula = (at: RowRef) => statusFormula({ ...at, assigned: true });
export const assignedRatioFormula = (at: RowRef) => ratioFormula({ ...at, assigned: true });

/**
 * "Kiểm tra chỉ tiêu <cấp> giao": "" when the phrase is the one its technical cells were read from;
 * else that it was changed and not read again (typed without the add-in), or could not be read.
 */
export function assignedCheckFormula(layout: Layout, row: number): string {
  const at = (key: ColumnKey) => `$${col(key, layout)}${row}`;
  const [text, read, op] = [at("assignedText"), at("assignedRead"), at("assignedOp")];
  return (
    `IF(ISERROR(${text}),${q(ASSIGNED_UNREAD)},IF(EXACT(${cleaned(text)},${cleaned(read)}),` +
    `IF(AND(LEN(${cleaned(text)})>0,LEN(${op})=0),${q(ASSIGNED_UNREADABLE)},""),` +
    `IF(LEN(${read})=0,${q(ASSIGNED_UNREAD)},${q(ASSIGNED_CHANGED)}&${read}&"”.")))`
  );
}
export const ASSIGNED_UNREAD =
  "Chỉ tiêu giao chưa được đọc (mở bổ trợ Chỉ tiêu để đọc); chưa đánh giá theo chỉ tiêu này.";
export const ASSIGNED_UNREADABLE = "Không đọc được chỉ tiêu giao; hãy viết như trong văn bản giao, ví dụ “trên 95%”.";
export const ASSIGNED_CHANGED =
  "Chỉ tiêu giao đã sửa nhưng chưa được đọc lại (mở bổ trợ Chỉ tiêu); đang đánh giá theo “";

/** TRUE when a cell holds "Có" (an estimate flag, a Cộng dồn choice) as typed.ts reads it. */
export const isYes = (ref: string): string =>
  `IF(${isWord(ref, CUMULATIVE_WORDS)},${wordAt(ref, CUMULATIVE_WORDS)}=1,FALSE)`;

/** TRUE when "Đánh giá lại" holds one of the five words (the "Kết quả" colours mark it chosen by staff). */
export const overrideChosen = (ov: string): string => isWord(ov, STATUSES);

/** "Cộng dồn (đọc được)": TRUE when the row's "Cộng dồn" says "Có". */
export function cumulativeOnFormula(layout: Layout, row: number): string {
  return isYes(`$${col("cumulative", layout)}${row}`);
}

/** "Kết quả": staff's "Đánh giá lại" (its canonical word) when it is one of the five, else the year's rule status. */
export function finalFormula(layout: Layout, row: number): string {
  const ov = `$${col("override", layout)}${row}`;
  const st = `$${col("status", layout)}${row}`;
  return `IF(${overrideChosen(ov)},INDEX(${wordList(STATUSES).name},1,${wordAt(ov, STATUSES)}),${st})`;
}

export const REASON_MISSING = "Đánh giá lại cần ghi lý do.";
export const OVERRIDE_INVALID = `Đánh giá lại phải là một trong: ${STATUSES.join(", ")}.`;

/** "Kiểm tra đánh giá lại": an assessment that is not one of the five words, or has no reason. */
export function reasonCheckFormula(layout: Layout, row: number): string {
  const ov = `$${col("override", layout)}${row}`;
  const why = `$${col("reason", layout)}${row}`;
  return (
    `IF(ISERROR(${ov}),${q(OVERRIDE_INVALID)},IF(LEN(${cleaned(ov)})=0,"",` +
    `IF(NOT(${isWord(ov, STATUSES)}),${q(OVERRIDE_INVALID)},` +
    `IF(ISERROR(${why}),${q(REASON_MISSING)},IF(LEN(${cleaned(why)})=0,${q(REASON_MISSING)},"")))))`
  );
}
