//! Mapping rules: how to read a department's own sheet (a title above the header, one column
//! per khu phố, a totals row, merged cells) as measurements, written in a small TOML file.
//!
//! ```toml
//! sheet = "Vi phạm"                   # for a workbook: the sheet (default: the first)
//! header_row = 3                      # the header's line; the lines above it are titles
//! skip = ["Tổng cộng", "Cộng"]        # rows whose first cell starts so are skipped
//! fill_down = ["Mã chỉ tiêu"]         # a blank cell repeats the one above (merged cells)
//! indicator = { column = "Mã chỉ tiêu" }
//! date = { value = "30/11/2026" }     # a constant, or { column = "Ngày" }
//! unit = { value = "VHXH" }           # optional, when every value is one unit's
//! value = { column = "Số liệu" }      # one value per row, or instead:
//! [fan_out]                           # one measurement per column, for that unit
//! "KP 1" = "KP1"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::input::text::fold;

/// Where a field comes from: a column of the sheet, or a constant for every row.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum Source {
    Column(String),
    Value(String),
}

/// A department layout's rules.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// A workbook's sheet to read; the first visible sheet when not given.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The 1-based line (or spreadsheet row) of the header row.
    #[serde(default = "first_row")]
    pub header_row: u64,
    #[serde(default)]
    pub skip: Vec<String>,
    #[serde(default)]
    pub fill_down: Vec<String>,
    pub indicator: Source,
    pub date: Option<Source>,
    pub unit: Option<Source>,
    pub value: Option<Source>,
    #[serde(default)]
    pub note: Option<Source>,
    /// Column name → unit code: each such column is a value of that unit.
    #[serde(default)]
    pub fan_out: BTreeMap<String, String>,
}

fn first_row() -> u64 {
    1
}

/// Why a mapping file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum MappingError {
    Toml(String),
    /// Neither `value` nor `fan_out`.
    NoValue,
}

impl Mapping {
    /// Reads mapping rules from TOML text.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let mapping: Mapping = toml::from_str(text)
            .map_err(|e| MappingError::Toml(crate::input::text::clip(&e.to_string(), 600)))?;
        if mapping.value.is_none() && mapping.fan_out.is_empty() {
            return Err(MappingError::NoValue);
        }
        Ok(mapping)
    }

    /// Every column name the rules refer to.
    pub fn columns(&self) -> Vec<&str> {
        let sources = [
            Some(&self.indicator),
            self.date.as_ref(),
            self.unit.as_ref(),
            self.value.as_ref(),
            self.note.as_ref(),
        ];
        sources
            .into_iter()
            .flatten()
            .filter_map(|s| match s {
                Source::Column(c) => Some(c.as_str()),
                Source::Value(_) => None,
            })
            .chain(self.fan_out.keys().map(String::as_str))
            .chain(self.fill_down.iter().map(String::as_str))
            .collect()
    }

    /// The header's column index of each name the rules use (matched loosely, like headers).
    /// The error names the first column that is not there.
    pub fn resolve(&self, header: &[String]) -> Result<BTreeMap<String, usize>, String> {
        let mut found = BTreeMap::new();
        for name in self.columns() {
            let index = header
                .iter()
                .position(|h| fold(h) == fold(name))
                .ok_or_else(|| name.to_string())?;
            found.insert(name.to_string(), index);
        }
        Ok(found)
    }

    /// Whether a row is one to skip (a totals row).
    pub fn skips(&self, cells: &[String]) -> bool {
        let first = cells
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .unwrap_or("");
        self.skip.iter().any(|s| fold(first).starts_with(&fold(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_read_and_checked_against_the_header() {
        let mapping = Mapping::parse(
            "header_row = 3\nskip = [\"Tổng\"]\nindicator = { column = \"Mã CT\" }\ndate = { value = \"30/11/2026\" }\n[fan_out]\n\"KP 1\" = \"KP1\"\n",
        )
        .unwrap();
        assert_eq!(mapping.header_row, 3);
        let header: Vec<String> = ["STT", "Mã CT", "kp 1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let columns = mapping.resolve(&header).unwrap();
        assert_eq!(columns["Mã CT"], 1);
        assert_eq!(columns["KP 1"], 2);
        assert!(mapping.skips(&["".into(), "Tổng cộng".into()]));
        let short: Vec<String> = vec!["STT".into()];
        assert_eq!(mapping.resolve(&short), Err("Mã CT".to_string()));
    }

    #[test]
    fn rules_without_a_value_are_refused() {
        assert_eq!(
            Mapping::parse("indicator = { column = \"A\" }\n"),
            Err(MappingError::NoValue)
        );
        assert!(matches!(
            Mapping::parse("indicator = 3\nvalue = { column = \"B\" }"),
            Err(MappingError::Toml(_))
        ));
    }
}
