//! Reading what comes in: seeds, CSV files, and the numbers, dates and text people type.

pub mod date;
pub mod decode;
pub mod long;
pub mod mapping;
pub mod number;
pub mod period;
pub mod seed;
pub mod stream;
pub mod text;
pub mod workbook;

#[cfg(test)]
mod fuzz;
