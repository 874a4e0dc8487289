//! Examples of what readers refuse and what `import` says: problems with input and files,
//! values and dates refused, the import messages.

use super::*;

pub(super) fn problems() -> Vec<Message> {
    let file = || "so-lieu.csv".to_string();
    let book = || "so-lieu.xlsx".to_string();
    vec![
        Message::BadSpaces { text: "9 5".into() },
        Message::TooLarge {
            text: "1".repeat(20),
        },
        Message::TrailingText {
            date: "01/07/2026".into(),
            rest: "hoặc 15/07/2026".into(),
        },
        Message::NotUtf8 {
            places: vec![(3, 12, 0xe1), (7, 2, 0xff)],
            total: 2,
        },
        Message::QuoteNotClosed {
            file: file(),
            line: 4,
        },
        Message::QuoteSwallowsRow {
            file: file(),
            line: 4,
            over: 5,
        },
        Message::DuplicateColumn {
            file: file(),
            line: 1,
            name: "Giá trị".into(),
            first: 4,
            second: 6,
        },
        Message::ForeignDatabase {
            path: "khac.db".into(),
            tables: "orders, customers".into(),
        },
        Message::UnknownSchemaVersion {
            path: "kehoach.db".into(),
            version: -5,
        },
        Message::WorkbookPartTooLarge {
            file: book(),
            part: "xl/sharedStrings.xml".into(),
            limit_mb: 256,
        },
        Message::WorkbookTimedOut {
            file: book(),
            seconds: 300,
        },
        Message::WorkbookDamaged { file: book() },
        Message::WorkbookPartTruncated {
            file: book(),
            part: "content.xml".into(),
        },
        Message::WorkbookTooLarge {
            file: book(),
            limit_mb: 512,
        },
        Message::TooManyCells {
            file: book(),
            sheet: "Số liệu".into(),
            limit: 5_000_000,
        },
        Message::CellOutOfBounds {
            file: book(),
            sheet: "Số liệu".into(),
            cell: "XFD1048576".into(),
            columns: 1000,
            rows: 1_000_000,
        },
        Message::NoteTooLong {
            length: 5000,
            limit: 2000,
        },
        Message::FractionForPercent {
            typed: "0,955".into(),
            value: 0.955,
            confirm: true,
        },
        Message::FractionForPercent {
            typed: "0,955".into(),
            value: 0.955,
            confirm: false,
        },
        Message::CountNotWhole {
            typed: "2,5".into(),
            code: "TT1.10".into(),
            unit_of_measure: "sáng kiến".into(),
        },
        Message::NothingToCorrect {
            code: "TT1.03".into(),
            unit: "TTPVHCC".into(),
            day: day("2026-11-25"),
        },
        Message::NothingChanged,
        Message::NotARegularFile {
            path: "/dev/null".into(),
        },
        Message::WouldOverwrite {
            path: "bao-cao.docx".into(),
        },
        Message::FileUnwritable {
            path: "bao-cao.csv".into(),
            error: "Permission denied (os error 13)".into(),
        },
        Message::MoreProblems { count: 615 },
        Message::BackupTimedOut {
            path: "sao-luu.db".into(),
            seconds: 600,
        },
        Message::BackupDamaged {
            path: "sao-luu.db".into(),
            count: 3,
        },
        Message::BackupChecked,
        Message::NotAnIdentifier {
            code: "/../../X".into(),
        },
    ]
}

