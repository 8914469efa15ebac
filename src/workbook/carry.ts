import { CELL_JUNK, cellJunk } from "../core/cell";
import { allIndicators, type Indicator, type Resolution } from "../core/model";
import { proposeCumulative } from "../core/cumulative";
import type { Target } from "../core/model";
import { STATUS_RULES, TARGET_OPS, type Shape, type TargetOp } from "../core/rules";
import { PERIODS, PERIOD_INFO, type Period } from "../core/periods";
import { OP_LABELS, cumulativeCell } from "./layout";
import { targetColumns } from "./tracking-row";
import { filled } from "./sheet-plan";
import type { ExistingRow, ExistingSheet, LooseRow } from "./sheet-read";
import { rowContentOf } from "./tracking-row";
import { mergeContent, type Content, type RowContent } from "../core/content";
import { readToleranceCell, type ToleranceRead } from "../core/tolerance";

/** What an old row held that the new sheet does not get, and why; it stays in the kept "(cũ)" sheet. */
export interface LeftBehind {
  /** The old row's Mã as it stood ("" when it had none). */
  id: string;
  row: number;
  text: string;
  /** "số liệu 86", "ghi chú", or both. */
  what: string[];
  reason: string;
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
  /** Old rows whose content went to an indicator with another Mã (same text, moved). */
  moved: { from: string; to: string }[];
  leftBehind: LeftBehind[];
}

type OldRow = (ExistingRow | LooseRow) & { cells?: ExistingRow["cells"] };

const hasFigure = (r: { figures: Partial<Record<Period, unknown>> }) => Object.values(r.figures).some(filled);
const overrideOf = (r: { cells?: ExistingRow["cells"] }) => String(r.cells?.override ?? "").trim();

/** A row whose figures, note or assessment would be lost by starting a new sheet. */
export const hasContent = (r: {
  figures: Partial<Record<Period, unknown>>;
  note: string;
  cells?: ExistingRow["cells"];
}) => hasFigure(r) || r.note.trim() !== "" || overrideOf(r) !== "";

