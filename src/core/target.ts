import { NUMBER_SOURCE as NUM, parseNumberToken, formatVietnameseNumber } from "./numbers";
import { matchWord, normalizeText } from "./text";
import { QUALITATIVE, RATING_LEVELS, type RatingLevel, type Target, type ComparisonOp } from "./model";
import {
  AFTER_SOURCE,
  BEFORE_SOURCE,
  COMPARATORS,
  OR_MORE_SOURCE,
  SURE_SOURCE,
  inClause,
  readComparator,
  writeBound,
} from "./comparators";

/** One target found inside a clause of resolution text. */
export interface TargetMatch {
  target: Target;
  /** Unit as written ("%", "triệu đồng/năm", "tổ dân phố"), "" when none. */
  unit: string;
  /** The target as written ("không quá 0,6%", "từ 3 - 5 đảng viên"). */
  phrase: string;
  /** Span to cut from the clause to leave the indicator's text (lead words included). */
  cutStart: number;
  cutEnd: number;
  /** Where the phrase itself starts in the clause. */
  phraseStart: number;
  /** True when the target is on a change ("tăng 10%", "giảm bình quân 4 - 5%/năm"). */
  change: boolean;
  /** True when the op came from the lower-is-better lexicon, not from a word in the text. */
  impliedCeiling: boolean;
}

export interface ScanProblem {
  text: string;
  reason: string;
}

export interface ScanResult {
  matches: TargetMatch[];
  problems: ScanProblem[];
  /** Numbers that look like figures but were left unread (for warnings). */
  strayFigures: string[];
}

const RANGE_RE = new RegExp(String.raw`^\s*(%|‰)?\s*(?:-|–|—|đến|tới)\s*(${NUM})(?!\d)`, "u");
// No lookbehind anywhere (Safari before 16.4 cannot parse it): a boundary group stands in for it.
// Numbered groups: 1 the boundary, 2 the number (named groups cost an object per number).
const NUMBER_RE = new RegExp(String.raw`(^|[^\p{L}\d.,/])(${NUM})(?!\d)`, "gu");

