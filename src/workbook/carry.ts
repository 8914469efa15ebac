import { CELL_JUNK, cellJunk } from "../core/cell";
import { allIndicators, type Indicator, type Resolution } from "../core/model";
import { proposeCumulative } from "../core/cumulative";
import type { Target } from "../core/model";
import { STATUS_RULES, TARGET_OPS, type Shape, type TargetOp } from "../core/rules";
import { PERIODS, PERIOD_INFO, type Period } from "../core/periods";
import { OP_LABELS, cumulativeCell } from "./layout";
import { sheetYear, targetColumns } from "./tracking-row";
import { filled } from "./sheet-plan";
import { capitalize, comparable } from "../core/text";
import { formatVietnameseNumber } from "../core/numbers";
import type { ExistingRow, ExistingSheet, LooseRow } from "./sheet-read";
import { rowContentOf } from "./tracking-row";
import { mergeContent, type Content, type RowContent } from "../core/content";
import { readToleranceCell, type ToleranceRead } from "../core/tolerance";
import { addAssigned } from "../core/assigned";
import { ASSIGNED_BY_DEFAULT, ASSIGNED_SECTION } from "../core/assigned-words";
import { sectionOfId } from "../core/ids";

/** What an old row held that the new sheet does not get, and why; it stays in the kept "(cũ)" sheet. */
export interface LeftBehind {
  /** The old row's Mã as it stood ("" when it had none). */
  id: string;
  row: number;
  text: string;
  /** "số liệu 86%", "ghi chú", or both, as staff see them. */
  what: string[];
  reason: string;
}

/** An old row and a new indicator the identity rule cannot call the same or different: staff decide. */
export interface MaybePair {
  /** The old row's Mã ("" when none) and sheet row. */
  id: string;
  row: number;
  oldText: string;
  /** The new indicator's Mã and text. */
  to: string;
  newText: string;
  /** What would be carried ("số liệu 86%", "ghi chú"). */
  what: string[];
  /** The words one text has and the other not. */
  differ: string[];
}

/** A pair staff confirmed: the old sheet row goes to the new Mã. */
export interface Confirmed {
  row: number;
  to: string;
}

export interface CarryOver {
  /**
   * What the new sheet gets, by new Mã: figures (each period's, as the cells hold them), notes,
   * staff's assessments and Cộng dồn choices, the estimate flags and the old sheet's tolerance
   * when it is valid.
   */
  content: Content;
  /** The old sheet's tolerance as read (null when it had none): a refused one is reported, not carried. */
  oldTolerance: ToleranceRead | null;
  /** How many new indicators got a figure or a note from the old sheet. */
  carried: number;
  /** What was carried, column by column ("số liệu cả năm": 30, "ghi chú": 45), for the success line. */
  counts: Record<string, number>;
  /** Old rows whose content went to an indicator with another Mã (same text, moved). */
  moved: { from: string; to: string }[];
  leftBehind: LeftBehind[];
  /** Pairs not carried until staff confirm them ("Có thể là cùng chỉ tiêu"). */
  maybe: MaybePair[];
  /** Carried, but said: a figure that was a formula went over as its value. */
  notices: LeftBehind[];
}

export interface CarryOptions {
  /** Pairs staff confirmed (the pane's choice, the CLI's --match). */
  confirmed?: readonly Confirmed[];
  /**
   * "same-year" (default): the old sheet's content is this sheet's. "previous-year": the old sheet is
   * last year's (semantics section 9): its figures become the "Cùng kỳ" figures of the same periods,
   * never this year's own; notes, assessments and estimate flags stay behind; the tolerance and the
   * "Cộng dồn" choices carry.
   */
  mode?: CarryMode;
}

export type CarryMode = "same-year" | "previous-year";

type OldRow = (ExistingRow | LooseRow) & { cells?: ExistingRow["cells"] };

