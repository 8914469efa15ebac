import { allIndicators, type Resolution } from "../core/model";
import type { ExistingRow, ExistingSheet } from "./sheet-read";

export interface CarryOver {
  /** Figures in Excel form, by Mã, kept as the cells hold them even when invalid. */
  figures: Record<string, unknown>;
  notes: Record<string, string>;
  /** How many indicators got a figure or a note from the old sheet. */
  carried: number;
  /** Rows with a figure or note that have no place in the new sheet (unknown or repeated Mã). */
  orphans: ExistingRow[];
}

const hasFigure = (r: ExistingRow) => !(r.actual === "" || r.actual === null || r.actual === undefined);

/** A row whose figure or note would be lost by starting a new sheet. */
export const hasContent = (r: ExistingRow) => hasFigure(r) || r.note.trim() !== "";

/** Moves figures and notes from an existing tracking sheet to a new one, by Mã (rows may have moved). */
export function carryOver(resolution: Resolution, existing: ExistingSheet | null): CarryOver {
  const out: CarryOver = { figures: {}, notes: {}, carried: 0, orphans: [] };
  if (!existing) return out;
  const ids = new Set(allIndicators(resolution).map((i) => i.id));
  const done = new Set<string>();
  for (const row of existing.rows) {
    if (!hasContent(row)) continue;
    if (!ids.has(row.id) || done.has(row.id)) {
      out.orphans.push(row);
      continue;
    }
    done.add(row.id);
    if (hasFigure(row)) out.figures[row.id] = row.actual;
    if (row.note.trim() !== "") out.notes[row.id] = row.note;
    out.carried++;
  }
  return out;
}
