//! What the readers of numbers, dates and file bytes refuse, and why: the reasons `input`
//! returns as typed errors, said in either language.

use crate::input::date::DateError;
use crate::input::decode::DecodeError;
use crate::input::number::NumberError;
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::output::problems::Message;

/// A text or a file that a reader refused.
#[derive(Debug, Clone, PartialEq)]
pub enum InputRefusal {
    /// A value that is not a number, and why.
    InvalidValue { typed: String, error: NumberError },
    /// A date cell that is not a date, and why.
    InvalidDate { text: String, error: DateError },
    /// A file whose bytes are not text, and why.
    UnreadableText { file: String, error: DecodeError },
    /// Why a text is not a date (a `--date` refused).
    Date(DateError),
}

impl InputRefusal {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::InvalidValue { typed, error } => say!(
                lang,
                "Giá trị «{typed}» không hợp lệ: {reason}",
                "The value \"{typed}\" is not valid: {reason}",
                reason = number(lang, error)
            ),
            Self::InvalidDate { text, error } => say!(
                lang,
                "ngày «{text}» không hợp lệ: {reason}",
                "date \"{text}\" is not valid: {reason}",
                reason = date(lang, error)
            ),
            Self::UnreadableText { file, error } => say!(
                lang,
                "{file}: không đọc được nội dung: {reason}",
                "{file}: cannot read the text: {reason}",
                reason = decode(lang, error)
            ),
            Self::Date(error) => date(lang, error),
        }
    }
}

crate::output::lang::in_both_languages!(InputRefusal);

fn number(lang: Lang, error: &NumberError) -> String {
    use NumberError::*;
    match error {
        Empty => say!(lang, "giá trị trống", "the value is empty"),
        ExcelError(e) => say!(
            lang,
            "ô có lỗi Excel {e}, không phải số",
            "the cell holds the Excel error {e}, not a number"
        ),
        Formula(t) => say!(
            lang,
            "«{t}» là công thức: lưu bảng tính dạng giá trị, không phải công thức",
            "\"{t}\" is a formula; save the sheet with values, not formulas"
        ),
        NotANumber(t) => say!(
            lang,
            "«{t}» không phải là số (viết ví dụ 95,5 hoặc 1.234)",
            "\"{t}\" is not a number (write e.g. 95,5 or 1.234)"
        ),
        BadGrouping(t) => say!(
            lang,
            "«{t}» có nhóm chữ số không đủ ba chữ số",
            "\"{t}\" has digit groups that are not of three"
        ),
        DenominatorZero => say!(lang, "mẫu số bằng 0", "the denominator is 0"),
        Negative(t) => say!(
            lang,
            "«{t}»: tử số và mẫu số không được âm",
            "\"{t}\": numerator and denominator cannot be negative"
        ),
        BadSpaces(text) => Message::BadSpaces { text: text.clone() }.render(lang),
        TooLarge(text) => Message::TooLarge { text: text.clone() }.render(lang),
    }
}

fn date(lang: Lang, error: &DateError) -> String {
    use DateError::*;
    match error {
        Empty => say!(lang, "ngày trống", "the date is empty"),
        NotADate(t) => say!(
            lang,
            "«{t}» không phải là ngày: viết dd/mm/yyyy, ví dụ 25/11/2026",
            "\"{t}\" is not a date: write dd/mm/yyyy, e.g. 25/11/2026"
        ),
        NoSuchDay(t) => say!(
            lang,
            "ngày {t} không có trên lịch",
            "{t} is not a day of the calendar"
        ),
        NoSuchMonth(t, month) => {
            say!(lang,
            "«{t}» không phải là ngày: không có tháng {month}; viết dd/mm/yyyy, ví dụ 25/11/2026",
            "\"{t}\" is not a date: there is no month {month}; write dd/mm/yyyy, e.g. 25/11/2026"
        )
        }
        TwoDigitYear(t) => say!(
            lang,
            "«{t}»: viết năm đủ bốn chữ số",
            "\"{t}\": write the year with four digits"
        ),
        ExcelSerial(t) => say!(
            lang,
            "«{t}» là một con số: định dạng ô thành kiểu ngày",
            "\"{t}\" is a number: format the cell as a date"
        ),
        TrailingText { date, rest } => Message::TrailingText {
            date: date.clone(),
            rest: rest.clone(),
        }
        .render(lang),
    }
}

fn decode(lang: Lang, error: &DecodeError) -> String {
    use DecodeError::*;
    match error {
        InvalidUtf8 { offset, line } => say!(lang,
            "không phải UTF-8 ở byte {offset} (dòng {line}): lưu lại dạng CSV UTF-8, hoặc dùng --encoding windows-1258",
            "not UTF-8 at byte {offset} (line {line}): save as CSV UTF-8, or give --encoding windows-1258"
        ),
        OddUtf16 => say!(lang,
            "tệp UTF-16 có số byte lẻ: tệp bị cắt cụt",
            "a UTF-16 file with an odd number of bytes: it is cut short"
        ),
        Binary => say!(lang,
            "tệp nhị phân, không phải văn bản CSV: trong Excel chọn Lưu thành > CSV",
            "a binary file, not CSV text: in Excel use Save As > CSV"
        ),
    }
}
