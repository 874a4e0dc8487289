//! Labels: table headers, column names, legends and the names of statuses, trends and kinds,
//! as `(vi, en)` pairs picked with [`Lang::pick`], and the short sentences without values that
//! listings print under a table. Messages with values are enums in their area's file.

use crate::output::lang::Lang;
use crate::plan::compliance::{Outcome, TaskAction, TaskStatus};
use crate::plan::measure::{Status, Trend};
use crate::plan::ContentKind;

crate::output::lang::labels! {
    ALL_LABELS;

    // ---- Column headers and field names ----------------------------------------------------
    CODE = ("Mã", "Code");
    CONTENT = ("Nội dung", "Content");
    LEAD = ("Chủ trì", "Lead");
    PHASE = ("Giai đoạn", "Phase");
    PHASES = ("Các giai đoạn", "Phases");
    NAME = ("Tên", "Name");
    START = ("Từ ngày", "Start");
    END = ("Đến ngày", "End");
    TEXT = ("Nội dung", "Text");
    INDICATOR = ("Chỉ tiêu", "Indicator");
    TARGET = ("Mục tiêu", "Target");
    DEADLINE = ("Hạn", "Deadline");
    RESPONSIBLE = ("Đơn vị chịu trách nhiệm", "Responsible");
    UNIT = ("Đơn vị", "Unit");
    PARENT = ("Trực thuộc", "Parent");
    STATUS = ("Trạng thái", "Status");
    DATE = ("Ngày", "Date");
    VALUE = ("Giá trị", "Value");
    NOTE = ("Ghi chú", "Note");
    RECORDED = ("Người nhập, lúc", "Recorded by, at");
    REVISION = ("Lần", "Rev.");
    DUE = ("Hạn", "Due");
    DAYS_OVERDUE = ("Số ngày trễ", "Days overdue");
    /// In the days-overdue column: an item not yet due that is forecast to miss its target.
    AT_RISK = ("nguy cơ", "at risk");
    TOTAL = ("Tổng", "Total");
    WARD = ("Toàn phường", "Ward");
    ACHIEVED = ("Đạt được", "Achieved");
    BASELINE = ("Mốc so sánh", "Baseline");
    CHECKPOINTS = ("Các mốc", "Checkpoints");
    TREND = ("Xu hướng", "Trend");
    ACTION = ("Thao tác", "Action");
    NONE = ("(không có)", "(none)");
    CORRECTION = ("đính chính", "correction");
    BASELINE_MARK = ("mốc so sánh", "baseline");

    // ---- Headings, legends and sentences without values ------------------------------------
    ERROR = ("Lỗi", "Error");
    /// Under the report: what ◆ marks.
    LEGEND_INDICATOR = (
        "◆ = chỉ tiêu (mốc hoặc hạn cuối)",
        "◆ = indicator (checkpoint or deadline)",
    );
    NOTHING_IS_OVERDUE = ("Không có việc nào quá hạn.", "Nothing is overdue.");
    /// Under the history: what ✗ marks.
    LEGEND_REPLACED = (
        "✗ = đã được đính chính bằng lần sau",
        "✗ = replaced by a later correction",
    );
    GENERATED_AT = ("Lập lúc", "Generated at");
    HEADLINE = ("Tóm tắt", "Headline");
    DAYS_LEFT = ("Còn lại (ngày)", "Days left");
    /// The weekly report's section of what changed.
    CHANGES_THIS_WEEK = ("Thay đổi trong tuần", "This week");
    COMPLIANCE_BY_PHASE = ("Tiến độ theo giai đoạn", "Compliance by phase");
    /// The weekly report's columns: this week's and last week's rate.
    THIS_WEEK = ("Tuần này", "This week");
    LAST_WEEK = ("Tuần trước", "Last week");
    CHANGE_POINTS = ("Thay đổi (điểm %)", "Change (points)");
    OVERDUE_BY_UNIT = ("Việc quá hạn theo đơn vị", "Overdue by unit");
    /// The weekly report's section of units that sent no figure.
    SILENT_UNITS = (
        "Đơn vị chưa gửi số liệu trong tuần",
        "Units that sent nothing this week",
    );
    EVERY_UNIT_SENT_FIGURES = ("Mọi đơn vị đều đã gửi số liệu.", "Every unit sent figures.");
    INDICATORS_IT_ANSWERS_FOR = ("Chỉ tiêu phụ trách", "Indicators it answers for");
    INDICATORS_FURTHEST_FROM_TARGET = (
        "Chỉ tiêu xa mục tiêu nhất",
        "Indicators furthest from target",
    );
    /// Under an empty list of the indicators furthest from target.
    NO_INDICATOR_BEHIND = (
        "Không có chỉ tiêu nào chưa đạt có số liệu.",
        "No indicator with data is behind its target.",
    );
    ON_TIME_COMPLIANCE_BY_CONTENT = (
        "Tỷ lệ đúng hạn theo nội dung",
        "On-time compliance by content",
    );
    WARD_FIGURE_OVER_TIME = ("diễn biến toàn phường", "ward figure over time");
    DOWN = ("giảm", "down");
    UP = ("tăng", "up");
    /// Under the report grid: how to read a cell.
    GRID_LEGEND = (
        "GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.",
        "Each cell: met on time/due so far and the rate; ⚠ items overdue or done late. ○ not started, ▶ running, ● finished.",
    );
    /// The short phase header of the report grid ("GĐ 1").
    PHASE_SHORT = ("GĐ", "Phase");
    /// The weekly report's section of items at risk.
    AT_RISK_HEADING = ("Có nguy cơ trễ hạn (theo dự báo hoặc tiến độ)", "At risk of being missed (by forecast or pace)");
    /// Under an empty list of items at risk.
    NOTHING_AT_RISK = ("Không có nhiệm vụ hay chỉ tiêu nào có nguy cơ trễ hạn.", "No task or indicator target is at risk.");
    /// The row or column comparing a flow's window with the same months before.
    SAME_PERIOD = ("So với cùng kỳ", "Same period before");

    // ---- The import summary: per file, then per unit -----------------------------------------
    FILE = ("Tệp", "File");
    READ = ("Đọc", "Read");
    IMPORTED = ("Nhập", "Imported");
    UNCHANGED = ("Không đổi", "Unchanged");
    CORRECTED = ("Đính chính", "Corrected");
    REJECTED = ("Từ chối", "Rejected");
    DRY_RUN_NOTHING_WRITTEN = ("chạy thử, không ghi gì", "dry run, nothing written");
    WRITTEN = ("đã ghi", "written");
    NOTHING_WRITTEN = ("không ghi gì", "nothing written");
    /// The per-unit column of rows newly imported.
    IMPORTED_NEW = ("Nhập mới", "Imported");
    FILE_IMPORTED_BEFORE = (
        "Tệp này đã được nhập trước đây: không có gì thay đổi.",
        "This file was imported before: nothing changed.",
    );

    // ---- Column headers of the CSV exports, where a table's packed cell becomes several ------
    REPLACED = ("Đã được đính chính", "Replaced");
    RECORDED_BY = ("Người nhập", "Recorded by");
    RECORDED_AT = ("Lúc", "Recorded at");
    DONE_ON = ("Ngày hoàn thành", "Done on");
    DAYS_LATE = ("Số ngày trễ", "Days late");
    KIND = ("Loại", "Kind");
    UNIT_TARGETS = ("Chỉ tiêu từng đơn vị", "Unit targets");
    COOPERATING = ("Phối hợp", "Cooperating");
    /// The report grid's CSV columns for one phase (or the total): what a table cell packs.
    GRID_STATUS = ("trạng thái", "status");
    GRID_MET = ("đạt đúng hạn", "met on time");
    GRID_DUE = ("đến hạn", "due");
    GRID_PCT = ("tỷ lệ (%)", "rate (%)");
    GRID_BEHIND = ("trễ hoặc quá hạn", "late or overdue");

    // ---- The names of the cells a row may lack ------------------------------------------------
    /// The names of the cells a row may lack (in "thiếu …" / "… is missing").
    CELL_DATE = ("ngày (hoặc dùng --date)", "the date (or use --date)");
    CELL_INDICATOR = ("mã chỉ tiêu", "the indicator code");
    CELL_VALUE = ("giá trị", "the value");
    CELL_TASK = ("mã nhiệm vụ", "the task code");
    CELL_STATUS = ("trạng thái", "the status");
}

