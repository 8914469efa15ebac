import { lazy, Suspense, useEffect, useState } from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Pivot, PivotItem } from "@fluentui/react/lib/Pivot";
import { Text } from "@fluentui/react/lib/Text";
import { BUILTIN_RESOLUTION } from "../core/builtin";
import { DEFAULT_TOLERANCE } from "../core/tolerance";
import type { Period } from "../core/words";
import { ResolutionSchema, type Resolution } from "../core/model";
import type { Host } from "./host";
import { registerPaneIcons } from "./icons";
import { ResolutionTab } from "./ResolutionTab";
import { PANE_COLORS } from "../core/palette";

// Tabs other than the first load when opened, so the pane appears sooner.
const InsertTab = lazy(() =>
  import(/* webpackChunkName: "tabs" */ "./InsertTab").then((m) => ({ default: m.InsertTab })),
);
const CheckTab = lazy(() => import(/* webpackChunkName: "tabs" */ "./CheckTab").then((m) => ({ default: m.CheckTab })));
const ProgressTab = lazy(() =>
  import(/* webpackChunkName: "tabs" */ "./ProgressTab").then((m) => ({ default: m.ProgressTab })),
);
const loading = <p style={{ color: PANE_COLORS.muted }}>Đang tải…</p>;

export function App({ host }: { host: Host }) {
  registerPaneIcons();
  // A reading corrected but not inserted yet comes back when the pane is reopened.
  const [draft] = useState(() => {
    const d = ResolutionSchema.safeParse(host.draft.load());
    return d.success ? d.data : null;
  });
  const [resolution, setResolution] = useState<Resolution>(draft ?? BUILTIN_RESOLUTION);
  const change = (r: Resolution) => {
    setResolution(r);
    host.draft.save(r);
  };
  const [tolerance, setTolerance] = useState(DEFAULT_TOLERANCE);
  const [tab, setTab] = useState("resolution");
  const [inserted, setInserted] = useState(0);
  const [fromSheet, setFromSheet] = useState(false);
  // Remounts the insert tab when the sheet brings its own tolerance.
  const [toleranceKey, setToleranceKey] = useState(0);
  // The review periods the workbook's sheet already has: re-inserting keeps them unless staff change them.
  const [sheetPeriods, setSheetPeriods] = useState<readonly Period[] | undefined>();
  const tooOld = host.tooOld();
  const inExcel = host.kind === "excel";
  // Read by `npm run bench` (first render time).
  useEffect(() => {
    performance.mark?.("chitieu:first-render");
  }, []);
  // A workbook that already has a tracking sheet brings its own resolution: use it, not the default.
  useEffect(() => {
    if (!inExcel || tooOld) return;
    let live = true;
    host
      .readBack(BUILTIN_RESOLUTION)
      .then((back) => {
        if (!live || !back) return;
        setTolerance(back.content.tolerance);
        if (back.sheet.periods.length > 0) setSheetPeriods(back.sheet.periods);
        setToleranceKey((k) => k + 1);
        if (back.own && !draft) {
          setResolution(back.resolution);
          setFromSheet(true);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host, inExcel, tooOld, draft]);
  return (
    <main style={{ padding: "8px 12px 24px" }}>
      <Text as="h1" variant="xLarge" block styles={{ root: { margin: "4px 0" } }}>
        Chỉ tiêu
      </Text>
      <Text as="p" variant="small" block styles={{ root: { margin: "0 0 8px", color: PANE_COLORS.muted } }}>
        {resolution.title}
        {resolution.organization ? ` — ${resolution.organization}` : ""}
      </Text>
      {!inExcel && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          Trang đang mở ngoài Excel. Bạn vẫn chọn được nghị quyết và tải sổ theo dõi dạng .xlsx (mở bằng Excel hoặc
          LibreOffice, màu và công thức giữ nguyên).
        </MessageBar>
      )}
      {fromSheet && (
        <MessageBar
          messageBarType={MessageBarType.info}
          isMultiline
          onDismiss={() => setFromSheet(false)}
          dismissButtonAriaLabel="Đóng"
        >
          Tệp này đã có sổ “Theo dõi”: Chỉ tiêu dùng các chỉ tiêu và mức ghi trong sổ. Muốn lập sổ theo nghị quyết khác,
          chọn ở thẻ Nghị quyết rồi chèn lại (số liệu được chuyển theo Mã).
        </MessageBar>
      )}
      {tooOld && (
        <MessageBar messageBarType={MessageBarType.blocked} isMultiline>
          {tooOld}
        </MessageBar>
      )}
      <Pivot
        aria-label="Các bước làm việc"
        selectedKey={tab}
        onLinkClick={(item) => item?.props.itemKey && setTab(item.props.itemKey)}
      >
        <PivotItem headerText="Nghị quyết" itemKey="resolution">
          {draft && (
            <MessageBar messageBarType={MessageBarType.info} isMultiline>
              Đã mở lại bản nghị quyết đang sửa dở (chưa chèn sổ).
            </MessageBar>
          )}
          <ResolutionTab resolution={resolution} onChange={change} />
        </PivotItem>
        <PivotItem headerText={inExcel ? "Chèn sổ" : "Tải sổ"} itemKey="insert">
          <Suspense fallback={loading}>
            <InsertTab
              key={toleranceKey}
              host={host}
              resolution={resolution}
              tolerance={tolerance}
              {...(sheetPeriods ? { initialPeriods: sheetPeriods } : {})}
              onTolerance={setTolerance}
              onInserted={() => {
                setInserted((n) => n + 1);
                host.draft.save(null);
              }}
              disabled={tooOld !== null}
            />
          </Suspense>
        </PivotItem>
        {inExcel && (
          <PivotItem headerText="Kiểm tra" itemKey="check">
            <Suspense fallback={loading}>
              <CheckTab host={host} resolution={resolution} inserted={inserted} />
            </Suspense>
          </PivotItem>
        )}
        {inExcel && (
          <PivotItem headerText="Tiến độ" itemKey="progress">
            <Suspense fallback={loading}>
              <ProgressTab host={host} resolution={resolution} inserted={inserted} />
            </Suspense>
          </PivotItem>
        )}
      </Pivot>
    </main>
  );
}
