//! Every sentence and label a user sees, in Vietnamese and English, in one place.
//!
//! Why this file is long: it is the catalogue of messages written before messages became typed
//! enums per area (`problems.rs`, `clerk.rs`, `verdicts.rs`, `periods.rs`). New messages go to
//! those files; this one shrinks as each area moves out.
//!
//! Labels are `(vi, en)` pairs picked with [`Lang::pick`]; messages with values are functions
//! returning [`Localized`], so an error can be made once and shown in the user's language.

use std::fmt::Display;

use chrono::NaiveDate;

use crate::input::date::format_date_vi;
use crate::loc;
use crate::output::clerk::count;
pub use crate::output::lang::{Lang, Localized};
use crate::output::problems::Message;
use crate::plan::compliance::{Outcome, TaskAction, TaskStatus};
use crate::plan::measure::{Status, Trend};
use crate::plan::validate::Breach;
use crate::plan::{ContentKind, IndicatorKind};

// ---- Labels -------------------------------------------------------------------------------

pub const CODE: (&str, &str) = ("Mã", "Code");
pub const CONTENT: (&str, &str) = ("Nội dung", "Content");
pub const LEAD: (&str, &str) = ("Chủ trì", "Lead");
pub const PHASE: (&str, &str) = ("Giai đoạn", "Phase");
pub const PHASES: (&str, &str) = ("Các giai đoạn", "Phases");
pub const NAME: (&str, &str) = ("Tên", "Name");
pub const START: (&str, &str) = ("Từ ngày", "Start");
pub const END: (&str, &str) = ("Đến ngày", "End");
pub const TEXT: (&str, &str) = ("Nội dung", "Text");
pub const INDICATOR: (&str, &str) = ("Chỉ tiêu", "Indicator");
pub const TARGET: (&str, &str) = ("Mục tiêu", "Target");
pub const DEADLINE: (&str, &str) = ("Hạn", "Deadline");
pub const RESPONSIBLE: (&str, &str) = ("Đơn vị chịu trách nhiệm", "Responsible");
pub const UNIT: (&str, &str) = ("Đơn vị", "Unit");
pub const PARENT: (&str, &str) = ("Trực thuộc", "Parent");
pub const STATUS: (&str, &str) = ("Trạng thái", "Status");
pub const DATE: (&str, &str) = ("Ngày", "Date");
pub const VALUE: (&str, &str) = ("Giá trị", "Value");
pub const NOTE: (&str, &str) = ("Ghi chú", "Note");
pub const RECORDED: (&str, &str) = ("Người nhập, lúc", "Recorded by, at");
pub const REVISION: (&str, &str) = ("Lần", "Rev.");
pub const DUE: (&str, &str) = ("Hạn", "Due");
pub const DAYS_OVERDUE: (&str, &str) = ("Số ngày trễ", "Days overdue");
pub const TOTAL: (&str, &str) = ("Tổng", "Total");
pub const WARD: (&str, &str) = ("Toàn phường", "Ward");
pub const ACHIEVED: (&str, &str) = ("Đạt được", "Achieved");
pub const BASELINE: (&str, &str) = ("Mốc so sánh", "Baseline");
pub const CHECKPOINTS: (&str, &str) = ("Các mốc", "Checkpoints");
pub const TREND: (&str, &str) = ("Xu hướng", "Trend");
pub const ACTION: (&str, &str) = ("Thao tác", "Action");
pub const NONE: (&str, &str) = ("(không có)", "(none)");
pub const CORRECTION: (&str, &str) = ("đính chính", "correction");
pub const BASELINE_MARK: (&str, &str) = ("mốc so sánh", "baseline");

// Labels and sentences without values, used by the commands.
pub const ERROR: (&str, &str) = ("Lỗi", "Error");
pub const INDICATOR_CHECKPOINT_OR_DEADLINE: (&str, &str) = (
    "◆ = chỉ tiêu (mốc hoặc hạn cuối)",
    "◆ = indicator (checkpoint or deadline)",
);
pub const NOTHING_IS_OVERDUE: (&str, &str) = ("Không có việc nào quá hạn.", "Nothing is overdue.");
pub const REPLACED_BY_A_LATER_CORRECTION: (&str, &str) = (
    "✗ = đã được đính chính bằng lần sau",
    "✗ = replaced by a later correction",
);
pub const GENERATED_AT: (&str, &str) = ("Lập lúc", "Generated at");
pub const HEADLINE: (&str, &str) = ("Tóm tắt", "Headline");
pub const DAYS_LEFT: (&str, &str) = ("Còn lại (ngày)", "Days left");
pub const THIS_WEEK: (&str, &str) = ("Thay đổi trong tuần", "This week");
pub const COMPLIANCE_BY_PHASE: (&str, &str) = ("Tiến độ theo giai đoạn", "Compliance by phase");
pub const THIS_WEEK_9: (&str, &str) = ("Tuần này", "This week");
pub const LAST_WEEK: (&str, &str) = ("Tuần trước", "Last week");
pub const CHANGE_POINTS: (&str, &str) = ("Thay đổi (điểm %)", "Change (points)");
pub const OVERDUE_BY_UNIT: (&str, &str) = ("Việc quá hạn theo đơn vị", "Overdue by unit");
pub const UNITS_THAT_SENT_NOTHING_THIS: (&str, &str) = (
    "Đơn vị chưa gửi số liệu trong tuần",
    "Units that sent nothing this week",
);
pub const EVERY_UNIT_SENT_FIGURES: (&str, &str) =
    ("Mọi đơn vị đều đã gửi số liệu.", "Every unit sent figures.");
pub const INDICATORS_IT_ANSWERS_FOR: (&str, &str) =
    ("Chỉ tiêu phụ trách", "Indicators it answers for");
pub const INDICATORS_FURTHEST_FROM_TARGET: (&str, &str) = (
    "Chỉ tiêu xa mục tiêu nhất",
    "Indicators furthest from target",
);
pub const NO_INDICATOR_WITH_DATA_IS: (&str, &str) = (
    "Không có chỉ tiêu nào chưa đạt có số liệu.",
    "No indicator with data is behind its target.",
);
pub const ON_TIME_COMPLIANCE_BY_CONTENT: (&str, &str) = (
    "Tỷ lệ đúng hạn theo nội dung",
    "On-time compliance by content",
);
pub const WARD_FIGURE_OVER_TIME: (&str, &str) = ("diễn biến toàn phường", "ward figure over time");
pub const DOWN: (&str, &str) = ("giảm", "down");
pub const UP: (&str, &str) = ("tăng", "up");
/// Under the report grid: how to read a cell.
pub const GRID_LEGEND: (&str, &str) = (
    "GĐ = giai đoạn. Mỗi ô: đạt đúng hạn/đã đến hạn và tỷ lệ; ⚠ số việc quá hạn hoặc làm trễ. ○ chưa bắt đầu, ▶ đang diễn ra, ● đã kết thúc.",
    "Each cell: met on time/due so far and the rate; ⚠ items overdue or done late. ○ not started, ▶ running, ● finished.",
);

/// The short phase header of the report grid ("GĐ 1").
pub const PHASE_SHORT: (&str, &str) = ("GĐ", "Phase");
pub const FILE: (&str, &str) = ("Tệp", "File");
pub const READ: (&str, &str) = ("Đọc", "Read");
pub const IMPORTED: (&str, &str) = ("Nhập", "Imported");
pub const UNCHANGED: (&str, &str) = ("Không đổi", "Unchanged");
pub const CORRECTED: (&str, &str) = ("Đính chính", "Corrected");
pub const REJECTED: (&str, &str) = ("Từ chối", "Rejected");
pub const DRY_RUN_NOTHING_WRITTEN: (&str, &str) =
    ("chạy thử, không ghi gì", "dry run, nothing written");
pub const WRITTEN: (&str, &str) = ("đã ghi", "written");
pub const NOTHING_WRITTEN: (&str, &str) = ("không ghi gì", "nothing written");
pub const IMPORTED_34: (&str, &str) = ("Nhập mới", "Imported");
pub const THIS_FILE_WAS_IMPORTED_BEFORE: (&str, &str) = (
    "Tệp này đã được nhập trước đây: không có gì thay đổi.",
    "This file was imported before: nothing changed.",
);

/// "Kế hoạch số 118/KH-UBND ngày 30/05/2026".
pub fn plan_heading(lang: Lang, number: &str, date: NaiveDate) -> String {
    let date = lang.date(date);
    match lang {
        Lang::Vi => format!("Kế hoạch số {number} ngày {date}"),
        Lang::En => format!("Plan No. {number} of {date}"),
    }
}

/// The name of a content kind.
pub fn content_kind(lang: Lang, kind: ContentKind) -> &'static str {
    lang.pick(match kind {
        ContentKind::Focal => ("trọng tâm", "focal"),
        ContentKind::Further => ("nhiệm vụ", "further"),
    })
}