/** "thứ 5 toàn thành phố trở lên": a rank's "or better" within a few words of it. */
const RANK_UP_RE = new RegExp(String.raw`^[^;,.]{0,40}?(?:${OR_MORE_SOURCE})`, "u");
/** "(sinh con thứ 3) trở lên": "or more" words, whose "lên" is no change to a level. */
const OR_MORE_RE = new RegExp(OR_MORE_SOURCE, "gu");
/** "98% trở lên", "5% trở xuống": a comparator after the figure and its unit. */
const TAIL_RE = new RegExp(String.raw`^\s*(${AFTER_SOURCE})`, "u");
/** Words that mean a target even when no figure reads ("tối đa", "không quá"), and the percent signs. */
export const TARGET_WORD_RE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${SURE_SOURCE})(?!\p{L})|%|‰`, "iu");
const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join("|");

const LEFT_RE = new RegExp(
  String.raw`(?<pre>^|[^\p{L}])` +
    String.raw`(?:(?<lead>đạt mức|đạt tỷ lệ|đạt|là|chiếm|ở mức|bằng|:)\s*)?` +
    String.raw`(?:(?<chg>tăng|giảm|nâng|hạ)(?:\s+(?<avg>bình quân|trung bình))?(?:\s+(?:mỗi năm|hằng năm|hàng năm))?(?:\s+(?<dir>lên|xuống còn|xuống|còn))?\s*)?` +
    String.raw`(?:(?<lead2>đạt|ở mức)\s+)?` +
    String.raw`(?:(?<down>xuống còn|xuống|còn)\s+)?` +
    `(?<cmp>${BEFORE_SOURCE})?\\s*` +
    String.raw`(?<approx>khoảng|gần|xấp xỉ)?\s*$`,
  "u",
);

/** Words before a number that make it a label ("năm 2022", "mức độ 3", "tổ 5"), not a figure. */
const LABEL_RE =
  /(?:^|[^\p{L}])(?:năm|tháng|quý|ngày|mức độ|mức|cấp độ|cấp|loại|khóa|số|lần thứ|giai đoạn|nhiệm kỳ|điều|khoản|chương|mục|phần|khu phố|tổ|khu|thôn|xóm|ấp|tdp|lớp|đợt|tuyến|quận|đường|phiên bản|nghị quyết|quyết định|chỉ thị|kế hoạch|thông tư|nghị định|thứ|hạng|vòng|đại hội|lần)\s*$/u;

/** A place in a group: "thuộc nhóm 10 xã dẫn đầu", "trong top 3", "nằm trong nhóm 5 đơn vị đứng đầu". */
const GROUP_LEFT_RE = /(?:^|[^\p{L}])(?<lead>(?:thuộc|nằm trong|trong|vào)\s+)(?<word>nhóm|top|tốp)\s*$/u;
const GROUP_RIGHT_RE = /^(?:\s+[\p{L}]+){0,4}?\s+(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)(?!\p{L})/u;
const RANK_LEFT_RE =
  /(?:^|[^\p{L}])(?:(?<verb>xếp|đứng|đạt|vươn lên)\s+(?:loại\s+|hạng\s+)?)?(?<word>thứ hạng|vị thứ|thứ|hạng|top|tốp)\s*$/u;

const PERCENT_UNIT_RE =
  /^\s*(%|‰)(\s*\/\s*năm|\s+so với\s+(?:cùng kỳ(?:\s+năm trước)?|năm trước|năm \d{4}|kế hoạch|dự toán)|\s+(?:dự toán|kế hoạch)(?!\p{L})(?:\s+(?:huyện|quận|thị xã|thành phố|tỉnh|cấp trên)?\s*giao(?=\s*(?:$|[;,.()])))?)?/u;
const MONEY_UNIT_RE =
  /^\s*((?:nghìn|ngàn|triệu|tỷ|tỉ)\s+(?:đồng|usd)|(?:tỷ|tỉ|triệu|tr)(?:\.\s?)?đ(?:ồng)?|đồng|usd|(?:nghìn|ngàn|triệu|tỷ|tỉ)(?=\s*\/))((?:\s*\/\s*(?:người|hộ|tháng|năm|ha))*)(?!\p{L})/u;
/** "tỷ.đ", "tỷđ", "tr.đ", "trđ": the money units as written in full. */
const moneyUnit = (u: string) =>
  u.replace(/^(tỷ|tỉ)(?:\.\s?)?đ(?:ồng)?/u, "tỷ đồng").replace(/^(?:triệu|tr)(?:\.\s?)?đ(?:ồng)?/u, "triệu đồng");
const MEASURE_UNIT_RE =
  /^\s*(km2|km²|m2|m²|m3|m³|ha|km|tấn|kg|tạ|lít|kwh|mw|điểm|giờ|phút|lần)(?!\p{L})((?:\s*\/\s*[\p{L}]+(?:\s+dân)?)*)/u;
const COUNT_NOUNS = [
  "tiêu chí",
  "chỉ tiêu",
  "tổ dân phố",
  "khu dân cư",
  "đảng viên",
  "chi bộ",
  "cơ sở",
  "mô hình",
  "tập thể",
  "cá nhân",
  "kỳ họp",
  "hộ gia đình",
  "hộ",
  "người",
  "lao động",
  "việc làm",
  "doanh nghiệp",
  "hợp tác xã",
  "trường",
  "thôn",
  "xã",
  "phường",
  "công trình",
  "dự án",
  "sản phẩm",
  "lượt",
  "đoàn viên",
  "hội viên",
  "hồ sơ",
  "học sinh",
  "căn nhà",
  "nhà",
  "câu lạc bộ",
  "tân binh",
  "thanh niên",
  "giường bệnh",
  "bác sĩ",
  "cây",
  "tuyến",
  "vụ",
  "cuộc",
  "buổi",
  "lớp",
  "tổ",
  "chương trình",
  "đề án",
  "gia đình",
  "lượt lao động",
  "lượt người",
  // Livestock ("đàn lợn 1.300 con"); a child's birth order ("con thứ 3") is a label, not this.
  "con",
];
/** "10 doanh nghiệp/năm": a count per year (or month, person, household) keeps its "per" in the unit. */
const COUNT_UNIT_RE = new RegExp(
  String.raw`^\s*(${alt(COUNT_NOUNS)})(?:\s*\/\s*(?:năm|tháng|quý|người|hộ))*(?![\p{L}/])`,
  "u",
);
const WORD_UNIT_RE = /^\s*(\p{L}+)/u;
const NOT_UNITS = new Set([
  "và",
  "trong",
  // "5 trên …", "3 dưới …": a comparator after a figure starts the next phrase, it is no unit.
  ...COMPARATORS.filter((c) => c.at === "before" && /^\p{L}+$/u.test(c.words)).map((c) => c.words),
  "so",
  "của",
  "trở",
  "đến",
  "tới",
  "với",
  "là",
  "đạt",
  "các",
  "những",
  "toàn",
  "năm",
  "hoặc",
]);
/** "sinh trên 2 con": children born, not livestock; the figure is a condition of the indicator, not its target. */
const BIRTHS_RE = new RegExp(String.raw`(?:^|[^\p{L}])sinh(?:\s+con)?(?:\s+(?:${BEFORE_SOURCE}))?\s*$`, "u");
const excludedUnit = (unit: string, left: string) =>
  EXCLUDED_UNIT_RE.test(unit.toLowerCase()) || (unit.toLowerCase() === "con" && BIRTHS_RE.test(left));

/** Units that mean the number is not a target: ages, birth order, grades, per-capita bases, a count of targets. */
const EXCLUDED_UNIT_RE = /^(?:tuổi|tháng tuổi|sao|vạn dân|nghìn dân|ngàn dân|dân|chỉ tiêu)$/u;

/** Subjects for which a bare figure is a ceiling ("Tỷ suất sinh 11‰", "Chi ngân sách: 4.909 triệu đồng"). */
const LOWER_IS_BETTER =
  "hộ nghèo|hộ cận nghèo|tỷ suất sinh|sinh con thứ|sinh trên|suy dinh dưỡng|tai nạn|tội phạm|vi phạm|thất nghiệp|bỏ học|ô nhiễm|tử vong|chi ngân sách|chi cân đối ngân sách|chi thường xuyên|nợ đọng|tồn đọng|quá hạn|trễ hạn|khiếu nại|khiếu kiện|ma túy|cháy nổ|tỷ số giới tính|mất cân bằng giới tính|tăng dân số tự nhiên|tăng dân số";
const LOWER_IS_BETTER_RE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${LOWER_IS_BETTER})`, "u");
/** The same words anywhere, to find once per clause where they start. */
const LOWER_IS_BETTER_ANY = new RegExp(LOWER_IS_BETTER, "gu");

