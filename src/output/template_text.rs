//! The prose of the templates units fill in (titles, instructions, validation messages) and what
//! `template` tells the clerk. The headers and choices `import` reads back are in `protocol.rs`.

use chrono::NaiveDate;

use crate::output::clerk::count;
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::output::periods::period_text;
use crate::plan::period::Period;

crate::output::lang::labels! {
    TEMPLATE_LABELS;

    TEMPLATE_INDICATOR_INSTRUCTIONS = (
        "Điền cột Giá trị (chỉ tiêu tỷ lệ: có thể điền Tử số và Mẫu số thay cho Giá trị); để trống nếu chưa có số liệu. Không sửa các cột màu xám. Lưu tệp và gửi lại Văn phòng.",
        "Fill in the Value column (ratio indicators: Numerator and Denominator instead); leave it blank when there is no figure. Do not change the grey columns. Save the file and send it back.",
    );
    TEMPLATE_STATUS_ERROR = (
        "Chọn một trạng thái trong danh sách.",
        "Choose a status from the list.",
    );
    TEMPLATE_DATE_ERROR = (
        "Ngày phải trong thời gian kế hoạch và không sau kỳ báo cáo.",
        "The date must fall within the plan and not after the period.",
    );
    TEMPLATE_NUMBER_ERROR = (
        "Nhập một số (tỷ lệ %: từ 0 đến 100).",
        "Enter a number (a percentage: 0 to 100).",
    );
}

/// Which sheet of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Indicators,
    Tasks,
}

/// A sentence of a template, or about one.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateText {
    /// The title of a template's sheet: "Số liệu chỉ tiêu Kế hoạch 118/KH-UBND - Khu phố 1 - tháng …".
    Title {
        sheet: Sheet,
        plan: String,
        unit: String,
        period: Period,
    },
    /// The instructions above a template's task sheet.
    TaskInstructions { end: NaiveDate },
    /// What `template` wrote.
    Written {
        path: String,
        unit: String,
        indicators: usize,
        tasks: usize,
    },
    /// The units `template --unit all` wrote nothing for.
    UnitsWithoutWork { units: String },
    /// A template asked for a unit with nothing to fill.
    UnitWithoutWork { unit: String },
    /// `--out` with an extension `template` cannot write.
    OutUnknown { path: String },
}

impl TemplateText {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use TemplateText::*;
        match self {
            Title { sheet, plan, unit, period } => {
                let period = period_text(lang, period);
                match sheet {
                    Sheet::Indicators => say!(lang,
                        "Số liệu chỉ tiêu Kế hoạch {plan} - {unit} - {period}",
                        "Indicator figures, plan {plan} - {unit} - {period}"
                    ),
                    Sheet::Tasks => say!(lang,
                        "Tiến độ nhiệm vụ Kế hoạch {plan} - {unit} - {period}",
                        "Task progress, plan {plan} - {unit} - {period}"
                    ),
                }
            }
            TaskInstructions { end } => say!(lang,
                "Với nhiệm vụ có thay đổi: chọn Trạng thái và ghi Ngày (để trống: {end}). Để trống nếu không có gì thay đổi. Không sửa các cột màu xám.",
                "For a task that changed: choose its Status and write the Date (blank: {end}). Leave it blank when nothing changed. Do not change the grey columns.",
                end = lang.date(*end)
            ),
            Written { path, unit, indicators, tasks } => say!(lang,
                "Đã ghi {path}: mẫu của {unit}, {indicators}, {tasks}",
                "Wrote {path}: {unit}'s template, {indicators}, {tasks}",
                indicators = count(lang, *indicators as i64, ("chỉ tiêu", "indicator"), ("chỉ tiêu", "indicators")),
                tasks = count(lang, *tasks as i64, ("nhiệm vụ", "task"), ("nhiệm vụ", "tasks"))
            ),
            UnitsWithoutWork { units } => say!(lang,
                "Không lập mẫu cho các đơn vị không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở: {units}",
                "No template for the units with no indicator to report and no open task: {units}"
            ),
            UnitWithoutWork { unit } => say!(lang,
                "Đơn vị {unit} không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở trong kỳ này: không có gì để lập mẫu",
                "Unit {unit} has no indicator to report and no open task in this period: no template to make"
            ),
            OutUnknown { path } => say!(lang,
                "Không biết ghi mẫu ra {path}: dùng tên tệp .xlsx hoặc .csv, hoặc một thư mục (kết thúc bằng /) khi --unit all",
                "Cannot write a template to {path}: use a .xlsx or .csv file name, or a directory (ending in /) with --unit all"
            ),
        }
    }
}

crate::output::lang::in_both_languages!(TemplateText);
