//! What several documents show, built once: the contents × phases grid, overdue and at-risk
//! items, recorded values, figures as people read them. Commands use these and never each
//! other; the rows here come from the one judgement (`plan::compliance::items`).

pub mod baocao;
#[cfg(test)]
mod consistency_tests;
pub mod figures;
pub mod grid;
pub mod history;
pub mod overdue;
pub mod weekly;
pub mod weekly_document;
