//! A figure as people read it: made in `output::figures`, next to the language it is read in.

pub use crate::output::figures::{achieved_text, shown_reading};
