import { PERIODS, PERIOD_INFO, YEAR, type Period } from "../core/words";
import {
  ESTIMATE_LABEL,
  HEADING_LABELS,
  KEY_PREFIX,
  assignedKey,
  colLetter,
  cumulativeCell,
  periodKey,
  sheetLayout,
  type ColumnKey,
} from "./layout";
import { filled } from "./sheet-plan";
import { ASSIGNED_BY_DEFAULT, assignedByFromHeader } from "../core/assigned-words";

/** Every column any tracking sheet may have, with the headers it had in each layout. */
const ALL_COLUMNS = sheetLayout(PERIODS, { assignedBy: ASSIGNED_BY_DEFAULT }).columns;
const ACTUAL_KEYS = new Set(PERIODS.map((p) => `${KEY_PREFIX}${periodKey("actual", p)}`));
const isActualKey = (v: unknown) => typeof v === "string" && ACTUAL_KEYS.has(v);

/** A header as compared: no accents, "đ" as "d", lower case, one space. */
const plain = (v: string) =>
  v
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/giu, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/gu, " ")
    .trim();

/** Each earlier period's words as a plain header says them (the registry's label). */
const PERIOD_WORDS = PERIODS.filter((p) => p !== YEAR).map(
  (p) => [p, new RegExp(`(?:^| )${plain(PERIOD_INFO[p].label)}(?: |$)`, "u")] as const,
);

/** The period a header names (its registry words), the year when it names none ("Thực hiện năm 2022"). */
function headerPeriod(h: string): Period {
  return PERIOD_WORDS.find(([, re]) => re.test(h))?.[0] ?? YEAR;
}

/**
 * A header read by what it says, for a sheet without the hidden key row (made before it, or
 * rebuilt by another program): accents, case and spacing ignored; the period words pick the
 * period ("Thực hiện năm 2022" is the year's figure). Undefined when it says none of the columns.
 */
export function headerKey(header: unknown): ColumnKey | undefined {
  if (typeof header !== "string") return undefined;
  const h = plain(header);
  if (h === "") return undefined;
  if (/^(?:ma|ma so|ma chi tieu)$/u.test(h)) return "id";
  if (/^(?:stt|tt|so tt|so thu tu)$/u.test(h)) return "no";
  if (/\bso voi cung ky\b/u.test(h)) return periodKey("change", headerPeriod(h));
  if (/\bcung ky\b/u.test(h)) return periodKey("previous", headerPeriod(h));
  if (/\bkiem tra danh gia lai\b/u.test(h)) return "reasonCheck";
  // The assigned target's columns ("Chỉ tiêu tỉnh giao", "Đánh giá tỉnh giao 6 tháng") before the resolution's.
  if (/^chi tieu .+ giao$/u.test(h)) return "assignedText";
  if (/^danh gia .+ giao\b/u.test(h)) return assignedKey("assignedStatus", headerPeriod(h));
  if (/^so voi ke hoach .+ giao\b/u.test(h)) return assignedKey("assignedRatio", headerPeriod(h));
  if (/^kiem tra chi tieu .+ giao$/u.test(h)) return "assignedCheck";
  if (/\bkiem tra\b/u.test(h)) return periodKey("check", headerPeriod(h));
  if (/\bly do\b/u.test(h)) return "reason";
  if (/\bdanh gia lai\b/u.test(h)) return "override";
  if (/\bty le hoan thanh\b|\bti le hoan thanh\b/u.test(h)) return periodKey("ratio", headerPeriod(h));
  if (/\bthuc hien\b|\bso lieu\b/u.test(h)) return periodKey("actual", headerPeriod(h));
  if (/\bdanh gia\b/u.test(h)) return periodKey("status", headerPeriod(h));
  if (/^ket qua\b/u.test(h)) return "final";
  if (/\bghi (?:chu|chep)\b/u.test(h)) return "note";
  if (/\bcong don\b/u.test(h)) return "cumulative";
  if (/\bkieu chi tieu\b/u.test(h)) return "op";
  if (/\bmuc toi da\b/u.test(h)) return "max";
  if (/\bmuc chi tieu\b/u.test(h)) return "value";
  if (/\bdon vi\b/u.test(h)) return "unit";
  if (/\bchi tieu de ra\b|\bmuc tieu\b|\bke hoach\b/u.test(h)) return "targetText";
  if (/\bchi tieu\b|\bnoi dung\b/u.test(h)) return "text";
  return undefined;
}
const isActualHeader = (v: unknown) => {
  const k = headerKey(v);
  return k !== undefined && /^actual/u.test(k);
};

