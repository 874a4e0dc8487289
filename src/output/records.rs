//! Messages about recording values and task events, and correcting them: what was stored, what
//! was refused and why, and the codes, units and dates that do not exist. Typed values in
//! (dates as dates, figures as numbers), a sentence in either language out.

use chrono::NaiveDate;

use crate::output::figures::shown_reading;
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::output::{clerk, labels, periods};
use crate::plan::compliance::TaskAction;
use crate::plan::measure::{Reading, ReadingProblem};

/// A stored figure with its unit of measure, shown as the clerk typed it: "91,56% (412/450)".
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub reading: Reading,
    pub unit_of_measure: String,
}

impl Figure {
    fn render(&self, lang: Lang) -> String {
        shown_reading(lang, &self.reading, &self.unit_of_measure)
    }
}

/// What happened to a value `record` was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    New,
    Corrected,
    /// The same value was already there.
    Unchanged,
}

/// A mark after an indicator's code: the period a flow's figure covers, or a baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// "kỳ 08/2026".
    Period(String),
    /// "mốc so sánh".
    Baseline,
}

/// Everything said about recording and looking things up.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordMessage {
    /// An indicator code that does not exist, with the nearest codes.
    UnknownIndicator {
        code: String,
        suggestions: Vec<String>,
    },
    /// A task code that does not exist, with the nearest codes.
    UnknownTask {
        code: String,
        suggestions: Vec<String>,
    },
    /// A unit that does not exist, with the nearest codes.
    UnknownUnit {
        text: String,
        suggestions: Vec<String>,
    },
    /// A content code that does not exist, and the contents there are.
    UnknownContent { code: String, all: String },
    /// A date after today.
    DateInFuture { day: NaiveDate, today: NaiveDate },
    /// A date outside the plan's span.
    DateOutsidePlan {
        day: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// Why a value was refused for an indicator.
    Reading {
        problem: ReadingProblem,
        indicator: String,
        unit_of_measure: String,
    },
    /// A different value for a day that already has one (`record` without `--correct`).
    AlreadyRecorded {
        code: String,
        unit: String,
        day: NaiveDate,
        old: Figure,
        by: Option<String>,
        /// The stored time, already in the local zone.
        at: String,
    },
    /// A file's value that differs from the stored one (`import` without `--correct`).
    ValueDiffers {
        code: String,
        unit: String,
        day: NaiveDate,
        old: f64,
        new: f64,
    },
    /// A correction without its reason.
    CorrectionNeedsNote,
    /// What `record` did with a value.
    Stored {
        outcome: Stored,
        code: String,
        marks: Vec<Mark>,
        figure: Figure,
        unit: String,
        day: NaiveDate,
    },
    /// A task's status changed.
    TaskChanged {
        code: String,
        action: TaskAction,
        day: NaiveDate,
    },
    /// How late a task was done (after [`RecordMessage::TaskChanged`], with its leading space).
    TaskDoneLate { days: i64, deadline: NaiveDate },
    /// A task status the import does not know.
    StatusNotUnderstood { status: String },
}

/// Suggestions as " (có phải X?)" / " (did you mean X?)".
fn hint(lang: Lang, suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let list = suggestions.join(", ");
    say!(lang, " (có phải {list}?)", " (did you mean {list}?)")
}

