import { IndicatorSchema, QUALITATIVE, type Indicator, type Resolution, type Section } from "./model";
import { scanRating, scanTargets } from "./target";
import { parseResolution } from "./parser";
import { itemNumber } from "./ids";

/**
 * Corrections staff make to a reading before inserting it: pure functions from a resolution to a
 * new one, ids kept unique and readable. Each returns the resolution unchanged when asked for
 * something that is not there.
 */

const mapSection = (r: Resolution, sectionId: string, f: (s: Section) => Section): Resolution => ({
  ...r,
  sections: r.sections.map((s) => (s.id === sectionId ? f(s) : s)),
});

const sectionOfIndicator = (r: Resolution, id: string) => r.sections.find((s) => s.indicators.some((i) => i.id === id));

/** The next free id in a section: "II.4" after "II.3.c" and "II.3". */
export function nextId(r: Resolution, sectionId: string): string {
  const taken = new Set(r.sections.flatMap((s) => s.indicators.map((i) => i.id)));
  const numbers = r.sections
    .find((s) => s.id === sectionId)!
    .indicators.map((i) => itemNumber(i.id, sectionId))
    .filter((n) => n !== null);
  let n = Math.max(0, ...numbers) + 1;
  while (taken.has(`${sectionId}.${n}`)) n++;
  return `${sectionId}.${n}`;
}

export function deleteIndicator(r: Resolution, id: string): Resolution {
  const s = sectionOfIndicator(r, id);
  return s ? mapSection(r, s.id, (x) => ({ ...x, indicators: x.indicators.filter((i) => i.id !== id) })) : r;
}

/** Replaces an indicator by an edited one; refuses (returns a Vietnamese message) what the schema refuses. */
export function updateIndicator(r: Resolution, id: string, next: Indicator): Resolution | string {
  const checked = IndicatorSchema.safeParse(next);
  if (!checked.success) return checked.error.issues.map((i) => i.message).join("; ");
  const s = sectionOfIndicator(r, id);
  if (!s) return r;
  return mapSection(r, s.id, (x) => ({ ...x, indicators: x.indicators.map((i) => (i.id === id ? checked.data : i)) }));
}

/** Moves an indicator one place up or down in its section. */
export function moveIndicator(r: Resolution, id: string, by: -1 | 1): Resolution {
  const s = sectionOfIndicator(r, id);
  if (!s) return r;
  const k = s.indicators.findIndex((i) => i.id === id);
  const to = k + by;
  if (to < 0 || to >= s.indicators.length) return r;
  const list = [...s.indicators];
  [list[k], list[to]] = [list[to]!, list[k]!];
  return mapSection(r, s.id, (x) => ({ ...x, indicators: list }));
}

/** Moves an indicator to the end of another section, under a new id of that section. */
export function moveToSection(r: Resolution, id: string, sectionId: string): Resolution {
  const from = sectionOfIndicator(r, id);
  if (!from || from.id === sectionId || !r.sections.some((s) => s.id === sectionId)) return r;
  const ind = from.indicators.find((i) => i.id === id)!;
  const without = deleteIndicator(r, id);
  const moved = { ...ind, id: nextId(without, sectionId) };
  return mapSection(without, sectionId, (x) => ({ ...x, indicators: [...x.indicators, moved] }));
}

export function renameSection(r: Resolution, sectionId: string, title: string): Resolution {
  return mapSection(r, sectionId, (s) => ({ ...s, title }));
}

/**
 * A new indicator in a section, read from a line of text (a warning's line, or typed): its target
 * when the line has one, else qualitative. Returns the resolution and the new id.
 */
export function addIndicator(r: Resolution, sectionId: string, text: string): { resolution: Resolution; id: string } {
  const id = nextId(r, sectionId);
  let indicator: Indicator = {
    id,
    text: text.trim() || "Chỉ tiêu mới",
    unit: "",
    target: { op: "qualitative" },
    targetText: QUALITATIVE.met,
  };
  if (scanTargets(text).matches.length > 0 || scanRating(text)) {
    try {
      const read = parseResolution(`I. X\n1. ${text}`).sections[0]!.indicators[0];
      if (read) indicator = { ...read, id, line: undefined };
    } catch {
      // The line holds no target after all: a qualitative indicator with its words.
    }
  }
  const { line: _line, ...clean } = indicator;
  return { resolution: mapSection(r, sectionId, (s) => ({ ...s, indicators: [...s.indicators, clean] })), id };
}

/** Drops one warning (staff decided the line holds no target). */
export function dismissWarning(r: Resolution, line: number, reason: string): Resolution {
  return { ...r, warnings: r.warnings.filter((w) => !(w.line === line && w.reason === reason)) };
}
