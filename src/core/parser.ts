import { formatId, letterId } from "./ids";
import { CELL_MAX, XML_FORBIDDEN, fitCell, normalizeText } from "./text";
import { QUALITATIVE, STATUS, type Indicator, type ParseWarning, type Resolution, type Section } from "./model";
import { scanRating, scanTargets, TARGET_WORD_RE, type ScanResult, type TargetMatch } from "./target";
import { formatVietnameseNumber } from "./numbers";

/** Bad resolution text: the message is Vietnamese and says what is wrong. */
export class ResolutionTextError extends Error {
  override name = "ResolutionTextError";
}

// The line patterns read trimmed lines: no "\s*$" after a lazy ".*?", which is quadratic on a run of spaces.
const ROMAN_RE = /^(?:[Pp]hần\s+|PHẦN\s+)?([IVXL]{1,6})\s*[.:)/–-]\s*(\S.*)$/u;
/** "A. CÁC CHỈ TIÊU KINH TẾ": a letter heads a section when its title is written in capitals. */
const LETTER_RE = /^(?:[Pp]hần\s+|PHẦN\s+)?([A-Z])\s*[.:)/–-]\s*(\S.*)$/u;

function sectionHeading(t: string): RegExpExecArray | null {
  if (t.length >= 200) return null;
  const roman = ROMAN_RE.exec(t);
  if (roman) return roman;
  const letter = LETTER_RE.exec(t);
  if (!letter) return null;
  const letters = letter[2]!.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return letters.length >= 4 && upper / letters.length >= 0.8 ? letter : null;
}
const ITEM_RE = /^(?:(\d{1,2})\s*[.)]|\((\d{1,2})\))\s*(\S.*)$/u;
/** "1.1. Thu ngân sách ...": a sub-item belongs to item 1 and becomes one of its a, b, c. */
const SUBITEM_RE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/u;
const BULLET_RE = /^(?:[-+•–*]\s+|[a-zđ][).]\s+)(\S.*)$/u;
/** "- Về văn hóa – xã hội:": a group heading without a figure. */
const GROUP_HEADING_RE = /^\s*(?:[-–+•*]\s*)?((?:về|lĩnh vực|nhóm chỉ tiêu|các chỉ tiêu về)\s[^:\d]{2,80}):\s*$/iu;
/** A section of tasks and solutions: it sets no targets (semantics 1b). */
const TASKS_RE = /giải pháp|tổ chức thực hiện|nhiệm vụ trọng tâm|phương hướng,? nhiệm vụ/iu;
/** "* Về kinh tế: (11 chỉ tiêu)": a group heading with its count in brackets heads what follows (semantics 1b). */
const COUNTED_HEADING_RE = /^(?:[-–+•*]\s*)?[^\d()]{3,80}?:?\s*\(\s*\d{1,3}\s+chỉ tiêu\s*\)\s*:?$/iu;
/** A line that is only a date and time stamp ("05:13 22/02/2021", "Thứ Hai, 22/02/2021 - 05:13"), as web pages print. */
const STAMP_RE =
  /^(?:(?:thứ\s+\p{L}+|chủ nhật)\s*,?\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?\s*[-,|]?\s*)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]m|GMT\s*[+-]\s*\d{1,2}))?)?$/iu;
export const isStampLine = (t: string) => t.length < 60 && STAMP_RE.test(t.trim());
/**
 * A merged unit's background ("thành lập trên cơ sở sáp nhập 3 xã, diện tích 85,6 km², dân số 32.500
 * người …"): figures of what the unit is, not targets (semantics 1b).
 */
const MERGER_RE = /sáp nhập|hợp nhất|thành lập trên cơ sở|sắp xếp(?:\s+lại)?\s+(?:các\s+)?đơn vị hành chính/iu;
const SIZE_RE = /diện tích|dân số|quy mô/iu;
/** "đề ra 23 chỉ tiêu", "thông qua 18 chỉ tiêu": a sentence that announces how many targets follow (semantics 1b). */
const ANNOUNCE_RE = /(?:đề ra|đặt ra|thông qua|nêu|xác định)\s+\d+\s+chỉ tiêu(?!\p{L})/iu;
/** "185 đại biểu thay mặt cho 597 đảng viên": who attends the congress, not a target (semantics 1b). */
const ATTENDANCE_RE = /đại biểu[^;.]{0,40}?(?:thay mặt|đại diện)(?!\p{L})/iu;
/**
 * A paragraph that opens with a period already over ("Nhìn lại nhiệm kỳ 2020-2025,", "Nhiệm kỳ trước,",
 * "Năm 2025," in a page about 2026) and sets no aim reports results (semantics 1b).
 */
const PAST_OPEN_RE =
  /^\s*(?:(?<look>nhìn lại|qua\s+\d+\s+năm|(?:trong\s+)?nhiệm kỳ\s+(?:trước|qua|vừa qua))|(?:trong\s+)?nhiệm kỳ\s+20\d\d\s*-\s*(?<term>20\d\d)|(?:trong\s+)?năm\s+(?<year>20\d\d)\s*,)/iu;
const PAST_AIM_RE = /phấn đấu|mục tiêu|đề ra|đặt ra|kế hoạch năm|chỉ tiêu năm|sẽ\s/iu;
/** The latest year a text names as a period ("năm 2026", "nhiệm kỳ 2025-2030"): what it aims at. */
function latestYear(lines: Line[]): number {
  let latest = 0;
  for (const l of lines)
    for (const m of l.text.matchAll(/(?:năm|nhiệm kỳ|giai đoạn)\s+(?:20\d\d\s*-\s*)?(20\d\d)/giu))
      latest = Math.max(latest, Number(m[1]));
  return latest;
}
function pastPeriod(text: string, latest: number): boolean {
  const m = PAST_OPEN_RE.exec(text);
  if (!m || PAST_AIM_RE.test(text.replace(/\([^()]*\)/gu, ""))) return false;
  const g = m.groups!;
  return Boolean(g.look) || Number(g.term ?? g.year) < latest;
}
const AIM_RE = /phấn đấu|đề ra|chỉ tiêu|mục tiêu|tăng|giảm/iu;
/** "23/23 chỉ tiêu đạt và vượt", "đạt và vượt 18/20 chỉ tiêu": last year's result, not a target. */
const RESULT_VERBS = `(?:${[STATUS.met, "hoàn thành", STATUS.exceeded].map((w) => w.toLowerCase()).join("|")})`;
const RESULT_RE = new RegExp(
  `\\d+\\s*\\/\\s*\\d+\\s+chỉ tiêu\\s+(?:[^\\d;]{0,30}\\s)?${RESULT_VERBS}|` +
    `${RESULT_VERBS}(?:\\s+và\\s+${STATUS.exceeded.toLowerCase()})?\\s+\\d+\\s*\\/\\s*\\d+\\s+chỉ tiêu`,
  "iu",
);
/** What turns a result back into aims: "Năm 2026, phường phấn đấu …", "Cho năm 2026, …". */
const AIM_AGAIN_RE = /phấn đấu|mục tiêu|đề ra|kế hoạch năm|chỉ tiêu năm|(?:cho|trong|đến)\s+năm\s+20\d{2}/iu;