/// A target as people read it: "≥ 90%", "< 3%", "≥ 10 sáng kiến", "giảm ≥ 20% so với 2025".
pub fn target_text(
    lang: Lang,
    kind: IndicatorKind,
    comparator: crate::plan::Comparator,
    target: f64,
    unit_of_measure: &str,
    baseline_year: Option<i32>,
) -> String {
    use crate::plan::Comparator::*;
    let sign = match comparator {
        AtLeast => "≥",
        MoreThan => ">",
        AtMost => "≤",
        LessThan => "<",
        Exactly => "=",
    };
    let amount = if unit_of_measure == "%" {
        lang.percent(target)
    } else {
        format!("{} {unit_of_measure}", lang.number(target))
    };
    let year = baseline_year.map(|y| y.to_string()).unwrap_or_default();
    match (kind, lang) {
        (IndicatorKind::Reduction, Lang::Vi) => {
            format!("giảm {sign} {} so với {year}", lang.percent(target))
        }
        (IndicatorKind::Reduction, Lang::En) => {
            format!("down {sign} {} vs {year}", lang.percent(target))
        }
        (IndicatorKind::Growth, Lang::Vi) => {
            format!("tăng {sign} {} so với {year}", lang.percent(target))
        }
        (IndicatorKind::Growth, Lang::En) => {
            format!("up {sign} {} vs {year}", lang.percent(target))
        }
        _ => format!("{sign} {amount}"),
    }
}