/** Where any lower-is-better word starts in `lc`, in order (overlapping ones too). */
function lowerIsBetterStarts(lc: string): number[] {
  const at: number[] = [];
  LOWER_IS_BETTER_ANY.lastIndex = 0;
  for (let m; (m = LOWER_IS_BETTER_ANY.exec(lc)); LOWER_IS_BETTER_ANY.lastIndex = m.index + 1) at.push(m.index);
  return at;
}

/** True when some start lies in [from, to). */
function anyIn(starts: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < to;
}

/** A clause that opens with "Tăng"/"Giảm" (not "Tăng cường") and never says "còn"/"xuống"/"lên" is about a change. */
const LEADING_CHANGE_RE = /^\s*(?:phấn đấu\s+|phần đầu\s+|phân đấu\s+)?(?:mức\s+)?(?:tăng|giảm)\s(?!\s*cường)/u;
const CHANGE_TO_LEVEL_RE = /(?:^|[^\p{L}])(?:còn|xuống|lên)(?!\p{L})/u;
const leadingChange = (lc: string) =>
  LEADING_CHANGE_RE.test(lc) && !CHANGE_TO_LEVEL_RE.test(lc.replace(OR_MORE_RE, ""));

const RATING_RE = new RegExp(
  String.raw`(?<pre>^|[^\p{L}])(?<lead>(?:được\s+)?(?:xếp\s+loại|xếp|đạt|đánh giá)\s+)?(?<level>không hoàn thành|hoàn thành xuất sắc|hoàn thành tốt|hoàn tốt|hoàn thành)\s+(?:các\s+)?nhiệm vụ(?<up>\s+(?:${OR_MORE_SOURCE}))?`,
  "u",
);

function lower(text: string): string {
  const lc = text.toLowerCase();
  return lc.length === text.length ? lc : text;
}

interface UnitRead {
  unit: string;
  end: number;
  strong: boolean;
  symbol: boolean;
}

