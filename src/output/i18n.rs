//! The labels and the language, under the name the listings have always picked them by
//! (`i18n::CODE`, `i18n::Lang`): a re-export, so the many table-building call sites need not change
//! their imports. Nothing is defined here. Where things are:
//!
//! - `lang.rs`: [`Lang`], [`Localized`], the `say!` and `in_both_languages!` macros; dates and
//!   numbers formatted per language.
//! - `labels.rs`: column headers, legends, the names of statuses and kinds (`(vi, en)` pairs);
//!   `figures.rs`: a figure or a target in words (re-exported here).
//! - `protocol.rs`: what must not be translated freely: the template's headers and choices that
//!   `import` reads back, and the decree's fixed blocks.
//! - Messages with values, one enum per area, each with `render(&self, Lang)`: `records.rs`
//!   (recording, corrections, lookups), `refusals.rs` (numbers, dates, bytes), `database.rs`,
//!   `seed_messages.rs` (init), `import_messages.rs`, `reports.rs` (report, overdue, weekly),
//!   `baocao_text.rs`, `template_text.rs`, `problems.rs`, `clerk.rs`, `verdicts.rs`,
//!   `periods.rs`, `export_messages.rs`. `catalogue_tests.rs` shows them all in one snapshot.

pub use crate::output::baocao_text::{
    BAOCAO_ASSESSMENT, BAOCAO_ASSESSMENT_PLACEHOLDER, BAOCAO_INDICATOR_COLUMNS, BAOCAO_NEXT,
    BAOCAO_NEXT_COLUMNS, BAOCAO_NEXT_PLACEHOLDER, BAOCAO_NOTHING_OVERDUE, BAOCAO_OVERDUE_CAPTION,
    BAOCAO_OVERDUE_COLUMNS, BAOCAO_RESULTS,
};
pub use crate::output::figures::{change_bound, indicator_target};
pub use crate::output::labels::*;
pub use crate::output::lang::{Lang, Localized};
pub use crate::output::protocol::*;
pub use crate::output::template_text::{
    TEMPLATE_DATE_ERROR, TEMPLATE_INDICATOR_INSTRUCTIONS, TEMPLATE_NUMBER_ERROR,
    TEMPLATE_STATUS_ERROR,
};
