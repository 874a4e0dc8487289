//! The language of what is shown, and a sentence in both languages: what every message and
//! label is made with. Dates and numbers are formatted here, per language.

use chrono::NaiveDate;

use crate::input::date::format_date_vi;
use crate::input::number::format_number;

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
        format_date_vi(day)
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

/// `loc!("vi {x}", "en {x}")`: a [`Localized`] formatted in both languages.
#[macro_export]
macro_rules! loc {
    ($vi:expr, $en:expr $(, $name:ident = $value:expr)* $(,)?) => {
        {
            $(let $name = $value;)*
            $crate::output::lang::Localized { vi: format!($vi), en: format!($en) }
        }
    };
}

/// `say!(lang, "vi {x}", "en {x}", x = ..)`: the sentence in `lang` only, formatted when asked.
#[macro_export]
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
#[macro_export]
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
#[macro_export]
macro_rules! labels {
    ($list:ident; $( $(#[$doc:meta])* $name:ident = ($vi:expr, $en:expr $(,)?); )*) => {
        $( $(#[$doc])* pub const $name: (&str, &str) = ($vi, $en); )*
        /// Every label of this file, by name, for the catalogue snapshot.
        #[cfg(test)]
        pub const $list: &[(&str, (&str, &str))] = &[ $( (stringify!($name), $name) ),* ];
    };
}
