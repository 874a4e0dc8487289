//! Messages about periods and flows: "so với cùng kỳ", windows, baselines, missing months.

use chrono::{Datelike, NaiveDate};

use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::plan::flow::{BaselineBasis, FlowFigure};

/// "kỳ 08/2026" / "period 08/2026".
pub fn period_mark(lang: Lang, period: &str) -> String {
    match lang {
        Lang::Vi => format!("kỳ {period}"),
        Lang::En => format!("period {period}"),
    }
}

/// A refusal about periods and flows, with its typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodMessage {
    /// A seed's `aggregation` that is neither "level" nor "flow".
    AggregationInvalid { name: String },
    /// A seed's `baseline.against` that is not known.
    AgainstInvalid { name: String },
    /// `--period` that is not a period.
    PeriodInvalid { text: String },
    /// A flow recorded without its period.
    PeriodNeeded { code: String },
    /// A period given for an indicator whose values are not per period.
    PeriodNotForLevel { code: String },
    /// A period that ends after the as-of day.
    PeriodNotOver { period: String, end: NaiveDate },
    /// A period that overlaps one already recorded for the same indicator and unit.
    PeriodOverlaps {
        code: String,
        unit: String,
        new: String,
        old: String,
    },
}

impl PeriodMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use PeriodMessage::*;
        match self {
            AggregationInvalid { name } => say!(lang,
                "aggregation = \"{name}\" không hợp lệ: dùng \"level\" (số liệu tại một thời điểm) hoặc \"flow\" (cộng dồn theo kỳ)",
                "aggregation = \"{name}\" is not valid: use \"level\" (a figure at a moment) or \"flow\" (added up over periods)"
            ),
            AgainstInvalid { name } => say!(lang,
                "baseline.against = \"{name}\" không hợp lệ: dùng \"year\", \"previous_year\" hoặc \"plan\"",
                "baseline.against = \"{name}\" is not valid: use \"year\", \"previous_year\" or \"plan\""
            ),
            PeriodInvalid { text } => say!(lang,
                "Kỳ «{text}» không hợp lệ: viết 11/2026 (tháng), Q4/2026 (quý), 2026 (năm) hoặc 01/07/2026-15/07/2026",
                "Period \"{text}\" is not valid: write 11/2026 (a month), Q4/2026 (a quarter), 2026 (a year) or 01/07/2026-15/07/2026"
            ),
            PeriodNeeded { code } => say!(lang,
                "{code} là chỉ tiêu cộng dồn theo kỳ: cho biết số liệu thuộc kỳ nào, ví dụ --period 11/2026 (tháng), Q4/2026 (quý) hoặc 2025 (năm)",
                "{code} adds up over periods: say which period the figure covers, e.g. --period 11/2026 (a month), Q4/2026 (a quarter) or 2025 (a year)"
            ),
            PeriodNotForLevel { code } => say!(lang,
                "{code} là số liệu tại một thời điểm, không theo kỳ: bỏ --period và dùng --date",
                "{code} is a figure at a moment, not per period: drop --period and use --date"
            ),
            PeriodNotOver { period, end } => say!(lang,
                "Kỳ {period} chưa kết thúc (đến {end}): ghi số liệu khi hết kỳ, hoặc ghi từ ngày đến ngày hôm nay",
                "The period {period} has not ended (it runs to {end}): record it once it is over, or from its first day to today",
                end = lang.date(*end)
            ),
            PeriodOverlaps { code, unit, new, old } => say!(lang,
                "{code} của {unit} đã có số liệu kỳ {old}, trùng một phần với kỳ {new}: mỗi ngày chỉ thuộc một kỳ. Để sửa số liệu kỳ {old}, ghi lại đúng kỳ đó với --correct",
                "{code} for {unit} already has a figure for {old}, which overlaps {new}: each day belongs to one period. To correct {old}, record that same period with --correct"
            ),
        }
    }
}

crate::output::lang::in_both_languages!(PeriodMessage);

/// "8 tháng 2026" / "8 months of 2026", or "01/01–15/07/2026" when the window does not end a month.
pub fn window_text(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    let whole = to.succ_opt().is_some_and(|next| next.day() == 1);
    match (whole, lang) {
        (true, Lang::Vi) if to.month() == 12 => format!("năm {}", to.year()),
        (true, Lang::En) if to.month() == 12 => format!("year {}", to.year()),
        (true, Lang::Vi) => format!("{} tháng {}", to.month(), to.year()),
        (true, Lang::En) if to.month() == 1 => format!("1 month of {}", to.year()),
        (true, Lang::En) => format!("{} months of {}", to.month(), to.year()),
        (false, _) => format!("{} – {}", lang.date(from), lang.date(to)),
    }
}

