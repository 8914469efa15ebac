import { useCallback, useEffect, useRef, useState } from "react";
import { PrimaryButton } from "@fluentui/react/lib/Button";
import { Link } from "@fluentui/react/lib/Link";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { Resolution } from "../core/model";
import { checkSheet, textFixes, type Problem, type TextFix } from "../workbook/check";
import type { Host, WatchMode } from "./host";
import { PANE_COLORS } from "../core/palette";

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "none" }
  | { kind: "done"; problems: Problem[]; rows: number; fixes: TextFix[]; sheet: string }
  | { kind: "failed"; text: string };

export function CheckTab({ host, resolution, inserted }: { host: Host; resolution: Resolution; inserted: number }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [mode, setMode] = useState<WatchMode>("none");
  const [fixed, setFixed] = useState<string[]>([]);
  const latest = useRef(resolution);
  latest.current = resolution;

  const run = useCallback(async () => {
    setState({ kind: "busy" });
    try {
      // Judged against the targets the sheet itself holds (staff may have edited them there).
      const back = await host.readBack(latest.current);
      if (!back) return setState({ kind: "none" });
      setState({
        kind: "done",
        problems: checkSheet(back),
        rows: back.sheet.rows.length,
        fixes: textFixes(back),
        sheet: back.sheet.name,
      });
    } catch (e) {
      setState({ kind: "failed", text: e instanceof Error ? e.message : String(e) });
    }
  }, [host]);

  const fix = async (fixes: TextFix[]) => {
    setState({ kind: "busy" });
    try {
      await host.fixFigures(fixes);
      setFixed(fixes.map((f) => `${f.cell} (${f.id}): “${f.text}” → ${f.shown}`));
    } catch (e) {
      setState({ kind: "failed", text: e instanceof Error ? e.message : String(e) });
      return;
    }
    await run();
  };

  // The host keeps one change handler per tracking sheet; this tab only listens while it is open.
  useEffect(() => {
    let live = true;
    const onChange = () => void run();
    host
      .watch(onChange)
      .then((m) => {
        if (!live) return;
        setMode(m);
        // Without live checking, opening the tab is the request to check.
        if (m === "manual") void run();
      })
      .catch(() => live && setMode("none"));
    return () => {
      live = false;
      host.unwatch(onChange);
    };
  }, [host, run, inserted]);

  return (
    <Stack tokens={{ childrenGap: 10 }} styles={{ root: { paddingTop: 8 } }}>
      <Text block>
        Đọc toàn bộ sổ “Theo dõi” và kiểm tra từng số liệu (kể cả số dán vào, vốn bỏ qua kiểm tra nhập của Excel), cùng
        các phép đối chiếu giữa các chỉ tiêu.
      </Text>
      <PrimaryButton text="Kiểm tra số liệu" onClick={run} disabled={state.kind === "busy"} />
      {mode === "live" && (
        <Text variant="small" block>
          Đang theo dõi: mỗi khi sửa số liệu trong sổ theo dõi, kết quả kiểm tra tự cập nhật.
        </Text>
      )}
      {mode === "manual" && (
        <Text variant="small" block>
          Trên phiên bản Excel này, mỗi lần phần bổ trợ đọc sổ sẽ xóa lịch sử hoàn tác (Ctrl+Z), nên sổ chỉ được kiểm
          tra khi mở thẻ này hoặc bấm “Kiểm tra số liệu”, không tự kiểm tra sau mỗi lần sửa.
        </Text>
      )}
      {state.kind === "none" && (
        <MessageBar messageBarType={MessageBarType.info}>Chưa có sổ “Theo dõi”: hãy chèn sổ trước.</MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar messageBarType={MessageBarType.error}>Không kiểm tra được: {state.text}</MessageBar>
      )}
      {state.kind === "done" && state.fixes.length > 0 && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={
            <PrimaryButton
              text={`Sửa tự động (${state.fixes.length} ô)`}
              ariaLabel={`Đổi ${state.fixes.length} số liệu đang lưu dạng chữ thành số`}
              onClick={() => void fix(state.fixes)}
            />
          }
        >
          {state.fixes.length} ô có số liệu lưu dạng chữ nhưng đọc được rõ là số (ví dụ {state.fixes[0]!.cell} “
          {state.fixes[0]!.text}” → {state.fixes[0]!.shown}). Bấm để đổi thành số ngay trong ô.
        </MessageBar>
      )}
      {fixed.length > 0 && (
        <MessageBar messageBarType={MessageBarType.success} isMultiline onDismiss={() => setFixed([])}>
          Đã đổi thành số:
          <ul aria-label="Đã sửa tự động" style={{ margin: "4px 0", paddingLeft: 18 }}>
            {fixed.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {state.kind === "done" && state.problems.length === 0 && (
        <MessageBar messageBarType={MessageBarType.success}>Không thấy lỗi nào trong {state.rows} chỉ tiêu.</MessageBar>
      )}
      {state.kind === "done" && state.problems.length > 0 && (
        <section aria-label="Kết quả kiểm tra">
          <Text block styles={{ root: { fontWeight: 600 } }}>
            {state.problems.filter((p) => p.severity === "error").length} lỗi,{" "}
            {state.problems.filter((p) => p.severity === "warning").length} cảnh báo
          </Text>
          <ul style={{ paddingLeft: 18, margin: "4px 0" }}>
            {state.problems.map((p, k) => (
              <li
                key={k}
                style={{ marginBottom: 6, color: p.severity === "error" ? PANE_COLORS.error : PANE_COLORS.warning }}
              >
                {p.cell !== undefined ? (
                  <Link
                    onClick={() => void host.select(p.cell!, state.sheet)}
                    aria-label={`Chọn ô ${p.cell}: ${p.message}`}
                  >
                    {p.cell}
                  </Link>
                ) : null}{" "}
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Stack>
  );
}
