//! Presentation: tables, CSV, JSON and Markdown, and the strings in both languages.
//!
//! A new message goes into its area's enum (`records.rs`, `import_messages.rs`, `reports.rs`…)
//! as a variant with typed fields (dates as `NaiveDate`, figures as numbers), and its sentence
//! into that enum's `render(&self, Lang)`, written with `say!(lang, "vi …", "en …")` so only the
//! language asked for is formatted; `in_both_languages!` gives the enum `localized()` for an
//! error shown later. Add an example of it to `catalogue_tests.rs` so the catalogue snapshot a
//! translator reviews shows it. A label without values is a `(vi, en)` pair in `labels.rs`;
//! a string `import` reads back, or the decree fixes, goes to `protocol.rs`.

pub mod baocao_text;
#[cfg(test)]
mod catalogue_tests;
pub mod clerk;
pub mod database;
pub mod document;
pub mod errors_file;
pub mod export;
pub mod export_messages;
pub mod figures;
pub mod i18n;
pub mod import;
pub mod import_messages;
pub mod labels;
pub mod lang;
pub mod periods;
pub mod problems;
pub mod protocol;
pub mod records;
pub mod refusals;
pub mod rejected_row;
pub mod reports;
pub mod seed_messages;
pub mod seed_toml;
pub mod summaries;
pub mod template;
pub mod template_text;
pub mod verdicts;
pub mod weekly_html;

use std::io::{IsTerminal, Write};

use comfy_table::{presets, Cell, ColumnConstraint, ContentArrangement, Table};
use serde::Serialize;

use crate::input::text::escape_spreadsheet_cell;

/// How a listing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A table for people, wrapped to the terminal (80 columns when not on one).
    #[default]
    Table,
    /// CSV with `;` (what Excel on a Vietnamese PC opens), UTF-8 with BOM.
    Csv,
    /// JSON: UTF-8, ISO dates, numbers as numbers; field names are stable.
    Json,
    /// A Markdown table.
    Md,
}

/// Cells at most this wide (a code, a date, a count) are never wrapped in tables.
const SHORT_CELL: usize = 12;

/// Rows with headers, ready to be written as a table, CSV or Markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// A line above the table (not in CSV).
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Lines below the table (not in CSV).
    pub notes: Vec<String>,
    /// The CSV's own headers and rows, where a table packs several values in one cell: in CSV
    /// every value gets its own column, so a spreadsheet can sort and sum them.
    pub csv: Option<(Vec<String>, Vec<Vec<String>>)>,
}

impl Listing {
    /// A listing with these headers and no rows.
    pub fn new(headers: &[&str]) -> Self {
        Self {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            ..Self::default()
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Writes the listing in `format` (JSON callers use [`json`] with their own shape).
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table | Format::Json => self.table(),
            Format::Csv => self.csv(),
            Format::Md => self.markdown(),
        }
    }

    fn table(&self) -> String {
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(terminal_width())
            .set_header(self.headers.iter().map(|h| Cell::new(table_cell(h))));
        for row in &self.rows {
            table.add_row(row.iter().map(|c| Cell::new(table_cell(c))));
        }
        // Codes, dates and counts keep their width, narrowest first, while at least a quarter
        // of the table is left for the long text that wraps.
        let width = |column: usize| {
            std::iter::once(&self.headers)
                .chain(&self.rows)
                .filter_map(|row| row.get(column))
                .flat_map(|cell| cell.lines())
                .map(|line| line.chars().count())
                .max()
                .unwrap_or(0)
        };
        let mut short: Vec<(usize, usize)> = (0..self.headers.len())
            .map(|column| (width(column), column))
            .filter(|(width, _)| *width <= SHORT_CELL)
            .collect();
        short.sort();
        let budget = usize::from(terminal_width()) * 3 / 4;
        let mut used = 0;
        for (width, column) in short {
            used += width + 3;
            if used > budget {
                break;
            }
            if let Some(c) = table.column_mut(column) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&plain_text(title));
            out.push('\n');
        }
        out.push_str(&table.to_string());
        out.push('\n');
        for note in &self.notes {
            out.push_str(&plain_text(note));
            out.push('\n');
        }
        out
    }

    fn csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        let escaped = |row: &[String]| {
            row.iter()
                .map(|c| escape_spreadsheet_cell(&plain_text(c)))
                .collect::<Vec<_>>()
        };
        let (headers, rows) = match &self.csv {
            Some((headers, rows)) => (headers, rows),
            None => (&self.headers, &self.rows),
        };
        // Writing to a Vec cannot fail.
        writer.write_record(escaped(headers)).ok();
        for row in rows {
            writer.write_record(escaped(row)).ok();
        }
        let bytes = writer.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }

    fn markdown(&self) -> String {
        // Markdown renders HTML: a note's <script> or <img onerror=…> is escaped, not run. No
        // spreadsheet formula guard: Markdown and the HTML made from it are read, not calculated
        // ("+33,3" stays "+33,3"); CSV and xlsx cells keep the guard.
        let cell = |text: &str| {
            markdown_text(text)
                .replace('|', "\\|")
                .replace('\n', "<br>")
        };
        let line = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&format!(
                "**{}**\n\n",
                markdown_text(title).replace('*', "\\*")
            ));
        }
        out.push_str(&line(&self.headers));
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        for note in &self.notes {
            out.push('\n');
            out.push_str(&markdown_text(note));
            out.push('\n');
        }
        out
    }
}

