import { measureOf } from "./measure";
import type { Indicator } from "./model";
import { prorates } from "./rules";

/** Verbs whose counts and amounts build up over the year. */
const BUILDS_UP =
  /^(?:phấn đấu\s+)?(?:kết nạp|thành lập|xây dựng|trồng|thu|chi|giải ngân|tăng thêm|đào tạo|giải quyết việc làm|làm mới|sửa chữa|hỗ trợ|cấp|tuyển|vận động)(?!\p{L})/iu;

/**
 * Whether an indicator's figure builds up over the year (cộng dồn), as the core proposes it: money
 * collected or spent (not per capita), and counts or measures after verbs such as kết nạp, thành
 * lập, xây dựng, trồng, thu, chi, giải ngân, tăng thêm. Rates, per-mille, ranks, ratings and
 * qualitative targets never are. Staff may set it otherwise (`cumulative` on the indicator).
 */
export function proposeCumulative(ind: Pick<Indicator, "text" | "unit" | "target" | "targetText">): boolean {
  if (!prorates(ind.target.op)) return false;
  const kind = measureOf(ind).kind;
  if (kind === "money") return !ind.unit.includes("/");
  if (kind === "count" || kind === "measure") return BUILDS_UP.test(ind.text.trim()) && !ind.unit.includes("/");
  return false;
}

export const isCumulative = (ind: Indicator) => ind.cumulative ?? proposeCumulative(ind);
