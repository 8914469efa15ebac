import type { ComparisonOp } from "./model";

/**
 * The comparator words of resolutions, one table for every reader: the document reader and the
 * target-cell reader (both through target.ts) and the custom functions. A new phrasing is one entry.
 *
 * Negated and compound forms are not listed: they follow from the strict entries (gt, lt) by rule.
 * - "không" (also "không để", "không được") before a strict word gives its complement:
 *   "không vượt quá 2%" is ≤ 2%, "không dưới 90%" is ≥ 90%.
 * - "bằng hoặc W" and "W hoặc bằng" widen a strict word to its non-strict op:
 *   "bằng hoặc cao hơn 90%" is ≥ 90%, "thấp hơn hoặc bằng 1%" is ≤ 1%.
 * The non-strict words ("tối đa", "từ", "≥") are bounds that are neither negated nor widened.
 *
 * Why order matters: where a regex takes the first alternative that fits (a search that nothing
 * after the phrase anchors), "vượt" would win over "vượt quá" and leave "quá" unread, "<" over "<=".
 * So every regex source below lists phrases longest first, and the table itself may list entries in
 * any order (here: strict words, bounds, words after a figure).
 *
 * A word with another meaning says so in its entry; the false comparators of semantics section 1
 * ("trên địa bàn", "trên 1 vạn dân": per; "dưới 5 tuổi": an age) are kept out by the readers' unit
 * and figure rules, never by a second list here.
 */
export interface Comparator {
  /** As written, lower case, one space between words. */
  words: string;
  op: ComparisonOp;
  /** Before the figure ("trên 99%") or after it ("98% trở lên"). */
  at: "before" | "after";
  /** The words mean a target even when no figure can be read, so the reader warns ("tối đa", not "trên"). */
  sure?: true;
  /** "trên 1 ha", "trên một ha": also means "per" before a one of an area. */
  per?: true;
  /** "vượt 10% dự toán": completion of 110% of the plan, not "more than 10%". */
  overPlan?: true;
}

export const COMPARATORS: readonly Comparator[] = [
  { words: "trên", op: "gt", at: "before", per: true },
  { words: "cao hơn", op: "gt", at: "before" },
  { words: "lớn hơn", op: "gt", at: "before" },
  { words: "nhiều hơn", op: "gt", at: "before" },
  { words: "hơn", op: "gt", at: "before" },
  { words: "vượt", op: "gt", at: "before", overPlan: true },
  { words: "vượt quá", op: "gt", at: "before" },
  { words: "quá", op: "gt", at: "before" },
  { words: ">", op: "gt", at: "before" },
  { words: "dưới", op: "lt", at: "before" },
  { words: "thấp hơn", op: "lt", at: "before" },
  { words: "ít hơn", op: "lt", at: "before" },
  { words: "nhỏ hơn", op: "lt", at: "before" },
  { words: "<", op: "lt", at: "before" },
  { words: "tối đa", op: "lte", at: "before", sure: true },
  { words: "≤", op: "lte", at: "before" },
  { words: "<=", op: "lte", at: "before" },
  { words: "=<", op: "lte", at: "before" },
  { words: "ít nhất", op: "gte", at: "before", sure: true },
  { words: "tối thiểu", op: "gte", at: "before", sure: true },
  { words: "từ", op: "gte", at: "before" },
  { words: "≥", op: "gte", at: "before" },
  { words: ">=", op: "gte", at: "before" },
  { words: "=>", op: "gte", at: "before" },
  { words: "trở lên", op: "gte", at: "after", sure: true },
  { words: "trở xuống", op: "lte", at: "after", sure: true },
];

/** How the add-in writes each op back ("trên 99%", "không quá 0,6%", "98% trở lên"); each reads back to its op. */
export const WRITTEN: Record<ComparisonOp, { words: string; at: "before" | "after" }> = {
  gt: { words: "trên", at: "before" },
  lt: { words: "dưới", at: "before" },
  lte: { words: "không quá", at: "before" },
  gte: { words: "trở lên", at: "after" },
};

/** A figure with the words the add-in writes for an op ("trên 99%", "98% trở lên", "không quá 0,6%"). */
export function writeBound(op: ComparisonOp, figure: string | number): string {
  const w = WRITTEN[op];
  return w.at === "before" ? `${w.words} ${figure}` : `${figure} ${w.words}`;
}

/** Words that negate a strict comparator, longest first. */
export const NEGATORS = ["không được", "không để", "không"] as const;
const EQUAL = "bằng";
const OR = "hoặc";

