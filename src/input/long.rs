//! The long CSV layout: one row per indicator, unit, date and value (or per task and status),
//! recognised by its header in Vietnamese or English, any case, with or without diacritics.

use crate::input::text::{fold, trim};

/// A column the long layout knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Indicator,
    Unit,
    Date,
    /// The period a flow's value covers ("Kỳ": 11/2026, Q4/2026, 2026).
    Period,
    Value,
    Numerator,
    Denominator,
    Note,
    By,
    Task,
    Status,
}

/// How many fields there are.
const FIELDS: usize = Field::Status as usize + 1;

/// The header names each field goes by, folded (no diacritics, lower case).
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Indicator,
        &["ma chi tieu", "chi tieu", "indicator", "indicator code"],
    ),
    (Field::Unit, &["don vi", "ma don vi", "unit"]),
    (Field::Date, &["ngay", "ngay so lieu", "date"]),
    (Field::Period, &["ky", "ky so lieu", "ky bao cao", "period"]),
    (Field::Value, &["gia tri", "so lieu", "value"]),
    (Field::Numerator, &["tu so", "numerator"]),
    (Field::Denominator, &["mau so", "denominator"]),
    (Field::Note, &["ghi chu", "note"]),
    (Field::By, &["nguoi nhap", "by"]),
    (
        Field::Task,
        &["ma nhiem vu", "nhiem vu", "task", "task code"],
    ),
    (Field::Status, &["trang thai", "status"]),
];

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Measurements,
    TaskStatuses,
}

/// A recognised header: the layout and which column holds which field.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub layout: Layout,
    /// (column index, field), in column order.
    pub columns: Vec<(usize, Field)>,
    /// The header cells as written, for messages.
    pub names: Vec<String>,
    /// The first column of each field, by field: a row's cells are looked up by field a dozen
    /// times, without a search of `columns` each time.
    firsts: [Option<usize>; FIELDS],
}

/// The field a header cell names, if any.
pub fn field_of(name: &str) -> Option<Field> {
    let folded = fold(name);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
        .map(|(field, _)| *field)
}

/// Recognises a header row; `None` when it names neither an indicator nor a task column.
pub fn recognise(cells: &[String]) -> Option<Header> {
    let columns: Vec<(usize, Field)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, cell)| field_of(cell).map(|f| (i, f)))
        .collect();
    let has = |field| columns.iter().any(|(_, f)| *f == field);
    let layout = if has(Field::Task) {
        Layout::TaskStatuses
    } else if has(Field::Indicator) {
        Layout::Measurements
    } else {
        return None;
    };
    let mut firsts = [None; FIELDS];
    for (column, field) in columns.iter().rev() {
        firsts[*field as usize] = Some(*column);
    }
    Some(Header {
        layout,
        columns,
        names: cells.to_vec(),
        firsts,
    })
}

impl Header {
    /// The column index of `field`, if the header has it.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.firsts[field as usize]
    }

    /// The trimmed cell of `field` in `row`, with its column index; empty cells are `None`.
    pub fn cell<'r>(&self, row: &'r [String], field: Field) -> Option<(usize, &'r str)> {
        let column = self.column(field)?;
        row.get(column)
            .map(|c| trim(c))
            .filter(|c| !c.is_empty())
            .map(|c| (column, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_in_either_language_any_case_with_or_without_marks() {
        let vi = recognise(&cells(&["Mã chỉ tiêu", "Đơn vị", "Ngày", "Giá trị"])).unwrap();
        let en = recognise(&cells(&["INDICATOR", "unit", "Date", "value"])).unwrap();
        let bare = recognise(&cells(&["ma chi tieu", "DON VI", "ngay", "gia_tri"])).unwrap();
        let nfd = recognise(&cells(&[
            "Ma\u{0303} chi\u{0309} tiêu",
            "Đơn vị",
            "Ngày",
            "Giá trị",
        ]))
        .unwrap();
        for header in [&vi, &en, &bare, &nfd] {
            assert_eq!(header.layout, Layout::Measurements);
            assert_eq!(header.column(Field::Value), Some(3));
            assert_eq!(header.column(Field::Note), None);
        }
        // Two columns of one field (refused when read as a layout): the first is the one.
        let twice = recognise(&cells(&["Value", "Indicator", "Giá trị"])).unwrap();
        assert_eq!(twice.column(Field::Value), Some(0));
        assert_eq!(twice.column(Field::Indicator), Some(1));
    }

    #[test]
    fn task_files_are_told_apart_by_their_header() {
        let header = recognise(&cells(&["Mã nhiệm vụ", "Trạng thái", "Ngày", "Ghi chú"])).unwrap();
        assert_eq!(header.layout, Layout::TaskStatuses);
        assert!(recognise(&cells(&["Họ tên", "Số điện thoại"])).is_none());
    }
}