/// The columns of `weekly --format csv`: every section in one file, a value per column.
pub const WEEKLY_CSV_COLUMNS: [(&str, &str); 14] = [
    ("Mục", "Section"),
    ("Nội dung", "Content"),
    ("Giai đoạn", "Phase"),
    ("Mã", "Code"),
    ("Đơn vị", "Unit"),
    ("Ngày", "Date"),
    ("Giá trị", "Value"),
    ("Đã đến hạn", "Due"),
    ("Đạt đúng hạn", "Met on time"),
    ("Đạt trễ hạn", "Met late"),
    ("Quá hạn", "Overdue"),
    ("Tỷ lệ (%)", "Rate (%)"),
    ("Số ngày", "Days"),
    ("Ghi chú", "Text"),
];

// ---- The names of values: kinds, statuses, trends, outcomes, targets ---------------------------

/// The name of a content kind.
pub fn content_kind(lang: Lang, kind: ContentKind) -> &'static str {
    lang.pick(match kind {
        ContentKind::Focal => ("trọng tâm", "focal"),
        ContentKind::Further => ("nhiệm vụ", "further"),
    })
}

/// The name of an indicator status.
pub fn status(lang: Lang, status: Status) -> &'static str {
    lang.pick(match status {
        Status::Met => ("đạt", "met"),
        Status::NotMet => ("chưa đạt", "not met"),
        Status::NoData => ("chưa có số liệu", "no data"),
        Status::NoBaseline => ("chưa có mốc so sánh", "no baseline"),
    })
}