function readUnit(orig: string, lc: string, at: number): UnitRead {
  const rest = lc.slice(at, at + AHEAD);
  const take = (m: RegExpExecArray, strong: boolean, symbol: boolean): UnitRead => {
    const lead = m[0].length - m[0].trimStart().length;
    return {
      unit: orig
        .slice(at + lead, at + m[0].length)
        .replace(/\s*\/\s*/g, "/")
        .trim(),
      end: at + m[0].length,
      strong,
      symbol,
    };
  };
  let m = PERCENT_UNIT_RE.exec(rest);
  // "120% dự toán huyện giao": the unit is "% dự toán"; who set the plan goes with the target.
  if (m) {
    const read = take(m, true, true);
    return { ...read, unit: read.unit.replace(/^(% (?:dự toán|kế hoạch)).*$/u, "$1") };
  }
  if ((m = MONEY_UNIT_RE.exec(rest))) {
    const read = take(m, true, true);
    return { ...read, unit: moneyUnit(read.unit) };
  }
  if ((m = MEASURE_UNIT_RE.exec(rest))) return take(m, true, true);
  if ((m = COUNT_UNIT_RE.exec(rest))) return take(m, true, false);
  for (const phrase of ["tháng tuổi", "vạn dân", "nghìn dân", "ngàn dân"]) {
    if (rest.trimStart().startsWith(phrase)) {
      const lead = rest.length - rest.trimStart().length;
      return { unit: phrase, end: at + lead + phrase.length, strong: true, symbol: false };
    }
  }
  if ((m = WORD_UNIT_RE.exec(rest)) && !NOT_UNITS.has(m[1]!)) return take(m, false, false);
  return { unit: "", end: at, strong: false, symbol: false };
}

function isYear(token: string, value: number): boolean {
  return /^\d{4}$/.test(token) && value >= 1900 && value <= 2100;
}

/**
 * How far the reader looks around a number: the words that qualify a figure sit next to it. Bounded
 * windows keep a clause with thousands of numbers linear.
 */
const BEHIND = 160;
const AHEAD = 160;

/** "\s" as regexes read it; a space left out here only widens a window. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 0x7f && /\s/u.test(String.fromCharCode(c)));

/**
 * Where a window ending at `end` starts so that it holds the last `words` words and the space before
 * them (never before `from`). A regex that ends at the window's end ("…\s*$") and spans fewer words
 * finds the same match in it as in a longer window, without trying every position of the longer one.
 */
function wordsBack(lc: string, from: number, end: number, words: number): number {
  let i = end;
  for (let n = 0; n < words; n++) {
    while (i > from && isSpace(lc.charCodeAt(i - 1))) i--;
    while (i > from && !isSpace(lc.charCodeAt(i - 1))) i--;
    if (i <= from) return from;
  }
  return i - 1;
}

/** Words of the short label, group, rank and birth patterns before a figure (at most 6, and 2 to spare). */
const NEAR_WORDS = 8;
/** Words LEFT_RE can span: lead 3, change 1, average 2, "mỗi năm" 2, direction 2, lead 2, "xuống còn" 2, comparator 4, "xấp xỉ" 2; and 4 to spare. */
const LEFT_WORDS = 24;
/** Characters of LEFT_RE's words that are not letters or spaces (":", "<=", "≥", …). */
const LEFT_MARKS = new Set([":", "<", "=", ">", "≤", "≥"]);

/** Every character LEFT_RE's words are made of (and a few more: the letters of its syntax). */
const LEFT_CHARS = new Set([...LEFT_RE.source.replace(/[^\p{L}]/gu, ""), ...LEFT_MARKS]);

/**
 * Where LEFT_RE's window starts, `before` being the end of the last word before the figure: at the
 * nearest character none of its words holds (its match cannot reach past it), or at the space before
 * the last LEFT_WORDS words, or at `from`.
 */
function leftStart(lc: string, from: number, before: number): number {
  let words = 1;
  for (let i = before - 1; i >= from; i--) {
    const code = lc.charCodeAt(i);
    if (isSpace(code)) {
      if (!isSpace(lc.charCodeAt(i + 1))) {
        if (words === LEFT_WORDS) return i;
        words++;
      }
    } else if (!LEFT_CHARS.has(lc[i]!)) {
      // The whole of a pair of surrogates, as the regex reads it.
      return code >= 0xdc00 && code <= 0xdfff && i > from ? i - 1 : i;
    }
  }
  return from;
}

/** LEFT_RE's match, placed in the clause. */
interface LeftMatch {
  index: number;
  0: string;
  groups: Record<string, string | undefined>;
}

