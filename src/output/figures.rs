//! A figure as people read it: "95,5%", "412/450 (91,6%)", "7 sáng kiến", "giảm 21%".

use crate::output::labels;
use crate::output::lang::Lang;
use crate::plan::measure::Reading;
use crate::plan::IndicatorKind;

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
    match kind {
        IndicatorKind::Reduction | IndicatorKind::Growth => {
            let (word, sign, distance) = change_bound(kind, comparator, target);
            let word = lang.pick(word);
            let distance = lang.percent(distance);
            match lang {
                Lang::Vi => format!("{word} {sign} {distance} so với {year}"),
                Lang::En => format!("{word} {sign} {distance} vs {year}"),
            }
        }
        _ => format!("{sign} {amount}"),
    }
}

/// A bound on a change against the baseline, its word and sign agreeing with the number: the
/// word, the comparator's sign and how far ("tăng ≥ -5%" is said "giảm ≤ 5%").
pub fn change_bound(
    kind: IndicatorKind,
    comparator: crate::plan::Comparator,
    target: f64,
) -> ((&'static str, &'static str), &'static str, f64) {
    use crate::plan::Comparator::*;
    let change = crate::output::figures::Change::of(kind, target);
    let comparator = match (change.turned, comparator) {
        (false, c) => c,
        (true, AtLeast) => AtMost,
        (true, MoreThan) => LessThan,
        (true, AtMost) => AtLeast,
        (true, LessThan) => MoreThan,
        (true, Exactly) => Exactly,
    };
    (
        change.word,
        crate::output::clerk::sign(comparator),
        change.distance,
    )
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

#[cfg(test)]
mod tests {
    use super::*;
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
