import { useCallback, useEffect, useState } from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { metShare, progressOf, type Progress } from "../workbook/check";
import type { Host } from "./host";

export function ProgressTab({ host, resolution, inserted }: { host: Host; resolution: Resolution; inserted: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const load = useCallback(async () => {
    try {
      const back = await host.readBack(resolution);
      setMissing(back === null);
      setProgress(back ? progressOf(back) : null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [host, resolution]);
  useEffect(() => void load(), [load, inserted]);

  const totalCount = progress ? progress.sections.reduce((n, s) => n + s.n, 0) : 0;
  return (
    <Stack tokens={{ childrenGap: 10 }} styles={{ root: { paddingTop: 8 } }}>
      <DefaultButton text="Làm mới" onClick={load} styles={{ root: { alignSelf: "flex-start" } }} />
      {missing && (
        <MessageBar messageBarType={MessageBarType.info}>Chưa có sổ “Theo dõi”: hãy chèn sổ trước.</MessageBar>
      )}
      {error && <MessageBar messageBarType={MessageBarType.error}>Không đọc được sổ theo dõi: {error}</MessageBar>}
      {progress && (
        <>
          <ul
            aria-label="Số chỉ tiêu theo mức đánh giá"
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
            <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>Theo từng phần</caption>
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
              {[
                ...progress.sections.map((sec) => ({ key: sec.id, label: `${sec.id}. ${sec.title}`, ...sec })),
                { key: "total", label: "Tổng cộng", counts: progress.total, n: totalCount },
              ].map((row) => {
                const share = metShare(row.counts, row.n);
                return (
                  <tr
                    key={row.key}
                    style={{ borderTop: "1px solid #e1dfdd", fontWeight: row.key === "total" ? 600 : 400 }}
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
              })}
            </tbody>
          </table>
          <Text variant="small" block>
            Số liệu lấy từ cột “Đánh giá” của sổ, khớp với bảng “Tổng hợp”. Tỷ lệ đạt = (Vượt + Đạt) ÷ Tổng số; để trống
            khi phần đó chưa có số liệu nào.
          </Text>
        </>
      )}
    </Stack>
  );
}