/**
 * LEFT_RE's match before a figure at `start`; `before` is where the spaces before it begin, `mark` the
 * character before them. After a character none of LEFT_RE's words holds ("5% 5%", "(8") the match is
 * that character and the spaces (LEFT_RE, tried at each earlier position, cannot reach past it).
 */
function readLeft(lc: string, from: number, start: number, before: number, mark: string): LeftMatch {
  if (mark !== "" && !LEFT_MARKS.has(mark) && !/[\p{L}\ud800-\udfff]/u.test(mark))
    return { index: before - 1, 0: lc.slice(before - 1, start), groups: { pre: mark } };
  const at = leftStart(lc, from, before);
  const m = LEFT_RE.exec(lc.slice(at, start))!;
  return { index: at + m.index, 0: m[0], groups: m.groups ?? {} };
}

/** Targets read from one clause at most: memory stays bounded whatever one line holds. */
export const MAX_CLAUSE_TARGETS = 5_000;

/** The last clauses scanned: the parser asks about the same line several times (a 1 MB line once). */
const RECENT = new Map<string, ScanResult>();
const RECENT_SIZE = 16;

/** Finds every target in one clause of resolution text (or in a target phrase typed in a cell). */
export function scanTargets(clause: string): ScanResult {
  let r = RECENT.get(clause);
  if (!r) {
    r = scanClause(clause);
    if (RECENT.size >= RECENT_SIZE) RECENT.delete(RECENT.keys().next().value!);
    RECENT.set(clause, r);
  }
  // Fresh lists over shared matches: callers read matches and never change them; what leaves the
  // reader (an indicator's target, a phrase's) is copied there.
  return { matches: [...r.matches], problems: [...r.problems], strayFigures: [...r.strayFigures] };
}

