import { figureFromCell } from "../core/judge";
import { allIndicators, type Actuals, type Resolution } from "../core/model";
import type { ExistingRow, ExistingSheet } from "./sheet-read";

export interface CarryOver {
  /** Figures as written, by Mã, kept as typed even when invalid. */
  actuals: Actuals;
  notes: Record<string, string>;
  /** How many indicators got a figure or a note from the old sheet. */
  carried: number;
  /** Rows with a figure or note that have no place in the new sheet (unknown or repeated Mã). */
  orphans: ExistingRow[];
  tolerance: number | null;
}

const hasFigure = (r: ExistingRow) => !(r.actual === "" || r.actual === null || r.actual === undefined);

/** A row whose figure or note would be lost by starting a new sheet. */
export const hasContent = (r: ExistingRow) => hasFigure(r) || r.note.trim() !== "";

/** Moves figures and notes from an existing tracking sheet to a new one, by Mã (rows may have moved). */
export function carryOver(resolution: Resolution, existing: ExistingSheet | null): CarryOver {
  const out: CarryOver = { actuals: {}, notes: {}, carried: 0, orphans: [], tolerance: existing?.tolerance ?? null };
  if (!existing) return out;
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const done = new Set<string>();
  for (const row of existing.rows) {
    if (!hasContent(row)) continue;
    const ind = byId.get(row.id);
    if (!ind || done.has(row.id)) {
      out.orphans.push(row);
      continue;
    }
    done.add(row.id);
    if (hasFigure(row)) {
      const f = figureFromCell(ind, row.actual);
      out.actuals[row.id] = typeof f === "boolean" ? String(f) : f;
    }
    if (row.note.trim() !== "") out.notes[row.id] = row.note;
    out.carried++;
  }
  return out;
}