/// The longest cell a table lays out: wrapping is quadratic in a cell's length, and a 5 MB
/// note stored before notes were capped made `history` run for minutes.
const TABLE_CELL_LIMIT: usize = 4000;

/// A cell as a table shows it: without control characters, cut past [`TABLE_CELL_LIMIT`].
fn table_cell(text: &str) -> String {
    crate::input::text::clip(&plain_text(text), TABLE_CELL_LIMIT)
}

/// Text for Markdown: control characters dropped, backslashes escaped and every `<` written
/// `&lt;`, so no tag (`<script>`, `<img onerror=…>`) can open: a note is shown as typed and
/// never read as markup, while "≥", ">= 90" and "&" read as they are.
pub fn markdown_text(text: &str) -> String {
    plain_text(text).replace('\\', "\\\\").replace('<', "&lt;")
}

/// The width asked for with `--width`, set once by `main`.
static WIDTH: std::sync::OnceLock<u16> = std::sync::OnceLock::new();

/// Sets the width tables wrap to (`--width N`), before anything is written.
pub fn set_width(width: u16) {
    WIDTH.set(width.max(20)).ok();
}

/// The width tables wrap to: `--width`, else the terminal's, else `COLUMNS` (what a shell
/// exports, or a script sets for a pipe), else 80 (reports, pipes, tests).
fn terminal_width() -> u16 {
    if let Some(width) = WIDTH.get() {
        return *width;
    }
    if std::io::stdout().is_terminal() {
        if let Some(width) = comfy_table::Table::new().width() {
            return width.max(60);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c >= 20)
        .unwrap_or(80)
}

/// Pretty JSON of `value`, with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Text made safe inside HTML: markup escaped, control characters dropped.
pub fn html_escape(text: &str) -> String {
    plain_text(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text without control characters, for every document and listing: a terminal's escape
/// sequences (`ESC [ 31 m`) dropped whole, other C0 and C1 controls, DEL and the characters
/// XML forbids dropped; line breaks and tabs kept. A .docx's XML stays well-formed, a
/// terminal shows what was typed and nothing else.
pub fn plain_text(text: &str) -> std::borrow::Cow<'_, str> {
    let is_dropped =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffe}' || c == '\u{ffff}';
    if !text.chars().any(is_dropped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, then one final letter; OSC and others: ESC and one more.
            match chars.next() {
                Some('[') => {
                    for next in chars.by_ref() {
                        if ('@'..='~').contains(&next) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    // Up to BEL or ESC \.
                    while let Some(next) = chars.next() {
                        if next == '\u{7}'
                            || (next == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                        {
                            break;
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        if !is_dropped(c) {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_escape_sequences_are_dropped() {
        assert_eq!(plain_text("a\u{1b}[31mđỏ\u{1b}[0m\u{7}b"), "ađỏb");
        assert_eq!(plain_text("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(plain_text("25\u{1}"), "25");
        assert_eq!(plain_text("dòng 1\ndòng 2\tx\r"), "dòng 1\ndòng 2\tx");
        assert_eq!(plain_text("\u{85}\u{9b}\u{ffff}ok"), "ok");
        assert!(matches!(
            plain_text("Khu phố 1"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn markdown_never_opens_a_tag() {
        assert_eq!(
            markdown_text("<img src=x onerror=alert(1)> [>= 90] & \\"),
            "&lt;img src=x onerror=alert(1)> [>= 90] & \\\\"
        );
    }

    #[test]
    fn the_formula_guard_is_for_csv_only() {
        let mut listing = Listing::new(&["Nội dung", "Thay đổi (điểm %)"]);
        listing.push(vec!["TT1".into(), "+33,3".into()]);
        assert!(listing.render(Format::Md).contains("| TT1 | +33,3 |"));
        assert!(listing.render(Format::Csv).contains("TT1;'+33,3"));
    }
}