function scanClause(clause: string): ScanResult {
  const text = normalizeText(clause);
  const lc = lower(text);
  let opensWithChange: boolean | undefined;
  const matches: TargetMatch[] = [];
  const problems: ScanProblem[] = [];
  const strayFigures: string[] = [];
  let consumedTo = 0;
  // Checked only where one of its words starts in the window (found once for the clause).
  let lowStarts: number[] | undefined;
  const lowerIsBetter = (a: number, b: number) =>
    anyIn((lowStarts ??= lowerIsBetterStarts(lc)), a, b) && LOWER_IS_BETTER_RE.test(lc.slice(a, b));

  // Bracket depth at each position: a figure in brackets after a target restates it ("đạt 50% (8 xã)").
  const depth = new Uint16Array(text.length + 1);
  for (let i = 0, d = 0; i < text.length; i++) {
    if (text[i] === "(") d++;
    depth[i] = d;
    if (text[i] === ")" && d > 0) d--;
  }
  for (const nm of text.matchAll(NUMBER_RE)) {
    if (matches.length === MAX_CLAUSE_TARGETS) {
      // No clause of a resolution holds this many; the rest is not read, and said so.
      problems.push({
        text: text.slice(nm.index, nm.index + 40),
        reason: `vế có hơn ${formatVietnameseNumber(MAX_CLAUSE_TARGETS)} con số chỉ tiêu; phần sau không đọc`,
      });
      break;
    }
    const start = nm.index + nm[1]!.length;
    if (start < consumedTo) continue;
    if (depth[start]! > 0 && matches.length > 0) continue;
    const token = nm[2]!;
    let end = start + token.length;
    const value = parseNumberToken(token);
    if (value === null) {
      problems.push({ text: token, reason: `không đọc được số "${token}"` });
      continue;
    }
    const from = Math.max(0, start - BEHIND);
    // The words before the figure, in windows as short as each regex needs (see wordsBack).
    let before = start;
    while (before > from && isSpace(lc.charCodeAt(before - 1))) before--;
    const mark = before > from ? lc[before - 1]! : "";
    // Every label, group and rank pattern ends in a word: none can match after "%", ")" or a digit.
    const afterWord = /\p{L}/u.test(mark);
    const leftM = readLeft(lc, from, start, before, mark);
    const nearAt = afterWord ? wordsBack(lc, from, start, NEAR_WORDS) : start;
    const left = lc.slice(nearAt, start);
    const after = lc.slice(end, end + AHEAD);
    const g = leftM.groups ?? {};
    const hasWord = Boolean(g.lead || g.lead2 || g.chg || g.cmp || g.approx || g.down);
    const cmp = g.cmp ? inClause(readComparator(g.cmp)!, lc) : null;

    // N/M counts: "7/7 tổ dân phố".
    const frac = /^\s*\/\s*(\d+)(?![\d.,]|\s*\/)/u.exec(after);
    if (frac) {
      end += frac[0].length;
      consumedTo = end;
      const of = Number(frac[1]);
      if (afterWord && LABEL_RE.test(left) && !hasWord) continue;
      const unit = readUnit(text, lc, end);
      if (of < value || !Number.isInteger(value) || unit.unit === "") {
        strayFigures.push(text.slice(start, end));
        continue;
      }
      matches.push(build(text, leftM, start, unit.end, unit, { op: "gte", value, of }, false, false, end));
      continue;
    }

    // Ranges: "từ 3 - 5", "10% – 12%", "3 đến 5".
    const rng = RANGE_RE.exec(after);
    if (rng) {
      const max = parseNumberToken(rng[2]!);
      const rangeEnd = end + rng[0].length;
      consumedTo = rangeEnd;
      if (max === null) {
        problems.push({ text: text.slice(start, rangeEnd), reason: `không đọc được số "${rng[2]}"` });
        continue;
      }
      const unit = readUnit(text, lc, rangeEnd);
      // "bình quân hằng năm 8-9%": a percentage after "năm" is a rate, not the year's number.
      const rate = afterWord && /(?:năm|tháng|quý)\s*$/u.test(left) && unit.unit.startsWith("%");
      if ((afterWord && LABEL_RE.test(left) && !hasWord && !rate) || (isYear(token, value) && isYear(rng[2]!, max)))
        continue;
      if (excludedUnit(unit.unit, left)) continue;
      if (value > max) {
        problems.push({
          text: text.slice(start, unit.end),
          reason: `khoảng "${text.slice(start, rangeEnd)}" có số đầu lớn hơn số cuối`,
        });
        continue;
      }
      const unitText = rng[1] && !unit.symbol ? rng[1] : unit.unit;
      const u: UnitRead = rng[1] && !unit.symbol ? { ...unit, unit: unitText, symbol: true } : unit;
      // "giảm còn 0,15 - 0,2%": a level reached by falling, at most the higher figure.
      const falling = (g.chg && g.dir && g.dir !== "lên") || (!g.chg && g.down);
      const target: Target = falling ? { op: "lte", value: max } : { op: "range", min: value, max };
      matches.push(build(text, leftM, start, u.end, u, target, Boolean(g.chg) && !g.dir, false, rangeEnd));
      continue;
    }

    // A place in a group is a rank: "thuộc nhóm 10 xã dẫn đầu" is 10th or better.
    const groupM = afterWord ? GROUP_LEFT_RE.exec(left) : null;
    const groupEnd = groupM
      ? (GROUP_RIGHT_RE.exec(after) ?? (groupM.groups!.word === "nhóm" ? null : /^/u.exec(after)))
      : null;
    if (groupM && groupEnd && Number.isInteger(value) && value >= 1) {
      const at = nearAt + groupM.index + (groupM[0].length - groupM[0].trimStart().length);
      const cutEnd = end + groupEnd[0].length;
      consumedTo = cutEnd;
      matches.push({
        target: { op: "rank", value },
        unit: "thứ hạng",
        phrase: text.slice(at, cutEnd).trim(),
        cutStart: at,
        cutEnd,
        phraseStart: at,
        change: false,
        impliedCeiling: false,
      });
      continue;
    }

    // Ranks: "xếp thứ 5 toàn thành phố trở lên", "thứ 5 trở lên", "top 10".
    const rankM = afterWord ? RANK_LEFT_RE.exec(left) : null;
    if (rankM) rankM.index += nearAt;
    if (rankM && !/(?:^|[^\p{L}])con\s+thứ\s*$/u.test(left)) {
      const up = RANK_UP_RE.exec(after);
      const word = rankM.groups!.word!;
      if (rankM.groups!.verb || up || word === "top" || word === "tốp") {
        consumedTo = end;
        if (!Number.isInteger(value) || value < 1) {
          problems.push({ text: text.slice(rankM.index, end), reason: "thứ hạng phải là số nguyên từ 1" });
          continue;
        }
        const phraseEnd = up ? end + up[0].length : end;
        matches.push({
          target: { op: "rank", value },
          unit: "thứ hạng",
          phrase: text.slice(rankM.index, phraseEnd).trim(),
          cutStart: rankM.index,
          cutEnd: phraseEnd,
          phraseStart: rankM.index,
          change: false,
          impliedCeiling: false,
        });
        continue;
      }
    }

    const unit = readUnit(text, lc, end);
    // "hằng năm 1,05%": a percentage after "năm" is a figure; "năm 2022" stays a label.
    const label = afterWord ? LABEL_RE.exec(left) : null;
    // "học sinh các cấp 98%": a percentage is a figure after any label word (labels are whole numbers).
    const timeWord = label && /^[%‰]/u.test(unit.unit) && !isYear(token, value);
    if (!hasWord && label && !timeWord) continue;
    if (excludedUnit(unit.unit, left)) continue;
    // "trên 1 ha": per hectare, not more than one.
    if (cmp?.form === "plain" && cmp.base.per && value === 1 && /^(?:ha|km2|km²|m2|m²)$/u.test(unit.unit)) continue;
    // "trên cả 3 tiêu chí" ("on all 3 criteria") describes; it sets no figure, but it is worth a warning.
    if (!hasWord && afterWord && /(?:^|[^\p{L}])cả\s*$/u.test(left)) {
      strayFigures.push(token);
      continue;
    }
    if (!hasWord && !unit.strong) {
      if (!(unit.unit === "" && isYear(token, value))) strayFigures.push(token);
      continue;
    }
    if (isYear(token, value) && unit.unit === "" && !g.cmp) continue;
    consumedTo = unit.end;

    const tail = TAIL_RE.exec(lc.slice(unit.end, unit.end + AHEAD));
    const cutEnd = tail ? unit.end + tail[0].length : unit.end;
    let op: ComparisonOp;
    let change = false;
    let implied = false;
    if ((g.chg && g.dir && g.dir !== "lên") || (!g.chg && g.down)) op = cmp ? cmp.op : "lte";
    else if (g.chg && g.dir === "lên") op = cmp ? cmp.op : "gte";
    else if (g.chg) {
      change = true;
      op = cmp ? cmp.op : "gte";
    } else if (cmp) op = cmp.op;
    else if (!tail && (opensWithChange ??= leadingChange(lc))) {
      // "Giảm tỷ lệ sinh con thứ 3 trở lên 0,2%": a sentence that opens with the change; the figure is its size.
      change = true;
      op = "gte";
    } else if (tail) op = readComparator(tail[1]!)!.op;
    else if (!tail && lowerIsBetter(Math.max(0, leftM.index - BEHIND), leftM.index + g.pre!.length)) {
      op = "lte";
      implied = true;
    } else op = "gte";
    // "vượt 10% dự toán": the completion is 110% of the plan.
    const plan = /^% (?:dự toán|kế hoạch)$/u.test(unit.unit);
    const target: Target =
      plan && cmp?.form === "plain" && cmp.base.overPlan ? { op: "gte", value: 100 + value } : { op, value };
    matches.push(build(text, leftM, start, cutEnd, unit, target, change, implied, end));
  }
  return { matches, problems, strayFigures };
}

