//! The clerk's messages: usage errors, system errors, plurals, local times and the refusals
//! added for issue 18, as data rendered in either language.

use std::fmt::Write as _;

use crate::output::lang::Lang;

/// `one` or `other` after `n`, in English; Vietnamese nouns do not change (`count(vi, 1, ..)`
/// gives the Vietnamese word unchanged). "1 task", "2 tasks".
pub fn count(lang: Lang, n: i64, one: (&str, &str), other: (&str, &str)) -> String {
    let word = match lang {
        Lang::Vi => one.0,
        Lang::En if n == 1 || n == -1 => one.1,
        Lang::En => other.1,
    };
    format!("{n} {word}")
}

/// A comparator as people write it: `≥`, `≤`, `>`, `<`, `=`.
pub fn sign(comparator: crate::plan::Comparator) -> &'static str {
    use crate::plan::Comparator::*;
    match comparator {
        AtLeast => "≥",
        MoreThan => ">",
        AtMost => "≤",
        LessThan => "<",
        Exactly => "=",
    }
}

/// A comparator as listings print it, like the targets everywhere else: `≥ 95`.
pub fn bound(lang: Lang, comparator: crate::plan::Comparator, target: f64) -> String {
    format!("{} {}", sign(comparator), lang.number(target))
}

/// A stored time (UTC, `2026-11-25T08:00:00Z`) in the local zone (the system's, or `TZ`), with
/// its offset so that nobody mistakes it: `2026-11-25 15:00 (+07:00)`. Text that is not a
/// stored time is shown as it is.
pub fn local_time(stored: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stored) {
        Ok(at) => at
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M (%:z)")
            .to_string(),
        Err(_) => stored.replace('T', " "),
    }
}

/// Who typed something in, or "không rõ" / "unknown" when nobody is known.
pub fn who(lang: Lang, by: Option<&str>) -> String {
    match by.map(str::trim).filter(|b| !b.is_empty()) {
        Some(by) => by.to_string(),
        None => lang.pick(("không rõ", "unknown")).to_string(),
    }
}

/// The login name of the account running the program: `USER`, `USERNAME`, `LOGNAME`, else
/// (cron, services) the name the system gives the account's id.
pub fn system_account() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
        .or_else(account_of_uid)
}

#[cfg(unix)]
fn account_of_uid() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?;
        (id.parse::<u32>().ok()? == uid && !name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn account_of_uid() -> Option<String> {
    None
}

// The CSV exports' column headers, kept with the other labels; named here too for their callers.
pub use crate::output::labels::{
    COOPERATING, DAYS_LATE, DONE_ON, GRID_BEHIND, GRID_DUE, GRID_MET, GRID_PCT, GRID_STATUS, KIND,
    RECORDED_AT, RECORDED_BY, REPLACED, UNIT_TARGETS,
};

/// A phase's state in words, for the report's CSV (the table shows ○ ▶ ●).
pub fn phase_status(lang: Lang, status: crate::plan::compliance::PhaseStatus) -> &'static str {
    use crate::plan::compliance::PhaseStatus::*;
    lang.pick(match status {
        NotStarted => ("chưa bắt đầu", "not started"),
        Running => ("đang thực hiện", "running"),
        Finished => ("đã kết thúc", "finished"),
    })
}

/// A message of the clerk's area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clerk {
    /// `baocao --out FILE` where FILE exists and `--force` was not given.
    ReportExists { path: String },
    /// The line on a template that says which period it is for and why.
    TemplatePeriod {
        period: crate::plan::period::Period,
        made: chrono::NaiveDate,
    },
    /// A template whose period ends before the plan starts.
    TemplateBeforePlan {
        period: crate::plan::period::Period,
        start: chrono::NaiveDate,
    },
}

impl Clerk {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let vi = lang == Lang::Vi;
        match self {
            Self::ReportExists { path } => {
                if vi {
                    let _ = write!(out, "{path} đã có: thêm --force để ghi đè (tệp cũ có thể chứa phần Văn phòng đã sửa), hoặc chọn tên khác");
                } else {
                    let _ = write!(out, "{path} already exists: add --force to overwrite it (the old file may hold the Office's edits), or choose another name");
                }
            }
            Self::TemplatePeriod { period, made } => {
                let (end, made) = (lang.date(period.end), lang.date(*made));
                let period = crate::output::periods::period_text(lang, period);
                if vi {
                    let _ = write!(out, "Kỳ báo cáo: {period}, kỳ trọn vẹn gần nhất trước ngày lập mẫu {made}. Ghi số liệu tính đến hết ngày {end}; gửi lại và nhập được ngay từ hôm nay.");
                } else {
                    let _ = write!(out, "Period: {period}, the last whole period before the day this sheet was made ({made}). Write the figures as of the end of {end}; it can be sent back and imported from today.");
                }
            }
            Self::TemplateBeforePlan { period, start } => {
                let period = crate::output::periods::period_text(lang, period);
                let start = lang.date(*start);
                if vi {
                    let _ = write!(out, "Kỳ {period} kết thúc trước khi kế hoạch bắt đầu ({start}): chưa có gì để điền; chọn --as-of muộn hơn");
                } else {
                    let _ = write!(out, "The period {period} ends before the plan starts ({start}): there is nothing to fill yet; choose a later --as-of");
                }
            }
        }
        out
    }
}

