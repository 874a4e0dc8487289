//! Protocol: strings that other programs and people's forms depend on, kept apart from prose so
//! a translator cannot break them. The template's headers, sheet names and status choices are
//! what `import` reads back (a test in `template.rs` checks it recognises every header the
//! template writes, in both languages);
//! the official blocks are fixed by Nghị định 30/2020/NĐ-CP and are Vietnamese in every language.

use chrono::NaiveDate;

use crate::output::lang::Lang;
use crate::output::periods::period_name;

// ---- The templates units fill in, read back by `import` ----------------------------------------

crate::output::lang::labels! {
    PROTOCOL_LABELS;

    TEMPLATE_SHEET_INDICATORS = ("Chỉ tiêu", "Indicators");
    TEMPLATE_SHEET_TASKS = ("Nhiệm vụ", "Tasks");
    TEMPLATE_TASKS_SUFFIX = ("nhiem-vu", "tasks");
    // The headers a unit sees are the long layout's own, so a filled template needs no mapping.
    TEMPLATE_INDICATOR = ("Mã chỉ tiêu", "Indicator");
    TEMPLATE_INDICATOR_TEXT = ("Nội dung chỉ tiêu", "Indicator text");
    TEMPLATE_TARGET = ("Chỉ tiêu đề ra", "Target");
    TEMPLATE_UNIT_OF_MEASURE = ("Đơn vị tính", "Unit of measure");
    TEMPLATE_UNIT = ("Đơn vị", "Unit");
    TEMPLATE_DATE = ("Ngày", "Date");
    TEMPLATE_VALUE = ("Giá trị", "Value");
    TEMPLATE_NUMERATOR = ("Tử số", "Numerator");
    TEMPLATE_DENOMINATOR = ("Mẫu số", "Denominator");
    TEMPLATE_NOTE = ("Ghi chú", "Note");
    /// The column of a flow's period; import reads it as the "Kỳ" column.
    TEMPLATE_PERIOD = ("Kỳ", "Period");
    TEMPLATE_TASK = ("Mã nhiệm vụ", "Task");
    TEMPLATE_TASK_TEXT = ("Nội dung nhiệm vụ", "Task text");
    TEMPLATE_PHASE = ("Giai đoạn", "Phase");
    TEMPLATE_DEADLINE = ("Hạn", "Deadline");
    TEMPLATE_STATUS_NOW = ("Trạng thái hiện tại", "Current status");
    TEMPLATE_STATUS = ("Trạng thái", "Status");
    TEMPLATE_CHOICE_IN_PROGRESS = ("Đang thực hiện", "in progress");
    TEMPLATE_CHOICE_DONE = ("Hoàn thành", "done");
    TEMPLATE_CHOICE_CANCELLED = ("Hủy", "cancelled");
}

// ---- Official blocks (Nghị định 30/2020/NĐ-CP): Vietnamese in every language --------------------

/// The national motto block (Quốc hiệu và Tiêu ngữ).
pub const OFFICIAL_MOTTO: [&str; 2] = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];
/// The heading of the recipients' block.
pub const OFFICIAL_RECIPIENTS: &str = "Nơi nhận:";
/// The signer's collective when the seed's `[report]` names none.
pub const DEFAULT_AUTHORITY: &str = "TM. ỦY BAN NHÂN DÂN";
/// The signer's title when neither `[report]` nor `[plan]` names one.
pub const DEFAULT_SIGNER_TITLE: &str = "CHỦ TỊCH";
/// The document's kind, above its abstract.
pub const BAOCAO_KIND: &str = "BÁO CÁO";

/// "ỦY BAN NHÂN DÂN PHƯỜNG TAM PHƯỚC" from "UBND phường Tam Phước".
pub fn official_issuer(issuer: &str) -> String {
    let full = match issuer.strip_prefix("UBND") {
        Some(rest) => format!("Ủy ban nhân dân{rest}"),
        None => issuer.to_string(),
    };
    full.to_uppercase()
}

/// "Tam Phước, ngày 05 tháng 02 năm 2027": days below 10 and months 1 and 2 take a leading
/// zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
pub fn official_place_date(place: &str, day: NaiveDate) -> String {
    use chrono::Datelike;
    let month = if day.month() <= 2 {
        format!("{:02}", day.month())
    } else {
        day.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        day.day(),
        day.year()
    )
}

/// "Số: 25/BC-UBND" from `--so 25` (a full "25/BC-VP" is kept as given); without a number, room
/// to write it in by hand.
pub fn baocao_number(number: Option<&str>) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.contains('/') => format!("Số: {n}"),
        Some(n) => format!("Số: {n}/BC-UBND"),
        None => "Số:        /BC-UBND".to_string(),
    }
}

/// The abstract under "BÁO CÁO": the plan reported on and the period ("tháng 10/2026"), or, for
/// a report by phase, "giai đoạn vừa kết thúc".
pub fn baocao_abstract(
    plan_number: &str,
    plan_date: NaiveDate,
    issuer: &str,
    period: Option<&crate::plan::period::Period>,
) -> String {
    let covered = period.map_or_else(
        || "giai đoạn vừa kết thúc".to_string(),
        |p| period_name(Lang::Vi, p),
    );
    format!(
        "Kết quả thực hiện Kế hoạch số {plan_number} ngày {} của {issuer} {covered}",
        plan_date.format("%-d/%-m/%Y")
    )
}
