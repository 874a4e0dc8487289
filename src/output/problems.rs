//! Messages about hostile or mistaken input, damaged outputs and the database's place, in both
//! languages: typed, so each is made once with its values and rendered in the user's language.

use crate::output::lang::say;
use crate::output::lang::Lang;

/// Something refused, or a state worth telling, with the values its sentence needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A number written with spaces that do not group thousands ("9 5").
    BadSpaces { text: String },
    /// A number beyond what is stored exactly (2^53), or not finite.
    TooLarge { text: String },
    /// Text after a date that is not a time.
    TrailingText { date: String, rest: String },
    /// Bytes that are not UTF-8 in a file that otherwise is: where they are.
    NotUtf8 {
        /// (line, column, byte) of the first few.
        places: Vec<(u64, u64, u8)>,
        total: u64,
    },
    /// A quoted CSV field still open at the end of the file.
    QuoteNotClosed { file: String, line: u64 },
    /// A quoted CSV field that runs over a line that looks like a row of its own.
    QuoteSwallowsRow { file: String, line: u64, over: u64 },
    /// Two header columns naming the same field.
    DuplicateColumn {
        file: String,
        line: u64,
        name: String,
        first: usize,
        second: usize,
    },
    /// `init` on a SQLite file that holds another program's tables.
    ForeignDatabase { path: String, tables: String },
    /// A `user_version` that no kehoach database has.
    UnknownSchemaVersion { path: String, version: i64 },
    /// A workbook part that expands beyond the limit.
    WorkbookPartTooLarge {
        file: String,
        part: String,
        limit_mb: u64,
    },
    /// A workbook whose reading took too long.
    WorkbookTimedOut { file: String, seconds: u64 },
    /// A workbook whose content the reader cannot make sense of.
    WorkbookDamaged { file: String },
    /// A workbook part whose XML ends before its elements are closed.
    WorkbookPartTruncated { file: String, part: String },
    /// A workbook whose zip parts together expand beyond the limit.
    WorkbookTooLarge { file: String, limit_mb: u64 },
    /// A sheet with more cells than an import reads.
    TooManyCells {
        file: String,
        sheet: String,
        limit: u64,
    },
    /// A cell beyond the columns or rows an import reads.
    CellOutOfBounds {
        file: String,
        sheet: String,
        cell: String,
        columns: u32,
        rows: u32,
    },
    /// A note longer than kept.
    NoteTooLong { length: usize, limit: usize },
    /// A value below 1 typed without "%" for a percentage: a fraction, most likely.
    FractionForPercent {
        typed: String,
        value: f64,
        /// Whether `--yes` can confirm it (`record`), or only a "%" in the cell (`import`).
        confirm: bool,
    },
    /// A count indicator given a fraction.
    CountNotWhole {
        typed: String,
        code: String,
        unit_of_measure: String,
    },
    /// `record --correct` with no value to correct.
    NothingToCorrect {
        code: String,
        unit: String,
        day: chrono::NaiveDate,
    },
    /// The state of an import that wrote nothing new.
    NothingChanged,
    /// `--out` onto something that is not a regular file.
    NotARegularFile { path: String },
    /// An output file that exists, without `--force`.
    WouldOverwrite { path: String },
    /// A file that cannot be written.
    FileUnwritable { path: String, error: String },
    /// The problems not listed one by one.
    MoreProblems { count: u64 },
    /// A backup that took longer than allowed.
    BackupTimedOut { path: String, seconds: u64 },
    /// A backup whose copy fails SQLite's integrity check.
    BackupDamaged { path: String, count: usize },
    /// What the integrity check of a backup's copy found: nothing.
    BackupChecked,
    /// A unit code that cannot name a file.
    NotAnIdentifier { code: String },
}