crate::output::lang::in_both_languages!(Clerk);

/// A command line clap refused, as data: what was wrong, the nearest right spelling, and the
/// usage line, so that it can be said in Vietnamese as well as clap's English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub problem: UsageProblem,
    /// "có phải …?": a similar subcommand, flag or value.
    pub suggestion: Option<String>,
    /// The usage line of the command concerned ("kehoach report [OPTIONS]").
    pub usage: Option<String>,
    /// The Vietnamese words a refused value's flag also accepts (`dang-lam`, `thang`).
    pub vietnamese: Vec<String>,
}

/// What was wrong with a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// A value not among the accepted ones.
    InvalidValue {
        value: String,
        arg: String,
        valid: Vec<String>,
    },
    /// A value its parser refused (a number out of range…).
    BadValue {
        value: String,
        arg: String,
        reason: String,
    },
    UnknownSubcommand(String),
    UnknownArgument(String),
    /// Required arguments not given.
    Missing(Vec<String>),
    /// Two flags that cannot go together.
    Conflict {
        arg: String,
        prior: String,
    },
    /// A value nobody asked for.
    Unexpected(String),
    /// Anything else clap refuses, in its own words.
    Other(String),
}

impl UsageError {
    /// Reads clap's error context.
    pub fn from_clap(error: &clap::Error) -> Self {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let text = |kind: ContextKind| match error.get(kind) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
            Some(ContextValue::Strings(v)) => Some(v.join(", ")),
            Some(ContextValue::StyledStrs(v)) => Some(
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Some(ContextValue::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let list = |kind: ContextKind| match error.get(kind) {
            Some(ContextValue::Strings(v)) => v.clone(),
            Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
            _ => Vec::new(),
        };
        let arg = text(ContextKind::InvalidArg).unwrap_or_default();
        let value = text(ContextKind::InvalidValue).unwrap_or_default();
        let problem = match error.kind() {
            ErrorKind::InvalidValue if value.is_empty() => UsageProblem::Missing(vec![arg]),
            ErrorKind::InvalidValue => UsageProblem::InvalidValue {
                value,
                arg,
                valid: list(ContextKind::ValidValue),
            },
            ErrorKind::ValueValidation => UsageProblem::BadValue {
                value,
                arg,
                reason: std::error::Error::source(error)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            },
            ErrorKind::InvalidSubcommand => UsageProblem::UnknownSubcommand(
                text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            ),
            ErrorKind::UnknownArgument => UsageProblem::UnknownArgument(arg),
            ErrorKind::MissingRequiredArgument => {
                UsageProblem::Missing(list(ContextKind::InvalidArg))
            }
            ErrorKind::ArgumentConflict => UsageProblem::Conflict {
                arg,
                prior: text(ContextKind::PriorArg).unwrap_or_default(),
            },
            ErrorKind::TooManyValues => UsageProblem::Unexpected(value),
            _ => UsageProblem::Other(plain_clap_message(error)),
        };
        let suggestion = [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ]
        .into_iter()
        .find_map(text);
        let usage = text(ContextKind::Usage).map(|u| {
            u.trim()
                .strip_prefix("Usage:")
                .unwrap_or(&u)
                .trim()
                .to_string()
        });
        Self {
            problem,
            suggestion,
            usage,
            vietnamese: Vec::new(),
        }
    }

    /// Adds the Vietnamese words (the ASCII aliases) of the refused flag's values, found in the
    /// command line's definition.
    pub fn with_aliases(mut self, command: &clap::Command) -> Self {
        let UsageProblem::InvalidValue { arg, valid, .. } = &self.problem else {
            return self;
        };
        let long = arg
            .split(' ')
            .next()
            .unwrap_or_default()
            .trim_start_matches("--");
        // Several subcommands have a --period: the one whose values clap listed.
        let same = |a: &clap::Arg| {
            let names: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            a.get_long() == Some(long) && names == *valid
        };
        fn find<'c>(
            command: &'c clap::Command,
            same: &dyn Fn(&clap::Arg) -> bool,
        ) -> Option<&'c clap::Arg> {
            command
                .get_arguments()
                .find(|a| same(a))
                .or_else(|| command.get_subcommands().find_map(|sub| find(sub, same)))
        }
        if let Some(found) = find(command, &same) {
            self.vietnamese = found
                .get_possible_values()
                .iter()
                .flat_map(|value| value.get_name_and_aliases().skip(1).take(1))
                .map(str::to_string)
                .collect();
        }
        self
    }

