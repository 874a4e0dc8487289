//! Messages about verdicts: task logs that would contradict themselves, forecasts and the
//! items at risk. Each is built in both languages from typed values, dates and numbers
//! formatted per language.

use chrono::NaiveDate;

use crate::output::labels::{task_action, task_status};
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::plan::compliance::{TaskAction, TaskEventConflict};
use crate::plan::forecast::{
    AtRisk, Basis, Forecast, RiskReason, MAX_REACH, MIN_READINGS, MIN_SPAN_DAYS,
};

/// A refusal about a task's log or a week, with its typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictMessage {
    /// Why `action` on `day` cannot be recorded for task `code`.
    TaskEventRefused {
        code: String,
        action: TaskAction,
        day: NaiveDate,
        conflict: TaskEventConflict,
    },
    /// `weekly --as-of` whose week ended before the plan began.
    WeekBeforePlan {
        start: NaiveDate,
        end: NaiveDate,
        plan_start: NaiveDate,
    },
}

impl VerdictMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::TaskEventRefused {
                code,
                action,
                day,
                conflict,
            } => {
                let (what, when) = (task_action(lang, *action), lang.date(*day));
                match conflict {
                    TaskEventConflict::NotAllowed { status } => say!(lang,
                        "Nhiệm vụ {code} ngày {when} đang ở trạng thái «{status}»: không thể chuyển sang «{what}»",
                        "Task {code} is \"{status}\" on {when}: it cannot be marked \"{what}\"",
                        status = task_status(lang, *status)
                    ),
                    TaskEventConflict::BreaksLater { later, on, status } => say!(lang,
                        "Không thể ghi nhiệm vụ {code} «{what}» ngày {when}: sổ theo dõi đã có «{later}» ngày {on}, \
                         mà khi đó nhiệm vụ sẽ đang «{status}». Kiểm tra lại ngày (xem: kehoach task log {code})",
                        "Cannot mark task {code} \"{what}\" on {when}: its log already has \"{later}\" on {on}, \
                         when the task would then be \"{status}\". Check the date (see: kehoach task log {code})",
                        later = task_action(lang, *later),
                        on = lang.date(*on),
                        status = task_status(lang, *status)
                    ),
                }
            }
            Self::WeekBeforePlan { start, end, plan_start } => say!(lang,
                "Tuần {start} – {end} kết thúc trước khi kế hoạch bắt đầu ({plan_start}): chọn --as-of muộn hơn",
                "The week {start} – {end} ends before the plan began ({plan_start}): choose a later --as-of",
                start = lang.date(*start),
                end = lang.date(*end),
                plan_start = lang.date(*plan_start)
            ),
        }
    }
}

crate::output::lang::in_both_languages!(VerdictMessage);

/// "6 số liệu trong 9 tuần" / "6 readings over 9 weeks".
pub fn basis_text(lang: Lang, basis: &Basis) -> String {
    let n = basis.readings;
    let span = if basis.span_days < 14 {
        match lang {
            Lang::Vi => format!("{} ngày", basis.span_days),
            Lang::En if basis.span_days == 1 => "1 day".to_string(),
            Lang::En => format!("{} days", basis.span_days),
        }
    } else {
        let weeks = (basis.span_days as f64 / 7.0).round() as i64;
        match lang {
            Lang::Vi => format!("{weeks} tuần"),
            Lang::En => format!("{weeks} weeks"),
        }
    };
    match lang {
        Lang::Vi => format!("{n} số liệu trong {span}"),
        Lang::En if n == 1 => format!("1 reading over {span}"),
        Lang::En => format!("{n} readings over {span}"),
    }
}

/// What a forecast says of an indicator behind its next target, as a list line.
///
/// `shown` formats a figure in the indicator's own unit ("95,5%", "7 sáng kiến").
pub fn forecast_line(
    lang: Lang,
    code: &str,
    now: &str,
    target: &str,
    due: NaiveDate,
    prediction: &Forecast,
    shown: impl Fn(f64) -> String,
) -> String {
    let due = lang.date(due);
    let head = match lang {
        Lang::Vi => format!("- {code}: hiện {now}, mục tiêu {target} đến {due}."),
        Lang::En => format!("- {code}: now {now}, target {target} by {due}."),
    };
    let tail = match (prediction, lang) {
        (Forecast::Value { value, basis }, Lang::Vi) => format!(
            "Dự báo (từ {}): đạt {} vào {due}.",
            basis_text(lang, basis),
            shown(*value)
        ),
        (Forecast::Value { value, basis }, Lang::En) => format!(
            "Forecast (from {}): {} by {due}.",
            basis_text(lang, basis),
            shown(*value)
        ),
        (Forecast::TooFewReadings { basis }, Lang::Vi) => format!(
            "Chưa đủ số liệu để dự báo (cần ít nhất {MIN_READINGS} số liệu trong {MIN_SPAN_DAYS} ngày; có {}).",
            basis_text(lang, basis)
        ),
        (Forecast::TooFewReadings { basis }, Lang::En) => format!(
            "Too few figures for a forecast (at least {MIN_READINGS} readings over {MIN_SPAN_DAYS} days are needed; there are {}).",
            basis_text(lang, basis)
        ),
        (Forecast::TooFarAhead { basis }, Lang::Vi) => format!(
            "Chưa đủ số liệu để dự báo đến {due} ({} chỉ cho phép dự báo xa gấp {MAX_REACH} lần khoảng đó).",
            basis_text(lang, basis)
        ),
        (Forecast::TooFarAhead { basis }, Lang::En) => format!(
            "Too few figures to forecast as far as {due} ({} reach at most {MAX_REACH} times that span ahead).",
            basis_text(lang, basis)
        ),
    };
    format!("{head} {tail}")
}

/// Why an item is at risk, in a few words.
///
/// `target` is the item's target as the listings write it ("≥ 95%", "giảm ≥ 20% so với 2025").
pub fn risk_reason(
    lang: Lang,
    risk: &AtRisk,
    target: &str,
    shown: impl Fn(f64) -> String,
) -> String {
    let due = lang.date(risk.item.due);
    match (&risk.reason, lang) {
        (RiskReason::ForecastMisses { forecast, basis }, Lang::Vi) => format!(
            "dự báo đạt {} vào {due} (từ {}), mục tiêu {target}",
            shown(*forecast),
            basis_text(lang, basis)
        ),
        (RiskReason::ForecastMisses { forecast, basis }, Lang::En) => format!(
            "forecast {} by {due} (from {}), target {target}",
            shown(*forecast),
            basis_text(lang, basis)
        ),
        (RiskReason::BehindPace { expected, achieved }, Lang::Vi) => format!(
            "chậm tiến độ: theo tiến độ đến nay cần {}, mới đạt {} (mục tiêu {target} đến {due})",
            shown(*expected),
            shown(*achieved)
        ),
        (RiskReason::BehindPace { expected, achieved }, Lang::En) => format!(
            "behind pace: {} expected by now, {} reached (target {target} by {due})",
            shown(*expected),
            shown(*achieved)
        ),
        (RiskReason::NotStarted { elapsed_pct }, Lang::Vi) => format!(
            "chưa bắt đầu, đã qua {}% thời gian (hạn {due})",
            elapsed_pct.round()
        ),
        (RiskReason::NotStarted { elapsed_pct }, Lang::En) => format!(
            "not started with {}% of its time gone (due {due})",
            elapsed_pct.round()
        ),
    }
}