/**
 * The segments that report a result: from one that counts targets met ("12/12 chỉ tiêu") up to one
 * that sets aims again; the figures in between (last year's budget, jobs) are results too.
 */
function resultSegments(segments: string[]): boolean[] {
  let inResult = false;
  return segments.map((seg) => {
    if (RESULT_RE.test(seg)) inResult = true;
    // "(chỉ tiêu đề ra tăng từ 12-16%)": the old target quoted in brackets sets no new aim.
    else if (inResult && AIM_AGAIN_RE.test(seg.replace(/\([^()]*\)/gu, ""))) inResult = false;
    return inResult;
  });
}
/** An unnumbered heading in capitals ("CHỈ TIÊU KINH TẾ"), for documents without numbered sections. */
function capitalHeading(t: string): boolean {
  if (t.length > 120 || /\d/u.test(t)) return false;
  const letters = t.replace(/[^\p{L}]/gu, "");
  return letters.length >= 8 && letters.replace(/[^\p{Lu}]/gu, "").length / letters.length >= 0.9;
}
const END_RE = /^\s*(?:trên đây là|nơi nhận|t\/m|tm\.|tm\s|ghi chú\s*:)/iu;
const HEADER_RE =
  /^\s*[-–]?\s*(?:căn cứ|ban chấp hành|đảng ủy|quyết nghị|nghị quyết|cộng hòa|độc lập|số\s*:|số\s+\d)/iu;

/** Verbs that open a task of their own; a figure-less clause that starts with one is its own indicator. */
const VERBS = [
  "tổ chức",
  "xây dựng",
  "thực hiện",
  "giữ vững",
  "tăng cường",
  "nâng cao",
  "đẩy mạnh",
  "tập trung",
  "duy trì",
  "triển khai",
  "đảm bảo",
  "bảo đảm",
  "củng cố",
  "phát huy",
  "quản lý",
  "làm tốt",
  "hoàn thành",
  "chỉ đạo",
  "kiện toàn",
  "vận động",
  "phát triển",
  "huy động",
  "nắm",
  "giải quyết",
  "phòng",
  "chăm lo",
  "tuyên truyền",
  "hoàn thiện",
  "không để",
  "tiếp tục",
  "quan tâm",
  "kết nạp",
  "sinh hoạt",
];
/** An outcome that is a task of its own without a verb first ("đạt chuẩn nông thôn mới", "phấn đấu không còn hộ nghèo"). */
const OUTCOME_RE = /^(?:đạt chuẩn|được công nhận)(?!\p{L})|(?:^|[^\p{L}])không còn(?!\p{L})/iu;
const VERB_SOURCE = [...VERBS].sort((a, b) => b.length - a.length).join("|");
const VERB_LED_RE = new RegExp(`^(?:${VERB_SOURCE})(?!\\p{L})`, "iu");
const VERB_ANYWHERE_RE = new RegExp(`(?<pre>^|[^\\p{L}])(?:${VERB_SOURCE})(?!\\p{L})`, "iu");

interface Line {
  text: string;
  line: number;
}

interface Clause {
  text: string;
  match: TargetMatch | null;
  rating: ReturnType<typeof scanRating>;
  /** From the clause's one scan: why a figure could not be read, and figures left unread. */
  problems: string[];
  stray: string[];
}

interface Draft {
  text: string;
  indicator: Omit<Indicator, "id">;
}

/** About 5 MB of text: hundreds of resolutions; above it, surely a wrong file. */
export const MAX_TEXT = 5_000_000;

function checkText(raw: string): string {
  if (raw.trim() === "") throw new ResolutionTextError("Văn bản nghị quyết đang trống.");
  if (raw.length > MAX_TEXT)
    throw new ResolutionTextError(
      `Văn bản quá dài (${Math.round(raw.length / 1e6)} triệu ký tự; tối đa ${MAX_TEXT / 1e6} triệu): đây có phải một nghị quyết không?`,
    );
  // eslint-disable-next-line no-control-regex -- counting control characters is the point: they mark a binary file.
  const controls = raw.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/gu)?.length ?? 0;
  if (raw.includes("\u0000") || controls > raw.length / 100)
    throw new ResolutionTextError(
      "Tệp không phải văn bản thuần (có ký tự nhị phân). Hãy dán nội dung nghị quyết hoặc lưu thành tệp .txt (UTF-8).",
    );
  return normalizeText(raw);
}