/// The name of a trend.
pub fn trend(lang: Lang, trend: Trend) -> &'static str {
    lang.pick(match trend {
        Trend::Up => ("↑ tăng", "↑ up"),
        Trend::Down => ("↓ giảm", "↓ down"),
        Trend::Flat => ("→ không đổi", "→ flat"),
        Trend::Unknown => ("—", "—"),
    })
}

/// The name of a task status.
pub fn task_status(lang: Lang, status: TaskStatus) -> &'static str {
    lang.pick(match status {
        TaskStatus::NotStarted => ("chưa bắt đầu", "not started"),
        TaskStatus::InProgress => ("đang thực hiện", "in progress"),
        TaskStatus::Done => ("hoàn thành", "done"),
        TaskStatus::Cancelled => ("đã hủy", "cancelled"),
    })
}

/// The name of a task action, for the log.
pub fn task_action(lang: Lang, action: TaskAction) -> &'static str {
    lang.pick(match action {
        TaskAction::Start => ("bắt đầu", "started"),
        TaskAction::Done => ("hoàn thành", "done"),
        TaskAction::Reopen => ("mở lại", "reopened"),
        TaskAction::Cancel => ("hủy", "cancelled"),
    })
}

/// An item's outcome in words.
pub fn outcome(lang: Lang, outcome: Outcome) -> String {
    match (outcome, lang) {
        (Outcome::Open, _) => lang.pick(("chưa đến hạn", "not yet due")).to_string(),
        (Outcome::Met { on }, Lang::Vi) => format!("đạt ({})", lang.date(on)),
        (Outcome::Met { on }, Lang::En) => format!("met ({})", lang.date(on)),
        (Outcome::Late { on }, Lang::Vi) => format!("đạt trễ ({})", lang.date(on)),
        (Outcome::Late { on }, Lang::En) => format!("met late ({})", lang.date(on)),
        (Outcome::Overdue { days }, Lang::Vi) => format!("quá hạn {days} ngày"),
        (Outcome::Overdue { days: 1 }, Lang::En) => "overdue 1 day".to_string(),
        (Outcome::Overdue { days }, Lang::En) => format!("overdue {days} days"),
        (Outcome::Cancelled, _) => lang.pick(("đã hủy", "cancelled")).to_string(),
    }
}
