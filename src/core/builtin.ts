import { QUALITATIVE, ResolutionSchema, type Indicator, type Resolution, type Target } from "./model";

/**
 * The built-in resolution: Đảng bộ phường Trần Phú, 2022 (test/fixtures/seed), read by hand and
 * checked against section 4 of docs/spec/semantics.md. A test checks the parser reads the seed text to it.
 */
const ind = (id: string, text: string, unit: string, target: Target, targetText: string): Indicator => ({
  id,
  text,
  unit,
  target,
  targetText,
});
const gte = (value: number): Target => ({ op: "gte", value });
const gt = (value: number): Target => ({ op: "gt", value });
const lte = (value: number): Target => ({ op: "lte", value });
const lt = (value: number): Target => ({ op: "lt", value });
const range = (min: number, max: number): Target => ({ op: "range", min, max });
const Q: Target = { op: "qualitative" };
const GOOD: Target = { op: "rating", level: "Hoàn thành tốt nhiệm vụ" };

const data: Resolution = {
  title: "Nghị quyết về các chỉ tiêu công tác Đảng và nhiệm vụ chính trị năm 2022",
  organization: "Đảng bộ phường Trần Phú",
  year: 2022,
  sections: [
    {
      id: "I",
      title: "CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ",
      indicators: [
        ind("I.1.a", "Chi bộ duy trì sinh hoạt đúng thời gian", "%", gte(100), "100%"),
        ind("I.1.b", "Chi bộ tổ chức ít nhất 01 kỳ họp chuyên đề", "%", gte(100), "100%"),
        ind("I.1.c", "Tỷ lệ đảng viên sinh hoạt thường kỳ", "%", gte(75), "75% trở lên"),
        ind("I.2.a", "Kết nạp đảng viên", "đảng viên", range(3, 5), "từ 3 - 5 đảng viên"),
        ind("I.2.b", "Chi bộ hoàn thành tốt nhiệm vụ trở lên", "%", gte(90), "90%"),
        ind("I.2.c", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", "%", gte(80), "80%"),
        ind("I.3.a", "Mô hình dân vận khéo có hiệu quả", "mô hình", range(2, 3), "từ 2 - 3 mô hình"),
        ind(
          "I.3.b",
          "Tập thể điển hình “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
          "tập thể",
          range(3, 5),
          "3 - 5 tập thể",
        ),
        ind("I.3.c", "Cá nhân điển hình", "cá nhân", range(5, 10), "5 - 10 cá nhân"),
        ind("I.4.a", "Đảng bộ phường xếp loại", "", GOOD, "hoàn thành tốt nhiệm vụ trở lên"),
        ind("I.4.b", "Chính quyền, MTTQ và các đoàn thể xếp loại", "", GOOD, "hoàn thành tốt nhiệm vụ trở lên"),
        ind("I.5", "Tỷ lệ thu hút, tập hợp đoàn viên, hội viên", "%", gt(90), "trên 90%"),
      ],
    },
    {
      id: "II",
      title: "NHIỆM VỤ CHÍNH TRỊ",
      indicators: [
        ind("II.1", "Thu nhập bình quân đầu người", "triệu đồng/năm", gt(70), "trên 70 triệu đồng/năm"),
        ind("II.2.a", "Tỷ trọng thương mại - dịch vụ", "%", gt(80), "trên 80%"),
        ind("II.2.b", "Tỷ trọng công nghiệp - xây dựng", "%", lt(15), "dưới 15%"),
        ind("II.2.c", "Tỷ trọng nông, lâm nghiệp, thủy sản", "%", lt(2), "dưới 2%"),
        ind("II.3.a", "Thu ngân sách", "triệu đồng", gte(27625), "27.625 triệu đồng"),
        ind("II.3.b", "Thu ngân sách phường được hưởng", "triệu đồng", gte(4909), "4.909 triệu đồng"),
        ind("II.3.c", "Chi ngân sách Nhà nước", "triệu đồng", lte(4909), "4.909 triệu đồng"),
        ind("II.4", "Số cơ sở SXKD cá thể phi nông nghiệp tăng", "cơ sở", gte(16), "16 cơ sở"),
        ind("II.5", "Tỷ lệ đường giao thông mặt đường thảm nhựa", "%", gte(98), "98%"),
        ind("II.6", "Tỷ lệ mương, rãnh thoát nước khu dân cư được cứng hóa đạt chuẩn", "%", gte(100), "100%"),
      ],
    },
    {
      id: "III",
      title: "VĂN HÓA - XÃ HỘI",
      indicators: [
        ind("III.1", "Tỷ lệ hộ nghèo", "%", lte(0.6), "giảm còn không quá 0,6%"),
        ind("III.2", "Tỷ lệ người dân tham gia BHYT", "%", gt(99), "trên 99%"),
        ind("III.3.a", "Tỷ suất sinh", "‰", lte(11), "11‰"),
        ind("III.3.b", "Tỷ lệ sinh con thứ 3 trở lên", "%", lt(23.5), "dưới 23,5%"),
        ind("III.4.a", "Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "%", gte(100), "100%"),
        ind("III.4.b", "Tỷ lệ suy dinh dưỡng trẻ em", "%", lt(6.9), "< 6,9%"),
        ind("III.5", "Trường Tiểu học, Mầm non giữ vững chuẩn Quốc gia mức II", "", Q, QUALITATIVE.met),
        ind("III.6.a", "Tỷ lệ hộ gia đình văn hóa", "%", gt(97.5), "trên 97,5%"),
        ind(
          "III.6.b",
          "Tổ dân phố giữ vững danh hiệu văn hóa",
          "tổ dân phố",
          { op: "gte", value: 7, of: 7 },
          "7/7 tổ dân phố",
        ),
        ind("III.7", "Tỷ lệ cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa", "%", gt(90), "trên 90%"),
        ind("III.8", "Giữ vững danh hiệu phường đạt chuẩn Quốc gia về y tế", "", Q, QUALITATIVE.met),
      ],
    },
    {
      id: "IV",
      title: "XÂY DỰNG PHƯỜNG VĂN MINH ĐÔ THỊ KIỂU MẪU",
      indicators: [
        ind("IV.1", "Phường được công nhận Phường văn minh đô thị kiểu mẫu", "", Q, QUALITATIVE.met),
        ind("IV.2", "Nâng cao tiêu chí Tổ dân phố mẫu; hoàn thành TDP mẫu ở TDP8", "", Q, QUALITATIVE.met),
        ind("IV.3.a", "Tỷ lệ chất thải rắn sinh hoạt được thu gom xử lý", "%", gte(98), "98% trở lên"),
        ind("IV.3.b", "Tỷ lệ hộ gia đình phân loại rác tại nguồn", "%", gt(90), "trên 90%"),
      ],
    },
    {
      id: "V",
      title: "CẢI CÁCH HÀNH CHÍNH",
      indicators: [
        ind("V.1", "Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4", "%", gt(50), "trên 50%"),
        ind(
          "V.2",
          "Xếp hạng cải cách hành chính toàn thành phố",
          "thứ hạng",
          { op: "rank", value: 5 },
          "xếp thứ 5 toàn thành phố trở lên",
        ),
      ],
    },
    {
      id: "VI",
      title: "QUỐC PHÒNG - AN NINH",
      indicators: [
        ind(
          "VI.1",
          "Cơ sở an toàn làm chủ, vững mạnh toàn diện; ổn định chính trị, trật tự an toàn xã hội",
          "",
          Q,
          QUALITATIVE.met,
        ),
        ind("VI.2.a", "Huấn luyện quân sự, giáo dục chính trị đảm bảo số lượng, chất lượng", "", Q, QUALITATIVE.met),
        ind("VI.2.b", "Giao quân đạt chỉ tiêu kế hoạch", "%", gte(100), "100%"),
        ind("VI.2.c", "Thực hiện tốt chính sách hậu phương quân đội", "", Q, QUALITATIVE.met),
        ind("VI.3", "Nắm tình hình, xử lý vi phạm pháp luật, giải quyết dứt điểm các vụ việc", "", Q, QUALITATIVE.met),
        ind("VI.4", "Hòa giải cơ sở, không để khiếu kiện, khiếu nại vượt cấp", "", Q, QUALITATIVE.met),
      ],
    },
  ],
  warnings: [],
};

/** The built-in 2022 resolution of phường Trần Phú, validated by the schema at load. */
export const BUILTIN_RESOLUTION: Resolution = ResolutionSchema.parse(data);