/** What any row below the header holds: its figures, their formats and its note. */
interface RowContent {
  /** 1-based sheet row. */
  row: number;
  /** The year's figure (a sheet made before review periods has only this one). */
  actual: unknown;
  /** The figure cell's number format, when read (a date format means Excel made a date of it). */
  actualFormat?: string;
  /** Every period's figure and its cell's number format, as the cells hold them. */
  figures: Partial<Record<Period, unknown>>;
  formats: Partial<Record<Period, string>>;
  /** Figures that were formulas, by period (read from an .xlsx): carried as their value, and said. */
  formulas?: Partial<Record<Period, string>>;
  note: string;
}

export interface ExistingRow extends RowContent {
  id: string;
  status: string;
  /** Every column found by its header, as the cells hold them. */
  cells: Partial<Record<ColumnKey, unknown>>;
}

/** A row below the header with a figure or note but no indicator's Mã: added by staff, Mã cleared, or a section. */
export interface LooseRow extends RowContent {
  /** What the Mã cell holds ("" when empty; a section's id for a note on a section row). */
  id: string;
  text: string;
  /** A section row (its note has no indicator to go to). */
  section: boolean;
}

export interface ExistingSheet {
  name: string;
  rows: ExistingRow[];
  /** Column letters found by key or header text. */
  columns: Partial<Record<ColumnKey, string>>;
  /** The periods the sheet has figure columns for (a sheet made before periods: the year). */
  periods: Period[];
  /** Periods whose estimate flag above the figure column says "Có". */
  estimates: Period[];
  /** The value of the sheet's tolerance name, as the cell holds it (undefined when there is none). */
  tolerance: unknown;
  /** Columns with content whose header says none of the sheet's columns (a sheet without the key row). */
  unmatched?: { column: string; header: string; row: number; filled: number }[];
  /** Rows with content that no indicator's Mã names. */
  loose: LooseRow[];
  /** Section rows (a Mã without a dot, e.g. "II"), in sheet order. */
  sections: { id: string; title: string; row: number }[];
  /** The first two text cells above the header: title, then organisation and year. */
  heading: string[];
  /** Who assigned, from the header of the "Chỉ tiêu <cấp> giao" column, when the sheet has it. */
  assignedBy?: string;
  /** Cells to the right of a heading label (layout.HEADING_LABELS), by the label's key. */
  meta: Partial<Record<keyof typeof HEADING_LABELS, unknown>>;
}

/**
 * Finds the columns by the hidden key row (KEY_ROW), or, in a sheet made before it existed, by the
 * header texts; then reads every indicator row by its Mã, wherever staff moved it.
 */