impl RecordMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use RecordMessage::*;
        match self {
            UnknownIndicator { code, suggestions } => say!(lang,
                "Chỉ tiêu {code} không tồn tại{hint}; xem danh sách bằng «kehoach plan indicators»",
                "Indicator {code} does not exist{hint}; list them with \"kehoach plan indicators\"",
                hint = hint(lang, suggestions)
            ),
            UnknownTask { code, suggestions } => say!(lang,
                "Nhiệm vụ {code} không tồn tại{hint}; xem danh sách bằng «kehoach plan tasks»",
                "Task {code} does not exist{hint}; list them with \"kehoach plan tasks\"",
                hint = hint(lang, suggestions)
            ),
            UnknownUnit { text, suggestions } => say!(lang,
                "Đơn vị {text} không tồn tại{hint}; xem danh sách bằng «kehoach plan units»",
                "Unit {text} does not exist{hint}; list them with \"kehoach plan units\"",
                hint = hint(lang, suggestions)
            ),
            UnknownContent { code, all } => say!(lang,
                "Nội dung {code} không tồn tại; các nội dung: {all}",
                "Content {code} does not exist; the contents are {all}"
            ),
            DateInFuture { day, today } => say!(lang,
                "Ngày {day} sau ngày hôm nay ({today}): không nhập số liệu cho ngày chưa tới",
                "The date {day} is after today ({today}): no figures for days still to come",
                day = lang.date(*day),
                today = lang.date(*today)
            ),
            DateOutsidePlan { day, start, end } => say!(lang,
                "Ngày {day} nằm ngoài thời gian của kế hoạch ({start} – {end}); số liệu năm trước nhập với --baseline",
                "The date {day} is outside the plan ({start} – {end}); last year's figure goes in with --baseline",
                day = lang.date(*day),
                start = lang.date(*start),
                end = lang.date(*end)
            ),
            Reading { problem, indicator, unit_of_measure } => {
                reading_problem(lang, *problem, indicator, unit_of_measure)
            }
            AlreadyRecorded { code, unit, day, old, by, at } => say!(lang,
                "{code} của {unit} ngày {day} đã có giá trị {old} (do {by} nhập lúc {at}). Nếu cần sửa, thêm --correct --note \"lý do\"; giá trị cũ vẫn được giữ trong lịch sử.",
                "{code} for {unit} on {day} already has the value {old} (recorded by {by} at {at}). To change it, add --correct --note \"reason\"; the old value stays in the history.",
                day = lang.date(*day),
                old = old.render(lang),
                by = clerk::who(lang, by.as_deref())
            ),
            ValueDiffers { code, unit, day, old, new } => say!(lang,
                "{code} của {unit} ngày {day} đã có giá trị {old}, tệp ghi {new}: dùng --correct nếu đây là số liệu đính chính",
                "{code} for {unit} on {day} is already {old}, the file says {new}: use --correct if this corrects it",
                day = lang.date(*day),
                old = lang.number(*old),
                new = lang.number(*new)
            ),
            CorrectionNeedsNote => say!(lang,
                "Đính chính cần ghi lý do: thêm --note \"lý do\"",
                "A correction needs its reason: add --note \"reason\""
            ),
            Stored { outcome, code, marks, figure, unit, day } => {
                let what = if marks.is_empty() {
                    String::new()
                } else {
                    let marks: Vec<String> = marks
                        .iter()
                        .map(|mark| match mark {
                            Mark::Period(period) => periods::period_mark(lang, period),
                            Mark::Baseline => lang.pick(labels::BASELINE_MARK).to_string(),
                        })
                        .collect();
                    format!(" ({})", marks.join(", "))
                };
                let (shown, day) = (figure.render(lang), lang.date(*day));
                match outcome {
                    self::Stored::New => say!(lang,
                        "Đã ghi {code}{what} = {shown} cho {unit} ngày {day}.",
                        "Recorded {code}{what} = {shown} for {unit} on {day}."
                    ),
                    self::Stored::Corrected => say!(lang,
                        "Đã đính chính {code}{what} của {unit} ngày {day} thành {shown}; giá trị cũ vẫn lưu trong lịch sử.",
                        "Corrected {code}{what} for {unit} on {day} to {shown}; the old value stays in the history."
                    ),
                    self::Stored::Unchanged => say!(lang,
                        "{code}{what} = {shown} của {unit} ngày {day} đã có, không thay đổi gì.",
                        "{code}{what} = {shown} for {unit} on {day} is already recorded; nothing changed."
                    ),
                }
            }
            TaskChanged { code, action, day } => say!(lang,
                "Nhiệm vụ {code}: {what} ngày {day}.",
                "Task {code}: {what} on {day}.",
                what = labels::task_action(lang, *action),
                day = lang.date(*day)
            ),
            TaskDoneLate { days, deadline } => say!(lang,
                " Trễ {days} so với hạn {deadline}.",
                " {days} after its deadline {deadline}.",
                days = clerk::count(lang, *days, ("ngày", "day"), ("ngày", "days")),
                deadline = lang.date(*deadline)
            ),
            StatusNotUnderstood { status } => say!(lang,
                "trạng thái «{status}» không hiểu được: dùng hoàn thành, đang thực hiện, hủy hoặc mở lại",
                "status \"{status}\" is not understood: use done, in progress, cancelled or reopened"
            ),
        }
    }
}

crate::output::lang::in_both_languages!(RecordMessage);

/// Why a value was refused for an indicator, its figures in `lang`'s decimal mark.
fn reading_problem(
    lang: Lang,
    problem: ReadingProblem,
    indicator: &str,
    unit_of_measure: &str,
) -> String {
    use ReadingProblem::*;
    let number = |x: f64| lang.number(x);
    match problem {
        OverHundred(value) => say!(lang,
            "{indicator} là tỷ lệ: {value}% vượt quá 100%",
            "{indicator} is a rate: {value}% is over 100%",
            value = number(value)
        ),
        Negative(value) => say!(lang,
            "{indicator} không nhận số âm ({value})",
            "{indicator} takes no negative figure ({value})",
            value = number(value)
        ),
        NumeratorOverDenominator(numerator, denominator) => say!(lang,
            "tử số {numerator} lớn hơn mẫu số {denominator}: viết số đạt/tổng số, ví dụ 412/450",
            "numerator {numerator} is greater than denominator {denominator}: write achieved/total, e.g. 412/450",
            numerator = number(numerator),
            denominator = number(denominator)
        ),
        ZeroDenominator => say!(lang,
            "mẫu số bằng 0: không tính được tỷ lệ",
            "the denominator is 0: no rate can be computed"
        ),
        NotARate => say!(lang,
            "{indicator} tính bằng «{unit_of_measure}», không phải tỷ lệ: nhập một con số, ví dụ 12",
            "{indicator} is counted in \"{unit_of_measure}\", not a rate: enter a plain number, e.g. 12"
        ),
    }
}
