/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value, and the metadata generator reads "any[][]" as a range of any values. */
import { CellError, danhGia, dat, overCells, readTolerance, so, soCungKy, tyLe, type Cell } from "./cells";

// Each function takes single cells or whole ranges (same shape, or one side a single cell)
// and returns one result per cell, so a block can be judged with one formula.

function toExcel<T>(rows: (T | CellError)[][]): (T | CustomFunctions.Error)[][] {
  const out = rows.map((row) =>
    row.map((v) =>
      v instanceof CellError
        ? new CustomFunctions.Error(
            v.code === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue,
            v.message,
          )
        : v,
    ),
  );
  // A single cell shows its own error message; in a spilled block each error stays in its cell.
  const only = out.length === 1 && out[0]!.length === 1 ? out[0]![0] : undefined;
  if (only instanceof CustomFunctions.Error) throw only;
  return out;
}

/**
 * Số liệu thực hiện có đạt chỉ tiêu không (TRUE/FALSE).
 * @customfunction DAT
 * @param thuc_hien Số liệu thực hiện: con số, tỷ lệ % của Excel, mức xếp loại hoặc "Đạt"; một ô hoặc một vùng.
 * @param chi_tieu Chỉ tiêu như nghị quyết ghi, ví dụ "trên 99%", "không quá 0,6%", "từ 3 - 5", "thứ 5 trở lên"; một con số nghĩa là "từ mức đó trở lên".
 * @returns TRUE nếu đạt (kể cả vượt), FALSE nếu chưa đạt hoặc chưa có số liệu.
 */
export function dat_(thuc_hien: any[][], chi_tieu: any[][]): any[][] {
  return toExcel(overCells(thuc_hien as Cell[][], chi_tieu as Cell[][], dat));
}

/**
 * Đánh giá số liệu so với chỉ tiêu: Vượt, Đạt, Cơ bản đạt, Không đạt hoặc Chưa có số liệu.
 * @customfunction DANHGIA
 * @param thuc_hien Số liệu thực hiện: con số, tỷ lệ % của Excel, mức xếp loại hoặc "Đạt"; một ô hoặc một vùng.
 * @param chi_tieu Chỉ tiêu như nghị quyết ghi, ví dụ "trên 99%", "không quá 0,6%", "từ 3 - 5", "hoàn thành tốt nhiệm vụ trở lên".
 * @param [dung_sai] Dung sai cho mức "Cơ bản đạt", mặc định 5%.
 * @returns Một trong năm mức đánh giá.
 */
export function danhgia_(thuc_hien: any[][], chi_tieu: any[][], dung_sai?: any): any[][] {
  const t = readTolerance(dung_sai ?? null);
  if (t instanceof CellError) return toExcel([[t]]);
  return toExcel(overCells(thuc_hien as Cell[][], chi_tieu as Cell[][], (a, c) => danhGia(a, c, t)));
}

/**
 * Tỷ lệ hoàn thành chỉ tiêu (1 = 100%); #N/A khi chỉ tiêu không có tỷ lệ.
 * @customfunction TYLE
 * @param thuc_hien Số liệu thực hiện; một ô hoặc một vùng.
 * @param chi_tieu Chỉ tiêu như nghị quyết ghi, ví dụ "đạt 98%" hoặc "không quá 0,6%".
 * @returns Thực hiện ÷ chỉ tiêu (với khoảng "từ - đến": ÷ mức thấp), cả với chỉ tiêu càng thấp càng tốt.
 */
export function tyle_(thuc_hien: any[][], chi_tieu: any[][]): any[][] {
  return toExcel(overCells(thuc_hien as Cell[][], chi_tieu as Cell[][], tyLe));
}

/**
 * So với cùng kỳ năm trước: số liệu thực hiện ÷ số liệu cùng kỳ (1,048 = 104,8%), như cột “So với cùng kỳ” của sổ; #N/A khi không so được.
 * @customfunction SOCUNGKY
 * @param thuc_hien Số liệu thực hiện kỳ này; một ô hoặc một vùng.
 * @param cung_ky Số liệu cùng kỳ năm trước; một ô hoặc một vùng cùng kích thước.
 * @param [chi_tieu] Chỉ tiêu như nghị quyết ghi: số liệu được kiểm tra như trong sổ, và thứ hạng, xếp loại, định tính không so.
 * @returns Thực hiện ÷ cùng kỳ.
 */
export function socungky_(thuc_hien: any[][], cung_ky: any[][], chi_tieu?: any): any[][] {
  return toExcel(
    overCells(thuc_hien as Cell[][], cung_ky as Cell[][], (a, p) => soCungKy(a, p, chi_tieu ?? null), "vùng cùng kỳ"),
  );
}

/**
 * Đọc con số viết kiểu Việt Nam: "27.625" thành 27625, "0,6" thành 0,6, "99,5%" thành 99,5%.
 * @customfunction SO
 * @param van_ban Văn bản có một con số; một ô hoặc một vùng.
 * @returns Con số đọc được.
 */
export function so_(van_ban: any[][]): any[][] {
  return toExcel((van_ban as Cell[][]).map((row) => row.map(so)));
}
