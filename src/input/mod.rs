//! Reading what comes in: seeds, CSV files, and the numbers, dates and text people type.

pub mod csv;
pub mod date;
pub mod decode;
pub mod long;
pub mod mapping;
pub mod number;
pub mod period;
pub mod rows;
pub mod seed;
pub mod sheet;
pub mod stream;
pub mod text;
pub mod workbook;

#[cfg(test)]
mod fuzz;
