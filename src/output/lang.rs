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

    /// The same sentence in both languages (codes, file names).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            vi: text.clone(),
            en: text,
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
            $crate::output::i18n::Localized { vi: format!($vi), en: format!($en) }
        }
    };
}