/// An indicator's target as people read it, with `target` in place of the plan's (a unit's
/// own share, a checkpoint).
pub fn indicator_target(lang: Lang, indicator: &crate::plan::Indicator, target: f64) -> String {
    target_text(
        lang,
        indicator.kind,
        indicator.comparator,
        target,
        &indicator.unit_of_measure,
        indicator.baseline.as_ref().map(|b| b.year),
    )
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

// ---- Messages -----------------------------------------------------------------------------

/// Where in a file something is.
pub fn at_file(file: &str, line: usize, column: usize) -> String {
    format!("{file}:{line}:{column}: ")
}

/// Suggestions as "; có phải X?" / "; did you mean X?".
fn did_you_mean(suggestions: &[String]) -> Localized {
    if suggestions.is_empty() {
        return Localized::same("");
    }
    let list = suggestions.join(", ");
    loc!("; có phải {list}?", "; did you mean {list}?")
}

/// A breach of the plan's rules, in words.
pub fn breach(breach: &Breach) -> Localized {
    match breach {
        Breach::DuplicateCode(code) => loc!("mã {code} bị trùng", "duplicate code {code}"),
        Breach::NotAnIdentifier(code) => Message::NotAnIdentifier {
            code: crate::input::text::clip(code, 40),
        }
        .into(),
        Breach::UnknownUnit { unit, suggestions } => {
            let hint = did_you_mean(suggestions);
            Localized {
                vi: format!(
                    "đơn vị {unit} không có trong danh sách [[units]]{}",
                    hint.vi
                ),
                en: format!("unit {unit} is not in [[units]]{}", hint.en),
            }
        }
        Breach::NoWard => loc!(
            "không có đơn vị gốc (phường): một đơn vị phải không có parent",
            "no root unit (the ward): one unit must have no parent"
        ),
        Breach::SeveralWards(codes) => {
            let codes = codes.join(", ");
            loc!(
                "chỉ một đơn vị được không có parent (phường), ở đây có: {codes}",
                "only one unit may have no parent (the ward); found {codes}"
            )
        }
        Breach::PhaseCount { content, found } => loc!(
            "nội dung {content} phải có đúng 5 giai đoạn, ở đây có {found}",
            "content {content} must have exactly 5 phases, found {found}"
        ),
        Breach::PhaseNumber {
            content,
            expected,
            found,
        } => loc!(
            "giai đoạn của {content} phải đánh số 1..5 theo thứ tự: chờ {expected}, gặp {found}",
            "phases of {content} must be numbered 1..5 in order: expected {expected}, found {found}"
        ),
        Breach::PhaseStartAfterEnd { start, end } => {
            let (start, end) = (format_date_vi(*start), format_date_vi(*end));
            loc!(
                "ngày bắt đầu {start} sau ngày kết thúc {end}",
                "start {start} is after end {end}"
            )
        }
        Breach::PhasesOverlap {
            previous_end,
            start,
        } => {
            let (previous_end, start) = (format_date_vi(*previous_end), format_date_vi(*start));
            loc!(
                "giai đoạn bắt đầu {start}, trước khi giai đoạn trước kết thúc ({previous_end}): các giai đoạn chồng lên nhau",
                "phase starts {start}, before the previous phase ends ({previous_end}): phases overlap"
            )
        }
        Breach::TaskPhase(phase) => loc!(
            "giai đoạn {phase} không có: chỉ có giai đoạn 1..5",
            "phase {phase} does not exist: phases are 1..5"
        ),
        Breach::OutsidePlan { date, start, end } => {
            let (date, start, end) = (
                format_date_vi(*date),
                format_date_vi(*start),
                format_date_vi(*end),
            );
            loc!(
                "ngày {date} nằm ngoài thời gian của kế hoạch ({start} – {end})",
                "date {date} is outside the plan's span ({start} – {end})"
            )
        }
        Breach::PlanStartAfterEnd => loc!(
            "ngày bắt đầu của kế hoạch sau ngày kết thúc",
            "the plan's start is after its end"
        ),
        Breach::NotANumber(value) => loc!(
            "mục tiêu {value} không phải là số",
            "target {value} is not a number"
        ),
        Breach::Blank => loc!(
            "không được để trống: ghi nội dung hoặc bỏ hẳn mục này",
            "must not be blank: write it out or leave the field out"
        ),
        Breach::SignerMark { mark, found } => loc!(
            "«{found}» phải bắt đầu bằng «{mark}» (Nghị định 30/2020/NĐ-CP), ví dụ «{mark} {example}»",
            "«{found}» must begin with «{mark}» (Decree 30/2020/NĐ-CP), e.g. «{mark} {example}»",
            example = if *mark == "TM." { "ỦY BAN NHÂN DÂN" } else { "CHỦ TỊCH" },
        ),
        Breach::DeputyWithoutTitle => loc!(
            "có signs_for (người ký thay) thì phải có signer_title của người ký, ví dụ «PHÓ CHỦ TỊCH»",
            "signs_for (a deputy signs) needs the deputy's own signer_title, e.g. «PHÓ CHỦ TỊCH»"
        ),
    }
}

pub fn seed_rejected(file: &str, count: usize) -> Localized {
    loc!(
        "Tệp kế hoạch {file} không hợp lệ ({count} lỗi); chưa ghi gì vào cơ sở dữ liệu:",
        "The seed {file} is invalid ({problems}); nothing was written:",
        problems = count_en(count, "problem", "problems")
    )
}

/// Why a value was refused for an indicator.
pub fn reading_problem(
    problem: crate::plan::measure::ReadingProblem,
    indicator: &str,
    unit_of_measure: &str,
) -> Localized {
    use crate::plan::measure::ReadingProblem::*;
    let (vi_number, en_number) = (|x: f64| Lang::Vi.number(x), |x: f64| Lang::En.number(x));
    match problem {
        OverHundred(value) => Localized {
            vi: format!("{indicator} là tỷ lệ: {}% vượt quá 100%", vi_number(value)),
            en: format!("{indicator} is a rate: {}% is over 100%", en_number(value)),
        },
        Negative(value) => Localized {
            vi: format!("{indicator} không nhận số âm ({})", vi_number(value)),
            en: format!("{indicator} takes no negative figure ({})", en_number(value)),
        },
        NumeratorOverDenominator(numerator, denominator) => Localized {
            vi: format!(
                "tử số {} lớn hơn mẫu số {}: viết số đạt/tổng số, ví dụ 412/450",
                vi_number(numerator),
                vi_number(denominator)
            ),
            en: format!(
                "numerator {} is greater than denominator {}: write achieved/total, e.g. 412/450",
                en_number(numerator),
                en_number(denominator)
            ),
        },
        ZeroDenominator => loc!(
            "mẫu số bằng 0: không tính được tỷ lệ",
            "the denominator is 0: no rate can be computed"
        ),
        NotARate => loc!(
            "{indicator} tính bằng «{unit_of_measure}», không phải tỷ lệ: nhập một con số, ví dụ 12",
            "{indicator} is counted in \"{unit_of_measure}\", not a rate: enter a plain number, e.g. 12"
        ),
    }
}

// ---- The database file --------------------------------------------------------------------

/// `--db` names a folder.
pub fn db_is_folder(shown: &str) -> Localized {
    loc!(
        "{shown} là một thư mục, không phải tệp cơ sở dữ liệu: chỉ định tệp, ví dụ --db {shown}/kehoach.db",
        "{shown} is a folder, not a database file: name a file, e.g. --db {shown}/kehoach.db"
    )
}

/// No database file yet.
pub fn db_missing(shown: &str) -> Localized {
    loc!(
        "Chưa có cơ sở dữ liệu {shown}: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)",
        "No database at {shown}: run \"kehoach init\" first (or point --db at the right file)"
    )
}

/// The database's folder cannot be made.
pub fn cannot_create_folder(folder: &str, error: &dyn std::fmt::Display) -> Localized {
    loc!(
        "Không tạo được thư mục {folder}: {error}",
        "Cannot create the folder {folder}: {error}"
    )
}

/// A database from a newer kehoach.
pub fn newer_schema(shown: &str, version: i64, known: i64) -> Localized {
    loc!(
        "Cơ sở dữ liệu {shown} do một phiên bản kehoach mới hơn tạo (lược đồ {version}, bản này hiểu đến {known}): hãy cập nhật kehoach",
        "The database {shown} was made by a newer kehoach (schema {version}; this one knows up to {known}): update kehoach"
    )
}

/// A database file without kehoach's tables.
pub fn not_initialised(shown: &str) -> Localized {
    loc!(
        "{shown} chưa được khởi tạo: chạy «kehoach init» trước",
        "{shown} is not initialised: run \"kehoach init\" first"
    )
}

/// A database without a plan.
pub fn no_plan(shown: &str) -> Localized {
    loc!(
        "{shown} chưa có kế hoạch: chạy «kehoach init» trước",
        "{shown} holds no plan: run \"kehoach init\" first"
    )
}

/// Nowhere to put the database (no HOME, no --db).
pub fn no_database_place() -> Localized {
    loc!(
        "Không biết đặt cơ sở dữ liệu ở đâu (không có HOME): dùng --db TỆP hoặc đặt KEHOACH_DB",
        "No place for the database (HOME is not set): use --db FILE or set KEHOACH_DB"
    )
}

/// What SQLite said, as a clerk can act on it.
pub fn database_failure(
    kind: DatabaseFailure,
    shown: &str,
    error: &dyn std::fmt::Display,
) -> Localized {
    match kind {
        DatabaseFailure::Busy => loc!(
            "Cơ sở dữ liệu {shown} đang bị khóa quá lâu (một người hay một lệnh khác đang ghi): thử lại sau",
            "The database {shown} stayed locked too long (someone else is writing): try again later"
        ),
        DatabaseFailure::NotADatabase => loc!(
            "{shown} không phải là tệp cơ sở dữ liệu kehoach (SQLite)",
            "{shown} is not a kehoach (SQLite) database file"
        ),
        DatabaseFailure::ReadOnly => loc!(
            "Không ghi được vào {shown}: tệp hoặc thư mục chỉ cho phép đọc",
            "Cannot write to {shown}: the file or its folder is read-only"
        ),
        DatabaseFailure::CannotOpen => loc!(
            "Không mở được {shown}: kiểm tra đường dẫn và quyền truy cập",
            "Cannot open {shown}: check the path and permissions"
        ),
        DatabaseFailure::Corrupt => loc!(
            "Cơ sở dữ liệu {shown} bị hỏng: khôi phục từ bản sao lưu (xem README)",
            "The database {shown} is damaged: restore it from a backup (see the README)"
        ),
        DatabaseFailure::DiskFull => loc!("Ổ đĩa đã đầy khi ghi {shown}", "The disk is full writing {shown}"),
        DatabaseFailure::Unreadable(what) => loc!(
            "Cơ sở dữ liệu {shown} có một ngày đã lưu không đọc được ({what}): tệp đã bị sửa ngoài kehoach; khôi phục từ bản sao lưu (xem README)",
            "The database {shown} holds a stored date that cannot be read ({what}): the file was changed outside kehoach; restore it from a backup (see the README)"
        ),
        DatabaseFailure::Other => loc!("Lỗi cơ sở dữ liệu {shown}: {error}", "Database error in {shown}: {error}"),
    }
}

/// The kinds of database failure with a sentence of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseFailure<'a> {
    /// A stored date this program did not write (not YYYY-MM-DD).
    Unreadable(&'a str),
    Busy,
    NotADatabase,
    ReadOnly,
    CannotOpen,
    Corrupt,
    DiskFull,
    Other,
}

// ---- Looking things up --------------------------------------------------------------------

fn hint(suggestions: &[&str]) -> (String, String) {
    if suggestions.is_empty() {
        return (String::new(), String::new());
    }
    let list = suggestions.join(", ");
    (
        format!(" (có phải {list}?)"),
        format!(" (did you mean {list}?)"),
    )
}

/// An indicator code that does not exist.
pub fn unknown_indicator(code: &str, suggestions: &[&str]) -> Localized {
    let (hint_vi, hint_en) = hint(suggestions);
    loc!(
        "Chỉ tiêu {code} không tồn tại{hint_vi}; xem danh sách bằng «kehoach plan indicators»",
        "Indicator {code} does not exist{hint_en}; list them with \"kehoach plan indicators\""
    )
}

/// A task code that does not exist.
pub fn unknown_task(code: &str, suggestions: &[&str]) -> Localized {
    let (hint_vi, hint_en) = hint(suggestions);
    loc!(
        "Nhiệm vụ {code} không tồn tại{hint_vi}; xem danh sách bằng «kehoach plan tasks»",
        "Task {code} does not exist{hint_en}; list them with \"kehoach plan tasks\""
    )
}

/// A unit that does not exist.
pub fn unknown_unit(text: &str, suggestions: &[&str]) -> Localized {
    let (hint_vi, hint_en) = hint(suggestions);
    loc!(
        "Đơn vị {text} không tồn tại{hint_vi}; xem danh sách bằng «kehoach plan units»",
        "Unit {text} does not exist{hint_en}; list them with \"kehoach plan units\""
    )
}

/// A content code that does not exist.
pub fn unknown_content(code: &str, all: &str) -> Localized {
    loc!(
        "Nội dung {code} không tồn tại; các nội dung: {all}",
        "Content {code} does not exist; the contents are {all}"
    )
}

/// A date after today.
pub fn date_in_future(day: NaiveDate, today: NaiveDate) -> Localized {
    let (day, today) = (format_date_vi(day), format_date_vi(today));
    loc!(
        "Ngày {day} sau ngày hôm nay ({today}): không nhập số liệu cho ngày chưa tới",
        "The date {day} is after today ({today}): no figures for days still to come"
    )
}

/// A date outside the plan's span.
pub fn date_outside_plan(day: NaiveDate, start: NaiveDate, end: NaiveDate) -> Localized {
    let (day, start, end) = (
        format_date_vi(day),
        format_date_vi(start),
        format_date_vi(end),
    );
    loc!(
        "Ngày {day} nằm ngoài thời gian của kế hoạch ({start} – {end}); số liệu năm trước nhập với --baseline",
        "The date {day} is outside the plan ({start} – {end}); last year's figure goes in with --baseline"
    )
}

// ---- Command messages ---------------------------------------------------------------------

/// A seed file that is not UTF-8.
pub fn seed_not_utf8(shown: impl Display) -> Localized {
    loc!(
        "Tệp kế hoạch {shown} không phải UTF-8: lưu lại với mã hóa UTF-8",
        "The seed {shown} is not UTF-8: save it as UTF-8"
    )
}

/// A seed file that cannot be read.
pub fn seed_unreadable(shown: impl Display, e: impl Display) -> Localized {
    loc!(
        "Không đọc được tệp kế hoạch {shown}: {e}",
        "Cannot read the seed {shown}: {e}"
    )
}

/// One line of what an amended seed changed.
pub fn seed_change_line(vi: impl Display, codes: impl Display, en: impl Display) -> Localized {
    loc!("{vi}: {codes}", "{en}: {codes}")
}

/// A plan loaded, with its counts.
pub fn plan_loaded(
    number: impl Display,
    db: impl Display,
    contents: impl Display,
    indicators: impl Display,
    tasks: impl Display,
    units: impl Display,
) -> Localized {
    loc!(
        "Đã nạp Kế hoạch {number} vào {db}: {contents} nội dung, {indicators} chỉ tiêu, {tasks} nhiệm vụ, {units} đơn vị.",
        "Loaded plan {number} into {db}: {contents} contents, {indicators} indicators, {tasks} tasks, {units} units."
    )
}

/// Loading the same plan again.
pub fn plan_unchanged(number: impl Display, db: impl Display) -> Localized {
    loc!(
        "Kế hoạch {number} đã có trong {db}, không có gì thay đổi.",
        "Plan {number} is already loaded in {db}; nothing changed."
    )
}

/// A seed that drops items holding data, refused without --force.
pub fn seed_drops_data(name: impl Display) -> Localized {
    loc!(
        "Tệp {name} bỏ đi những mục đã có số liệu; không ghi gì. Thêm --force để vẫn nạp: các mục này được giữ lại, đánh dấu ngừng dùng, không xóa số liệu:",
        "{name} drops items that hold recorded data; nothing was written. Add --force to load it anyway: those items are kept, marked retired, their data untouched:"
    )
}

/// One item a new seed drops, and how much data it holds.
pub fn orphan_line(code: impl Display, records: impl Display) -> Localized {
    loc!(
        "{code}: có {records} số liệu/nhật ký",
        "{code}: holds {records} recorded value(s)/event(s)"
    )
}

/// A different value for a day that already has one.
pub fn value_already_recorded(
    code: impl Display,
    unit: impl Display,
    day: impl Display,
    vi_value: impl Display,
    by: Option<&str>,
    at: impl Display,
    en_value: impl Display,
) -> Localized {
    let (by_vi, by_en) = (
        crate::output::clerk::who(Lang::Vi, by),
        crate::output::clerk::who(Lang::En, by),
    );
    loc!(
        "{code} của {unit} ngày {day} đã có giá trị {vi_value} (do {by_vi} nhập lúc {at}). Nếu cần sửa, thêm --correct --note \"lý do\"; giá trị cũ vẫn được giữ trong lịch sử.",
        "{code} for {unit} on {day} already has the value {en_value} (recorded by {by_en} at {at}). To change it, add --correct --note \"reason\"; the old value stays in the history."
    )
}

/// A value corrected.
pub fn value_corrected(
    code: impl Display,
    what: impl Display,
    unit: impl Display,
    day: impl Display,
    shown: impl Display,
) -> Localized {
    loc!(
        "Đã đính chính {code}{what} của {unit} ngày {day} thành {shown}; giá trị cũ vẫn lưu trong lịch sử.",
        "Corrected {code}{what} for {unit} on {day} to {shown}; the old value stays in the history."
    )
}

/// A value recorded.
pub fn value_recorded(
    code: impl Display,
    what: impl Display,
    shown: impl Display,
    unit: impl Display,
    day: impl Display,
) -> Localized {
    loc!(
        "Đã ghi {code}{what} = {shown} cho {unit} ngày {day}.",
        "Recorded {code}{what} = {shown} for {unit} on {day}."
    )
}

/// The same value typed again.
pub fn value_unchanged(
    code: impl Display,
    what: impl Display,
    shown: impl Display,
    unit: impl Display,
    day: impl Display,
) -> Localized {
    loc!(
        "{code}{what} = {shown} của {unit} ngày {day} đã có, không thay đổi gì.",
        "{code}{what} = {shown} for {unit} on {day} is already recorded; nothing changed."
    )
}

/// A correction without its reason.
pub fn correction_needs_note() -> Localized {
    loc!(
        "Đính chính cần ghi lý do: thêm --note \"lý do\"",
        "A correction needs its reason: add --note \"reason\""
    )
}

/// How late a task was done.
pub fn task_done_late(days: i64, deadline: impl Display) -> Localized {
    loc!(
        " Trễ {days} ngày so với hạn {deadline}.",
        " {days_en} after its deadline {deadline}.",
        days_en = days_en(days)
    )
}

/// A task's status changed.
pub fn task_changed(code: impl Display, what: impl Display, day: impl Display) -> Localized {
    loc!(
        "Nhiệm vụ {code}: {what} ngày {day}.",
        "Task {code}: {what} on {day}."
    )
}

/// A backup made.
pub fn backup_done(shown: impl Display) -> Localized {
    loc!("Đã sao lưu vào {shown}.", "Backed up to {shown}.")
}

/// A backup that could not be made.
pub fn backup_failed(shown: impl Display, e: impl Display) -> Localized {
    loc!(
        "Không sao lưu được vào {shown}: {e}",
        "Cannot back up to {shown}: {e}"
    )
}

/// A backup file that already exists.
pub fn backup_exists(shown: impl Display) -> Localized {
    loc!(
        "{shown} đã tồn tại: chọn tên khác (không ghi đè bản sao lưu cũ)",
        "{shown} already exists: choose another name (an old backup is never overwritten)"
    )
}

/// The check found problems.
pub fn check_failed(count: usize) -> Localized {
    loc!(
        "Kiểm tra thấy {count} lỗi trong cơ sở dữ liệu; khôi phục từ bản sao lưu nếu cần (xem README):",
        "The check found {problems} in the database; restore from a backup if needed (see the README):",
        problems = count_en(count, "problem", "problems")
    )
}

/// The check found nothing wrong.
pub fn check_passed(db: impl Display, m: impl Display, e: impl Display) -> Localized {
    loc!(
        "{db}: không có lỗi ({m} số liệu, {e} nhật ký nhiệm vụ).",
        "{db}: no problems ({m} measurements, {e} task events)."
    )
}

/// A record dated outside the plan.
pub fn record_outside_plan(what: impl Display, code: impl Display, day: impl Display) -> Localized {
    loc!(
        "{what} {code} ngày {day} nằm ngoài thời gian của kế hoạch",
        "{what} {code} dated {day} is outside the plan's span"
    )
}

/// A row that refers to something missing.
pub fn broken_reference(table: impl Display, row: impl Display, parent: impl Display) -> Localized {
    loc!(
        "bảng {table}, dòng {row}: tham chiếu tới {parent} không tồn tại",
        "table {table}, row {row}: refers to a missing {parent}"
    )
}

/// A line of SQLite's integrity check.
pub fn sqlite_problem(line: impl Display) -> Localized {
    loc!("SQLite: {line}", "SQLite: {line}")
}

/// Rules that are not valid TOML for a mapping.
pub fn rules_invalid(shown: impl Display, message: impl Display) -> Localized {
    loc!(
        "Tệp quy tắc {shown} không hợp lệ: {message}",
        "The rules file {shown} is not valid: {message}"
    )
}

/// Rules that say nowhere where the values are.
pub fn rules_without_value(shown: impl Display) -> Localized {
    loc!(
        "Tệp quy tắc {shown} không nói giá trị nằm ở đâu: thêm value = {{ column = \"...\" }} hoặc [fan_out]",
        "The rules file {shown} says nowhere where the values are: add value = {{ column = \"...\" }} or [fan_out]"
    )
}

/// A rules file that cannot be read.
pub fn rules_unreadable(shown: impl Display, e: impl Display) -> Localized {
    loc!(
        "Không đọc được tệp quy tắc {shown}: {e}",
        "Cannot read the rules file {shown}: {e}"
    )
}

/// A file that cannot be written.
pub fn file_unwritable(shown: impl Display, e: impl Display) -> Localized {
    loc!("Không ghi được {shown}: {e}", "Cannot write {shown}: {e}")
}

/// None
pub fn row_database_error(e: impl Display) -> Localized {
    loc!("lỗi cơ sở dữ liệu: {e}", "database error: {e}")
}

/// A task status the import does not know.
pub fn status_not_understood(status: impl Display) -> Localized {
    loc!(
        "trạng thái «{status}» không hiểu được: dùng hoàn thành, đang thực hiện, hủy hoặc mở lại",
        "status \"{status}\" is not understood: use done, in progress, cancelled or reopened"
    )
}

/// A file value that differs from the stored one.
pub fn value_differs(
    code: impl Display,
    unit: impl Display,
    day: impl Display,
    old_vi: impl Display,
    new_vi: impl Display,
    old_en: impl Display,
    new_en: impl Display,
) -> Localized {
    loc!(
        "{code} của {unit} ngày {day} đã có giá trị {old_vi}, tệp ghi {new_vi}: dùng --correct nếu đây là số liệu đính chính",
        "{code} for {unit} on {day} is already {old_en}, the file says {new_en}: use --correct if this corrects it"
    )
}

/// A required cell that is empty.
pub fn cell_missing(vi: impl Display, en: impl Display) -> Localized {
    loc!("thiếu {vi}", "{en} is missing")
}

/// A row without an indicator code.
pub fn indicator_missing() -> Localized {
    loc!("thiếu mã chỉ tiêu", "the indicator code is missing")
}

/// Mapping rules without a date, and no --date.
pub fn mapping_without_date() -> Localized {
    loc!(
        "thiếu ngày: thêm date vào tệp quy tắc hoặc dùng --date",
        "no date: add date to the rules or use --date"
    )
}

/// A mapped row without a date.
pub fn date_missing() -> Localized {
    loc!("thiếu ngày", "the date is missing")
}

/// A header that names no known layout.
pub fn header_not_recognised(
    file: impl Display,
    header_line: impl Display,
    found: impl Display,
) -> Localized {
    loc!(
        "{file}:{header_line}: không nhận ra dòng tiêu đề «{found}». Cần các cột: Mã chỉ tiêu; Đơn vị; Ngày; Giá trị (hoặc Mã nhiệm vụ; Trạng thái; Ngày), hoặc một tệp quy tắc --map",
        "{file}:{header_line}: header not recognised \"{found}\". Expected columns: indicator; unit; date; value (or task; status; date), or a --map rules file"
    )
}

/// A mapping naming a column the header lacks.
pub fn mapping_column_missing(
    file: impl Display,
    header_line: impl Display,
    found: impl Display,
    column: impl Display,
) -> Localized {
    loc!(
        "{file}:{header_line}: dòng tiêu đề «{found}» không có cột «{column}» mà tệp quy tắc nêu: kiểm tra header_row và tên cột",
        "{file}:{header_line}: the header \"{found}\" has no column \"{column}\" that the rules name: check header_row and the column names"
    )
}

/// A CSV without a header row.
pub fn csv_empty(file: impl Display) -> Localized {
    loc!(
        "{file}: tệp trống, không có dòng tiêu đề",
        "{file}: the file is empty, no header row"
    )
}

/// A CSV the reader cannot parse.
pub fn csv_broken(file: impl Display, e: impl Display) -> Localized {
    loc!("{file}: CSV hỏng: {e}", "{file}: broken CSV: {e}")
}

/// A file that cannot be read.
pub fn file_unreadable(file: impl Display, e: impl Display) -> Localized {
    loc!("Không đọc được tệp {file}: {e}", "Cannot read {file}: {e}")
}

/// An import refused because of bad rows.
pub fn rows_rejected(count: impl Display) -> Localized {
    loc!(
        "{count} dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):",
        "{count} row(s) rejected; a file with errors is not imported, nothing of it was written. Fix the rows below and import again (or use --skip-invalid to import the good rows):"
    )
}

/// A task done this week.
pub fn weekly_task_done(task: impl Display, date: impl Display) -> Localized {
    loc!("- {task} hoàn thành {date}", "- {task} done {date}")
}

/// A task done this week, late.
pub fn weekly_task_done_late(task: impl Display, date: impl Display, late: i64) -> Localized {
    loc!(
        "- {task} hoàn thành {date}, trễ {late} ngày",
        "- {task} done {date}, {late_en} late",
        late_en = days_en(late)
    )
}

/// This week's changes, counted.
pub fn weekly_changes(values: usize, done: usize, overdue: usize) -> Localized {
    let en = |n: usize, one: &str, other: &str| count(Lang::En, n as i64, ("", one), ("", other));
    loc!(
        "{values} số liệu được nhập, {done} nhiệm vụ hoàn thành, {overdue} việc mới quá hạn.",
        "{values_en} recorded, {done_en} done, {overdue_en} newly overdue.",
        values_en = en(values, "value", "values"),
        done_en = en(done, "task", "tasks"),
        overdue_en = en(overdue, "item", "items")
    )
}

/// The weekly report's first sentence.
pub fn weekly_headline(day: impl Display, days: i64, overall: impl Display) -> Localized {
    loc!(
        "Tính đến hết ngày {day}: {days} ngày kể từ khi bắt đầu kế hoạch; tỷ lệ hoàn thành đúng hạn chung {overall}.",
        "At the end of {day}: {days_en} since the plan started; overall on-time compliance {overall}.",
        days_en = days_en(days)
    )
}

/// A reduction or growth indicator without a baseline year.
pub fn baseline_needed(kind_name: impl Display) -> Localized {
    loc!(
        "chỉ tiêu loại {kind_name} cần baseline = {{ year = ... }} (năm so sánh)",
        "a {kind_name} indicator needs baseline = {{ year = ... }}"
    )
}

/// A comparator the seed format does not know.
pub fn comparator_invalid(symbol: impl Display) -> Localized {
    loc!(
        "phép so sánh «{symbol}» không hợp lệ: dùng >=, >, <=, < hoặc =",
        "comparator \"{symbol}\" is not valid: use >=, >, <=, < or ="
    )
}

/// An indicator kind the seed format does not know.
pub fn indicator_kind_invalid(name: impl Display, known: impl Display) -> Localized {
    loc!(
        "loại chỉ tiêu «{name}» không hợp lệ: dùng một trong {known}",
        "indicator kind \"{name}\" is not valid: use one of {known}"
    )
}

/// A content kind the seed format does not know.
pub fn content_kind_invalid(other: impl Display) -> Localized {
    loc!(
        "loại nội dung «{other}» không hợp lệ: dùng focal hoặc further",
        "content kind \"{other}\" is not valid: use focal or further"
    )
}

// ---- Titles and notes with values -----------------------------------------------------------

/// The overdue listing's title.
pub fn overdue_title(day: NaiveDate) -> Localized {
    let day = format_date_vi(day);
    loc!("Quá hạn tính đến ngày {day}", "Overdue as of {day}")
}

/// An item not yet due, and how many days are left.
pub fn upcoming(left: i64) -> Localized {
    loc!(
        "sắp đến hạn (còn {left} ngày)",
        "upcoming ({left_en} left)",
        left_en = days_en(left)
    )
}

/// The report's title.
pub fn report_title(day: NaiveDate, heading: &str, by_unit: bool) -> Localized {
    let day = format_date_vi(day);
    if by_unit {
        loc!(
            "Tiến độ theo đơn vị tính đến ngày {day} — {heading}",
            "Compliance by unit as of {day} — {heading}"
        )
    } else {
        loc!(
            "Tiến độ theo giai đoạn tính đến ngày {day} — {heading}",
            "Compliance by phase as of {day} — {heading}"
        )
    }
}

/// The weekly report's title.
pub fn weekly_title(start: NaiveDate, end: NaiveDate, heading: &str) -> Localized {
    let (start, end) = (format_date_vi(start), format_date_vi(end));
    loc!(
        "BÁO CÁO TUẦN {start} – {end} · {heading}",
        "WEEKLY REPORT {start} – {end} · {heading}"
    )
}

/// How late a task was done, or how long it has been overdue.
pub fn task_lateness(done: bool, days: i64) -> Localized {
    if done {
        loc!(
            "(trễ {days} ngày)",
            "({days_en} late)",
            days_en = days_en(days)
        )
    } else {
        loc!(
            "(quá hạn {days} ngày)",
            "({days_en} overdue)",
            days_en = days_en(days)
        )
    }
}

/// "1 problem", "2 problems".
fn count_en(n: usize, one: &str, other: &str) -> String {
    count(Lang::En, n as i64, ("", one), ("", other))
}

/// "1 day", "2 days".
fn days_en(days: i64) -> String {
    count(Lang::En, days, ("ngày", "day"), ("ngày", "days"))
}

/// What an amended seed changed, by kind.
pub const SEED_ADDED: (&str, &str) = ("Thêm mới", "Added");
pub const SEED_CHANGED: (&str, &str) = ("Sửa đổi", "Changed");
pub const SEED_REMOVED: (&str, &str) = ("Bỏ đi", "Removed");
pub const SEED_RETIRED: (&str, &str) = (
    "Giữ lại, ngừng dùng (có số liệu)",
    "Kept as retired (they hold data)",
);

/// The names of the cells a row may lack.
pub const CELL_DATE: (&str, &str) = ("ngày (hoặc dùng --date)", "the date (or use --date)");
pub const CELL_INDICATOR: (&str, &str) = ("mã chỉ tiêu", "the indicator code");
pub const CELL_VALUE: (&str, &str) = ("giá trị", "the value");
pub const CELL_TASK: (&str, &str) = ("mã nhiệm vụ", "the task code");
pub const CELL_STATUS: (&str, &str) = ("trạng thái", "the status");

// ---- What the parsers refuse ----------------------------------------------------------------

/// A value that is not a number, and why.
pub fn invalid_value(typed: &str, error: &crate::input::number::NumberError) -> Localized {
    let reason = number_error(error);
    Localized {
        vi: format!("Giá trị «{typed}» không hợp lệ: {}", reason.vi),
        en: format!("The value \"{typed}\" is not valid: {}", reason.en),
    }
}

/// A date cell that is not a date, and why.
pub fn invalid_date(text: &str, error: &crate::input::date::DateError) -> Localized {
    let reason = date_error(error);
    Localized {
        vi: format!("ngày «{text}» không hợp lệ: {}", reason.vi),
        en: format!("date \"{text}\" is not valid: {}", reason.en),
    }
}

/// A file whose bytes are not text.
pub fn unreadable_text(file: &str, error: &crate::input::decode::DecodeError) -> Localized {
    let reason = decode_error(error);
    Localized {
        vi: format!("{file}: không đọc được nội dung: {}", reason.vi),
        en: format!("{file}: cannot read the text: {}", reason.en),
    }
}

/// Why a text is not a number.
pub fn number_error(error: &crate::input::number::NumberError) -> Localized {
    use crate::input::number::NumberError::*;
    match error {
        Empty => loc!("giá trị trống", "the value is empty"),
        ExcelError(e) => loc!(
            "ô có lỗi Excel {e}, không phải số",
            "the cell holds the Excel error {e}, not a number"
        ),
        Formula(t) => loc!(
            "«{t}» là công thức: lưu bảng tính dạng giá trị, không phải công thức",
            "\"{t}\" is a formula; save the sheet with values, not formulas"
        ),
        NotANumber(t) => loc!(
            "«{t}» không phải là số (viết ví dụ 95,5 hoặc 1.234)",
            "\"{t}\" is not a number (write e.g. 95,5 or 1.234)"
        ),
        BadGrouping(t) => loc!(
            "«{t}» có nhóm chữ số không đủ ba chữ số",
            "\"{t}\" has digit groups that are not of three"
        ),
        DenominatorZero => loc!("mẫu số bằng 0", "the denominator is 0"),
        Negative(t) => loc!(
            "«{t}»: tử số và mẫu số không được âm",
            "\"{t}\": numerator and denominator cannot be negative"
        ),
        BadSpaces(text) => Message::BadSpaces { text: text.clone() }.into(),
        TooLarge(text) => Message::TooLarge { text: text.clone() }.into(),
    }
}

/// Why a text is not a date.
pub fn date_error(error: &crate::input::date::DateError) -> Localized {
    use crate::input::date::DateError::*;
    match error {
        Empty => loc!("ngày trống", "the date is empty"),
        NotADate(t) => loc!(
            "«{t}» không phải là ngày: viết dd/mm/yyyy, ví dụ 25/11/2026",
            "\"{t}\" is not a date: write dd/mm/yyyy, e.g. 25/11/2026"
        ),
        NoSuchDay(t) => loc!(
            "ngày {t} không có trên lịch",
            "{t} is not a day of the calendar"
        ),
        NoSuchMonth(t, month) => loc!(
            "«{t}» không phải là ngày: không có tháng {month}; viết dd/mm/yyyy, ví dụ 25/11/2026",
            "\"{t}\" is not a date: there is no month {month}; write dd/mm/yyyy, e.g. 25/11/2026"
        ),
        TwoDigitYear(t) => loc!(
            "«{t}»: viết năm đủ bốn chữ số",
            "\"{t}\": write the year with four digits"
        ),
        ExcelSerial(t) => loc!(
            "«{t}» là một con số: định dạng ô thành kiểu ngày",
            "\"{t}\" is a number: format the cell as a date"
        ),
        TrailingText { date, rest } => Message::TrailingText {
            date: date.clone(),
            rest: rest.clone(),
        }
        .into(),
    }
}

/// Why bytes are not text.
pub fn decode_error(error: &crate::input::decode::DecodeError) -> Localized {
    use crate::input::decode::DecodeError::*;
    match error {
        InvalidUtf8 { offset, line } => loc!(
            "không phải UTF-8 ở byte {offset} (dòng {line}): lưu lại dạng CSV UTF-8, hoặc dùng --encoding windows-1258",
            "not UTF-8 at byte {offset} (line {line}): save as CSV UTF-8, or give --encoding windows-1258"
        ),
        OddUtf16 => loc!("tệp UTF-16 có số byte lẻ: tệp bị cắt cụt", "a UTF-16 file with an odd number of bytes: it is cut short"),
        Binary => loc!(
            "tệp nhị phân, không phải văn bản CSV: trong Excel chọn Lưu thành > CSV",
            "a binary file, not CSV text: in Excel use Save As > CSV"
        ),
    }
}

/// The TOML reader's message, with a Vietnamese reading of the usual cases.
pub fn seed_toml_error(message: &str) -> Localized {
    let vi = if message.contains("expected f64") || message.contains("expected a number") {
        "phải là một số (không đặt trong ngoặc kép)".to_string()
    } else if let Some(field) = message.strip_prefix("missing field ") {
        format!("thiếu trường {field}")
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        format!("trường không hợp lệ {rest}")
    } else {
        format!("tệp TOML sai cú pháp hoặc kiểu dữ liệu: {message}")
    };
    Localized {
        vi,
        en: message.trim().to_string(),
    }
}

// ---- Templates and workbooks ------------------------------------------------------------------

pub const TEMPLATE_SHEET_INDICATORS: (&str, &str) = ("Chỉ tiêu", "Indicators");
pub const TEMPLATE_SHEET_TASKS: (&str, &str) = ("Nhiệm vụ", "Tasks");
pub const TEMPLATE_TASKS_SUFFIX: (&str, &str) = ("nhiem-vu", "tasks");
// The headers a unit sees are the long layout's own, so a filled template needs no mapping.
pub const TEMPLATE_INDICATOR: (&str, &str) = ("Mã chỉ tiêu", "Indicator");
pub const TEMPLATE_INDICATOR_TEXT: (&str, &str) = ("Nội dung chỉ tiêu", "Indicator text");
pub const TEMPLATE_TARGET: (&str, &str) = ("Chỉ tiêu đề ra", "Target");
pub const TEMPLATE_UNIT_OF_MEASURE: (&str, &str) = ("Đơn vị tính", "Unit of measure");
pub const TEMPLATE_UNIT: (&str, &str) = ("Đơn vị", "Unit");
pub const TEMPLATE_DATE: (&str, &str) = ("Ngày", "Date");
pub const TEMPLATE_VALUE: (&str, &str) = ("Giá trị", "Value");
pub const TEMPLATE_NUMERATOR: (&str, &str) = ("Tử số", "Numerator");
pub const TEMPLATE_DENOMINATOR: (&str, &str) = ("Mẫu số", "Denominator");
pub const TEMPLATE_NOTE: (&str, &str) = ("Ghi chú", "Note");
pub const TEMPLATE_TASK: (&str, &str) = ("Mã nhiệm vụ", "Task");
pub const TEMPLATE_TASK_TEXT: (&str, &str) = ("Nội dung nhiệm vụ", "Task text");
pub const TEMPLATE_PHASE: (&str, &str) = ("Giai đoạn", "Phase");
pub const TEMPLATE_DEADLINE: (&str, &str) = ("Hạn", "Deadline");
pub const TEMPLATE_STATUS_NOW: (&str, &str) = ("Trạng thái hiện tại", "Current status");
pub const TEMPLATE_STATUS: (&str, &str) = ("Trạng thái", "Status");
pub const TEMPLATE_CHOICE_IN_PROGRESS: (&str, &str) = ("Đang thực hiện", "in progress");
pub const TEMPLATE_CHOICE_DONE: (&str, &str) = ("Hoàn thành", "done");
pub const TEMPLATE_CHOICE_CANCELLED: (&str, &str) = ("Hủy", "cancelled");
pub const TEMPLATE_INDICATOR_INSTRUCTIONS: (&str, &str) = (
    "Điền cột Giá trị (chỉ tiêu tỷ lệ: có thể điền Tử số và Mẫu số thay cho Giá trị); để trống nếu chưa có số liệu. Không sửa các cột màu xám. Lưu tệp và gửi lại Văn phòng.",
    "Fill in the Value column (ratio indicators: Numerator and Denominator instead); leave it blank when there is no figure. Do not change the grey columns. Save the file and send it back.",
);
pub const TEMPLATE_STATUS_ERROR: (&str, &str) = (
    "Chọn một trạng thái trong danh sách.",
    "Choose a status from the list.",
);
pub const TEMPLATE_DATE_ERROR: (&str, &str) = (
    "Ngày phải trong thời gian kế hoạch và không sau kỳ báo cáo.",
    "The date must fall within the plan and not after the period.",
);
pub const TEMPLATE_NUMBER_ERROR: (&str, &str) = (
    "Nhập một số (tỷ lệ %: từ 0 đến 100).",
    "Enter a number (a percentage: 0 to 100).",
);

/// "tháng 11/2026 (01/11/2026 - 30/11/2026)", "tuần 48/2026 (…)", "quý IV/2026 (…)".
pub fn period_text(lang: Lang, period: &crate::plan::period::Period) -> String {
    format!(
        "{} ({} - {})",
        period_name(lang, period),
        lang.date(period.start),
        lang.date(period.end)
    )
}

/// "tháng 11/2026", "tuần 48/2026", "quý IV/2026", "6 tháng cuối năm 2026", "năm 2026".
pub fn period_name(lang: Lang, period: &crate::plan::period::Period) -> String {
    use crate::plan::period::PeriodKind;
    use chrono::Datelike;
    let (year, month) = (period.start.year(), period.start.month());
    let week = period.start.iso_week();
    let quarter = ["I", "II", "III", "IV"][(period.start.month0() / 3) as usize];
    let first_half = month <= 6;
    match (period.kind, lang) {
        (PeriodKind::Week, Lang::Vi) => format!("tuần {}/{}", week.week(), week.year()),
        (PeriodKind::Week, Lang::En) => format!("week {}/{}", week.week(), week.year()),
        (PeriodKind::Month, Lang::Vi) => format!("tháng {month:02}/{year}"),
        (PeriodKind::Month, Lang::En) => format!("month {month:02}/{year}"),
        (PeriodKind::Quarter, Lang::Vi) => format!("quý {quarter}/{year}"),
        (PeriodKind::Quarter, Lang::En) => format!("quarter {quarter}/{year}"),
        (PeriodKind::Half, Lang::Vi) if first_half => format!("6 tháng đầu năm {year}"),
        (PeriodKind::Half, Lang::Vi) => format!("6 tháng cuối năm {year}"),
        (PeriodKind::Half, Lang::En) if first_half => format!("first half of {year}"),
        (PeriodKind::Half, Lang::En) => format!("second half of {year}"),
        (PeriodKind::Year, Lang::Vi) => format!("năm {year}"),
        (PeriodKind::Year, Lang::En) => format!("year {year}"),
    }
}

pub const TEMPLATE_TITLE_INDICATORS: (&str, &str) = ("Số liệu chỉ tiêu", "Indicator figures");
pub const TEMPLATE_TITLE_TASKS: (&str, &str) = ("Tiến độ nhiệm vụ", "Task progress");

/// The title of a template's sheet: "Số liệu chỉ tiêu Kế hoạch 118/KH-UBND - Khu phố 1 - tháng …".
pub fn template_title(
    lang: Lang,
    what: (&str, &str),
    plan: &str,
    unit: &str,
    period: &crate::plan::template::Period,
) -> String {
    let (what, period) = (lang.pick(what), period_text(lang, period));
    match lang {
        Lang::Vi => format!("{what} Kế hoạch {plan} - {unit} - {period}"),
        Lang::En => format!("{what}, plan {plan} - {unit} - {period}"),
    }
}

/// The instructions above a template's task sheet.
pub fn template_task_instructions(lang: Lang, end: NaiveDate) -> String {
    let end = lang.date(end);
    match lang {
        Lang::Vi => format!("Với nhiệm vụ có thay đổi: chọn Trạng thái và ghi Ngày (để trống: {end}). Để trống nếu không có gì thay đổi. Không sửa các cột màu xám."),
        Lang::En => format!("For a task that changed: choose its Status and write the Date (blank: {end}). Leave it blank when nothing changed. Do not change the grey columns."),
    }
}

/// What `template` wrote.
pub fn template_written(
    path: impl Display,
    unit: impl Display,
    indicators: usize,
    tasks: usize,
) -> Localized {
    loc!(
        "Đã ghi {path}: mẫu của {unit}, {indicators} chỉ tiêu, {tasks} nhiệm vụ",
        "Wrote {path}: {unit}'s template, {indicators} indicators, {tasks} tasks"
    )
}

/// The units `template --unit all` wrote nothing for.
pub fn template_units_without_work(units: impl Display) -> Localized {
    loc!(
        "Không lập mẫu cho các đơn vị không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở: {units}",
        "No template for the units with no indicator to report and no open task: {units}"
    )
}

/// A template asked for a unit with nothing to fill.
pub fn template_unit_without_work(unit: impl Display) -> Localized {
    loc!(
        "Đơn vị {unit} không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở trong kỳ này: không có gì để lập mẫu",
        "Unit {unit} has no indicator to report and no open task in this period: no template to make"
    )
}

/// `--out` with an extension `template` cannot write.
pub fn template_out_unknown(path: impl Display) -> Localized {
    loc!(
        "Không biết ghi mẫu ra {path}: dùng tên tệp .xlsx hoặc .csv, hoặc một thư mục (kết thúc bằng /) khi --unit all",
        "Cannot write a template to {path}: use a .xlsx or .csv file name, or a directory (ending in /) with --unit all"
    )
}

/// A workbook calamine cannot open.
pub fn workbook_unreadable(file: impl Display, reason: impl Display) -> Localized {
    loc!(
        "{file}: không đọc được bảng tính ({reason}). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại",
        "{file}: the workbook cannot be read ({reason}). Open it in Excel or LibreOffice, save it as .xlsx and import again"
    )
}

/// The mapping's sheet is not in the workbook.
pub fn sheet_missing(file: impl Display, sheet: impl Display, sheets: impl Display) -> Localized {
    loc!(
        "{file}: không có trang «{sheet}»; các trang có: {sheets}",
        "{file}: no sheet \"{sheet}\"; the sheets are: {sheets}"
    )
}

/// A workbook with nothing in it.
pub fn workbook_empty(file: impl Display) -> Localized {
    loc!(
        "{file}: bảng tính trống, không trang nào có dòng tiêu đề",
        "{file}: the workbook is empty, no sheet has a header row"
    )
}

/// A template made for another plan.
pub fn template_other_plan(
    file: impl Display,
    theirs: impl Display,
    ours: impl Display,
) -> Localized {
    loc!(
        "{file}: mẫu này lập cho Kế hoạch {theirs}, cơ sở dữ liệu đang theo dõi Kế hoạch {ours}",
        "{file}: this template is for plan {theirs}; the database tracks plan {ours}"
    )
}

/// A template made before the plan was amended.
pub fn template_old_version(
    file: impl Display,
    unit: impl Display,
    period: impl Display,
) -> Localized {
    loc!(
        "{file}: mẫu này lập theo một phiên bản cũ của kế hoạch (trước khi kế hoạch được nạp lại); các chỉ tiêu có thể đã đổi. Lập mẫu mới bằng «kehoach template --unit {unit} --as-of {period}» và gửi lại đơn vị",
        "{file}: this template was made from an older version of the plan (before it was reloaded); its indicators may have changed. Make a new one with \"kehoach template --unit {unit} --as-of {period}\" and send it to the unit again"
    )
}

/// A template made by a newer kehoach.
pub fn template_newer_layout(file: impl Display, layout: impl Display) -> Localized {
    loc!(
        "{file}: mẫu này do một phiên bản kehoach mới hơn lập (kiểu mẫu {layout}); hãy cập nhật kehoach",
        "{file}: this template was made by a newer kehoach (layout {layout}); update kehoach"
    )
}

/// The rows left blank, skipped.
pub fn rows_blank(count: impl Display) -> Localized {
    loc!(
        "{count} dòng để trống giá trị (hoặc trạng thái): bỏ qua",
        "{count} row(s) with no value (or status): skipped"
    )
}

/// Where a workbook row's problem is: "so-lieu.xlsx [Chỉ tiêu] ô G7 (Giá trị)".
pub fn cell_place(
    file: &str,
    sheet: &str,
    column: Option<String>,
    row: u64,
    field: Option<&str>,
) -> Localized {
    let field = field.map(|f| format!(" ({f})")).unwrap_or_default();
    match column {
        Some(column) => loc!(
            "{file} [{sheet}] ô {column}{row}{field}",
            "{file} [{sheet}] cell {column}{row}{field}"
        ),
        None => loc!("{file} [{sheet}] dòng {row}", "{file} [{sheet}] row {row}"),
    }
}

// ---- Official blocks (Nghị định 30/2020/NĐ-CP): Vietnamese in every language --------------------

/// The national motto block (Quốc hiệu và Tiêu ngữ).
pub const OFFICIAL_MOTTO: [&str; 2] = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];
pub const OFFICIAL_RECIPIENTS: &str = "Nơi nhận:";
/// The signer's collective when the seed's `[report]` names none.
pub const DEFAULT_AUTHORITY: &str = "TM. ỦY BAN NHÂN DÂN";
/// The signer's title when neither `[report]` nor `[plan]` names one.
pub const DEFAULT_SIGNER_TITLE: &str = "CHỦ TỊCH";
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

