//! Presentation: tables, CSV, JSON and Markdown, and the strings in both languages.

pub mod document;
pub mod export;
pub mod export_messages;
pub mod i18n;
pub mod seed_toml;
pub mod template;
pub mod verdicts;

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
            .set_header(self.headers.iter().map(Cell::new));
        for row in &self.rows {
            table.add_row(row.iter().map(Cell::new));
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
            out.push_str(title);
            out.push('\n');
        }
        out.push_str(&table.to_string());
        out.push('\n');
        for note in &self.notes {
            out.push_str(note);
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
                .map(|c| escape_spreadsheet_cell(c))
                .collect::<Vec<_>>()
        };
        // Writing to a Vec cannot fail.
        writer.write_record(escaped(&self.headers)).ok();
        for row in &self.rows {
            writer.write_record(escaped(row)).ok();
        }
        let bytes = writer.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }

    fn markdown(&self) -> String {
        let cell = |text: &str| {
            escape_spreadsheet_cell(text)
                .replace('\\', "\\\\")
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
            out.push_str(&format!("**{}**\n\n", title.replace('*', "\\*")));
        }
        out.push_str(&line(&self.headers));
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        for note in &self.notes {
            out.push('\n');
            out.push_str(note);
            out.push('\n');
        }
        out
    }
}

/// The width tables wrap to: the terminal's, else 80 (reports, pipes, tests).
fn terminal_width() -> u16 {
    if std::io::stdout().is_terminal() {
        if let Some((width, _)) = comfy_table::Table::new().width().map(|w| (w, 0)) {
            return width.max(60);
        }
    }
    80
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

/// Writes a whole file or nothing: into `FILE.partial`, synced, then renamed over `FILE`, so
/// a reader (or the mail a cron job sends) never sees half of it.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let shown = path.display().to_string();
    let fail =
        |e: std::io::Error| crate::error::AppError::bad_input(i18n::file_unwritable(&shown, &e));
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let result = std::fs::File::create(&partial)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&partial, path));
    if let Err(e) = result {
        std::fs::remove_file(&partial).ok();
        return Err(fail(e).into());
    }
    Ok(())
}

/// Text made safe inside HTML.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
