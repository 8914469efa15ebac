import { measureOf } from "./measure";
import type { Indicator } from "./model";
import { prorates } from "./rules";

/** Verbs whose counts and amounts build up over the year. */
const BUILDS_UP =
  /^(?:phấn đấu\s+)?(?:kết nạp|thành lập|xây dựng|trồng|thu|chi|giải ngân|tăng thêm|đào tạo|giải quyết việc làm|làm mới|sửa chữa|hỗ trợ|cấp|tuyển|vận động)(?!\p{L})/iu;

/** Words anywhere in a count's name that say it counts what was added during the year ("Số cơ sở … tăng", "thành lập mới"). */
const ADDED =
  /(?:^|[^\p{L}])(?:tăng(?!\s+(?:trưởng|cường|giảm))|(?:thành lập|phát triển|xây dựng|trồng|làm|kết nạp) mới|phát triển thêm)(?!\p{L})/iu;

/**
 * Whether an indicator's figure builds up over the year (cộng dồn), as the core proposes it: money
 * collected or spent (not per capita), and counts or measures after verbs such as kết nạp, thành
 * lập, xây dựng, trồng, thu, chi, giải ngân, tăng thêm, and counts of what was added during the year
 * ("Số cơ sở … tăng … là 16 cơ sở", "thành lập mới", "phát triển mới"). Rates, per-mille, ranks, ratings and
 * qualitative targets never are. Staff may set it otherwise (`cumulative` on the indicator).
 */
export function proposeCumulative(ind: Pick<Indicator, "text" | "unit" | "target" | "targetText">): boolean {
  if (!prorates(ind.target.op)) return false;
  const kind = measureOf(ind).kind;
  if (kind === "money") return !ind.unit.includes("/");
  if (ind.unit.includes("/")) return false;
  if (kind === "count" || kind === "measure") return BUILDS_UP.test(ind.text.trim()) || ADDED.test(ind.text);
  if (kind === "countChange") return ADDED.test(`${ind.text} ${ind.targetText ?? ""}`);
  return false;
}

export const isCumulative = (ind: Indicator) => ind.cumulative ?? proposeCumulative(ind);