// ---- The periodic report (baocao) ---------------------------------------------------------------

pub const BAOCAO_RESULTS: (&str, &str) = ("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS");
pub const BAOCAO_ASSESSMENT: (&str, &str) = ("II. ĐÁNH GIÁ CHUNG", "II. OVERALL ASSESSMENT");
pub const BAOCAO_NEXT: (&str, &str) = (
    "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    "III. TASKS FOR THE NEXT PERIOD",
);
pub const BAOCAO_NEXT_PHASE: (&str, &str) = ("giai đoạn tiếp theo", "the next phase");
pub const BAOCAO_NOTHING_OVERDUE: (&str, &str) = (
    "Không có nhiệm vụ hay chỉ tiêu nào quá hạn.",
    "No task or indicator is overdue.",
);
pub const BAOCAO_OVERDUE_CAPTION: (&str, &str) = (
    "Việc quá hạn theo đơn vị chủ trì",
    "Overdue items by lead unit",
);
pub const BAOCAO_OVERDUE_COLUMNS: [(&str, &str); 3] =
    [("Đơn vị", "Unit"), ("Số việc", "Items"), ("Mã", "Codes")];
pub const BAOCAO_INDICATOR_COLUMNS: [(&str, &str); 7] = [
    ("Mã", "Code"),
    ("Chỉ tiêu", "Indicator"),
    ("Mục tiêu", "Target"),
    ("Hạn", "Deadline"),
    ("Kết quả", "Reached"),
    ("Cùng kỳ", "Same period before"),
    ("Đánh giá", "Assessment"),
];
pub const BAOCAO_NEXT_COLUMNS: [(&str, &str); 4] = [
    ("Mã", "Code"),
    ("Nội dung", "Item"),
    ("Chủ trì", "Lead"),
    ("Hạn", "Due"),
];
pub const BAOCAO_ASSESSMENT_PLACEHOLDER: (&str, &str) = (
    "[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]",
    "[To be written by the Office: notable results; shortcomings and their causes; units that did well, units that are behind.]",
);
pub const BAOCAO_NEXT_PLACEHOLDER: (&str, &str) = (
    "[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]",
    "[To be written by the Office: measures, recommendations, proposals.]",
);

