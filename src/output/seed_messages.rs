//! Messages of `init`: a seed that cannot be read, what in it breaks the plan's rules, and what
//! loading it changed. Typed values in, a sentence in either language out.

use chrono::NaiveDate;

use crate::output::clerk::count;
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::output::problems::Message;
use crate::plan::validate::Breach;

/// What an amended seed changed, by kind: the heading of one line of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedChange {
    Added,
    Changed,
    Removed,
    /// Dropped by the seed but kept, retired, because they hold data.
    Retired,
}

/// Everything `init` says about a seed.
#[derive(Debug, Clone, PartialEq)]
pub enum SeedMessage {
    /// A breach of the plan's rules (also what `check` finds in a stored plan).
    Breach(Breach),
    /// The seed was refused; its problems are listed under this line.
    Rejected { file: String, problems: usize },
    /// A seed file that is not UTF-8.
    NotUtf8 { path: String },
    /// A seed file that cannot be read.
    Unreadable { path: String, error: String },
    /// The TOML reader's message, with a Vietnamese reading of the usual cases.
    Toml { message: String },
    /// A content kind the seed format does not know.
    ContentKindInvalid { name: String },
    /// An indicator kind the seed format does not know.
    IndicatorKindInvalid { name: String, known: String },
    /// A comparator the seed format does not know.
    ComparatorInvalid { symbol: String },
    /// A reduction or growth indicator without a baseline year.
    BaselineNeeded { kind: String },
    /// A plan loaded, with its counts.
    PlanLoaded {
        number: String,
        db: String,
        contents: usize,
        indicators: usize,
        tasks: usize,
        units: usize,
    },
    /// Loading the same plan again.
    PlanUnchanged { number: String, db: String },
    /// One line of what an amended seed changed.
    Changes { change: SeedChange, codes: String },
    /// A seed that drops items holding data, refused without --force.
    DropsData { file: String },
    /// One item a new seed drops, and how much data it holds.
    Orphan { code: String, records: i64 },
}

/// Where in a seed a problem is: "ke-hoach.toml:12:5: ".
pub fn at_file(file: &str, line: usize, column: usize) -> String {
    format!("{file}:{line}:{column}: ")
}

impl SeedMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use SeedMessage::*;
        match self {
            Breach(breach) => self::breach(lang, breach),
            Rejected { file, problems } => say!(lang,
                "Tệp kế hoạch {file} không hợp lệ ({problems}); chưa ghi gì vào cơ sở dữ liệu:",
                "The seed {file} is invalid ({problems}); nothing was written:",
                problems = count(lang, *problems as i64, ("lỗi", "problem"), ("lỗi", "problems"))
            ),
            NotUtf8 { path } => say!(lang,
                "Tệp kế hoạch {path} không phải UTF-8: lưu lại với mã hóa UTF-8",
                "The seed {path} is not UTF-8: save it as UTF-8"
            ),
            Unreadable { path, error } => say!(lang,
                "Không đọc được tệp kế hoạch {path}: {error}",
                "Cannot read the seed {path}: {error}"
            ),
            Toml { message } => toml_error(lang, message),
            ContentKindInvalid { name } => say!(lang,
                "loại nội dung «{name}» không hợp lệ: dùng focal hoặc further",
                "content kind \"{name}\" is not valid: use focal or further"
            ),
            IndicatorKindInvalid { name, known } => say!(lang,
                "loại chỉ tiêu «{name}» không hợp lệ: dùng một trong {known}",
                "indicator kind \"{name}\" is not valid: use one of {known}"
            ),
            ComparatorInvalid { symbol } => say!(lang,
                "phép so sánh «{symbol}» không hợp lệ: dùng >=, >, <=, < hoặc =",
                "comparator \"{symbol}\" is not valid: use >=, >, <=, < or ="
            ),
            BaselineNeeded { kind } => say!(lang,
                "chỉ tiêu loại {kind} cần baseline = {{ year = ... }} (năm so sánh)",
                "a {kind} indicator needs baseline = {{ year = ... }}"
            ),
            PlanLoaded { number, db, contents, indicators, tasks, units } => say!(lang,
                "Đã nạp Kế hoạch {number} vào {db}: {contents}, {indicators}, {tasks}, {units}.",
                "Loaded plan {number} into {db}: {contents}, {indicators}, {tasks}, {units}.",
                contents = count(lang, *contents as i64, ("nội dung", "content"), ("nội dung", "contents")),
                indicators = count(lang, *indicators as i64, ("chỉ tiêu", "indicator"), ("chỉ tiêu", "indicators")),
                tasks = count(lang, *tasks as i64, ("nhiệm vụ", "task"), ("nhiệm vụ", "tasks")),
                units = count(lang, *units as i64, ("đơn vị", "unit"), ("đơn vị", "units"))
            ),
            PlanUnchanged { number, db } => say!(lang,
                "Kế hoạch {number} đã có trong {db}, không có gì thay đổi.",
                "Plan {number} is already loaded in {db}; nothing changed."
            ),
            Changes { change, codes } => {
                let heading = lang.pick(match change {
                    SeedChange::Added => ("Thêm mới", "Added"),
                    SeedChange::Changed => ("Sửa đổi", "Changed"),
                    SeedChange::Removed => ("Bỏ đi", "Removed"),
                    SeedChange::Retired => (
                        "Giữ lại, ngừng dùng (có số liệu)",
                        "Kept as retired (they hold data)",
                    ),
                });
                format!("{heading}: {codes}")
            }
            DropsData { file } => say!(lang,
                "Tệp {file} bỏ đi những mục đã có số liệu; không ghi gì. Thêm --force để vẫn nạp: các mục này được giữ lại, đánh dấu ngừng dùng, không xóa số liệu:",
                "{file} drops items that hold recorded data; nothing was written. Add --force to load it anyway: those items are kept, marked retired, their data untouched:"
            ),
            Orphan { code, records } => say!(lang,
                "{code}: có {records} số liệu/nhật ký",
                "{code}: holds {records} recorded {what}",
                what = if *records == 1 { "value or event" } else { "values or events" }
            ),
        }
    }
}

