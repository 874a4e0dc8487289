//! Rows on their way from the reading thread to the writing one, a batch at a time.

use std::borrow::Cow;

use super::write::Checked;
use crate::input::rows::Key;
use crate::output::import::{Outcome, Refused};

/// Rows in a batch: enough that handing a batch over costs nothing per row.
pub(super) const BATCH_ROWS: usize = 1024;

/// Rows in the first batch: few, so the writer starts as soon as the first rows are read,
/// not after a whole batch (the writer began 0.6 ms later on a day's file).
pub(super) const FIRST_BATCH_ROWS: usize = 32;

/// Text in a batch past which it is handed over with fewer rows, so rows of long cells do not
/// make a batch large.
const BATCH_TEXT: usize = 1 << 20;

/// Rows read and checked, handed to the writing thread together.
#[derive(Default)]
pub(super) struct Batch<'p> {
    /// The rows as read, and the key each of their entries counts under.
    pub rows: ReadRows,
    /// The entries of the rows, checked, in order.
    pub entries: Vec<Checked<'p>>,
    /// What writing each entry did, in order, once the batch is written.
    pub outcomes: Vec<Result<Outcome, Refused>>,
}

/// Rows as read: each row's line and cells, and the (code, unit) each of its entries counts
/// under. Their texts go one after another into one string, so a batch costs a few
/// allocations, not one per cell.
#[derive(Default)]
pub(super) struct ReadRows {
    text: String,
    /// Where each piece of `text` ends: a row's cells, then its entries' codes and units.
    ends: Vec<usize>,
    shapes: Vec<RowShape>,
}

/// A row in [`ReadRows`]: its line, and how many cells and entries it has.
struct RowShape {
    line: u64,
    cells: usize,
    entries: usize,
}

impl<'p> Batch<'p> {
    /// Empties the batch, keeping its room for the next rows.
    pub fn clear(&mut self) {
        self.rows.text.clear();
        self.rows.ends.clear();
        self.rows.shapes.clear();
        self.entries.clear();
        self.outcomes.clear();
    }

    /// Adds a row: its line, its cells, and its entries with the keys they count under.
    pub fn push<'r>(
        &mut self,
        line: u64,
        cells: &[String],
        entries: impl IntoIterator<Item = (Key<'r>, Checked<'p>)>,
    ) {
        let rows = &mut self.rows;
        for cell in cells {
            rows.push_piece(cell);
        }
        let before = self.entries.len();
        for ((code, unit), entry) in entries {
            rows.push_piece(&code);
            rows.push_piece(&unit);
            self.entries.push(entry);
        }
        rows.shapes.push(RowShape {
            line,
            cells: cells.len(),
            entries: self.entries.len() - before,
        });
    }

    /// Whether the batch is to be handed over now, holding `rows` rows ([`BATCH_ROWS`], or
    /// [`FIRST_BATCH_ROWS`]) or text enough.
    pub fn is_full(&self, rows: usize) -> bool {
        self.rows.shapes.len() >= rows || self.rows.text.len() >= BATCH_TEXT
    }

    pub fn is_empty(&self) -> bool {
        self.rows.shapes.is_empty()
    }
}

impl ReadRows {
    fn push_piece(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.ends.push(self.text.len());
    }

    /// The rows, in order.
    pub fn iter(&self) -> impl Iterator<Item = ReadRow<'_>> {
        let mut next = 0;
        self.shapes.iter().map(move |shape| {
            let cells = self.pieces(next, shape.cells);
            let keys = self.pieces(next + shape.cells, 2 * shape.entries);
            next += shape.cells + 2 * shape.entries;
            ReadRow {
                line: shape.line,
                cells,
                keys,
            }
        })
    }

    /// `count` pieces from the `first`.
    fn pieces(&self, first: usize, count: usize) -> Pieces<'_> {
        Pieces {
            text: &self.text,
            start: first.checked_sub(1).map_or(0, |before| self.ends[before]),
            ends: &self.ends[first..first + count],
        }
    }
}

/// A row of a batch.
pub(super) struct ReadRow<'b> {
    pub line: u64,
    /// Its cells as read (with a mapping's fill-down cells filled).
    pub cells: Pieces<'b>,
    /// Each entry's code and unit, one after the other.
    keys: Pieces<'b>,
}

impl<'b> ReadRow<'b> {
    /// The (code, unit) each of the row's entries counts under, in order.
    pub fn keys(&self) -> impl Iterator<Item = Key<'b>> {
        let mut keys = self.keys.clone();
        std::iter::from_fn(move || Some((Cow::Borrowed(keys.next()?), Cow::Borrowed(keys.next()?))))
    }
}

/// Pieces of a batch's text, in order.
#[derive(Clone)]
pub(super) struct Pieces<'b> {
    text: &'b str,
    /// Where the first piece starts.
    start: usize,
    ends: &'b [usize],
}

impl<'b> Iterator for Pieces<'b> {
    type Item = &'b str;

    fn next(&mut self) -> Option<&'b str> {
        let (&end, rest) = self.ends.split_first()?;
        let piece = &self.text[self.start..end];
        (self.start, self.ends) = (end, rest);
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_with_their_cells_and_keys_in_order() {
        let mut batch = Batch::default();
        let cells = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let key = |code: &'static str, unit: &'static str| (Cow::from(code), Cow::from(unit));
        batch.push(
            2,
            &cells(&["TT1", "", "5"]),
            [(key("TT1", "P1"), Checked::Blank)],
        );
        batch.push(4, &cells(&[]), []);
        let two = [
            (key("A", ""), Checked::Blank),
            (key("B", "P2"), Checked::Blank),
        ];
        batch.push(5, &cells(&["", "x"]), two);
        let rows: Vec<_> = batch
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row.cells.clone().collect();
                let keys: Vec<(String, String)> = row
                    .keys()
                    .map(|(code, unit)| (code.into_owned(), unit.into_owned()))
                    .collect();
                (row.line, cells, keys)
            })
            .collect();
        let owned = |code: &str, unit: &str| (code.to_string(), unit.to_string());
        assert_eq!(
            rows,
            [
                (2, vec!["TT1", "", "5"], vec![owned("TT1", "P1")]),
                (4, vec![], vec![]),
                (5, vec!["", "x"], vec![owned("A", ""), owned("B", "P2")]),
            ]
        );
        assert_eq!(batch.entries.len(), 3);
        assert!(!batch.is_full(BATCH_ROWS) && !batch.is_empty());
        assert!(batch.is_full(3) && !batch.is_full(4));
        // A spare batch holds nothing of the rows it held.
        batch.clear();
        assert!(batch.is_empty() && batch.entries.is_empty());
        batch.push(7, &cells(&["y"]), [(key("C", ""), Checked::Blank)]);
        let row = batch.rows.iter().next().unwrap();
        assert_eq!((row.line, row.cells.collect::<Vec<_>>()), (7, vec!["y"]));
    }
}
