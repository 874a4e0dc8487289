//! What several documents show, built once: the contents × phases grid, overdue and at-risk
//! items, recorded values, figures as people read them; and the two reports made of them,
//! `weekly` and `baocao`. Commands use these and never each other; the rows here come from the
//! one judgement (`plan::compliance::items`).
//!
//! A view and its tables live together here, on `output`'s `Listing`, `Lang` and messages;
//! `output` never imports `views`, so the weekly report's text and CSV are written out here
//! (`weekly_document`) and only its HTML page is drawn in `output::weekly_html`.

pub mod baocao;
#[cfg(test)]
mod consistency_tests;
pub mod figures;
pub mod grid;
pub mod history;
pub mod overdue;
pub mod weekly;
pub mod weekly_document;
