//! A figure as people read it: "95,5%", "412/450 (91,6%)", "7 sáng kiến", "giảm 21%".

use crate::output::labels;
use crate::output::lang::Lang;
use crate::plan::measure::Reading;

/// A value as typed back to the clerk: "91,56% (412/450)", "12 sáng kiến".
pub fn shown_reading(lang: Lang, reading: &Reading, unit_of_measure: &str) -> String {
    let mut text = if unit_of_measure == "%" {
        lang.percent(reading.value)
    } else if unit_of_measure.is_empty() {
        lang.number(reading.value)
    } else {
        format!("{} {unit_of_measure}", lang.number(reading.value))
    };
    if let (Some(n), Some(d)) = (reading.numerator, reading.denominator) {
        text.push_str(&format!(" ({}/{})", lang.number(n), lang.number(d)));
    }
    text
}

/// The achieved figure in words: a rate, a count, or a change against the baseline.
pub fn achieved_text(
    lang: Lang,
    kind: crate::plan::IndicatorKind,
    achieved: f64,
    unit_of_measure: &str,
) -> String {
    use crate::plan::IndicatorKind::*;
    match kind {
        Percent => lang.percent(achieved),
        Count => format!("{} {unit_of_measure}", lang.number(achieved)),
        Reduction => format!("{} {}", lang.pick(labels::DOWN), lang.percent(achieved)),
        Growth => format!("{} {}", lang.pick(labels::UP), lang.percent(achieved)),
    }
}