pub(super) fn refusals() -> Vec<InputRefusal> {
    let mut all: Vec<InputRefusal> = [
        ("", NumberError::Empty),
        ("#DIV/0!", NumberError::ExcelError("#DIV/0!".into())),
        ("=B2/C2", NumberError::Formula("=B2/C2".into())),
        ("chín mươi", NumberError::NotANumber("chín mươi".into())),
        ("1.23", NumberError::BadGrouping("1.23".into())),
        ("5/0", NumberError::DenominatorZero),
        ("-3/10", NumberError::Negative("-3/10".into())),
        ("9 5", NumberError::BadSpaces("9 5".into())),
        (
            "11111111111111111111",
            NumberError::TooLarge("1".repeat(20)),
        ),
    ]
    .into_iter()
    .map(|(typed, error)| InputRefusal::InvalidValue {
        typed: typed.into(),
        error,
    })
    .collect();
    all.extend(
        [
            ("", DateError::Empty),
            ("hôm qua", DateError::NotADate("hôm qua".into())),
            ("31/02/2026", DateError::NoSuchDay("31/02/2026".into())),
            (
                "01/13/2026",
                DateError::NoSuchMonth("01/13/2026".into(), 13),
            ),
            ("01/07/26", DateError::TwoDigitYear("01/07/26".into())),
            ("46204", DateError::ExcelSerial("46204".into())),
            (
                "01/07/2026 sáng",
                DateError::TrailingText {
                    date: "01/07/2026".into(),
                    rest: "sáng".into(),
                },
            ),
        ]
        .into_iter()
        .map(|(text, error)| InputRefusal::InvalidDate {
            text: text.into(),
            error,
        }),
    );
    all.extend(
        [
            DecodeError::InvalidUtf8 {
                offset: 1234,
                line: 17,
            },
            DecodeError::OddUtf16,
            DecodeError::Binary,
        ]
        .into_iter()
        .map(|error| InputRefusal::UnreadableText {
            file: "so-lieu.csv".into(),
            error,
        }),
    );
    all.push(InputRefusal::Date(DateError::NotADate("hôm qua".into())));
    all
}

pub(super) fn import() -> Vec<ImportMessage> {
    let file = || "so-lieu.csv".to_string();
    let book = || "so-lieu.xlsx".to_string();
    vec![
        ImportMessage::RulesInvalid {
            path: "quy-tac.toml".into(),
            message: "unknown field `colum`".into(),
        },
        ImportMessage::RulesWithoutValue {
            path: "quy-tac.toml".into(),
        },
        ImportMessage::RulesUnreadable {
            path: "quy-tac.toml".into(),
            error: "No such file or directory (os error 2)".into(),
        },
        ImportMessage::FileUnreadable {
            path: file(),
            error: "No such file or directory (os error 2)".into(),
        },
        ImportMessage::CsvEmpty { file: file() },
        ImportMessage::CsvBroken {
            file: file(),
            error: "found record with 3 fields, but the previous record has 4 fields".into(),
        },
        ImportMessage::HeaderNotRecognised {
            file: file(),
            line: 1,
            found: "STT | Tên | Số".into(),
        },
        ImportMessage::MappingColumnMissing {
            file: file(),
            line: 3,
            found: "STT | Tên | Số".into(),
            column: "Tỷ lệ".into(),
        },
        ImportMessage::WorkbookUnreadable {
            file: book(),
            reason: "invalid zip header".into(),
        },
        ImportMessage::SheetMissing {
            file: book(),
            sheet: "Tháng 11".into(),
            sheets: "Sheet1, Tháng 10".into(),
        },
        ImportMessage::WorkbookEmpty { file: book() },
        ImportMessage::TemplateOtherPlan {
            file: book(),
            theirs: "97/KH-UBND".into(),
            ours: "118/KH-UBND".into(),
        },
        ImportMessage::TemplateOldVersion {
            file: book(),
            unit: "KP1".into(),
            as_of: day("2026-12-01"),
        },
        ImportMessage::TemplateNewerLayout {
            file: book(),
            layout: 3,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_DATE,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_INDICATOR,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_VALUE,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_TASK,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_STATUS,
        },
        ImportMessage::IndicatorMissing,
        ImportMessage::MappingWithoutDate,
        ImportMessage::DateMissing,
        ImportMessage::RowsRejected { count: 12 },
        ImportMessage::RowsBlank { count: 4 },
        ImportMessage::RowsBlank { count: 1 },
        ImportMessage::CellPlace {
            file: book(),
            sheet: "Chỉ tiêu".into(),
            column: Some("G".into()),
            row: 7,
            field: Some("Giá trị".into()),
        },
        ImportMessage::CellPlace {
            file: book(),
            sheet: "Chỉ tiêu".into(),
            column: None,
            row: 7,
            field: None,
        },
    ]
}