const hasFigure = (r: { figures: Partial<Record<Period, unknown>> }) => Object.values(r.figures).some(filled);
/** Last year's figures a row holds in its "Cùng kỳ" cells (a loose row has none). */
const previousOf = (r: { cells?: ExistingRow["cells"] }): Partial<Record<Period, unknown>> =>
  r.cells ? (rowContentOf(r as ExistingRow).previous ?? {}) : {};
const overrideOf = (r: { cells?: ExistingRow["cells"] }) => String(r.cells?.override ?? "").trim();
const assignedOf = (r: { cells?: ExistingRow["cells"] }) => String(r.cells?.assignedText ?? "").trim();

/** A row whose figures, note or assessment would be lost by starting a new sheet. */
export const hasContent = (r: {
  figures: Partial<Record<Period, unknown>>;
  note: string;
  cells?: ExistingRow["cells"];
}) =>
  hasFigure(r) ||
  r.note.trim() !== "" ||
  overrideOf(r) !== "" ||
  Object.keys(previousOf(r)).length > 0 ||
  assignedOf(r) !== "";

/** Old and new tone placement and spellings that mean the same ("hoá" and "hóa", "tỉ" and "tỷ"). */
const TONE_MOVES: Record<string, string> = Object.fromEntries(
  ["oá óa", "oà òa", "oả ỏa", "oã õa", "oạ ọa", "oé óe", "oè òe", "oẻ ỏe", "oẽ õe", "oẹ ọe"]
    .concat(["uý úy", "uỳ ùy", "uỷ ủy", "uỹ ũy", "uỵ ụy"])
    .map((p) => p.split(" ") as [string, string]),
);
/** Words spelt two ways. */
const SPELT: Record<string, string> = { tỉ: "tỷ", kĩ: "kỹ", lí: "lý", mĩ: "mỹ" };

/**
 * Words that never tell two indicators apart: how a target is introduced ("phấn đấu", "đạt",
 * "trở lên"), joining words, and where ("trên địa bàn"). Everything else a text says counts.
 */
const SOFT_WORDS = new Set(
  (
    "phấn đấu phần đầu phân đạt trở lên ít nhất tối thiểu khoảng là có của các những và ở tại trên " +
    "địa bàn toàn cuối hằng hàng trong đến được thì với cho theo so năm"
  ).split(" "),
);

/**
 * Words that make another indicator whenever one text has them and the other not, even when the
 * rest is alike: "hộ nghèo" and "hộ cận nghèo", "tai nạn" and "cháy nổ", "thu ngân sách" and "thu
 * ngân sách phường được hưởng", a unit, or any number ("trẻ em dưới 1 tuổi", "dưới 5 tuổi").
 */
const HARD_WORDS = new Set(
  (
    "cận hưởng không chưa dưới cháy nổ tai nạn tái giảm tăng nữ ngoài trừ chi thu xuất nhập " +
    "% ‰ ha km kg tấn vụ lượt đồng usd con"
  ).split(" "),
);

const COMPOUNDS = new Set(["thu hút", "chi bộ", "chi hội", "chi đoàn", "chi cục", "chi nhánh", "tăng cường"]);

/** A year in a text ("năm 2022") is the resolution's, not what the indicator counts: left out. */
const YEAR = /^(?:19|20|21)\d\d$/u;

/** A text's words as compared: lower case, one spelling, punctuation and years gone, numbers whole ("23,5"). */
export function textWords(text: string): string[] {
  let t = comparable(text);
  // Only where the syllable ends: "hoá" is "hóa", "loại" and "hoàn" are written one way.
  t = t.replace(/(?:o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ])(?![\p{L}\p{M}])/gu, (m) => TONE_MOVES[m] ?? m);
  const ws = (t.match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+|[%‰]/gu) ?? [])
    .filter((w) => !YEAR.test(w))
    .map((w) => SPELT[w] ?? w);
  // A word of two syllables whose first is a distinguishing word on its own ("thu hút", "chi bộ").
  return ws.flatMap((w, k) =>
    COMPOUNDS.has(`${w} ${ws[k + 1]}`) ? [`${w} ${ws[k + 1]}`] : COMPOUNDS.has(`${ws[k - 1]} ${w}`) ? [] : [w],
  );
}

