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
        Reduction | Growth => {
            let change = Change::of(kind, achieved);
            format!(
                "{} {}",
                lang.pick(change.word),
                lang.percent(change.distance)
            )
        }
    }
}

/// A change against the baseline as people say it: the word tells which way the figure moved,
/// the number how far, so a growth whose figure fell is "giảm 50%", never "tăng -50%".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// "giảm"/"down" or "tăng"/"up".
    pub word: (&'static str, &'static str),
    /// How far, never below zero.
    pub distance: f64,
    /// Whether the word is the other way from the indicator's own (a reduction that rose):
    /// a bound on the change then turns round too ("tăng ≥ -5%" is "giảm ≤ 5%").
    pub turned: bool,
}

impl Change {
    /// `amount`: the reduction or growth in percent, as the indicator measures it (a
    /// reduction of -12% is a rise of 12%). Any other kind of indicator is taken as a growth.
    pub fn of(kind: crate::plan::IndicatorKind, amount: f64) -> Change {
        let (own, other) = match kind {
            crate::plan::IndicatorKind::Reduction => (labels::DOWN, labels::UP),
            _ => (labels::UP, labels::DOWN),
        };
        // Turned only when the shown number is not zero: "-0,001%" is shown "0%", in the
        // indicator's own word.
        let turned = (amount * 100.0).round() < 0.0;
        Change {
            word: if turned { other } else { own },
            distance: if turned { -amount } else { amount.max(0.0) },
            turned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::labels::target_text;
    use crate::plan::Comparator::*;
    use crate::plan::IndicatorKind::{Growth, Reduction};

    #[test]
    fn the_word_and_the_sign_of_a_change_agree() {
        let said = |lang, kind, amount| achieved_text(lang, kind, amount, "vụ");
        assert_eq!(said(Lang::Vi, Reduction, 21.0), "giảm 21%");
        assert_eq!(said(Lang::Vi, Reduction, -12.5), "tăng 12,5%");
        assert_eq!(said(Lang::En, Reduction, -12.5), "up 12.5%");
        assert_eq!(said(Lang::Vi, Growth, 2.5), "tăng 2,5%");
        assert_eq!(said(Lang::Vi, Growth, -50.0), "giảm 50%");
        assert_eq!(said(Lang::En, Growth, -50.0), "down 50%");
        // Nothing shown below zero: the indicator's own word, never "-0%".
        assert_eq!(said(Lang::Vi, Growth, -0.001), "tăng 0%");
        assert_eq!(said(Lang::Vi, Reduction, 0.0), "giảm 0%");
        // A bound below zero turns round with its word.
        let target = |lang, kind, comparator, target| {
            target_text(lang, kind, comparator, target, "hộ", Some(2025))
        };
        assert_eq!(
            target(Lang::Vi, Growth, AtLeast, -5.0),
            "giảm ≤ 5% so với 2025"
        );
        assert_eq!(
            target(Lang::En, Reduction, MoreThan, -5.0),
            "up < 5% vs 2025"
        );
        assert_eq!(
            target(Lang::Vi, Reduction, AtLeast, 20.0),
            "giảm ≥ 20% so với 2025"
        );
    }
}
