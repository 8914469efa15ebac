import { useCallback, useEffect, useState } from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { PERIOD_INFO, type Period } from "../core/periods";
import { reviewText } from "../core/report";
import { capitalize } from "../core/text";
import { metShare, progressOf, type Progress } from "../workbook/check";
import type { ReadBack } from "../workbook/tracking-row";
import type { Host } from "./host";
import { PANE_COLORS } from "../core/palette";
import { ASSIGNED_SECTION } from "../core/assigned-words";

/** Copies text for Word: the async clipboard where the host allows it, else a selected text area. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("trình duyệt không cho sao chép");
  }
}

export function ProgressTab({ host, resolution, inserted }: { host: Host; resolution: Resolution; inserted: number }) {
  const [back, setBack] = useState<ReadBack | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const b = await host.readBack(resolution);
      setMissing(b === null);
      setBack(b);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host, resolution]);
  useEffect(() => void load(), [load, inserted]);

  const copy = async () => {
    if (!back) return;
    const lines = back.sheet.periods.flatMap((p) => reviewText(back.resolution, back.content, p));
    try {
      await copyText(lines.join("\n"));
      setCopied({ ok: true, text: `Đã sao chép lời văn báo cáo (${lines.length} câu): dán vào Word bằng Ctrl+V.` });
    } catch (e) {
      setCopied({ ok: false, text: `Chưa sao chép được: ${e instanceof Error ? e.message : String(e)}.` });
    }
  };

  const periods: Period[] = back ? (back.sheet.periods.length > 0 ? back.sheet.periods : ["nam"]) : [];
  return (
    <Stack tokens={{ childrenGap: 10 }} styles={{ root: { paddingTop: 8 } }}>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <DefaultButton text="Làm mới" onClick={load} />
        {back && <DefaultButton text="Sao chép báo cáo" onClick={copy} />}
      </Stack>
      {copied && (
        <MessageBar messageBarType={copied.ok ? MessageBarType.success : MessageBarType.error}>
          {copied.text}
        </MessageBar>
      )}
      {missing && (
        <MessageBar messageBarType={MessageBarType.info}>Chưa có sổ “Theo dõi”: hãy chèn sổ trước.</MessageBar>
      )}
      {error && <MessageBar messageBarType={MessageBarType.error}>Không đọc được sổ theo dõi: {error}</MessageBar>}
      {back &&
        periods.map((p) => (
          <PeriodProgress
            key={p}
            title={capitalize(PERIOD_INFO[p].label)}
            year={p === "nam" && back.sheet.columns.final !== undefined}
            progress={progressOf(back, p)}
          />
        ))}
      {back && (
        <Text variant="small" block>
          Số liệu lấy từ các cột “Đánh giá” của sổ (cả năm: cột “Kết quả”, gồm đánh giá lại của cấp ủy), khớp với bảng
          “Tổng hợp”. Tỷ lệ đạt = (Vượt + Đạt) ÷ Tổng số; để trống khi phần đó chưa có số liệu nào.
        </Text>
      )}
    </Stack>
  );
}

function PeriodProgress({ title, year, progress }: { title: string; year: boolean; progress: Progress }) {
  const totalCount = Object.values(progress.total).reduce((n, k) => n + k, 0);
  // As Tổng hợp: the resolution's sections, their total, then the extra assigned indicators'.
  const row = (sec: Progress["sections"][number]) => ({ key: sec.id, label: `${sec.id}. ${sec.title}`, ...sec });
  const own = progress.sections.filter((sec) => sec.id !== ASSIGNED_SECTION).map(row);
  const extra = progress.sections.filter((sec) => sec.id === ASSIGNED_SECTION).map(row);
  return (
    <section aria-label={`Kết quả ${title.toLowerCase()}`}>
      <Text variant="mediumPlus" block styles={{ root: { fontWeight: 600, marginBottom: 4 } }}>
        {title}
        {year ? " (theo cột “Kết quả”)" : ""}
      </Text>
      {
        <>
          <ul
            aria-label={`Số chỉ tiêu theo mức đánh giá, ${title.toLowerCase()}`}
            style={{ listStyle: "none", padding: 0, margin: 0, display: "flex", flexWrap: "wrap", gap: 6 }}
          >
            {STATUSES.map((s) => (
              <li
                key={s}
                style={{
                  background: STATUS_COLORS[s].fill,
                  color: STATUS_COLORS[s].font,
                  padding: "4px 8px",
                  borderRadius: 4,
                }}
              >
                {s}: <strong>{progress.total[s]}</strong>
              </li>
            ))}
          </ul>
          <table style={{ borderCollapse: "collapse", width: "100%", fontSize: 12 }}>
            <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>
              Theo từng phần, {title.toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: "left" }}>
                  Phần
                </th>
                {STATUSES.map((s) => (
                  <th
                    key={s}
                    scope="col"
                    style={{ background: STATUS_COLORS[s].fill, color: STATUS_COLORS[s].font, padding: 2 }}
                  >
                    {s}
                  </th>
                ))}
                <th scope="col">Tổng số</th>
                <th scope="col">Tỷ lệ đạt</th>
              </tr>
            </thead>
            <tbody>
              {[...own, { key: "total", label: "Tổng cộng", counts: progress.total, n: totalCount }, ...extra].map(
                (row) => {
                  const share = metShare(row.counts, row.n);
                  return (
                    <tr
                      key={row.key}
                      style={{
                        borderTop: `1px solid ${PANE_COLORS.tableLine}`,
                        fontWeight: row.key === "total" ? 600 : 400,
                      }}
                    >
                      <th scope="row" style={{ textAlign: "left", fontWeight: "inherit", padding: "2px 4px 2px 0" }}>
                        {row.label}
                      </th>
                      {STATUSES.map((s) => (
                        <td key={s} style={{ textAlign: "center" }}>
                          {row.counts[s]}
                        </td>
                      ))}
                      <td style={{ textAlign: "center" }}>{row.n}</td>
                      <td style={{ textAlign: "center" }}>{share === null ? "" : `${Math.round(share * 100)}%`}</td>
                    </tr>
                  );
                },
              )}
            </tbody>
          </table>
        </>
      }
    </section>
  );
}