export type Verdict = "same" | "maybe" | "different";

const GENERIC = new Set(["tỷ", "lệ", "số", "tổng", "lượng"]);

/** Below this share of shared words (Dice coefficient), two texts are not offered as maybe the same. */
export const MAYBE_TEXT = 0.5;

/**
 * The identity rule on the words of two indicators' texts (and their units when both are known):
 * - "same" when they say the same words, apart from SOFT_WORDS, spelling, case, punctuation, order
 *   and the resolution's year;
 * - "different" when a word one has and the other not is a number, a unit or one of HARD_WORDS, when
 *   their units differ, or when they share fewer than MAYBE_TEXT of their words (GENERIC ones not
 *   counted);
 * - else "maybe": a reworded clause, which staff confirm or leave.
 * `differ` lists the words one text has and the other not.
 */
export function compareTexts(
  a: string,
  b: string,
  units?: { a: string; b: string },
): { verdict: Verdict; differ: string[] } {
  const wa = new Set(textWords(a).filter((w) => !SOFT_WORDS.has(w)));
  const wb = new Set(textWords(b).filter((w) => !SOFT_WORDS.has(w)));
  const differ = [...[...wa].filter((w) => !wb.has(w)), ...[...wb].filter((w) => !wa.has(w))];
  const ua = units ? textWords(units.a).join(" ") : "";
  const ub = units ? textWords(units.b).join(" ") : "";
  const unitDiffers = ua !== "" && ub !== "" && ua !== ub;
  if (unitDiffers) return { verdict: "different", differ: [...differ, units!.a.trim(), units!.b.trim()] };
  if (differ.length === 0) return { verdict: "same", differ };
  const hard = differ.filter((w) => HARD_WORDS.has(w) || /\p{N}/u.test(w));
  if (hard.length > 0) return { verdict: "different", differ: hard };
  // How much the texts share, without the words nearly every indicator starts with ("tỷ lệ", "số").
  const ca = [...wa].filter((w) => !GENERIC.has(w));
  const cb = [...wb].filter((w) => !GENERIC.has(w));
  const common = ca.filter((w) => wb.has(w)).length;
  const dice = ca.length + cb.length === 0 ? 0 : (2 * common) / (ca.length + cb.length);
  return { verdict: dice >= MAYBE_TEXT ? "maybe" : "different", differ };
}

const LABEL_SHAPES = new Map<string, Shape>(TARGET_OPS.map((op) => [OP_LABELS[op], STATUS_RULES[op].shape]));
const LABEL_OPS = new Map<string, TargetOp>(TARGET_OPS.map((op) => [OP_LABELS[op], op]));

function oldShape(row: OldRow): Shape | null {
  const label = row.cells?.op;
  return typeof label === "string" ? (LABEL_SHAPES.get(label.trim()) ?? null) : null;
}

function oldText(row: OldRow): string | null {
  const t = row.cells ? row.cells.text : (row as LooseRow).text;
  return typeof t === "string" && t.trim() !== "" ? t : null;
}

const oldUnit = (row: OldRow) => (typeof row.cells?.unit === "string" ? row.cells.unit : "");

/** A target's columns as one comparable key (numbers to 12 digits, text trimmed). */
const targetKey = (cells: unknown[]) =>
  JSON.stringify(
    cells.map((v) =>
      typeof v === "number" ? Number(v.toPrecision(12)) : v === null || v === undefined ? "" : String(v).trim(),
    ),
  );

function oldTargetKey(row: OldRow): string | null {
  const c = row.cells;
  if (!c || c.op === undefined || c.value === undefined) return null;
  return targetKey([c.op, c.value, c.max, c.unit]);
}