export function readTrackingValues(
  name: string,
  values: unknown[][],
  top = 1,
  formats?: unknown[][],
  formulas?: unknown[][],
): ExistingSheet | null {
  const keyIdx = values.findIndex((r) => r.includes(`${KEY_PREFIX}id`) && r.some(isActualKey));
  const textIdx = values.findIndex((r) => r.some((v) => headerKey(v) === "id") && r.some(isActualHeader));
  // The header row follows the key row; data starts below it.
  const headerIdx = keyIdx >= 0 ? Math.max(keyIdx + 1, textIdx) : textIdx;
  if (headerIdx < 0) return null;
  const keys: unknown[] =
    keyIdx >= 0
      ? values[keyIdx]!.map((v) => (typeof v === "string" ? v.slice(KEY_PREFIX.length) : v))
      : values[headerIdx]!.map((v, i, all) => {
          // The first header that says a column takes it; a second one is named as unmatched.
          const k = headerKey(v);
          return k !== undefined && all.findIndex((w) => headerKey(w) === k) === i ? k : undefined;
        });
  // Each known column's position, found once by its key or header text.
  const found = ALL_COLUMNS.map((c) => [c.key, keys.indexOf(c.key)] as const).filter(([, i]) => i >= 0);
  const columns: ExistingSheet["columns"] = Object.fromEntries(found.map(([key, i]) => [key, colLetter(i + 1)]));
  const at = new Map<ColumnKey, number>(found);
  const periods = PERIODS.filter((p) => at.has(periodKey("actual", p)));
  const perPeriod = (r: unknown[] | undefined) => {
    const out: Partial<Record<Period, unknown>> = {};
    for (const p of periods) out[p] = r?.[at.get(periodKey("actual", p))!];
    return out;
  };
  const formatsOf = (k: number) => {
    const out: Partial<Record<Period, string>> = {};
    for (const p of periods) {
      const f = formats?.[headerIdx + 1 + k]?.[at.get(periodKey("actual", p))!];
      if (typeof f === "string") out[p] = f;
    }
    return out;
  };
  const formulasOf = (k: number) => {
    const out: Partial<Record<Period, string>> = {};
    for (const p of periods) {
      const f = formulas?.[headerIdx + 1 + k]?.[at.get(periodKey("actual", p))!];
      // A formula as Excel reports it ("=0*1"); a constant reads as its value.
      if (typeof f === "string" && f.startsWith("=")) out[p] = f;
    }
    return out;
  };
  const unmatched: NonNullable<ExistingSheet["unmatched"]> = [];
  if (keyIdx < 0)
    values[headerIdx]!.forEach((h, i) => {
      if (keys[i] !== undefined || typeof h !== "string" || h.trim() === "") return;
      const n = values.slice(headerIdx + 1).filter((r) => filled(r[i]) && String(r[i]).trim() !== "").length;
      if (n > 0) unmatched.push({ column: colLetter(i + 1), header: h.trim(), row: top + headerIdx, filled: n });
    });
  const rows: ExistingRow[] = [];
  const loose: LooseRow[] = [];
  const sections: ExistingSheet["sections"] = [];
  values.slice(headerIdx + 1).forEach((r, k) => {
    const cells: ExistingRow["cells"] = Object.fromEntries(found.map(([key, i]) => [key, r[i]]));
    const id = typeof cells.id === "string" ? cells.id.trim() : "";
    const row = top + headerIdx + 1 + k;
    const figures = perPeriod(r);
    const formats = formatsOf(k);
    const rowFormulas = formulasOf(k);
    const content: RowContent = {
      row,
      actual: cells.actual ?? "",
      ...(typeof formats.nam === "string" ? { actualFormat: formats.nam } : {}),
      figures,
      formats,
      ...(Object.keys(rowFormulas).length > 0 ? { formulas: rowFormulas } : {}),
      note: String(cells.note ?? ""),
    };
    const hasFigure = Object.values(figures).some(filled);
    // A section row repeats its Mã in STT and has no target ("A.I" in a document with parts A and B).
    const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";
    const isSection =
      id !== "" && (/^\p{Lu}{1,6}$/u.test(id) || (String(cells.no ?? "").trim() === id && blank(cells.op)));
    if (isSection) sections.push({ id, title: String(cells.text ?? ""), row });
    if (isSection || !id.includes(".")) {
      if (content.note.trim() !== "" || hasFigure)
        loose.push({ ...content, id, text: String(cells.text ?? ""), section: isSection });
      return;
    }
    rows.push({ ...content, id, status: String(cells.status ?? ""), cells });
  });
  const above = values.slice(0, headerIdx);
  const heading = above
    .map((r) => r.find((v) => typeof v === "string" && v.trim() !== "") as string | undefined)
    .filter((v): v is string => v !== undefined)
    .slice(0, 2);
  const meta: ExistingSheet["meta"] = {};
  for (const [key, label] of Object.entries(HEADING_LABELS) as [keyof typeof HEADING_LABELS, string][])
    for (const r of above) {
      const i = r.indexOf(label);
      if (i >= 0) meta[key] = r[i + 1];
    }
  // The estimate flags sit above the figure columns, in the row labelled ESTIMATE_LABEL.
  const flags = above.find((r) => r.includes(ESTIMATE_LABEL));
  const estimates = periods.filter((p) => {
    return cumulativeCell(flags?.[at.get(periodKey("actual", p))!]) === true;
  });
  const assignedAt = at.get("assignedText");
  const assignedBy = assignedAt !== undefined ? assignedByFromHeader(values[headerIdx]?.[assignedAt]) : null;
  return {
    name,
    ...(assignedBy !== null ? { assignedBy } : {}),
    rows,
    loose,
    columns,
    periods,
    estimates,
    tolerance: undefined,
    sections,
    heading,
    meta,
    ...(unmatched.length > 0 ? { unmatched } : {}),
  };
}