/// The report's first sentence: the plan it answers to, the period and the day its figures
/// stand on.
pub fn baocao_opening(
    lang: Lang,
    plan_number: &str,
    plan_date: NaiveDate,
    issuer: &str,
    period: Option<&crate::plan::period::Period>,
) -> String {
    // As in the abstract: "ngày 30/5/2026".
    let date = plan_date.format("%-d/%-m/%Y");
    match (lang, period) {
        (Lang::Vi, Some(p)) => format!(
            "Thực hiện Kế hoạch số {plan_number} ngày {date}, {issuer} báo cáo kết quả thực hiện {} (từ ngày {} đến ngày {}) như sau:",
            period_name(lang, p), lang.date(p.start), lang.date(p.end)
        ),
        (Lang::Vi, None) => format!(
            "Thực hiện Kế hoạch số {plan_number} ngày {date}, {issuer} báo cáo kết quả thực hiện đến hết giai đoạn vừa kết thúc của từng nội dung (số liệu tính đến ngày kết thúc giai đoạn, ghi ở từng nội dung) như sau:"
        ),
        (Lang::En, Some(p)) => format!(
            "Under Plan No. {plan_number} of {date}, {issuer} reports the results for {} ({} to {}) as follows:",
            period_name(lang, p), lang.date(p.start), lang.date(p.end)
        ),
        (Lang::En, None) => format!(
            "Under Plan No. {plan_number} of {date}, {issuer} reports the results up to the end of each content's latest finished phase (figures as of that day, given under each content) as follows:"
        ),
    }
}