interface Candidate {
  ind: number;
  verdict: Verdict;
  differ: string[];
  /** Ties among equal verdicts: the same Mã, then the same target, then more shared words. */
  rank: number;
}

/** Each old row's candidates, best first: its own Mã always, others through a word index (no n² scan). */
function candidates(olds: OldRow[], indicators: Indicator[], foreign: boolean): Candidate[][] {
  const newKeys = indicators.map((i) => {
    const t = targetColumns(i);
    return targetKey([t.op, t.value, t.max, t.unit]);
  });
  const index = new Map<string, number[]>();
  indicators.forEach((ind, j) => {
    for (const w of new Set(textWords(ind.text)))
      if (!SOFT_WORDS.has(w)) (index.get(w) ?? index.set(w, []).get(w)!).push(j);
  });
  const at = new Map(indicators.map((ind, j) => [ind.id, j]));
  return olds.map((row) => {
    const shape = oldShape(row);
    const fits = (j: number) => shape === null || shape === STATUS_RULES[indicators[j]!.target.op].shape;
    const text = oldText(row);
    const same = row.id ? at.get(row.id) : undefined;
    if (text === null)
      // Without its text only the Mã can say which indicator a row was: staff confirm it.
      return same !== undefined && fits(same) ? [{ ind: same, verdict: "maybe" as const, differ: [], rank: 0 }] : [];
    const key = oldTargetKey(row);
    const seen = new Set<number>(same !== undefined ? [same] : []);
    for (const w of new Set(textWords(text))) for (const j of index.get(w) ?? []) seen.add(j);
    const out: Candidate[] = [];
    for (const j of seen) {
      const { verdict, differ } = compareTexts(text, indicators[j]!.text, { a: oldUnit(row), b: indicators[j]!.unit });
      if (verdict === "different" && j !== same) continue;
      const v: Verdict = !fits(j) ? "different" : foreign && verdict === "same" ? "maybe" : verdict;
      const rank = (j === same ? 4 : 0) + (key !== null && key === newKeys[j] ? 2 : 0) - differ.length / 1000;
      out.push({ ind: j, verdict: v, differ, rank });
    }
    const order: Record<Verdict, number> = { same: 0, maybe: 1, different: 2 };
    return out.sort((x, y) => order[x.verdict] - order[y.verdict] || y.rank - x.rank);
  });
}

/** Whether staff set "Cộng dồn" otherwise than the core proposes for the row as it stands: a choice to keep. */
function ownCumulative(r: ExistingRow): boolean {
  const chosen = cumulativeCell(r.cells.cumulative);
  const op = LABEL_OPS.get(String(r.cells.op ?? "").trim());
  if (chosen === null || !op) return false;
  const targetText = typeof r.cells.targetText === "string" ? r.cells.targetText : undefined;
  const proposed = proposeCumulative({
    text: String(r.cells.text ?? ""),
    unit: String(r.cells.unit ?? ""),
    ...(targetText ? { targetText } : {}),
    target: { op } as Target,
  });
  return chosen !== proposed;
}

/** A figure as staff saw it: "82%" in a percent cell, "27.625" with Vietnamese separators, words as typed. */
export function shownFigure(v: unknown, format?: string): string {
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  if (typeof v !== "number") return String(v);
  const bare = (format ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./gu, "");
  return bare.includes("%") ? `${formatVietnameseNumber(v * 100)}%` : formatVietnameseNumber(v);
}

/** "số liệu 86", or per period "số liệu 6 tháng 40" when the sheet has several. */
const figureWords = (r: OldRow, p: Period) =>
  `số liệu${Object.keys(r.figures).length > 1 ? ` ${PERIOD_INFO[p].label}` : ""} ${shownFigure(r.figures[p], r.formats[p])}`;

/** "cùng kỳ 14.200", or per period "cùng kỳ 6 tháng 14.200". */
const previousWords = (r: OldRow, p: Period, v: unknown) =>
  `cùng kỳ${Object.keys(r.figures).length > 1 ? ` ${PERIOD_INFO[p].label}` : ""} ${shownFigure(v)}`;

