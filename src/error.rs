//! Errors a user can act on, each with the exit code the command line promises.

use std::fmt;

use crate::output::i18n::{Lang, Localized};

/// The documented exit codes (usage errors, 2, are clap's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    /// 3: a value, a row, a seed or a CSV was rejected; nothing was written.
    BadInput,
    /// 4: the database is missing, locked too long, damaged or newer than this program.
    Database,
    /// 1: anything else.
    Other,
}

impl ExitKind {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Self::BadInput => 3,
            Self::Database => 4,
            Self::Other => 1,
        }
    }
}

/// An error with a message in both languages and, where useful, one line per problem.
#[derive(Debug, Clone)]
pub struct AppError {
    pub kind: ExitKind,
    pub message: Localized,
    pub details: Vec<Localized>,
}

impl AppError {
    /// Rejected input: exit 3.
    pub fn bad_input(message: Localized) -> Self {
        Self {
            kind: ExitKind::BadInput,
            message,
            details: Vec::new(),
        }
    }

    /// A database problem: exit 4.
    pub fn database(message: Localized) -> Self {
        Self {
            kind: ExitKind::Database,
            message,
            details: Vec::new(),
        }
    }

    /// Adds one line per problem under the message.
    pub fn with_details(mut self, details: Vec<Localized>) -> Self {
        self.details = details;
        self
    }

    /// The message and its details in `lang`, one per line; the system's own error texts
    /// inside them in the same language.
    pub fn render(&self, lang: Lang) -> String {
        let mut text = self.message.get(lang).to_string();
        for detail in &self.details {
            text.push_str("\n  ");
            text.push_str(detail.get(lang));
        }
        crate::output::clerk::system_errors_in(lang, &text)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for AppError {}

/// Shorthand for a rejected-input error from a message.
pub fn rejected(message: Localized) -> anyhow::Error {
    AppError::bad_input(message).into()
}