function build(
  text: string,
  leftM: LeftMatch,
  numStart: number,
  cutEnd: number,
  unit: UnitRead,
  target: Target,
  change: boolean,
  impliedCeiling: boolean,
  numEnd: number,
): TargetMatch {
  const g = leftM.groups ?? {};
  const leadLen = g.lead ? leftM[0].indexOf(g.lead) + g.lead.length : 0;
  const leadWs = g.lead ? /^\s*/u.exec(leftM[0].slice(leadLen))![0].length : 0;
  const start = leftM.index + (g.pre?.length ?? 0);
  const phraseStart = g.lead ? leftM.index + leadLen + leadWs : start;
  // A noun unit ("đảng viên") stays in the indicator's text; a symbol or measure goes with the target.
  const keepUnit = !unit.symbol && unit.unit !== "";
  return {
    target,
    unit: unit.unit,
    phrase: text.slice(phraseStart === numStart ? numStart : phraseStart, cutEnd).trim(),
    cutStart: start,
    cutEnd: keepUnit ? numEnd : cutEnd,
    phraseStart,
    change,
    impliedCeiling,
  };
}

export interface RatingMatch {
  level: RatingLevel;
  phrase: string;
  cutStart: number;
  cutEnd: number;
}

const RATING_WORDS: Record<string, RatingLevel> = {
  "hoàn thành xuất sắc": "Hoàn thành xuất sắc nhiệm vụ",
  "hoàn thành tốt": "Hoàn thành tốt nhiệm vụ",
  "hoàn tốt": "Hoàn thành tốt nhiệm vụ",
  "hoàn thành": "Hoàn thành nhiệm vụ",
  "không hoàn thành": "Không hoàn thành nhiệm vụ",
};