/** What a row would carry; last year's sheet gives only its figures (notes and assessments stay behind). */
const describe = (r: OldRow, mode: CarryMode = "same-year") => {
  const what: string[] = [];
  for (const p of PERIODS) if (filled(r.figures[p])) what.push(figureWords(r, p));
  if (mode === "previous-year") return what;
  for (const [p, v] of Object.entries(previousOf(r))) what.push(previousWords(r, p as Period, v));
  if (r.note.trim() !== "") what.push("ghi chú");
  if (overrideOf(r) !== "") what.push(`đánh giá lại “${overrideOf(r)}”`);
  if (assignedOf(r) !== "") what.push(`chỉ tiêu giao “${assignedOf(r)}”`);
  return what;
};

const sameWords = (a: unknown, b: unknown) =>
  String(a ?? "").trim() !== "" && comparable(String(a ?? "")) === comparable(String(b ?? ""));

/**
 * Why a sheet's rows are never carried without staff confirming: it was made for another body's
 * resolution or another year's (its heading labels say so), or null.
 */
function foreignSheet(resolution: Resolution, existing: ExistingSheet, mode: CarryMode): string | null {
  const org = existing.meta.organization;
  if (
    typeof org === "string" &&
    org.trim() !== "" &&
    resolution.organization.trim() !== "" &&
    !sameWords(org, resolution.organization)
  )
    return `sổ cũ của “${org.trim()}”, nghị quyết mới của “${resolution.organization.trim()}”`;
  // Last year's sheet is of another year by design (the caller checked it is the year before).
  const year = sheetYear(existing);
  if (mode === "same-year" && year !== null && resolution.year !== null && year !== resolution.year)
    return `sổ cũ của năm ${year}, nghị quyết mới năm ${resolution.year}`;
  return null;
}

const shortText = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/**
 * Moves figures, notes and assessments from an existing tracking sheet to a new one, by identity
 * (compareTexts): a row goes where its text says the same, whatever its Mã; an equal target or Mã
 * only breaks ties. Pairs the rule is unsure of go to `maybe` and are carried only when confirmed.
 */