/// "Bảng 3. …".
pub fn baocao_table_caption(lang: Lang, number: usize, text: &str) -> String {
    match lang {
        Lang::Vi => format!("Bảng {number}. {text}"),
        Lang::En => format!("Table {number}. {text}"),
    }
}

pub fn baocao_indicators_caption(lang: Lang, content: &str, day: NaiveDate) -> String {
    let day = lang.date(day);
    match lang {
        Lang::Vi => format!("Kết quả các chỉ tiêu của {content} đến hết ngày {day}"),
        Lang::En => format!("{content}'s indicators at the end of {day}"),
    }
}

pub fn baocao_phase_line(
    lang: Lang,
    number: u8,
    name: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> String {
    let (start, end) = (lang.date(start), lang.date(end));
    match lang {
        Lang::Vi => format!("Giai đoạn {number} ({name}): {start} - {end}."),
        Lang::En => format!("Phase {number} ({name}): {start} - {end}."),
    }
}

/// The tasks of a content in one sentence.
pub fn baocao_tasks_line(
    lang: Lang,
    on_time: usize,
    late: usize,
    overdue: &[&str],
    open: usize,
) -> String {
    let codes = if overdue.is_empty() {
        String::new()
    } else {
        format!(" ({})", overdue.join(", "))
    };
    let count = overdue.len();
    match lang {
        Lang::Vi => format!("Nhiệm vụ: {on_time} hoàn thành đúng hạn, {late} hoàn thành trễ hạn, {count} quá hạn chưa hoàn thành{codes}, {open} chưa đến hạn."),
        Lang::En => format!("Tasks: {on_time} done on time, {late} done late, {count} overdue{codes}, {open} not yet due."),
    }
}

/// The phase grid's caption: judged at the end of one day, or each content at the end of
/// its own latest finished phase.
pub fn baocao_phases_caption(lang: Lang, day: Option<NaiveDate>) -> String {
    match (day, lang) {
        (Some(day), Lang::Vi) => format!(
            "Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày {}",
            lang.date(day)
        ),
        (Some(day), Lang::En) => format!(
            "Compliance by content and phase, at the end of {}",
            lang.date(day)
        ),
        (None, Lang::Vi) => "Tỷ lệ hoàn thành theo nội dung và giai đoạn, mỗi nội dung đến hết giai đoạn vừa kết thúc".to_string(),
        (None, Lang::En) => "Compliance by content and phase, each content at the end of its latest finished phase".to_string(),
    }
}

/// The overall rate under the phase grid, from the grid's own total.
pub fn baocao_overall_line(lang: Lang, tally: &crate::plan::compliance::Tally) -> String {
    let (met, due, late, overdue) = (
        tally.items_met,
        tally.items_due,
        tally.items_late,
        tally.items_overdue,
    );
    match (tally.compliance_pct(), lang) {
        (Some(pct), Lang::Vi) => format!(
            "Tính chung, {met}/{due} nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn ({}); {late} đạt nhưng trễ hạn; {overdue} quá hạn chưa đạt.",
            lang.percent((pct * 10.0).round() / 10.0)
        ),
        (Some(pct), Lang::En) => format!(
            "Overall, {met} of {due} tasks and indicator targets due were met on time ({}); {late} were met late; {overdue} are overdue.",
            lang.percent((pct * 10.0).round() / 10.0)
        ),
        (None, _) => lang
            .pick((
                "Chưa có nhiệm vụ hay chỉ tiêu nào đến hạn.",
                "No task or indicator target is due yet.",
            ))
            .to_string(),
    }
}

/// An indicator's standing against its final target before that target falls due.
pub fn standing_before_deadline(lang: Lang, status: Status) -> String {
    match lang {
        Lang::Vi => format!("chưa đến hạn; hiện {}", self::status(lang, status)),
        Lang::En => format!("not yet due; now {}", self::status(lang, status)),
    }
}

/// What went well and what is behind among the indicators of section I.
pub fn baocao_indicators_line(lang: Lang, met: &[&str], not_met: &[&str], total: usize) -> String {
    let list = |codes: &[&str]| {
        if codes.is_empty() {
            lang.pick(("không có", "none")).to_string()
        } else {
            codes.join(", ")
        }
    };
    let unknown = total - met.len() - not_met.len();
    let (m, n) = (met.len(), not_met.len());
    let (met, not_met) = (list(met), list(not_met));
    match lang {
        Lang::Vi => format!("Về chỉ tiêu: {m}/{total} chỉ tiêu đạt mục tiêu ({met}); {n} chỉ tiêu chưa đạt ({not_met}); {unknown} chỉ tiêu chưa có số liệu hoặc mốc so sánh."),
        Lang::En => format!("Indicators: {m} of {total} meet their target ({met}); {n} do not ({not_met}); {unknown} have no figure or baseline yet."),
    }
}

pub fn baocao_next_caption(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Nhiệm vụ và chỉ tiêu đến hạn trong {name}"),
        Lang::En => format!("Tasks and indicator targets due in {name}"),
    }
}