    /// The whole message, "Lỗi: …" with the usage line and where to read more.
    pub fn render(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let mut out = String::from(lang.pick(("Lỗi: ", "Error: ")));
        match &self.problem {
            UsageProblem::InvalidValue { value, arg, valid } => {
                if vi {
                    let _ = write!(out, "giá trị '{value}' không dùng được cho {arg}");
                } else {
                    let _ = write!(out, "invalid value '{value}' for {arg}");
                }
                if !valid.is_empty() {
                    let label = lang.pick(("các giá trị được nhận", "possible values"));
                    let _ = write!(out, "\n  {label}: {}", valid.join(", "));
                    if vi && !self.vietnamese.is_empty() {
                        let _ = write!(out, "\n  hoặc: {}", self.vietnamese.join(", "));
                    }
                }
            }
            UsageProblem::BadValue { value, arg, reason } => {
                let reason = if vi {
                    reason_vi(reason)
                } else {
                    reason.clone()
                };
                if vi {
                    let _ = write!(out, "giá trị '{value}' không dùng được cho {arg}: {reason}");
                } else {
                    let _ = write!(out, "invalid value '{value}' for {arg}: {reason}");
                }
            }
            UsageProblem::UnknownSubcommand(name) => {
                let _ = write!(
                    out,
                    "{} '{name}'",
                    lang.pick(("không có lệnh", "unrecognized subcommand"))
                );
            }
            UsageProblem::UnknownArgument(name) => {
                let _ = write!(
                    out,
                    "{} '{name}'",
                    lang.pick(("không có tham số", "unexpected argument"))
                );
            }
            UsageProblem::Missing(args) => {
                let label = lang.pick(("thiếu tham số bắt buộc", "missing required arguments"));
                let _ = write!(out, "{label}: {}", args.join(", "));
            }
            UsageProblem::Conflict { arg, prior } => {
                if vi {
                    let _ = write!(out, "không dùng {arg} cùng với {prior}");
                } else {
                    let _ = write!(out, "{arg} cannot be used with {prior}");
                }
            }
            UsageProblem::Unexpected(value) => {
                let label = lang.pick(("thừa giá trị", "unexpected value"));
                let _ = write!(out, "{label} '{value}'");
            }
            UsageProblem::Other(english) => out.push_str(english),
        }
        if let Some(suggestion) = &self.suggestion {
            let several = suggestion.contains(", ");
            let _ = match (vi, several) {
                (true, false) => write!(out, "\n  có phải '{suggestion}'?"),
                (true, true) => write!(out, "\n  có phải một trong: {suggestion}?"),
                (false, false) => write!(out, "\n  did you mean '{suggestion}'?"),
                (false, true) => write!(out, "\n  did you mean one of: {suggestion}?"),
            };
        }
        if let Some(usage) = &self.usage {
            let label = lang.pick(("Cách dùng", "Usage"));
            let _ = write!(out, "\n\n{label}: {usage}");
        }
        let more = lang.pick((
            "Xem hướng dẫn: thêm --help",
            "For more information, try '--help'.",
        ));
        let _ = write!(out, "\n\n{more}\n");
        out
    }
}

/// clap's own message without its "error: " prefix, usage and tip lines.
fn plain_clap_message(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// The reasons clap's own value parsers give, in Vietnamese where they are known.
fn reason_vi(reason: &str) -> String {
    // "9 is not in 1..=5"
    if let Some((_, range)) = reason.split_once(" is not in ") {
        if let Some((low, high)) = range.split_once("..=") {
            return format!("phải từ {low} đến {high}");
        }
        if let Some(low) = range.strip_suffix("..") {
            return format!("phải từ {low} trở lên");
        }
    }
    if reason.starts_with("invalid digit") || reason.contains("invalid digit") {
        return "phải là một số nguyên".to_string();
    }
    if reason.contains("too large") {
        return "số quá lớn".to_string();
    }
    if reason.contains("empty string") {
        return "giá trị trống".to_string();
    }
    reason.to_string()
}

/// The operating system's messages (Rust's `io::Error` text, "No such file or directory (os
/// error 2)") that users meet, in Vietnamese, keyed by the error number.
const SYSTEM_ERRORS: [(u32, &str, &str); 10] = [
    (
        2,
        "No such file or directory",
        "không có tệp hoặc thư mục này",
    ),
    (13, "Permission denied", "không có quyền truy cập"),
    (28, "No space left on device", "ổ đĩa đã đầy"),
    (122, "Disk quota exceeded", "đã hết dung lượng được cấp"),
    (
        30,
        "Read-only file system",
        "ổ đĩa chỉ cho đọc, không cho ghi",
    ),
    (21, "Is a directory", "đây là một thư mục, không phải tệp"),
    (
        20,
        "Not a directory",
        "một phần của đường dẫn không phải thư mục",
    ),
    (17, "File exists", "tệp đã có"),
    (1, "Operation not permitted", "không được phép"),
    (36, "File name too long", "tên tệp quá dài"),
];

/// `text` with the system's English error messages said in Vietnamese, for Vietnamese output:
/// "…: No such file or directory (os error 2)" becomes "…: không có tệp hoặc thư mục này".
pub fn system_errors_in(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let mut text = text.to_string();
    for (code, english, vietnamese) in SYSTEM_ERRORS {
        text = text.replace(&format!("{english} (os error {code})"), vietnamese);
        // The same error as Windows and other sources word it.
        text = text.replace(english, vietnamese);
    }
    text
}
