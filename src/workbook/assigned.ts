import { addAssigned, type AssignedItem, type AssignedList } from "../core/assigned";
import { ASSIGNED_SECTION } from "../core/assigned-words";
import { mergeContent, type Content } from "../core/content";
import { allIndicators, type Indicator, type Resolution } from "../core/model";
import { comparable } from "../core/text";
import { compareTexts, type Verdict } from "./carry";

/**
 * Assigned targets brought in (a list, a document, a table) matched to the resolution's indicators
 * by identity: the carry-over rule (carry.compareTexts) and nothing else. A sure pair is taken, an
 * unsure one is listed and left until staff confirm it, one that names no indicator becomes an
 * indicator of its own (core/assigned.addAssigned).
 */

/** Money units convert (an assigned "30 tỷ đồng" is a "triệu đồng" target), so they do not tell indicators apart. */
const MONEY_UNIT = /^(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:đồng|usd)$/u;

export interface AssignedPair {
  /** 1-based position of the item in what was brought in (the CLI's --assigned-match names it). */
  item: number;
  text: string;
  phrase: string;
  /** The indicator's Mã and text. */
  to: string;
  toText: string;
  differ: string[];
}

export interface AssignedMatch {
  /** What goes into the workbook: the sure and confirmed pairs by Mã, the rest as extra indicators. */
  list: AssignedList;
  matched: AssignedPair[];
  /** Unsure pairs: not brought in until confirmed. */
  maybe: AssignedPair[];
  /** Items that name no indicator: each an indicator of its own. */
  extra: AssignedItem[];
}

/** A pair staff confirmed: the item (1-based) is the indicator with this Mã. */
export interface AssignedConfirmed {
  item: number;
  to: string;
}

function verdictOf(item: AssignedItem, ind: Indicator): { verdict: Verdict; differ: string[] } {
  const a = comparable(item.unit);
  const b = comparable(ind.unit);
  const units = MONEY_UNIT.test(a) && MONEY_UNIT.test(b) ? undefined : { a: item.unit, b: ind.unit };
  return compareTexts(item.text, ind.text, units);
}

/**
 * Matches items to indicators: confirmed pairs first, then every "same" pair, fewest differing
 * words first; each indicator takes one item. Indicators of the extra section only take an item of
 * the same text (they are what an earlier assignment brought in).
 */
export function matchAssigned(
  r: Resolution,
  items: readonly AssignedItem[],
  confirmed: readonly AssignedConfirmed[] = [],
): AssignedMatch {
  const inds = allIndicators(r);
  const own = r.sections.filter((s) => s.id !== ASSIGNED_SECTION).flatMap((s) => s.indicators);
  const taken = new Set<string>();
  const home = new Map<number, { ind: Indicator; differ: string[] }>();
  const pair = (k: number, ind: Indicator, differ: string[]): AssignedPair => ({
    item: k + 1,
    text: items[k]!.text,
    phrase: items[k]!.phrase,
    to: ind.id,
    toText: ind.text,
    differ,
  });
  for (const c of confirmed) {
    const ind = inds.find((i) => i.id === c.to);
    const k = c.item - 1;
    if (ind && items[k] && !home.has(k) && !taken.has(ind.id)) {
      home.set(k, { ind, differ: verdictOf(items[k], ind).differ });
      taken.add(ind.id);
    }
  }
  const verdicts = items.map((item) => own.map((ind) => ({ ind, ...verdictOf(item, ind) })));
  const sure = verdicts
    .flatMap((vs, k) => vs.filter((v) => v.verdict === "same").map((v) => ({ k, ...v })))
    .sort((x, y) => x.differ.length - y.differ.length || x.k - y.k);
  for (const s of sure)
    if (!home.has(s.k) && !taken.has(s.ind.id)) {
      home.set(s.k, s);
      taken.add(s.ind.id);
    }
  const out: AssignedMatch = { list: { byId: {}, extra: [] }, matched: [], maybe: [], extra: [] };
  const offered = new Set<string>();
  items.forEach((item, k) => {
    const h = home.get(k);
    if (h) {
      out.list.byId[h.ind.id] = item.phrase;
      out.matched.push(pair(k, h.ind, h.differ));
      return;
    }
    const maybe = verdicts[k]!.filter(
      (v) => v.verdict === "maybe" && !taken.has(v.ind.id) && !offered.has(v.ind.id),
    ).sort((x, y) => x.differ.length - y.differ.length)[0];
    if (maybe) {
      offered.add(maybe.ind.id);
      out.maybe.push(pair(k, maybe.ind, maybe.differ));
      return;
    }
    out.extra.push(item);
    out.list.extra.push({ text: item.text, phrase: item.phrase });
  });
  return out;
}

const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/** "[2] “Tỷ lệ hộ nghèo…” (dưới 0,5%) → III.1 “Tỷ lệ hộ nghèo cuối năm”". */
export function describePair(p: AssignedPair): string {
  const differ =
    p.differ.length > 0
      ? ` (khác ở ${p.differ
          .slice(0, 4)
          .map((w) => `“${w}”`)
          .join(", ")})`
      : "";
  return `[${p.item}] “${short(p.text)}” (${p.phrase}) → ${p.to} “${short(p.toText)}”${differ}`;
}

/** Assigned targets staff confirmed in the pane: what goes into the workbook, and who assigned. */
export interface AssignedChoice {
  list: AssignedList;
  by: string;
}

/** The resolution and content with a confirmed choice applied (the pane's insert and download). */
export function withAssignedChoice(
  resolution: Resolution,
  content: Content,
  choice: AssignedChoice | null | undefined,
): { resolution: Resolution; content: Content } {
  if (!choice) return { resolution, content };
  const a = addAssigned(resolution, mergeContent(content, { rows: {}, assignedBy: choice.by }), choice.list, choice.by);
  return { resolution: a.resolution, content: a.content };
}