/** Finds a rating target ("xếp loại hoàn thành tốt nhiệm vụ trở lên") in a clause. */
export function scanRating(clause: string): RatingMatch | null {
  // Every way to write "nhiệm vụ" has a "v" (full-width ones become ASCII): most clauses end here.
  if (!/[vVｖＶ]/u.test(clause)) return null;
  const text = normalizeText(clause);
  const m = RATING_RE.exec(lower(text));
  if (!m) return null;
  const start = m.index + m.groups!.pre!.length;
  const leadLen = m.groups!.lead?.length ?? 0;
  return {
    level: RATING_WORDS[m.groups!.level!]!,
    phrase: text.slice(start + leadLen, m.index + m[0].length),
    cutStart: start,
    cutEnd: m.index + m[0].length,
  };
}

/** Reads a rating word as Excel compares text: case-insensitively. Null when it is not one. */
export function ratingLevel(text: string): RatingLevel | null {
  return matchWord(RATING_LEVELS, text);
}

export interface PhraseRead {
  target: Target;
  unit: string;
  change: boolean;
}

export type PhraseResult = { ok: true; value: PhraseRead } | { ok: false; message: string };

export const PHRASE_HELP = `Chỉ tiêu cần viết như trong nghị quyết, ví dụ "trên 99%", "không quá 0,6%", "từ 3 - 5", "thứ 5 trở lên", "hoàn thành tốt nhiệm vụ trở lên", "27.625 triệu đồng" hoặc "${QUALITATIVE.met}".`;

/** Reads a target phrase as typed in a cell or a form ("trên 99%", ">=75%", "từ 3 - 5"). */
export function parseTargetPhrase(phrase: string): PhraseResult {
  const text = normalizeText(phrase).trim();
  if (text === "") return { ok: false, message: `Chỉ tiêu đang để trống. ${PHRASE_HELP}` };
  const lc = lower(text);
  if (/^(?:đạt|định tính)$/u.test(lc))
    return { ok: true, value: { target: { op: "qualitative" }, unit: "", change: false } };
  const scan = scanTargets(text);
  if (scan.problems.length > 0)
    return { ok: false, message: `Không đọc được chỉ tiêu "${text}": ${scan.problems[0]!.reason}. ${PHRASE_HELP}` };
  if (scan.matches.length === 1) {
    const m = scan.matches[0]!;
    return { ok: true, value: { target: { ...m.target }, unit: m.unit, change: m.change } };
  }
  if (scan.matches.length === 0) {
    const r = scanRating(text);
    if (r) return { ok: true, value: { target: { op: "rating", level: r.level }, unit: "", change: false } };
  }
  const why = scan.matches.length > 1 ? "có nhiều hơn một chỉ tiêu" : "không thấy con số hay mức xếp loại";
  return { ok: false, message: `Không đọc được chỉ tiêu "${text}" (${why}). ${PHRASE_HELP}` };
}

function withUnit(n: number, unit: string): string {
  const num = formatVietnameseNumber(n);
  if (unit === "") return num;
  return /^[%‰]/u.test(unit) ? `${num}${unit}` : `${num} ${unit}`;
}

/** Writes a target back as a Vietnamese phrase, for targets that came without one. */
export function formatTarget(target: Target, unit: string): string {
  switch (target.op) {
    case "gte":
      return target.of !== undefined
        ? `${formatVietnameseNumber(target.value)}/${formatVietnameseNumber(target.of)}${unit ? ` ${unit}` : ""}`
        : writeBound("gte", withUnit(target.value, unit));
    case "gt":
    case "lte":
    case "lt":
      return writeBound(target.op, withUnit(target.value, unit));
    case "range":
      return `từ ${formatVietnameseNumber(target.min)} - ${withUnit(target.max, unit)}`;
    case "rank":
      return `xếp thứ ${target.value} trở lên`;
    case "rating":
      return `${target.level.toLowerCase().replace(/^./u, (c) => c.toUpperCase())} trở lên`;
    case "qualitative":
      return QUALITATIVE.met;
  }
}