const words = (text: string) =>
  new Set(
    text
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/**
 * The identity rule. An old row and a new indicator are the same indicator when their target kinds
 * have the same shape (a floor may become a ceiling, a rank never a percentage) and either
 * - under the same Mã: their texts share at least SAME_TEXT of their words (Dice coefficient of the
 *   word sets; a reworded clause), or the target is the same (kind, levels and unit: "Sinh trên 2
 *   con" is still "Tỷ lệ sinh con thứ 3 trở lên, dưới 23,5%");
 * - under another Mã or none: their texts share at least MOVED_TEXT (a clause removed above it, a
 *   Mã cleared).
 * Pairs are taken best first (text similarity, plus 1 for the same target), so "Chi bộ hoàn
 * thành tốt nhiệm vụ" goes to the indicator with that text, not to "Đảng viên hoàn thành tốt nhiệm
 * vụ" that now has its old Mã.
 */
export const SAME_TEXT = 0.6;
export const MOVED_TEXT = 0.85;

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

interface Pair {
  old: number;
  ind: number;
  score: number;
}

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

/** Candidates kept per old row (best first), besides its own Mã: enough for the greedy pairing. */
const KEEP = 3;

/** Every admissible (old row, new indicator) pair with its score, through a word index (no n² scan of texts). */
function candidatePairs(olds: OldRow[], indicators: Indicator[]): Pair[] {
  const newWords = indicators.map((i) => words(i.text));
  const newKeys = indicators.map((i) => {
    const t = targetColumns(i);
    return targetKey([t.op, t.value, t.max, t.unit]);
  });
  const index = new Map<string, number[]>();
  newWords.forEach((ws, j) => ws.forEach((w) => (index.get(w) ?? index.set(w, []).get(w)!).push(j)));
  const at = new Map(indicators.map((ind, j) => [ind.id, j]));
  const pairs: Pair[] = [];
  olds.forEach((row, o) => {
    const shape = oldShape(row);
    const fits = (j: number) => shape === null || shape === STATUS_RULES[indicators[j]!.target.op].shape;
    const text = oldText(row);
    const same = row.id ? at.get(row.id) : undefined;
    if (text === null) {
      // Without its text only the Mã can say which indicator a row was.
      if (same !== undefined && fits(same)) pairs.push({ old: o, ind: same, score: SAME_TEXT - 0.01 });
      return;
    }
    const key = oldTargetKey(row);
    const ws = words(text);
    const common = new Map<number, number>();
    if (same !== undefined) common.set(same, 0);
    for (const w of ws) for (const j of index.get(w) ?? []) common.set(j, (common.get(j) ?? 0) + 1);
    const mine: Pair[] = [];
    for (const [j, c] of common) {
      if (!fits(j)) continue;
      const sim = (2 * c) / (ws.size + newWords[j]!.size);
      const target = key !== null && key === newKeys[j];
      const ok = j === same ? sim >= SAME_TEXT || target : sim >= MOVED_TEXT;
      if (ok) mine.push({ old: o, ind: j, score: sim + (target ? 1 : 0) + (j === same ? 0.001 : 0) });
    }
    mine.sort((x, y) => y.score - x.score);
    pairs.push(...mine.filter((p, k) => k < KEEP || p.ind === same));
  });
  return pairs.sort((x, y) => y.score - x.score || x.old - y.old);
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

/** "số liệu 86", or per period "số liệu 6 tháng 40" when the sheet has several. */
const figureWords = (r: OldRow, p: Period) =>
  `số liệu${Object.keys(r.figures).length > 1 ? ` ${PERIOD_INFO[p].label}` : ""} ${String(r.figures[p])}`;

const describe = (r: OldRow) => {
  const what: string[] = [];
  for (const p of PERIODS) if (filled(r.figures[p])) what.push(figureWords(r, p));
  if (r.note.trim() !== "") what.push("ghi chú");
  if (overrideOf(r) !== "") what.push(`đánh giá lại “${overrideOf(r)}”`);
  return what;
};

/** Moves figures and notes from an existing tracking sheet to a new one, by Mã and identity (rows may have moved). */
export function carryOver(resolution: Resolution, existing: ExistingSheet | null): CarryOver {
  const oldTolerance = existing?.tolerance === undefined ? null : readToleranceCell(existing.tolerance);
  const out: CarryOver = {
    content: {
      rows: {},
      ...(existing ? { estimates: existing.estimates } : {}),
      ...(oldTolerance?.ok ? { tolerance: oldTolerance.value } : {}),
    },
    oldTolerance,
    carried: 0,
    moved: [],
    leftBehind: [],
  };
  if (!existing) return out;
  const indicators = allIndicators(resolution);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const olds: OldRow[] = [...existing.rows.filter((r) => hasContent(r) || ownCumulative(r)), ...existing.loose].filter(
    (r) => !("section" in r && r.section),
  );
  const sectionNotes = existing.loose.filter((r) => r.section);
  const homeOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of candidatePairs(olds, indicators)) {
    if (homeOf.has(p.old) || taken.has(p.ind)) continue;
    homeOf.set(p.old, p.ind);
    taken.add(p.ind);
  }
  const seenIds = new Map<string, number>();
  olds.forEach((row, o) => {
    const j = homeOf.get(o);
    if (j === undefined) {
      const ind = row.id ? byId.get(row.id) : undefined;
      const repeated = row.id !== "" && (seenIds.get(row.id) ?? 0) > 0;
      const reason = !row.id
        ? "dòng không có Mã"
        : repeated && ind
          ? `Mã ${row.id} bị lặp trên sổ cũ`
          : ind
            ? `Mã ${row.id} nay là chỉ tiêu khác (“${ind.text}”)`
            : `Mã ${row.id} không còn trong nghị quyết mới`;
      // A row that only had its own "Cộng dồn" choice loses nothing staff typed as figures or words.
      const what = describe(row);
      if (what.length > 0) out.leftBehind.push({ id: row.id, row: row.row, text: oldText(row) ?? "", what, reason });
    } else {
      const id = indicators[j]!.id;
      if (id !== row.id) out.moved.push({ from: row.id, to: id });
      const typed = rowContentOf(row);
      const into: RowContent = { figures: {} };
      for (const p of PERIODS) {
        const v = row.figures[p];
        if (!filled(v)) continue;
        const junk = cellJunk(v, row.formats[p]);
        if (junk)
          out.leftBehind.push({
            id: row.id,
            row: row.row,
            text: oldText(row) ?? "",
            what: [figureWords(row, p)],
            reason: CELL_JUNK[junk],
          });
        else into.figures[p] = v;
      }
      const { note, override, cumulative } = typed;
      Object.assign(into, { note, override, cumulative });
      out.content.rows[id] = into;
      if (Object.keys(into.figures).length > 0 || note !== undefined || override !== undefined) out.carried++;
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
  out.leftBehind.sort((a, b) => a.row - b.row);
  return out;
}

/**
 * What a new sheet is built from when one already exists: the old sheet carried over by identity,
 * then the newer sources (an actuals file, what the user typed) merged over it. Re-inserting in
 * Excel and `chitieu workbook --from` both call this, so they carry the same things the same way.
 */
export function contentOverOld(
  resolution: Resolution,
  existing: ExistingSheet | null,
  ...newer: (Content | null | undefined)[]
): { carry: CarryOver; content: Content } {
  const carry = carryOver(resolution, existing);
  return { carry, content: mergeContent(carry.content, ...newer) };
}

/** One line per row left behind, for the pane and the CLI: "I.2.b “Kết nạp…” (dòng 12): số liệu 4 — lý do." */
export function describeLeftBehind(l: LeftBehind): string {
  const who = [l.id ? `Mã ${l.id}` : "", l.text ? `“${l.text.length > 60 ? `${l.text.slice(0, 57)}…` : l.text}”` : ""]
    .filter(Boolean)
    .join(" ");
  return `${who || "Dòng"} (dòng ${l.row}): ${l.what.join(" và ")} — ${l.reason}.`;
}