export function carryOver(
  resolution: Resolution,
  existing: ExistingSheet | null,
  options: CarryOptions = {},
): CarryOver {
  const mode = options.mode ?? "same-year";
  const oldTolerance = existing?.tolerance === undefined ? null : readToleranceCell(existing.tolerance);
  const out: CarryOver = {
    content: {
      rows: {},
      ...(existing && mode === "same-year" ? { estimates: existing.estimates } : {}),
      ...(oldTolerance?.ok ? { tolerance: oldTolerance.value } : {}),
    },
    oldTolerance,
    carried: 0,
    counts: {},
    moved: [],
    leftBehind: [],
    maybe: [],
    notices: [],
  };
  if (!existing) return out;
  const indicators = allIndicators(resolution);
  const at = new Map(indicators.map((ind, j) => [ind.id, j]));
  // From last year's sheet only figures go over: a row with nothing else is not looked at.
  const worth = (r: OldRow) =>
    mode === "previous-year" ? hasFigure(r) : hasContent(r as Parameters<typeof hasContent>[0]);
  const olds: OldRow[] = [
    ...existing.rows.filter((r) => worth(r) || ownCumulative(r)),
    ...existing.loose.filter(worth),
  ].filter((r) => !("section" in r && r.section));
  const sectionNotes = mode === "same-year" ? existing.loose.filter((r) => r.section) : [];
  const foreign = foreignSheet(resolution, existing, mode);
  const cands = candidates(olds, indicators, foreign !== null);
  const homeOf = new Map<number, number>();
  const taken = new Set<number>();
  const take = (o: number, j: number) => {
    homeOf.set(o, j);
    taken.add(j);
  };
  // Staff's confirmations first, then every "same" pair, best first.
  for (const c of options.confirmed ?? []) {
    const o = olds.findIndex((r) => r.row === c.row);
    const j = at.get(c.to);
    if (o >= 0 && j !== undefined && !homeOf.has(o) && !taken.has(j)) take(o, j);
  }
  const sure = cands
    .flatMap((cs, o) => cs.filter((c) => c.verdict === "same").map((c) => ({ o, ...c })))
    .sort((x, y) => y.rank - x.rank || x.o - y.o);
  for (const p of sure) if (!homeOf.has(p.o) && !taken.has(p.ind)) take(p.o, p.ind);
  const offered = new Set<number>();
  const seenIds = new Map<string, number>();
  olds.forEach((row, o) => {
    const j = homeOf.get(o);
    const what = describe(row, mode);
    if (j === undefined) {
      // A row that only had its own "Cộng dồn" choice loses nothing staff typed as figures or words.
      if (what.length === 0) return;
      const maybe = cands[o]!.find((c) => c.verdict !== "different" && !taken.has(c.ind) && !offered.has(c.ind));
      if (maybe) {
        offered.add(maybe.ind);
        const ind = indicators[maybe.ind]!;
        out.maybe.push({
          id: row.id,
          row: row.row,
          oldText: oldText(row) ?? "",
          to: ind.id,
          newText: ind.text,
          what,
          differ: maybe.differ,
        });
        return;
      }
      const same = row.id ? at.get(row.id) : undefined;
      const repeated = row.id !== "" && (seenIds.get(row.id) ?? 0) > 0;
      const twin = cands[o]!.find((c) => c.verdict === "same");
      const differ = cands[o]!.find((c) => c.ind === same)?.differ ?? [];
      const reason =
        repeated && same !== undefined
          ? `Mã ${row.id} bị lặp trên sổ cũ`
          : twin
            ? `đã chuyển một dòng khác cùng nội dung sang Mã ${indicators[twin.ind]!.id}`
            : !row.id
              ? "dòng không có Mã"
              : same !== undefined
                ? `Mã ${row.id} nay là chỉ tiêu khác (“${shortText(indicators[same]!.text)}”)${
                    differ.length > 0 && differ.length <= 3 ? `, khác ở ${differ.map((w) => `“${w}”`).join(", ")}` : ""
                  }`
                : `Mã ${row.id} không còn trong nghị quyết mới`;
      out.leftBehind.push({ id: row.id, row: row.row, text: oldText(row) ?? "", what, reason });
    } else {
      const id = indicators[j]!.id;
      if (id !== row.id) out.moved.push({ from: row.id, to: id });
      const count = (k: string) => (out.counts[k] = (out.counts[k] ?? 0) + 1);
      const typed = rowContentOf(row);
      const into: RowContent = { figures: {} };
      const last = mode === "previous-year";
      for (const p of PERIODS) {
        const v = row.figures[p];
        if (!filled(v)) continue;
        const junk = cellJunk(v, row.formats[p]);
        if (junk) {
          out.leftBehind.push({
            id: row.id,
            row: row.row,
            text: oldText(row) ?? "",
            what: [figureWords(row, p)],
            reason: CELL_JUNK[junk],
          });
          continue;
        }
        // Last year's figure is this year's "Cùng kỳ", never this year's own.
        if (last) (into.previous ??= {})[p] = v;
        else into.figures[p] = v;
        count(`${last ? "số liệu cùng kỳ" : "số liệu"} ${PERIOD_INFO[p].label}`);
        if (row.formulas?.[p])
          out.notices.push({
            id: row.id,
            row: row.row,
            text: oldText(row) ?? "",
            what: [figureWords(row, p)],
            reason: `số liệu là công thức, đã chuyển giá trị ${shownFigure(v, row.formats[p])}`,
          });
      }
      const { note, override, cumulative, previous, assigned } = typed;
      if (last) {
        Object.assign(into, { cumulative });
        // A new year brings a new assignment: last year's assigned target stays behind, and is said.
        if (assigned !== undefined)
          out.leftBehind.push({
            id: row.id,
            row: row.row,
            text: oldText(row) ?? "",
            what: [`chỉ tiêu giao “${assigned}”`],
            reason: "năm mới có chỉ tiêu cấp trên giao mới, không lấy chỉ tiêu giao của năm trước",
          });
      } else {
        Object.assign(into, { note, override, cumulative, ...(previous ? { previous } : {}) });
        for (const p of Object.keys(previous ?? {})) count(`số liệu cùng kỳ ${PERIOD_INFO[p as Period].label}`);
        if (note !== undefined) count("ghi chú");
        if (override !== undefined) count("đánh giá lại");
        // The target assigned from above stays with its indicator within the year (semantics section 10).
        if (assigned !== undefined) {
          into.assigned = assigned;
          count("chỉ tiêu giao");
        }
      }
      out.content.rows[id] = into;
      const given = [into.figures, into.previous ?? {}].some((f) => Object.keys(f).length > 0);
      if (given || into.note !== undefined || into.override !== undefined || into.assigned !== undefined) out.carried++;
    }
    if (row.id) seenIds.set(row.id, (seenIds.get(row.id) ?? 0) + 1);
  });
  for (const r of sectionNotes)
    out.leftBehind.push({
      id: r.id,
      row: r.row,
      text: r.text,
      what: describe(r),
      reason: `ghi chú ở dòng phần ${r.id}`,
    });
  for (const c of existing.unmatched ?? [])
    out.leftBehind.push({
      id: "",
      row: c.row,
      text: "",
      what: [`cột ${c.column} “${c.header}” (${c.filled} ô có nội dung)`],
      reason: "không nhận ra cột này là cột nào của sổ theo dõi",
    });
  if (foreign) for (const m of out.maybe) m.differ = m.differ.length > 0 ? m.differ : [foreign];
  out.leftBehind.sort((a, b) => a.row - b.row);
  return out;
}