// Cells and codes are quoted «…» in Vietnamese, "…" in English.
impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use Message::*;
        match self {
            BadSpaces { text } => say!(
                lang,
                "«{text}»: dấu cách chỉ dùng để nhóm từng ba chữ số (1 234 567); viết một số, ví dụ 95 hoặc 9,5",
                "\"{text}\": a space only groups digits by three (1 234 567); write one number, e.g. 95 or 9.5"
            ),
            TooLarge { text } => say!(
                lang,
                "«{text}» quá lớn để lưu chính xác (tối đa 9.007.199.254.740.992)",
                "\"{text}\" is too large to be stored exactly (at most 9,007,199,254,740,992)"
            ),
            TrailingText { date, rest } => say!(
                lang,
                "sau ngày {date} còn «{rest}»: mỗi ô (mỗi --date) chỉ ghi một ngày",
                "\"{rest}\" follows the date {date}: give one date per cell (per --date)"
            ),
            NotUtf8 { places, total } => {
                let list = |word: &str, col: &str| {
                    places
                        .iter()
                        .map(|(line, column, byte)| format!("{word} {line} {col} {column} (0x{byte:02X})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let more = total.saturating_sub(places.len() as u64);
                match lang {
                    Lang::Vi => format!(
                        "tệp là UTF-8 nhưng có {total} byte không hợp lệ: {}{}; sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8",
                        list("dòng", "cột"),
                        if more > 0 { format!(" và {more} chỗ khác") } else { String::new() }
                    ),
                    Lang::En => format!(
                        "the file is UTF-8 but has {total} invalid byte{}: {}{}; fix those places or save again as CSV UTF-8",
                        if *total == 1 { "" } else { "s" },
                        list("line", "column"),
                        if more > 0 { format!(" and {more} more") } else { String::new() }
                    ),
                }
            }
            QuoteNotClosed { file, line } => say!(
                lang,
                "{file}:{line}: dấu ngoặc kép mở ở dòng {line} không được đóng đến hết tệp: thêm dấu \" đóng ô đó",
                "{file}:{line}: the quote opened on line {line} is never closed: add the closing \" to that cell"
            ),
            QuoteSwallowsRow { file, line, over } => say!(
                lang,
                "{file}:{line}: ô mở dấu ngoặc kép ở dòng {line} kéo sang dòng {over}, dòng trông như một dòng số liệu riêng: thêm dấu \" đóng ô ở dòng {line}",
                "{file}:{line}: the quoted cell opened on line {line} runs over line {over}, which looks like a row of its own: add the closing \" on line {line}"
            ),
            DuplicateColumn { file, line, name, first, second } => say!(
                lang,
                "{file}:{line}: cột «{name}» có hai lần (cột {first} và cột {second}): xóa hoặc đổi tên một cột",
                "{file}:{line}: the column \"{name}\" appears twice (columns {first} and {second}): remove or rename one"
            ),
            ForeignDatabase { path, tables } => say!(
                lang,
                "{path} là tệp SQLite của chương trình khác (có bảng {tables}): không thêm bảng của kehoach vào đó; chọn tệp khác với --db",
                "{path} is another program's SQLite file (it has the tables {tables}): kehoach's tables are not added to it; choose another file with --db"
            ),
            UnknownSchemaVersion { path, version } => say!(
                lang,
                "{path} ghi phiên bản cấu trúc {version}, không phải của kehoach: không mở",
                "{path} says its schema version is {version}, which no kehoach database has: not opened"
            ),
            WorkbookPartTooLarge { file, part, limit_mb } => say!(
                lang,
                "{file}: phần «{part}» của bảng tính giải nén ra hơn {limit_mb} MB: không đọc (bảng tính bị hỏng hoặc độc hại)",
                "{file}: the workbook's part \"{part}\" expands to more than {limit_mb} MB: not read (a damaged or hostile workbook)"
            ),
            WorkbookTimedOut { file, seconds } => say!(
                lang,
                "{file}: đọc bảng tính quá {seconds} giây: bỏ qua (tệp hỏng, hoặc quá lớn: tách thành nhiều tệp)",
                "{file}: reading the workbook took over {seconds} seconds: given up (a damaged file, or too large: split it)"
            ),
            WorkbookDamaged { file } => say!(
                lang,
                "{file}: bảng tính bị hỏng (nội dung không đọc được): mở bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại",
                "{file}: the workbook is damaged (its content cannot be read): open it in Excel or LibreOffice, save it again and import it again"
            ),
            WorkbookPartTruncated { file, part } => say!(
                lang,
                "{file}: phần «{part}» của bảng tính bị cắt cụt (kết thúc khi các thẻ chưa đóng): mở bằng LibreOffice, lưu lại rồi nhập lại",
                "{file}: the workbook's part \"{part}\" is cut short (it ends before its elements are closed): open it in LibreOffice, save it again and import it again"
            ),
            WorkbookTooLarge { file, limit_mb } => say!(
                lang,
                "{file}: bảng tính giải nén ra hơn {limit_mb} MB: không đọc; tách thành nhiều tệp",
                "{file}: the workbook expands to more than {limit_mb} MB: not read; split it into several files"
            ),
            TooManyCells { file, sheet, limit } => say!(
                lang,
                "{file} [{sheet}]: trang tính có hơn {limit} ô: không đọc; tách thành nhiều tệp",
                "{file} [{sheet}]: the sheet has more than {limit} cells: not read; split it into several files"
            ),
            CellOutOfBounds { file, sheet, cell, columns, rows } => say!(
                lang,
                "{file} [{sheet}]: có ô ở {cell}, ngoài vùng đọc ({columns} cột, {rows} dòng): xóa các ô thừa ở xa bảng số liệu",
                "{file} [{sheet}]: a cell at {cell} lies beyond what is read ({columns} columns, {rows} rows): delete the stray cells far from the table"
            ),
            NoteTooLong { length, limit } => say!(
                lang,
                "ghi chú dài {length} ký tự, quá {limit} ký tự: rút gọn lại",
                "the note is {length} characters long, over {limit}: shorten it"
            ),
            FractionForPercent { typed, value, confirm } => say!(
                lang,
                "«{typed}» cho chỉ tiêu tính theo %: có phải {as_percent}? Ghi {as_percent}{how}",
                "\"{typed}\" for a percentage indicator: did you mean {as_percent}? Write {as_percent}{how}",
                as_percent = lang.percent(value * 100.0),
                how = match (lang, confirm) {
                    (Lang::Vi, true) => format!(", hoặc thêm --yes nếu đúng là {typed}%"),
                    (Lang::Vi, false) => format!(", hoặc {typed}% nếu đúng là dưới 1%"),
                    (Lang::En, true) => format!(", or add --yes if it really is {typed}%"),
                    (Lang::En, false) => format!(", or {typed}% if it really is below 1%"),
                }
            ),
            CountNotWhole { typed, code, unit_of_measure } => say!(
                lang,
                "{code} đếm số {unit_of_measure}: «{typed}» không phải số nguyên",
                "{code} counts {unit_of_measure}: \"{typed}\" is not a whole number"
            ),
            NothingToCorrect { code, unit, day } => say!(
                lang,
                "{code} của {unit} ngày {day} chưa có số liệu để đính chính: kiểm tra lại ngày, hoặc bỏ --correct để ghi số liệu đầu tiên",
                "{code} for {unit} on {day} has no value to correct: check the date, or drop --correct to record a first value",
                day = lang.date(*day)
            ),
            NothingChanged => say!(lang, "không có gì thay đổi", "nothing changed"),
            NotARegularFile { path } => say!(
                lang,
                "{path} không phải là tệp thường (thư mục, thiết bị, ống dẫn): không ghi đè; chọn tên tệp khác",
                "{path} is not a regular file (a folder, a device, a pipe): not replaced; choose another file name"
            ),
            WouldOverwrite { path } => say!(
                lang,
                "{path} đã tồn tại: chọn tên khác, hoặc thêm --force để ghi đè",
                "{path} already exists: choose another name, or add --force to replace it"
            ),
            FileUnwritable { path, error } => say!(
                lang,
                "Không ghi được {path}: {error}",
                "Cannot write {path}: {error}"
            ),
            MoreProblems { count } => say!(
                lang,
                "… và {count} lỗi khác (toàn bộ: dùng --errors TỆP.csv)",
                "… and {count} more problem{s} (all of them: use --errors FILE.csv)",
                s = if *count == 1 { "" } else { "s" }
            ),
            BackupTimedOut { path, seconds } => say!(
                lang,
                "Không sao lưu được vào {path}: chưa xong sau {seconds} giây; không để lại tệp nào",
                "Cannot back up to {path}: not done after {seconds} seconds; no file left behind"
            ),
            BackupDamaged { path, count } => say!(
                lang,
                "Đã chép vào {path}, nhưng bản sao có {count} lỗi khi kiểm tra toàn vẹn: cơ sở dữ liệu đang bị hỏng; giữ bản sao cũ và chạy kehoach check",
                "Copied to {path}, but the copy fails the integrity check with {count} problem{s}: the database is damaged; keep older backups and run kehoach check",
                s = if *count == 1 { "" } else { "s" }
            ),
            BackupChecked => say!(
                lang,
                "Bản sao đã được kiểm tra toàn vẹn (PRAGMA integrity_check): không có lỗi.",
                "The copy passed SQLite's integrity check (PRAGMA integrity_check)."
            ),
            NotAnIdentifier { code } => say!(
                lang,
                "mã «{code}» chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 32 ký tự), ví dụ KP1",
                "the code \"{code}\" may hold only ASCII letters, digits, dots, underscores and hyphens (32 at most), e.g. KP1"
            ),
        }
    }
}

crate::output::lang::in_both_languages!(Message);

impl From<&crate::files::FileRefusal> for Message {
    fn from(refusal: &crate::files::FileRefusal) -> Self {
        use crate::files::FileRefusal::*;
        match refusal.clone() {
            NotARegularFile { path } => Message::NotARegularFile { path },
            WouldOverwrite { path } => Message::WouldOverwrite { path },
            Unwritable { path, error } => Message::FileUnwritable { path, error },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let message = Message::NotUtf8 {
            places: vec![(3, 17, 0xC3)],
            total: 1,
        };
        assert_eq!(
            message.render(Lang::En),
            "the file is UTF-8 but has 1 invalid byte: line 3 column 17 (0xC3); fix those places or save again as CSV UTF-8"
        );
        assert!(message.render(Lang::Vi).contains("dòng 3 cột 17 (0xC3)"));
        assert_eq!(
            Message::NothingChanged.render(Lang::Vi),
            "không có gì thay đổi"
        );
    }
}