crate::output::lang::in_both_languages!(SeedMessage);

/// The TOML reader's message as it is in English; in Vietnamese, the usual cases read out.
fn toml_error(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.trim().to_string();
    }
    if message.contains("expected f64") || message.contains("expected a number") {
        "phải là một số (không đặt trong ngoặc kép)".to_string()
    } else if let Some(field) = message.strip_prefix("missing field ") {
        format!("thiếu trường {field}")
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        format!("trường không hợp lệ {rest}")
    } else {
        format!("tệp TOML sai cú pháp hoặc kiểu dữ liệu: {message}")
    }
}

/// Suggestions as "; có phải X?" / "; did you mean X?".
fn did_you_mean(lang: Lang, suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let list = suggestions.join(", ");
    say!(lang, "; có phải {list}?", "; did you mean {list}?")
}

/// A breach of the plan's rules, in words.
fn breach(lang: Lang, breach: &Breach) -> String {
    let date = |day: &NaiveDate| lang.date(*day);
    match breach {
        Breach::DuplicateCode(code) => say!(lang, "mã {code} bị trùng", "duplicate code {code}"),
        Breach::NotAnIdentifier(code) => Message::NotAnIdentifier {
            code: crate::input::text::clip(code, 40),
        }
        .render(lang),
        Breach::UnknownUnit { unit, suggestions } => say!(lang,
            "đơn vị {unit} không có trong danh sách [[units]]{hint}",
            "unit {unit} is not in [[units]]{hint}",
            hint = did_you_mean(lang, suggestions)
        ),
        Breach::NoWard => say!(lang,
            "không có đơn vị gốc (phường): một đơn vị phải không có parent",
            "no root unit (the ward): one unit must have no parent"
        ),
        Breach::SeveralWards(codes) => say!(lang,
            "chỉ một đơn vị được không có parent (phường), ở đây có: {codes}",
            "only one unit may have no parent (the ward); found {codes}",
            codes = codes.join(", ")
        ),
        Breach::PhaseCount { content, found } => say!(lang,
            "nội dung {content} phải có đúng 5 giai đoạn, ở đây có {found}",
            "content {content} must have exactly 5 phases, found {found}"
        ),
        Breach::PhaseNumber { content, expected, found } => say!(lang,
            "giai đoạn của {content} phải đánh số 1..5 theo thứ tự: chờ {expected}, gặp {found}",
            "phases of {content} must be numbered 1..5 in order: expected {expected}, found {found}"
        ),
        Breach::PhaseStartAfterEnd { start, end } => say!(lang,
            "ngày bắt đầu {start} sau ngày kết thúc {end}",
            "start {start} is after end {end}",
            start = date(start),
            end = date(end)
        ),
        Breach::PhasesOverlap { previous_end, start } => say!(lang,
            "giai đoạn bắt đầu {start}, trước khi giai đoạn trước kết thúc ({previous_end}): các giai đoạn chồng lên nhau",
            "phase starts {start}, before the previous phase ends ({previous_end}): phases overlap",
            start = date(start),
            previous_end = date(previous_end)
        ),
        Breach::TaskPhase(phase) => say!(lang,
            "giai đoạn {phase} không có: chỉ có giai đoạn 1..5",
            "phase {phase} does not exist: phases are 1..5"
        ),
        Breach::OutsidePlan { date: day, start, end } => say!(lang,
            "ngày {day} nằm ngoài thời gian của kế hoạch ({start} – {end})",
            "date {day} is outside the plan's span ({start} – {end})",
            day = date(day),
            start = date(start),
            end = date(end)
        ),
        Breach::PlanStartAfterEnd => say!(lang,
            "ngày bắt đầu của kế hoạch sau ngày kết thúc",
            "the plan's start is after its end"
        ),
        Breach::NotANumber(value) => say!(lang,
            "mục tiêu {value} không phải là số",
            "target {value} is not a number"
        ),
        Breach::Blank => say!(lang,
            "không được để trống: ghi nội dung hoặc bỏ hẳn mục này",
            "must not be blank: write it out or leave the field out"
        ),
        Breach::SignerMark { mark, found } => say!(lang,
            "«{found}» phải bắt đầu bằng «{mark}» (Nghị định 30/2020/NĐ-CP), ví dụ «{mark} {example}»",
            "«{found}» must begin with «{mark}» (Decree 30/2020/NĐ-CP), e.g. «{mark} {example}»",
            example = if *mark == "TM." { "ỦY BAN NHÂN DÂN" } else { "CHỦ TỊCH" },
        ),
        Breach::DeputyWithoutTitle => say!(lang,
            "có signs_for (người ký thay) thì phải có signer_title của người ký, ví dụ «PHÓ CHỦ TỊCH»",
            "signs_for (a deputy signs) needs the deputy's own signer_title, e.g. «PHÓ CHỦ TỊCH»"
        ),
    }
}
