//! Every sentence and label a user sees, in Vietnamese and English, in one place.
//!
//! Labels are `(vi, en)` pairs picked with [`Lang::pick`]; messages with values are functions
//! returning [`Localized`], so an error can be made once and shown in the user's language.

use chrono::NaiveDate;

use crate::input::date::format_date_vi;
use crate::input::number::format_number;
use crate::plan::compliance::{Outcome, TaskAction, TaskStatus};
use crate::plan::measure::{Status, Trend};
use crate::plan::validate::Breach;
use crate::plan::{ContentKind, IndicatorKind};

/// The language of everything shown: Vietnamese unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The Vietnamese or the English of a pair.
    pub fn pick<'a>(self, pair: (&'a str, &'a str)) -> &'a str {
        match self {
            Self::Vi => pair.0,
            Self::En => pair.1,
        }
    }

    /// A date as this language's readers write it: dd/mm/yyyy (the office habit) in both.
    pub fn date(self, day: NaiveDate) -> String {
        format_date_vi(day)
    }

    /// A number with this language's decimal mark: 95,5 in Vietnamese, 95.5 in English.
    pub fn number(self, value: f64) -> String {
        format_number(value, self == Self::Vi)
    }

    /// A percentage: "95,5%".
    pub fn percent(self, value: f64) -> String {
        format!("{}%", self.number(value))
    }
}

/// A sentence in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub vi: String,
    pub en: String,
}

impl Localized {
    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// The same sentence in both languages (codes, file names).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            vi: text.clone(),
            en: text,
        }
    }

    /// Puts `prefix` in front of both languages' sentences.
    pub fn prefixed(&self, prefix: &str) -> Self {
        Self {
            vi: format!("{prefix}{}", self.vi),
            en: format!("{prefix}{}", self.en),
        }
    }
}

/// `loc!("vi {x}", "en {x}")`: a [`Localized`] formatted in both languages.
#[macro_export]
macro_rules! loc {
    ($vi:expr, $en:expr $(, $name:ident = $value:expr)* $(,)?) => {
        {
            $(let $name = $value;)*
            $crate::output::i18n::Localized { vi: format!($vi), en: format!($en) }
        }
    };
}

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
    }
}

/// The seed was refused; the details list each problem.
pub fn seed_rejected(file: &str, count: usize) -> Localized {
    loc!(
        "Tệp kế hoạch {file} không hợp lệ ({count} lỗi); chưa ghi gì vào cơ sở dữ liệu:",
        "The seed {file} is invalid ({count} problem(s)); nothing was written:"
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
        DatabaseFailure::Other => loc!("Lỗi cơ sở dữ liệu {shown}: {error}", "Database error in {shown}: {error}"),
    }
}

/// The kinds of database failure with a sentence of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseFailure {
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