pub fn baocao_nothing_next(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Không có nhiệm vụ hay chỉ tiêu nào đến hạn trong {name}."),
        Lang::En => format!("No task or indicator target falls due in {name}."),
    }
}

/// `baocao --out` with an extension it cannot write.
pub fn baocao_out_unknown(path: impl Display) -> Localized {
    loc!(
        "Không biết ghi báo cáo ra {path}: dùng tên tệp .docx, .md hoặc .html",
        "Cannot write the report to {path}: use a .docx, .md or .html file name"
    )
}

/// A report period that ended before the plan began.
pub fn baocao_before_plan(
    period_vi: impl Display,
    period_en: impl Display,
    start: NaiveDate,
) -> Localized {
    let start = format_date_vi(start);
    loc!(
        "Kỳ báo cáo {period_vi} kết thúc trước khi kế hoạch bắt đầu ({start}): chọn --as-of muộn hơn hoặc một kỳ khác",
        "The report period {period_en} ends before the plan began ({start}): choose a later --as-of or another period"
    )
}

/// `--period phase` before any phase has ended.
pub fn baocao_no_phase_ended(today: NaiveDate) -> Localized {
    let today = format_date_vi(today);
    loc!(
        "Đến ngày {today} chưa có giai đoạn nào kết thúc: chưa có gì để báo cáo theo giai đoạn",
        "No phase has ended by {today}: nothing to report by phase yet"
    )
}