/**
 * Whether an old sheet of `oldYear` may be carried into a resolution of `newYear` in this mode
 * (semantics section 9): null when it may; else why not. The same year carries as this year's
 * content ("--from", re-inserting); only an earlier year's sheet gives "Cùng kỳ" figures; where a
 * year is unknown, last year's sheet cannot be told from this year's and staff must say.
 */
export type YearProblem =
  | { kind: "other-year"; oldYear: number; newYear: number }
  | { kind: "not-earlier"; oldYear: number; newYear: number }
  | { kind: "unknown"; oldYear: number | null; newYear: number | null };

export function yearProblem(mode: CarryMode, newYear: number | null, oldYear: number | null): YearProblem | null {
  if (mode === "same-year")
    return oldYear !== null && newYear !== null && oldYear !== newYear
      ? { kind: "other-year", oldYear, newYear }
      : null;
  if (oldYear === null || newYear === null) return { kind: "unknown", oldYear, newYear };
  return oldYear >= newYear ? { kind: "not-earlier", oldYear, newYear } : null;
}

/**
 * What a new sheet is built from when one already exists: the old sheet carried over by identity
 * (with the pairs staff confirmed), then the newer sources (an actuals file, what the user typed)
 * merged over it. Re-inserting in Excel and `chitieu workbook --from` both call this.
 */
export function contentOverOld(
  resolution: Resolution,
  existing: ExistingSheet | null,
  newer: readonly (Content | null | undefined)[] = [],
  options: CarryOptions = {},
): { carry: CarryOver; content: Content; resolution: Resolution } {
  // Within the year the assignment holds; last year's (previous-year mode) does not come along.
  const sameYear = options.mode !== "previous-year";
  const withOld = sameYear ? withOldAssigned(resolution, existing) : resolution;
  const carry = carryOver(withOld, existing, options);
  const by = sameYear && existing?.assignedBy !== undefined ? { rows: {}, assignedBy: existing.assignedBy } : null;
  return { carry, content: mergeContent(carry.content, by, ...newer), resolution: withOld };
}

