//! The titles and sentences of the listings: `report`, `overdue`, `task list` and `weekly`.
//! Typed values in (dates as dates, rates as numbers), a sentence in either language out.

use chrono::NaiveDate;

use crate::output::clerk::count;
use crate::output::lang::say;
use crate::output::lang::Lang;

/// Which plan a title is about: "Kế hoạch số 118/KH-UBND ngày 30/05/2026".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRef {
    pub number: String,
    pub date: NaiveDate,
}

impl PlanRef {
    /// "Kế hoạch số 118/KH-UBND ngày 30/05/2026" / "Plan No. 118/KH-UBND of 30/05/2026".
    pub fn render(&self, lang: Lang) -> String {
        let (number, date) = (&self.number, lang.date(self.date));
        say!(
            lang,
            "Kế hoạch số {number} ngày {date}",
            "Plan No. {number} of {date}"
        )
    }
}

/// A title or a sentence of a listing.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportMessage {
    /// The report's title, by phase or by unit.
    ReportTitle {
        day: NaiveDate,
        plan: PlanRef,
        by_unit: bool,
    },
    /// The overdue listing's title.
    OverdueTitle { day: NaiveDate },
    /// An item not yet due, and how many days are left.
    Upcoming { days_left: i64 },
    /// How late a task was done, or how long it has been overdue.
    TaskLateness { done: bool, days: i64 },
    /// The weekly report's title.
    WeeklyTitle {
        start: NaiveDate,
        end: NaiveDate,
        plan: PlanRef,
    },
    /// The weekly report's first sentence; `overall` is a rate in percent, if any item was due.
    WeeklyHeadline {
        day: NaiveDate,
        days: i64,
        overall: Option<f64>,
    },
    /// This week's changes, counted.
    WeeklyChanges {
        values: usize,
        done: usize,
        overdue: usize,
    },
    /// A task done this week, and how late if it was.
    WeeklyTaskDone {
        task: String,
        day: NaiveDate,
        days_late: i64,
    },
}

impl ReportMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use ReportMessage::*;
        let days = |n: i64| count(lang, n, ("ngày", "day"), ("ngày", "days"));
        match self {
            ReportTitle { day, plan, by_unit: true } => say!(lang,
                "Tiến độ theo đơn vị tính đến ngày {day} — {heading}",
                "Compliance by unit as of {day} — {heading}",
                day = lang.date(*day),
                heading = plan.render(lang)
            ),
            ReportTitle { day, plan, by_unit: false } => say!(lang,
                "Tiến độ theo giai đoạn tính đến ngày {day} — {heading}",
                "Compliance by phase as of {day} — {heading}",
                day = lang.date(*day),
                heading = plan.render(lang)
            ),
            OverdueTitle { day } => say!(lang,
                "Quá hạn tính đến ngày {day}",
                "Overdue as of {day}",
                day = lang.date(*day)
            ),
            Upcoming { days_left } => say!(lang,
                "sắp đến hạn (còn {left})",
                "upcoming ({left} left)",
                left = days(*days_left)
            ),
            TaskLateness { done: true, days: n } => say!(lang,
                "(trễ {late})",
                "({late} late)",
                late = days(*n)
            ),
            TaskLateness { done: false, days: n } => say!(lang,
                "(quá hạn {late})",
                "({late} overdue)",
                late = days(*n)
            ),
            WeeklyTitle { start, end, plan } => say!(lang,
                "BÁO CÁO TUẦN {start} – {end} · {heading}",
                "WEEKLY REPORT {start} – {end} · {heading}",
                start = lang.date(*start),
                end = lang.date(*end),
                heading = plan.render(lang)
            ),
            WeeklyHeadline { day, days: n, overall } => say!(lang,
                "Tính đến hết ngày {day}: {since} kể từ khi bắt đầu kế hoạch; tỷ lệ hoàn thành đúng hạn chung {overall}.",
                "At the end of {day}: {since} since the plan started; overall on-time compliance {overall}.",
                day = lang.date(*day),
                since = days(*n),
                overall = overall
                    .map(|v| lang.percent((v * 10.0).round() / 10.0))
                    .unwrap_or_else(|| "–".into())
            ),
            WeeklyChanges { values, done, overdue } => say!(lang,
                "{values} được nhập, {done} hoàn thành, {overdue} mới quá hạn.",
                "{values} recorded, {done} done, {overdue} newly overdue.",
                values = count(lang, *values as i64, ("số liệu", "value"), ("số liệu", "values")),
                done = count(lang, *done as i64, ("nhiệm vụ", "task"), ("nhiệm vụ", "tasks")),
                overdue = count(lang, *overdue as i64, ("việc", "item"), ("việc", "items"))
            ),
            WeeklyTaskDone { task, day, days_late } if *days_late > 0 => say!(lang,
                "- {task} hoàn thành {day}, trễ {late}",
                "- {task} done {day}, {late} late",
                day = lang.date(*day),
                late = days(*days_late)
            ),
            WeeklyTaskDone { task, day, .. } => say!(lang,
                "- {task} hoàn thành {day}",
                "- {task} done {day}",
                day = lang.date(*day)
            ),
        }
    }
}

crate::output::lang::in_both_languages!(ReportMessage);