/** Splits at a separator that is outside quotes and parentheses and not a decimal comma. */
function splitOutside(text: string, isSeparator: (text: string, i: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "“" || c === "[") depth++;
    else if ((c === ")" || c === "”" || c === "]") && depth > 0) depth--;
    else if (c === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0) {
      const len = isSeparator(text, i);
      if (len > 0) {
        parts.push(text.slice(start, i));
        start = i + len;
        i += len - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

const segmentSep = (t: string, i: number): number => {
  const c = t[i]!;
  if (c === ";" || c === "\n") return 1;
  if (
    (c === "." || c === "!" || c === "?") &&
    // A new sentence: a capital, or a figure ("… từ 80% trở lên. 100% xã đạt …").
    /^\s+(?:\p{Lu}|\d)/u.test(t.slice(i + 1)) &&
    !/(?:^|[^\p{L}])(?:tp|tt|tx|q|p)$/iu.test(t.slice(0, i))
  )
    return 1;
  return 0;
};
const commaSep = (t: string, i: number): number =>
  t[i] === "," && !(/\d/u.test(t[i - 1] ?? "") && /\d/u.test(t[i + 1] ?? "")) ? 1 : 0;

function tidy(text: string): string {
  return text
    .replace(/[*_]/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/gu, "")
    .replace(/^(?:phấn|phân|phần)\s+(?:đấu|đầu)\s+/iu, "")
    .replace(/^(?:cụ thể|đồng thời|ngoài ra)\s*[,:]\s*/iu, "")
    .trim();
}

function clean(text: string): string {
  const t = tidy(text);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The clause without its target: lead words go when the target ends the clause; a noun unit stays. */
function withoutTarget(text: string, m: TargetMatch): string {
  const rest = tidy(text.slice(m.cutEnd));
  const before = text.slice(0, m.cutStart);
  const unit = m.unit.toLowerCase();
  const repeated = unit !== "" && before.toLowerCase().includes(unit) && rest.toLowerCase().startsWith(unit);
  const after = repeated ? tidy(rest.slice(unit.length)) : rest;
  if (after === "" || after.toLowerCase() === unit) return tidy(`${before} ${after}`);
  return tidy(`${text.slice(0, m.phraseStart)} ${after}`);
}

/** "Không còn hộ nghèo", "không để xảy ra …", "không có …": a yes/no outcome, whatever figures it mentions. */
const NO_OCCURRENCE_RE = /^\s*(?:không còn|không để xảy ra|không để phát sinh|không có|không phát sinh)(?!\p{L})/iu;

/**
 * "tăng 5% so với năm 2015", "tăng 80 hộ so với năm 2015", "gấp 2 lần năm 2015": a comparison with the
 * past, which after a target restates it (semantics 1).
 */
function restates(text: string, m: TargetMatch): boolean {
  if (m.unit === "lần" && /(?:^|[^\p{L}])gấp\s*$/iu.test(text.slice(0, m.phraseStart))) return true;
  if (!m.change) return false;
  if (/so với/u.test(m.unit)) return true;
  const after = text.slice(m.cutEnd).trimStart();
  const rest = after.toLowerCase().startsWith(m.unit.toLowerCase()) ? after.slice(m.unit.length) : after;
  return /^\s*so với(?!\p{L})/iu.test(rest);
}

function classify(text: string, scan: ScanResult = scanTargets(text)): Clause {
  if (NO_OCCURRENCE_RE.test(text)) return { text, match: null, rating: null, problems: [], stray: [] };
  const first = scan.matches[0];
  const last = scan.matches.at(-1) ?? null;
  // "60% học sinh THCS được học 2 buổi/ngày": a share that opens the clause is the target; a bare
  // figure after it only describes what is counted.
  const describes = (m: TargetMatch) => /^\d/u.test(m.phrase) && !m.change && !m.impliedCeiling;
  let match =
    first && last && first !== last && first.cutStart === 0 && first.unit === "%" && describes(last) ? first : last;
  // "95% tăng 5% so với năm 2015": the comparison with the past restates the target before it.
  if (match && restates(text, match)) match = scan.matches.filter((m) => m.cutEnd <= match!.cutStart).at(-1) ?? match;
  return {
    text,
    match,
    rating: match ? null : scanRating(text),
    problems: scan.problems.map((p) => p.reason),
    stray: scan.strayFigures,
  };
}

/** Splits a clause at "và": before a task of its own after the last target, and between targets. */
function splitClause(text: string, warn: (reason: string) => void): Clause[] {
  const scan = scanTargets(text);
  // "giữ tỷ lệ hộ nghèo dưới 2% và đạt chuẩn nông thôn mới nâng cao": a task of its own after "và"
  // (once, after the last target: the text before it is read as a whole, without looking again).
  const lastEnd = scan.matches.at(-1)?.cutEnd;
  if (lastEnd !== undefined) {
    const and = /\s(?:và|đồng thời)\s+/iu.exec(text.slice(lastEnd));
    const rest = and ? text.slice(lastEnd + and.index + and[0].length) : "";
    if (and && (VERB_LED_RE.test(rest) || OUTCOME_RE.test(rest)) && scanTargets(rest).matches.length === 0)
      return [...splitTargets(text.slice(0, lastEnd + and.index), warn), classify(rest)];
  }
  return splitTargets(text, warn, scan);
}

/** Splits a clause holding several targets at "và" between them. */
function splitTargets(text: string, warn: (reason: string) => void, scan = scanTargets(text)): Clause[] {
  if (scan.matches.length <= 1) return [classify(text, scan)];
  const parts: string[] = [];
  let from = 0;
  for (let k = 1; k < scan.matches.length; k++) {
    const between = text.slice(scan.matches[k - 1]!.cutEnd, scan.matches[k]!.cutStart);
    const sep = /\s(?:và|đồng thời|cùng với)\s/iu.exec(between);
    if (!sep) continue;
    const at = scan.matches[k - 1]!.cutEnd + sep.index;
    parts.push(text.slice(from, at));
    from = at + sep[0].length;
  }
  parts.push(text.slice(from));
  // No "và" between the targets: the one scan already made serves.
  const clauses = parts.length === 1 ? [classify(text, scan)] : parts.map((p) => classify(p));
  const read = clauses.filter((c) => c.match).length;
  if (read < scan.matches.length)
    warn(`có ${scan.matches.length} con số chỉ tiêu trong cùng một vế; chỉ đọc được ${read}: "${text}"`);
  // "100% Chi bộ duy trì ... và tổ chức ít nhất 01 kỳ họp": the share applies to both tasks.
  const first = clauses[0];
  if (first?.match && first.match.cutStart === 0 && first.match.unit === "%" && first.match.target.op !== "range") {
    const rest = first.text.slice(first.match.cutEnd).trim();
    const verb = VERB_ANYWHERE_RE.exec(rest);
    const subject = verb ? rest.slice(0, verb.index + verb.groups!.pre!.length).trim() : "";
    for (let k = 1; k < clauses.length; k++) {
      const c = clauses[k]!;
      if (subject && VERB_LED_RE.test(c.text)) {
        const text = `${subject} ${c.text}`;
        // The whole clause stays as the indicator's text; the target is the shared one.
        const match = { ...first.match, cutStart: text.length, cutEnd: text.length };
        clauses[k] = { ...c, text, match, rating: null };
      }
    }
  }
  return clauses;
}

function draftOf(clause: Clause, prefix: string, suffix: string, line: number): Draft {
  const join = (t: string) => [prefix, t, suffix].filter((p) => p.trim() !== "").join(", ");
  if (clause.match) {
    const m = clause.match;
    const text = clean(join(withoutTarget(clause.text, m)));
    return {
      text,
      indicator: {
        text: text || clean(clause.text),
        unit: m.unit,
        target: { ...m.target },
        targetText: m.phrase,
        line,
      },
    };
  }
  if (clause.rating) {
    const r = clause.rating;
    const text = clean(join(tidy(clause.text.slice(0, r.cutStart) + " " + clause.text.slice(r.cutEnd))));
    return {
      text,
      indicator: {
        text: text || clean(clause.text),
        unit: "",
        target: { op: "rating", level: r.level },
        targetText: r.phrase,
        line,
      },
    };
  }
  const text = clean(join(clause.text));
  return { text, indicator: { text, unit: "", target: { op: "qualitative" }, targetText: QUALITATIVE.met, line } };
}

/** Turns one item (its first line and the bullets or lines under it) into its indicators (a, b, c when several). */
function readItem(parts: Part[], warnings: ParseWarning[]): Draft[] {
  const drafts: Draft[] = [];
  // "1. Các chỉ tiêu về kinh tế" above bullets only announces them.
  const announces =
    parts.length > 1 &&
    parts.slice(1).some((p) => p.bullet) &&
    scanTargets(parts[0]!.text).matches.length === 0 &&
    !scanRating(parts[0]!.text) &&
    parts[0]!.text.length < 120;
  // A lead ("Cơ cấu kinh tế: …") also names the lines that continue its sentence.
  let lead: string | undefined;
  for (const part of announces ? parts.slice(1) : parts) {
    // One by one: spreading 200,000 drafts into push's arguments overflows the stack.
    for (const d of readPart(part, warnings, part.bullet ? undefined : lead)) drafts.push(d);
    if (lead === undefined) lead = leadOf(part.text);
  }
  return drafts;
}

const leadOf = (text: string) => /^([^:;\d]{3,80}):\s*\S/u.exec(text)?.[1]?.trim();

/**
 * "“Công nghiệp - xây dựng 596 tỷ đồng, chiếm 50,3%; dịch vụ …”": quotation marks around a list of
 * figures change nothing (a quoted name, with at most one figure, keeps its marks).
 */
function unquoteLists(text: string): string {
  return text.replace(/“([^“”]*)”/gu, (m, inner: string) => ((inner.match(/\d+/gu)?.length ?? 0) >= 2 ? inner : m));
}

/**
 * "612 ha/năm (lúa 540 ha, rau đậu 70 ha)": a bracket of named parts with figures after a total is a
 * breakdown, read like "trong đó"; a bracket that restates ("(8 xã)", "(100%)") stays.
 */
function breakdowns(text: string): string {
  // No "\s*" before the bracket: on a run of spaces it would rescan the run from every space.
  return text.replace(/\(([^()]*)\)/gu, (m, inner: string, at: number) => {
    const parts = inner.split(/[,;]/u).map((p) => p.trim());
    const named = parts.length >= 2 && parts.every((p) => /^\p{L}[^\d]*\s\d/u.test(p));
    // After a total: a figure shortly before the bracket.
    return named && /\d/u.test(text.slice(Math.max(0, at - 30), at)) ? `, trong đó: ${parts.join(", ")}` : m;
  });
}

/** One line of an item (with the lines that continue it): its clauses become indicators. */
function readPart(part: Part, warnings: ParseWarning[], inherited?: string): Draft[] {
  const { text, line } = part;
  const shown = text.replace(/\s+/gu, " ").trim();
  const warn = (reason: string) =>
    warnings.push({ line, text: shown.length > 120 ? `${shown.slice(0, 117)}…` : shown, reason });
  const drafts: Draft[] = [];
  const all = splitOutside(breakdowns(unquoteLists(text.replace(/[*_]/gu, ""))), segmentSep);
  const past = resultSegments(all);
  if (past.some(Boolean))
    warn("kết quả đã đạt (số chỉ tiêu đạt, vượt), không phải chỉ tiêu mới: không đọc thành chỉ tiêu");
  const segments = all.filter((_, k) => !past[k]);
  // "Cơ cấu kinh tế: Thương mại - dịch vụ trên 80%; Công nghiệp - xây dựng dưới 15%": the lead names each part.
  const own = leadOf(segments[0] ?? "");
  // A lead that holds a target itself names nothing; checked once, not for every segment.
  const lead = [own ?? inherited].find((l) => l !== undefined && scanTargets(l).matches.length === 0);
  const named = (seg: string, k: number) =>
    lead && (k > 0 || !own) && !seg.includes(":") && !VERB_LED_RE.test(seg)
      ? `${lead}: ${seg.charAt(0).toLowerCase()}${seg.slice(1)}`
      : seg;
  for (const segment of segments.map(named)) {
    // "Năm 2026, xã đề ra 23 chỉ tiêu chủ yếu trên các lĩnh vực": it announces the list, it is none of it.
    if (ANNOUNCE_RE.test(segment)) {
      const scan = scanTargets(segment);
      if (scan.matches.length === 0 && !scanRating(segment)) {
        if (scan.strayFigures.length > 0)
          warn(`câu giới thiệu số chỉ tiêu; các số (${scan.strayFigures.join(", ")}) không phải chỉ tiêu`);
        continue;
      }
    }
    // A lead-in such as "Cơ cấu kinh tế:" heads the sub-items that follow; it is not a task itself.
    if (/:\s*$/u.test(segment) && scanTargets(segment).matches.length === 0 && !scanRating(segment)) continue;
    const clauses = splitOutside(segment, commaSep).flatMap((c) => splitClause(c, warn));
    // "… là 12,5%, tăng 8,5% so với năm 2023": a change against the past after a target restates it.
    clauses.forEach((c, k) => {
      const m = c.match;
      if (k > 0 && m && restates(c.text, m) && clauses.slice(0, k).some((p) => p.match && !p.match.change))
        clauses[k] = { ...c, match: null, rating: null, stray: [] };
    });
    for (const c of clauses) for (const p of c.problems) warn(p);
    // Group figure-less clauses; fold them into a neighbouring target unless they open a task of their own.
    let pending: Clause[] = [];
    let pendingOwn = false;
    let last: Draft | null = null;
    const flushQualitative = () => {
      if (pending.length === 0) return;
      const q = draftOf(
        { ...pending[0]!, text: pending.map((c) => c.text).join(", "), match: null, rating: null },
        "",
        "",
        line,
      );
      const stray = pending.flatMap((c) => c.stray);
      if (stray.length > 0 || TARGET_WORD_RE.test(q.text))
        warn(
          `có số liệu (${stray.join(", ") || "từ chỉ mức"}) nhưng không đọc được chỉ tiêu; đã ghi thành chỉ tiêu định tính`,
        );
      drafts.push(q);
      last = null;
      pending = [];
    };
    for (const raw of clauses) {
      // "…, trong đó: Nông, lâm, thủy sản tăng 6%": the parts that follow name new indicators.
      const part = /^trong đó\s*[:,]?\s*/iu.exec(raw.text);
      const c = part ? { ...raw, text: raw.text.slice(part[0].length) } : raw;
      if (part) {
        if (c.text.trim() === "") continue;
        last = null;
        if (c.match) c.match = scanTargets(c.text).matches.at(-1) ?? null;
      }
      if (c.match || c.rating) {
        let prefix = "";
        if (pending.length > 0 && !pendingOwn) {
          prefix = pending.map((p) => p.text).join(", ");
          pending = [];
        } else flushQualitative();
        const amount: Draft | null = last;
        last = draftOf(c, prefix, "", line);
        // "công nghiệp - xây dựng 596 tỷ đồng, chiếm 50,3%": the share of what the amount named.
        if (amount && /^chiếm(?!\p{L})/iu.test(c.text) && !prefix) {
          const name = amount.indicator.text.replace(/^[^:]*:\s*/u, "");
          last.indicator.text = clean(`Tỷ trọng ${name.charAt(0).toLowerCase()}${name.slice(1)}`);
        }
        drafts.push(last);
        continue;
      }
      const own = VERB_LED_RE.test(c.text) || OUTCOME_RE.test(c.text);
      if (pending.length === 0) {
        if (last && !own) {
          const d: Draft = last;
          d.indicator.text = clean(`${d.indicator.text}, ${tidy(c.text)}`);
          continue;
        }
        pendingOwn = own;
      }
      pending.push(c);
    }
    flushQualitative();
  }
  return drafts;
}

/**
 * A title line and the lines that continue it (a PDF breaks "… kinh tế - xã hội" / "năm 2026"): a next
 * line that starts in lower case continues the title, up to a few lines.
 */
function joinedTitle(lines: Line[], at: number): string {
  let title = lines[at]!.text.trim();
  for (let k = at + 1; k < Math.min(lines.length, at + 4); k++) {
    const next = lines[k]!.text.trim();
    if (!/^\p{Ll}/u.test(next) || title.length + next.length > 300) break;
    title += ` ${next}`;
  }
  return title;
}

function findTitle(lines: Line[]): { title: string; year: number | null } {
  let title = "";
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (/^nghị quyết$/iu.test(t)) {
      let k = i + 1;
      while (k < lines.length && lines[k]!.text.trim() === "") k++;
      if (k < lines.length) title = `Nghị quyết ${joinedTitle(lines, k).replace(/^./u, (c) => c.toLowerCase())}`;
      break;
    }
    if (/^nghị quyết\s+\S/iu.test(t) && !/^nghị quyết (?:số|đại hội)/iu.test(t)) {
      title = t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t;
      break;
    }
  }
  if (!title)
    title =
      lines
        .find((l) => l.text.trim() !== "")
        ?.text.trim()
        .slice(0, 200) ?? "Nghị quyết";
  const yearIn = (s: string) => /(?:^|[^\p{L}])năm\s+((?:19|20|21)\d{2})(?!\d)/iu.exec(s)?.[1];
  const y = yearIn(title) ?? lines.map((l) => yearIn(l.text)).find(Boolean);
  return { title, year: y ? Number(y) : null };
}

const NAME = String.raw`\p{Lu}[\p{Ll}\d]*(?:[ \t]+\p{Lu}[\p{Ll}\d]*){0,3}`;
const UPPER_NAME = String.raw`\p{Lu}+(?:[ \t]+\p{Lu}+){0,3}`;
const PLACE_RE = new RegExp(String.raw`(?:^|[^\p{L}])(phường|xã|thị trấn)[ \t]+(${NAME})(?!\p{L})`, "u");
const UPPER_PLACE_RE = new RegExp(
  String.raw`(?:^|[^\p{L}])(PHƯỜNG|XÃ|THỊ TRẤN)[ \t]+(?!HỘI(?!\p{L}))(${UPPER_NAME})[ \t]*$`,
  "mu",
);
const titleCase = (s: string) => s.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
const BODY_RE =
  /(?:^|[^\p{L}])(Đảng bộ|Đảng ủy|Chi bộ|Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND)\s+(phường|xã|thị trấn)(?!\p{L})/u;

/** "ĐẢNG BỘ PHƯỜNG TRẦN" / "PHÚ": a one-word name at a line's end goes on with a short line in capitals. */
function upperPlace(text: string): RegExpExecArray | null {
  const place = UPPER_PLACE_RE.exec(text);
  if (!place || /\s/u.test(place[2]!)) return place;
  const end = place.index + place[0].length;
  const next = text.slice(end + 1, text.indexOf("\n", end + 1) >>> 0).trim();
  if (/^\p{Lu}+(?:[ \t]+\p{Lu}+)?$/u.test(next) && !/^(?:NGHỊ|BÁO|KẾ|CHƯƠNG|ĐẢNG|CỘNG|ĐỘC|BAN|SỐ)(?!\p{L})/u.test(next))
    place[2] = `${place[2]} ${next}`;
  return place;
}

function findOrganization(text: string): string {
  // A PDF's page width may break "phường" / "Trần Phú" over two lines (same length: indices agree).
  const joined = text.replace(/([^\n])\n(?=[^\n])/gu, "$1 ");
  let place = PLACE_RE.exec(text);
  // "phường Trần" at a line's end, "Phú" on the next: the name goes on across the break.
  if (place && !/\s/u.test(place[2]!) && text[place.index + place[0].length] === "\n") {
    const across = new RegExp(PLACE_RE.source, "uy");
    across.lastIndex = place.index;
    place = across.exec(joined) ?? place;
  }
  place ??= PLACE_RE.exec(joined) ?? upperPlace(text);
  const body = BODY_RE.exec(text);
  if (!place) return body ? `${body[1]} ${body[2]}` : "";
  const unit = place[1]!.toLowerCase();
  const name = titleCase(place[2]!);
  if (body && body[2] === unit) return `${body[1]} ${unit} ${name}`;
  return `${unit} ${name}`.replace(/^./u, (c) => c.toUpperCase());
}

/** " 4. Diện tích …" or " (4) Diện tích …" inside a long paragraph: a list's numbering copied as running text. */
const INLINE_MARK_RE = /\s(?=(?:(?:[IVX]{1,4}|\d{1,2})\.|\(\d{1,2}\))\s+\p{Lu})/gu;

/**
 * A news report or web page often runs the whole list into one paragraph ("… I. Về kinh tế 1. … 2. …").
 * When a long line holds at least three such numbers in increasing order, each starts a line again.
 */
function splitRunningText(line: string): string[] {
  if (line.length < 300) return [line];
  const marks = [...line.matchAll(INLINE_MARK_RE)].map((m) => m.index);
  const numbers = marks
    .map((i) => Number(/^\s\(?(\d+)/u.exec(line.slice(i))?.[1] ?? NaN))
    .filter((n) => !Number.isNaN(n));
  if (numbers.length < 3 || numbers.some((n, k) => k > 0 && n <= numbers[k - 1]!)) return [line];
  const out: string[] = [];
  let from = 0;
  for (const i of marks) {
    out.push(line.slice(from, i));
    from = i + 1;
  }
  out.push(line.slice(from));
  return out.filter((p) => p.trim() !== "");
}

const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

interface Part {
  text: string;
  line: number;
  bullet: boolean;
}
interface Item {
  no: string;
  parts: Part[];
  line: number;
  /** Made from a bullet or letter directly under a section: the next bullet is an item too. */
  loose: boolean;
}
interface Sec {
  id: string;
  title: string;
  items: Item[];
  tasks: boolean;
  /** Items by number, and the largest number (a duplicate gets the next free one). */
  byNo: Map<string, Item>;
  maxNo: number;
}

const brief = (t: string) => (t.length > 120 ? `${t.slice(0, 117)}…` : t);

/** Step 1: the text's lines, with a list run into one paragraph split at its numbers. */
function linesOf(text: string): Line[] {
  return text.split("\n").flatMap((t, i) => splitRunningText(t).map((p) => ({ text: p, line: i + 1 })));
}

/** Step 2: how the document numbers its sections, read from all its headings at once. */
interface Layout {
  headings: (RegExpExecArray | null)[];
  romans: boolean;
  /** Letters above Roman numerals are parts ("A. CÁC CHỈ TIÊU…" then "I.", "II." again under "B."). */
  partsAbove: boolean;
  /** No numbered section at all: "Về kinh tế:" and headings in capitals head sections. */
  capitals: boolean;
}
function layoutOf(lines: Line[]): Layout {
  const headings = lines.map((l) => sectionHeading(l.text.trim()));
  const romans = headings.some((h) => h !== null && /^[IVXL]+$/u.test(h[1]!));
  const letters = headings.some((h) => h !== null && /^[A-Z]$/u.test(h[1]!) && !/^[IVXL]$/u.test(h[1]!));
  return { headings, romans, partsAbove: romans && letters, capitals: !headings.some((h) => h !== null) };
}

/**
 * Step 3: the outline, line by line: sections (parts, numerals, capital headings), their items and
 * the bullets and lines under each item. Lines that carry a figure and fit nowhere become warnings.
 * Every step is constant time per line (items found by number, continued text kept in pieces).
 */
class Outline {
  readonly sections: Sec[] = [];
  private readonly sectionIds = new Set<string>();
  private readonly repeats = new Map<string, number>();
  private part = "";
  private item: Item | null = null;
  /** The pieces of the item's last part that later lines continue, joined once at the end. */
  private pieces: string[] | null = null;
  private lastPart: Part | null = null;
  private prevBlank = true;
  private ended = false;

  constructor(
    private readonly layout: Layout,
    private readonly warnings: ParseWarning[],
  ) {}

  read(lines: Line[]): this {
    lines.forEach((l, k) => this.line(l, this.layout.headings[k] ?? null));
    this.settle();
    return this;
  }

  private warn(l: Line, reason: string) {
    this.warnings.push({ line: l.line, text: brief(l.text.trim()), reason });
  }

  private stray(l: Line, reason: string) {
    const scan = scanTargets(l.text);
    if (scan.matches.length > 0 || scan.strayFigures.length > 0 || scanRating(l.text)) this.warn(l, reason);
  }

  /** The pieces of the last part, joined (each part only once, whatever the number of lines). */
  private settle() {
    if (this.lastPart && this.pieces) this.lastPart.text = this.pieces.join(" ");
    this.pieces = null;
    this.lastPart = null;
  }

  private addPart(item: Item, p: Part) {
    this.settle();
    item.parts.push(p);
  }

  private continueLast(t: string) {
    const last = this.item!.parts.at(-1)!;
    if (this.lastPart !== last) {
      this.settle();
      this.lastPart = last;
      this.pieces = [last.text];
    }
    this.pieces!.push(t);
  }

  private addSection(id: string, title: string) {
    this.settle();
    this.sectionIds.add(id);
    this.sections.push({
      id,
      title,
      items: [],
      tasks: TASKS_RE.test(title) && !/chỉ tiêu/iu.test(title),
      byNo: new Map(),
      maxNo: 0,
    });
    this.item = null;
  }

  currentSection(): Sec {
    if (this.sections.length === 0) this.addSection("I", "CHỈ TIÊU");
    return this.sections.at(-1)!;
  }

  newItem(sec: Sec, wanted: string | null, l: Line, first: Part, loose = false): Item {
    this.settle();
    let no = wanted ?? String(sec.items.length + 1);
    if (sec.byNo.has(no)) {
      const free = sec.maxNo + 1;
      this.warn(l, `mục ${no} bị trùng trong phần ${sec.id}; đặt mã ${sec.id}.${free}`);
      no = String(free);
    }
    const it = { no, parts: [first], line: l.line, loose };
    sec.items.push(it);
    sec.byNo.set(no, it);
    if (/^\d+$/u.test(no)) sec.maxNo = Math.max(sec.maxNo, Number(no));
    this.item = it;
    return it;
  }

  /** "A. CÁC CHỈ TIÊU…" above Roman sections: holds its own items until its first section ("A.0"). */
  private partHeading(heading: RegExpExecArray) {
    this.part = heading[1]!;
    this.addSection(this.part, heading[2]!.replace(/[:.]\s*$/u, "").trim());
  }

  private sectionHeading(l: Line, t: string, heading: RegExpExecArray | null, group: RegExpExecArray | null) {
    const sections = this.sections;
    let id = heading
      ? this.part
        ? `${this.part}.${heading[1]}`
        : heading[1]!
      : (ROMANS[sections.length] ?? `S${sections.length + 1}`);
    const title = (heading ? heading[2]! : group ? group[1]! : t).replace(/[:.]\s*$/u, "").trim();
    // A numeral used twice (without parts to tell them apart) still gets an id of its own.
    if (this.sectionIds.has(id)) {
      let n = this.repeats.get(id) ?? 2;
      while (this.sectionIds.has(`${id}-${n}`)) n++;
      this.repeats.set(id, n + 1);
      this.warn(l, `phần ${id} bị trùng; đặt mã ${id}-${n}`);
      id = `${id}-${n}`;
    }
    this.addSection(id, title);
  }

  private line(l: Line, heading: RegExpExecArray | null) {
    const t = l.text.trim();
    if (t === "") {
      this.prevBlank = true;
      return;
    }
    if (this.ended) return;
    if (END_RE.test(t)) {
      this.ended = true;
      this.settle();
      this.item = null;
      return;
    }
    const { partsAbove, capitals, romans } = this.layout;
    this.body(l, t, heading, partsAbove, capitals, romans);
    this.prevBlank = false;
  }

  /** One non-blank line before the end: a heading, an item, a bullet, a continuation or a warning. */
  private body(
    l: Line,
    t: string,
    heading: RegExpExecArray | null,
    partsAbove: boolean,
    capitals: boolean,
    romans: boolean,
  ): void {
    if (heading && partsAbove && !/^[IVXL]+$/u.test(heading[1]!)) {
      this.partHeading(heading);
      return;
    }
    const group = capitals ? GROUP_HEADING_RE.exec(t) : null;
    if (heading || group || (capitals && capitalHeading(t) && !HEADER_RE.test(t))) {
      this.sectionHeading(l, t, heading, group);
      return;
    }
    if (isStampLine(t)) return;
    if (COUNTED_HEADING_RE.test(t)) {
      // A sub-heading: the items under it are the section's own.
      this.settle();
      this.item = null;
      return;
    }
    const sections = this.sections;
    const sec = sections.at(-1);
    if (sec?.tasks) {
      this.stray(l, `thuộc phần “${sec.title}” (nhiệm vụ, giải pháp): không đọc thành chỉ tiêu`);
      return;
    }
    const takesItems = sections.length > 0 || !romans;
    const no = ITEM_RE.exec(t);
    const sub = SUBITEM_RE.exec(t);
    const bullet = BULLET_RE.exec(t);
    const item = this.item;
    if (sub && takesItems) {
      // "1.1. Thu ngân sách …": a part of item 1.
      const s2 = this.currentSection();
      const major = String(Number(sub[1]));
      const p: Part = { text: sub[3]!, line: l.line, bullet: true };
      const found = s2.byNo.get(major);
      if (found) {
        this.item = found;
        this.addPart(found, p);
      } else this.newItem(s2, major, l, p);
    } else if (no && takesItems) {
      this.newItem(this.currentSection(), String(Number(no[1] ?? no[2])), l, {
        text: no[3]!,
        line: l.line,
        bullet: false,
      });
    } else if (bullet && takesItems && (sections.length > 0 || item)) {
      const p: Part = { text: bullet[1]!, line: l.line, bullet: true };
      // A bullet or letter directly under a section is an item of its own ("a)" keeps its letter).
      const letter = /^([a-zđ])[).]/u.exec(t)?.[1];
      if (item && !item.loose) this.addPart(item, p);
      else this.newItem(this.currentSection(), letter ?? null, l, { ...p, bullet: false }, true);
    } else if (item && !this.prevBlank) {
      // A line broken in the middle of a sentence (PDF copies) continues the last part.
      const last = this.pieces && this.lastPart === item.parts.at(-1) ? this.pieces.at(-1)! : item.parts.at(-1)!.text;
      if (/[;.:!?]$/u.test(last)) this.addPart(item, { text: t, line: l.line, bullet: false });
      else this.continueLast(t);
    } else if (item && bullet === null && /^\p{Ll}/u.test(t)) {
      this.continueLast(t);
    } else if (sections.length > 0) {
      this.stray(l, "dòng có số liệu nhưng không thuộc mục nào (1., 2., -, …)");
    } else if (!HEADER_RE.test(t)) {
      this.stray(l, "dòng có số liệu nằm trước phần chỉ tiêu; chưa đọc thành chỉ tiêu");
    }
  }
}

/**
 * Step 4, running text (a news report, minutes): no markers at all, so each paragraph with a target is
 * an item; the warnings of the outline, which saw no item, are dropped.
 */
function readProse(lines: Line[], outline: Outline, warnings: ParseWarning[]) {
  if (!outline.sections.every((s) => s.items.length === 0)) return;
  const background: Line[] = [];
  const results = new Set<Line>();
  const earlier = new Set<Line>();
  const figuresOnly: Line[] = [];
  const latest = latestYear(lines);
  const prose = lines.filter((l) => {
    if (l.text.trim() === "" || HEADER_RE.test(l.text) || isStampLine(l.text)) return false;
    const scan = scanTargets(l.text);
    if (scan.matches.length === 0) {
      // A figure outside the paragraphs with targets ("6 tháng cuối năm") is still named, never dropped.
      if (scan.strayFigures.length > 0) figuresOnly.push(l);
      return false;
    }
    const segs = splitOutside(l.text, segmentSep);
    const past = resultSegments(segs);
    const aims = segs.filter((_, k) => !past[k]);
    if (aims.every((seg) => scanTargets(seg).matches.length === 0)) {
      results.add(l);
      return false;
    }
    if (((MERGER_RE.test(l.text) && SIZE_RE.test(l.text)) || ATTENDANCE_RE.test(l.text)) && !AIM_RE.test(l.text)) {
      background.push(l);
      return false;
    }
    if (pastPeriod(l.text, latest)) {
      earlier.add(l);
      return false;
    }
    return true;
  });
  if (prose.length === 0) return;
  warnings.length = 0;
  for (const l of figuresOnly)
    warnings.push({
      line: l.line,
      text: brief(l.text.trim()),
      reason: "dòng có số liệu nhưng không có chỉ tiêu: không đọc thành chỉ tiêu",
    });
  for (const l of [...results, ...earlier, ...background]) {
    warnings.push({
      line: l.line,
      text: brief(l.text.trim()),
      reason: results.has(l)
        ? "kết quả đã đạt (số chỉ tiêu đạt, vượt), không phải chỉ tiêu mới: không đọc thành chỉ tiêu"
        : earlier.has(l)
          ? "kết quả của kỳ trước (nhiệm kỳ, năm đã qua), không phải chỉ tiêu mới: không đọc thành chỉ tiêu"
          : "đoạn giới thiệu đơn vị sau sắp xếp hoặc đại hội (diện tích, dân số, số đại biểu, …): số liệu hiện có, không phải chỉ tiêu",
    });
  }
  const sec = outline.currentSection();
  for (const l of prose) {
    // "… đề ra 12 chỉ tiêu cụ thể: A; B; C": what comes before the list only introduces it.
    // Only the sentence that introduces the list goes ("Mục tiêu … đạt chuẩn nông thôn mới." before it stays).
    const text = l.text
      .replace(/(^|[.;]\s+)[^.;:]*?chỉ tiêu(?:\s+(?:cụ thể|chủ yếu|chính))?[^:;.]{0,40}:\s*/iu, (_, pre: string) =>
        pre ? "; " : "",
      )
      .trim();
    outline.newItem(sec, null, l, { text, line: l.line, bullet: false });
  }
}

/** Step 5: each item's indicators, with their ids (a part with sections under it keeps "A.0" for its own). */
function indicatorsOf(sections: Sec[], warnings: ParseWarning[]): Section[] {
  const parents = new Set(
    sections.filter((o) => o.items.length > 0 && o.id.includes(".")).map((o) => o.id.slice(0, o.id.indexOf("."))),
  );
  for (const s of sections) if (s.items.length > 0 && parents.has(s.id)) s.id = `${s.id}.0`;
  return sections
    .filter((s) => s.items.length > 0)
    .map((s) => ({
      id: s.id,
      title: s.title,
      indicators: s.items.flatMap((it) => {
        const drafts = readItem(it.parts, warnings);
        return drafts.map((d, k) => {
          const ind = {
            id: formatId({ section: s.id, item: it.no, letter: drafts.length === 1 ? null : letterId(k) }),
            ...d.indicator,
          };
          // A cell holds at most 32,767 characters: a longer clause is cut, and said so.
          if (ind.text.length > CELL_MAX) {
            warnings.push({
              line: ind.line ?? it.line,
              text: brief(ind.text),
              reason: `chỉ tiêu ${ind.id} dài ${formatVietnameseNumber(ind.text.length)} ký tự, quá sức chứa một ô Excel (${formatVietnameseNumber(CELL_MAX)}); đã cắt bớt`,
            });
            ind.text = fitCell(ind.text);
          }
          if (ind.targetText !== undefined) ind.targetText = fitCell(ind.targetText);
          return ind;
        });
      }),
    }))
    .filter((s) => s.indicators.length > 0);
}

/** Reads a resolution as staff paste it into a Resolution. Throws ResolutionTextError on bad text. */
export function parseResolution(raw: string): Resolution {
  const checked = checkText(raw);
  const warnings: ParseWarning[] = [];
  // What an .xlsx cannot hold is dropped, and said where.
  checked.split("\n").forEach((t, i) => {
    const bad = t.match(XML_FORBIDDEN);
    if (bad)
      warnings.push({
        line: i + 1,
        text: brief(t.replace(XML_FORBIDDEN, "").trim()),
        reason: `đã bỏ ${bad.length} ký tự Excel không lưu được (${[...new Set(bad)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(", ")})`,
      });
  });
  const text = checked.replace(XML_FORBIDDEN, "");
  const lines = linesOf(text);
  const layout = layoutOf(lines);
  const outline = new Outline(layout, warnings).read(lines);
  readProse(lines, outline, warnings);
  if (outline.sections.every((s) => s.items.length === 0))
    throw new ResolutionTextError(
      "Không tìm thấy phần (I, II, ...) hay mục (1., 2., -, ...) nào có chỉ tiêu. Văn bản này có phải nghị quyết về chỉ tiêu không?",
    );
  const built = indicatorsOf(outline.sections, warnings);
  if (built.every((s) => s.indicators.every((i) => i.target.op === "qualitative")))
    throw new ResolutionTextError(
      'Không tìm thấy chỉ tiêu nào có con số hay mức xếp loại (ví dụ "đạt 98%", "không quá 0,6%", "từ 3 - 5 đảng viên").',
    );
  const { title, year } = findTitle(lines.filter((_, k) => layout.headings[k] === null));
  return {
    title,
    organization: findOrganization(text),
    year,
    sections: built,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}