/**
 * The new resolution with the old sheet's extra assigned indicators (section GX, "Chỉ tiêu <cấp>
 * giao khác"): an assignment holds for the year, so re-inserting keeps them (each by its text; its
 * figures then carry by identity like any row's).
 */
export function withOldAssigned(resolution: Resolution, existing: ExistingSheet | null): Resolution {
  if (!existing) return resolution;
  const extra = existing.rows.flatMap((row) => {
    if (sectionOfId(row.id) !== ASSIGNED_SECTION) return [];
    const text = String(row.cells.text ?? "").trim();
    const phrase = [row.cells.assignedText, row.cells.targetText].find((v) => typeof v === "string" && v.trim() !== "");
    return text !== "" && typeof phrase === "string" ? [{ text, phrase: phrase.trim() }] : [];
  });
  if (extra.length === 0) return resolution;
  return addAssigned(resolution, { rows: {} }, { byId: {}, extra }, existing.assignedBy ?? ASSIGNED_BY_DEFAULT)
    .resolution;
}

/** One line per row left behind, for the pane and the CLI: "I.2.b “Kết nạp…” (dòng 12): số liệu 4 — lý do." */
export function describeLeftBehind(l: LeftBehind): string {
  const who = [l.id ? `Mã ${l.id}` : "", l.text ? `“${shortText(l.text)}”` : ""].filter(Boolean).join(" ");
  // A column no header says: "Cột M “Nhận xét” (45 ô có nội dung, dòng 7) — …".
  if (!who && l.what[0]?.startsWith("cột ")) return `${capitalize(l.what.join(", "))} ở dòng ${l.row} — ${l.reason}.`;
  return `${who || "Dòng"} (dòng ${l.row}): ${l.what.join(" và ")} — ${l.reason}.`;
}

/** A pair left for staff, in one line: "Mã III.1 “Tỷ lệ hộ nghèo” (dòng 30) → III.1 “Tỷ lệ hộ cận nghèo”: …". */
export function describeMaybe(m: MaybePair): string {
  const old = [m.id ? `Mã ${m.id}` : "", m.oldText ? `“${shortText(m.oldText)}”` : ""].filter(Boolean).join(" ");
  const differ =
    m.differ.length > 0
      ? ` (khác ở ${m.differ
          .slice(0, 4)
          .map((w) => `“${w}”`)
          .join(", ")})`
      : "";
  return `${old || "Dòng"} (dòng ${m.row}) có thể là ${m.to} “${shortText(m.newText)}”${differ}: ${m.what.join(" và ")} chưa chuyển.`;
}

/** The success line's count: "30 số liệu cả năm, 45 ghi chú" (what was really carried, column by column). */
export function describeCounts(counts: Record<string, number>): string {
  const order = [
    ...PERIODS.map((p) => `số liệu ${PERIOD_INFO[p].label}`),
    ...PERIODS.map((p) => `số liệu cùng kỳ ${PERIOD_INFO[p].label}`),
    "ghi chú",
    "đánh giá lại",
    "chỉ tiêu giao",
  ];
  return order
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${counts[k]} ${k}`)
    .join(", ");
}

/**
 * Fewer periods on re-insert: a period the content has figures for is added back to the new sheet
 * (never dropped silently); `added` lists those, for the pane and the CLI to say so.
 */
export function keepPeriods(asked: readonly Period[], content: Content): { periods: Period[]; added: Period[] } {
  const rows = Object.values(content.rows);
  const has = (p: Period) =>
    rows.some((r) => filled(r.figures[p]) || filled(r.previous?.[p]) || (p === "nam" && r.override !== undefined));
  const added = PERIODS.filter((p) => !asked.includes(p) && has(p));
  return { periods: PERIODS.filter((p) => asked.includes(p) || added.includes(p)), added };
}