/// The window, the same window of the baseline year, the change and how the baseline was
/// made: "8 tháng 2026: 64 vụ; cùng kỳ 2025: 80 vụ (giảm 20%)".
pub fn comparison_text(lang: Lang, flow: &FlowFigure, shown: impl Fn(f64) -> String) -> String {
    let window = window_text(lang, flow.from, flow.to);
    let mut text = format!("{window}: {}", shown(flow.value));
    if !flow.missing_months.is_empty() {
        let n = flow.months_compared;
        text.push_str(&match lang {
            Lang::Vi => format!(" (cộng {n} tháng có số liệu)"),
            Lang::En if n == 1 => " (the 1 month with figures)".to_string(),
            Lang::En => format!(" (the {n} months with figures)"),
        });
    }
    match (flow.baseline, flow.basis, flow.baseline_year, lang) {
        (Some(base), Some(basis), Some(year), _) => {
            let what = match (basis, lang) {
                (BaselineBasis::PlanFigure, Lang::Vi) => format!("kế hoạch/dự toán năm {year}"),
                (BaselineBasis::PlanFigure, Lang::En) => format!("plan figure for {year}"),
                (_, Lang::Vi) => format!("cùng kỳ {year}"),
                (_, Lang::En) => format!("same period of {year}"),
            };
            text.push_str(&format!("; {what}: {}", shown(base)));
            if base != 0.0 {
                let change = (flow.value - base) / base * 100.0;
                let change = lang.number((change * 10.0).round() / 10.0);
                text.push_str(&match lang {
                    Lang::Vi => format!(" ({change}%)"),
                    Lang::En => format!(" ({change}%)"),
                });
            }
            if let BaselineBasis::ProRated { yearly, share } = basis {
                let months = (share * 12.0).round() as u32;
                text.push_str(&match lang {
                    Lang::Vi => format!(" — chưa có số liệu theo tháng của năm {year}: tính theo tỷ lệ {months}/12 của cả năm ({})", shown(yearly)),
                    Lang::En => format!(" — no monthly figures for {year}: pro-rated {months}/12 of the year's {}", shown(yearly)),
                });
            }
        }
        (_, _, Some(year), Lang::Vi) => {
            text.push_str(&format!("; chưa có số liệu năm {year} để so sánh"))
        }
        (_, _, Some(year), Lang::En) => {
            text.push_str(&format!("; no {year} figures to compare with"))
        }
        _ => {}
    }
    if !flow.missing_months.is_empty() {
        let months: Vec<String> = flow
            .missing_months
            .iter()
            .map(|m| format!("{:02}/{}", m.month(), m.year()))
            .collect();
        text.push_str(&match lang {
            Lang::Vi => format!(" — thiếu số liệu tháng {} (không tính là 0; cùng kỳ chỉ so các tháng có số liệu)", months.join(", ")),
            Lang::En => format!(" — months missing: {} (not counted as zero; the same period compares only the months with figures)", months.join(", ")),
        });
    }
    text
}

/// A report table's "Cùng kỳ" cell for a flow: the baseline of the same months and the change,
/// "80 vụ (2025; -20%)", "70 vụ (2025, 7/12 cả năm; -20%)"; "-" without a baseline.
pub fn same_period_cell(lang: Lang, flow: &FlowFigure, shown: impl Fn(f64) -> String) -> String {
    let (Some(base), Some(basis), Some(year)) = (flow.baseline, flow.basis, flow.baseline_year)
    else {
        return "-".to_string();
    };
    let how = match (basis, lang) {
        (BaselineBasis::SameMonths, _) => year.to_string(),
        (BaselineBasis::ProRated { share, .. }, Lang::Vi) => {
            format!("{year}, {}/12 cả năm", (share * 12.0).round() as u32)
        }
        (BaselineBasis::ProRated { share, .. }, Lang::En) => {
            format!("{year}, {}/12 of the year", (share * 12.0).round() as u32)
        }
        (BaselineBasis::PlanFigure, Lang::Vi) => format!("kế hoạch {year}"),
        (BaselineBasis::PlanFigure, Lang::En) => format!("plan {year}"),
    };
    if base == 0.0 {
        return format!("{} ({how})", shown(base));
    }
    let change = (flow.value - base) / base * 100.0;
    let change = lang.number((change * 10.0).round() / 10.0);
    format!("{} ({how}; {change}%)", shown(base))
}

/// A report table's "Kết quả" cell for a flow: the window's figure and the window.
pub fn window_cell(lang: Lang, flow: &FlowFigure, shown: impl Fn(f64) -> String) -> String {
    let mut text = format!(
        "{} ({})",
        shown(flow.value),
        window_text(lang, flow.from, flow.to)
    );
    if !flow.missing_months.is_empty() {
        let months: Vec<String> = flow
            .missing_months
            .iter()
            .map(|m| format!("{:02}/{}", m.month(), m.year()))
            .collect();
        text.push_str(&match lang {
            Lang::Vi => format!("; thiếu tháng {}", months.join(", ")),
            Lang::En => format!("; missing {}", months.join(", ")),
        });
    }
    text
}

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
