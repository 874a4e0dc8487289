//! The language of what is shown, and a sentence in both languages: what every message and
//! label is made with. Dates and numbers are formatted here, per language.

use chrono::{Datelike, NaiveDate};

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
        format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
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

/// A number with at most two decimals, trailing zeros dropped, thousands grouped:
/// "1.234.567,5" with a decimal comma, "1,234,567.5" otherwise.
fn format_number(value: f64, decimal_comma: bool) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let (group, mark) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let mut grouped = String::new();
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let mut out = String::new();
    if negative && (grouped != "0" || !fraction.is_empty()) {
        out.push('-');
    }
    out.push_str(&grouped);
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
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

    /// Puts `prefix` in front of both languages' sentences.
    pub fn prefixed(&self, prefix: &str) -> Self {
        Self {
            vi: format!("{prefix}{}", self.vi),
            en: format!("{prefix}{}", self.en),
        }
    }
}

/// `say!(lang, "vi {x}", "en {x}", x = ..)`: the sentence in `lang` only, formatted when asked.
macro_rules! say {
    ($lang:expr, $vi:expr, $en:expr $(, $name:ident = $value:expr)* $(,)?) => {
        {
            $(let $name = $value;)*
            match $lang {
                $crate::output::lang::Lang::Vi => format!($vi),
                $crate::output::lang::Lang::En => format!($en),
            }
        }
    };
}

/// Gives message enums with a `render(&self, Lang) -> String` their `localized()` (both
/// languages, for an error shown later in the user's language) and `Into<Localized>`.
macro_rules! in_both_languages {
    ($($message:ty),* $(,)?) => {
        $(
            impl $message {
                /// The message in both languages, for an error rendered later.
                pub fn localized(&self) -> $crate::output::lang::Localized {
                    $crate::output::lang::Localized {
                        vi: self.render($crate::output::lang::Lang::Vi),
                        en: self.render($crate::output::lang::Lang::En),
                    }
                }
            }

            impl From<$message> for $crate::output::lang::Localized {
                fn from(message: $message) -> Self {
                    message.localized()
                }
            }
        )*
    };
}

/// `labels! { LIST; NAME = ("vi", "en"); … }`: `(vi, en)` label constants, and `LIST`, every one
/// of them by name, so the catalogue snapshot shows them all without a list kept by hand.
macro_rules! labels {
    ($list:ident; $( $(#[$doc:meta])* $name:ident = ($vi:expr, $en:expr $(,)?); )*) => {
        $( $(#[$doc])* pub const $name: (&str, &str) = ($vi, $en); )*
        /// Every label of this file, by name, for the catalogue snapshot.
        #[cfg(test)]
        pub const $list: &[(&str, (&str, &str))] = &[ $( (stringify!($name), $name) ),* ];
    };
}

// The macros by path (`crate::output::lang::say`), not exported at the crate's root: they
// belong to the output module, and nothing else uses them.
pub(crate) use {in_both_languages, labels, say};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::date::parse_date;
    use crate::input::number::parse_number_detail;
    use proptest::prelude::*;

    #[test]
    fn formatting() {
        assert_eq!(Lang::Vi.number(1_234_567.5), "1.234.567,5");
        assert_eq!(Lang::En.number(1_234_567.5), "1,234,567.5");
        assert_eq!(Lang::Vi.number(91.555_555), "91,56");
        assert_eq!(Lang::Vi.number(-0.001), "0");
        assert_eq!(Lang::En.number(-3.0), "-3");
        assert_eq!(Lang::Vi.number(100.0), "100");
        assert_eq!(Lang::En.percent(95.5), "95.5%");
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Lang::Vi.date(day), "05/03/2026");
        assert_eq!(Lang::En.date(day), "05/03/2026");
    }

    proptest! {
        /// What is shown can be typed back: a number in either language, a date.
        #[test]
        fn formatted_numbers_read_back(cents in -100_000_000_000_000i64..100_000_000_000_000i64, comma in any::<bool>()) {
            let value = cents as f64 / 100.0;
            // English "1,234" reads back as 1,234 the Vietnamese way; with cents it is unambiguous.
            prop_assume!(comma || cents % 100 != 0);
            let text = format_number(value, comma);
            let back = parse_number_detail(&text).unwrap().value;
            prop_assert!((back - value).abs() < 0.006, "{} -> {} -> {}", value, text, back);
        }

        #[test]
        fn formatted_dates_read_back(days in 0i64..200_000) {
            let day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&Lang::En.date(day)), Ok(day));
        }
    }
}