const COMPLEMENT: Record<ComparisonOp, ComparisonOp> = { gt: "lte", lte: "gt", lt: "gte", gte: "lt" };
const WIDENED: Partial<Record<ComparisonOp, ComparisonOp>> = { gt: "gte", lt: "lte" };
const isStrict = (c: Comparator) => c.at === "before" && WIDENED[c.op] !== undefined && /\p{L}/u.test(c.words);

/** A comparator as read: the phrase, its op, the table entry it comes from and how. */
export interface ComparatorForm {
  words: string;
  op: ComparisonOp;
  base: Comparator;
  form: "plain" | "negated" | "compound";
}

function formsOf(c: Comparator): ComparatorForm[] {
  const plain: ComparatorForm = { words: c.words, op: c.op, base: c, form: "plain" };
  if (!isStrict(c)) return [plain];
  const wide = WIDENED[c.op]!;
  return [
    plain,
    ...NEGATORS.map((n): ComparatorForm => ({
      words: `${n} ${c.words}`,
      op: COMPLEMENT[c.op],
      base: c,
      form: "negated",
    })),
    { words: `${EQUAL} ${OR} ${c.words}`, op: wide, base: c, form: "compound" },
    { words: `${c.words} ${OR} ${EQUAL}`, op: wide, base: c, form: "compound" },
  ];
}

/** Every phrase the readers accept, with its op: the table's entries and the forms its rules make. */
export const COMPARATOR_FORMS: readonly ComparatorForm[] = COMPARATORS.flatMap(formsOf);

const BY_WORDS = new Map(COMPARATOR_FORMS.map((f) => [f.words, f]));
const squash = (s: string) => s.toLowerCase().replace(/\s+/gu, " ").trim();

/** The comparator a phrase is ("không vượt quá" → lte), or null when it is none. */
export function readComparator(words: string): ComparatorForm | null {
  return BY_WORDS.get(squash(words)) ?? null;
}

/** The complement of an op ("không" before it), as the negation rule uses it. */
export const complement = (op: ComparisonOp): ComparisonOp => COMPLEMENT[op];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/ /gu, "\\s+");
const alt = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

const strictWords = COMPARATORS.filter(isStrict).map((c) => c.words);
const otherWords = COMPARATORS.filter((c) => c.at === "before" && !isStrict(c)).map((c) => c.words);
/**
 * Regex source of every comparator written before a figure (no groups): the same phrases as
 * COMPARATOR_FORMS, built by the same rules so that the regex stays as short as the table.
 */
export const BEFORE_SOURCE = [
  `(?:(?:${alt(NEGATORS)})\\s+)?(?:${alt(strictWords)})`,
  `${EQUAL}\\s+${OR}\\s+(?:${alt(strictWords)})`,
  `(?:${alt(strictWords)})\\s+${OR}\\s+${EQUAL}`,
  alt(otherWords),
].join("|");
/** Regex source of "or more" after a figure, a rank or a rating ("thứ 5 trở lên"). */
export const OR_MORE_SOURCE = alt(COMPARATORS.filter((c) => c.at === "after" && c.op === "gte").map((c) => c.words));
/** Regex source of the comparators written after a figure ("trở lên", "trở xuống"). */
export const AFTER_SOURCE = alt(COMPARATORS.filter((c) => c.at === "after").map((c) => c.words));
/**
 * Regex source of the phrases that mean a target on their own (for a warning when no figure reads):
 * the sure entries and every negated or compound form, except those of a word measured against the
 * plan ("không vượt dự toán được giao" is a yes/no target with no figure to miss).
 */
export const SURE_SOURCE = alt(
  COMPARATOR_FORMS.filter((f) => f.base.sure || (f.form !== "plain" && !f.base.overPlan)).map((f) => f.words),
);

/**
 * "Không để tỷ lệ hộ nghèo vượt quá 3%": a clause that opens with "không để" or "không được" negates
 * its strict comparator, as if the words stood right before it. (A bare "không" at the start says
 * something else: "Không còn hộ nghèo", "Không có …".)
 */
const OPENING_NEGATION_RE = new RegExp(`^\\s*(?:${alt(NEGATORS.filter((n) => n.includes(" ")))})\\s`, "iu");

/** The comparator as the clause means it: negated when the clause opens with a negator. */
export function inClause(form: ComparatorForm, clause: string): ComparatorForm {
  if (form.form !== "plain" || !OPENING_NEGATION_RE.test(clause)) return form;
  return readComparator(`${NEGATORS.at(-1)} ${form.words}`) ?? form;
}
