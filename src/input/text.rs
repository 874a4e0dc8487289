//! Text: Unicode normalisation, matching names loosely, suggesting codes, and keeping
//! spreadsheet cells from being read as formulas.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

pub use crate::plan::codes::{fold, suggest, upper_case};

/// NFC: the one form all text is stored in (Vietnamese arrives as NFC or NFD).
pub fn nfc(text: &str) -> String {
    // Most cells (codes, numbers, dates) are ASCII or already NFC: copy those as they are.
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        return text.to_string();
    }
    text.nfc().collect()
}

/// [`nfc`] into `out`, reusing its buffer: a file's rows are read into the same strings.
pub fn nfc_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        out.push_str(text);
    } else {
        out.extend(text.nfc());
    }
}

/// `text.trim()`, found at once when `text` begins and ends with a visible ASCII character, as
/// nearly every cell does (`trim` decodes characters from both ends).
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// How many characters of a user's cell an error message echoes.
pub const ECHO_LIMIT: usize = 40;

/// `text` cut to `max` characters with "…" when longer: an error message never echoes a
/// 160,000-character cell back whole.
pub fn clip(text: &str, max: usize) -> String {
    clipped(text, max).into_owned()
}

/// [`clip`], borrowing `text` when it is short enough already (nearly every cell).
pub fn clipped(text: &str, max: usize) -> Cow<'_, str> {
    // No more bytes than `max`: no more characters either, so nothing to cut.
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// Whether a spreadsheet would take the cell for a formula.
pub fn is_formula_like(text: &str) -> bool {
    let start = text.trim_start_matches(' ');
    start.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell with a leading `'` when a spreadsheet would run it as a formula; plain negative
/// numbers ("-3", "-3,5") stay as they are.
pub fn escape_spreadsheet_cell(text: &str) -> String {
    let is_negative_number = text.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    });
    if is_formula_like(text) && !is_negative_number {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folding_matches_every_spelling_of_a_header() {
        for text in [
            "Mã chỉ tiêu",
            "Ma\u{0303} chi\u{0309} tiêu",
            "MA CHI TIEU",
            "ma_chi_tieu",
            "  Mã   chỉ-tiêu ",
        ] {
            assert_eq!(fold(text), "ma chi tieu", "{text}");
        }
        assert_eq!(fold("Đơn vị"), "don vi");
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("Ma\u{0303}"), "Mã");
    }

    #[test]
    fn suggestions() {
        let codes = ["TT1.01", "TT1.02", "TT1.10", "NV2.03"];
        assert_eq!(suggest("TT1.1", codes, 3)[0], "TT1.01");
        assert_eq!(suggest("tt1.0", codes, 3), ["TT1.01", "TT1.02", "TT1.10"]);
        assert_eq!(suggest("NV2.3", codes, 3)[0], "NV2.03");
        assert!(suggest("XYZ.99", codes, 3).is_empty());
        assert_eq!(
            suggest("TTPVHC", ["TTPVHCC", "VPUB", "CAP"], 3),
            ["TTPVHCC"]
        );
    }

    #[test]
    fn nfc_into_reuses_its_buffer_and_agrees_with_nfc() {
        let mut out = String::from("left over from the row before");
        for text in [
            "TT1.01",
            "Ma\u{0303} chi\u{0309}",
            "Mã chỉ",
            "",
            "Khu phố 1",
        ] {
            nfc_into(text, &mut out);
            assert_eq!(out, nfc(text), "{text}");
        }
    }

    #[test]
    fn borrowed_shortcuts_agree_with_the_owned_forms() {
        for text in [
            "TT1.01",
            "tt1.01",
            "P01KP1",
            "Đơn vị",
            "ß",
            "x".repeat(40).as_str(),
        ] {
            assert_eq!(upper_case(text), text.to_uppercase(), "{text}");
            assert_eq!(clipped(text, 3), clip(text, 3), "{text}");
            assert_eq!(clipped(text, 40), clip(text, 40), "{text}");
        }
        assert!(matches!(upper_case("TT1.01"), Cow::Borrowed(_)));
        for text in [
            "",
            " ",
            "TT1.01",
            " TT1.01\t",
            "\u{a0}5\u{a0}",
            "x\u{3000}",
            "Đ ",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
        assert!(matches!(clipped("Báo cáo", 7), Cow::Borrowed(_)));
        assert_eq!(clipped("Báo cáo tháng", 7), "Báo cáo…");
    }

    #[test]
    fn long_text_is_clipped_for_messages() {
        assert_eq!(clip("TT1.01", 40), "TT1.01");
        assert_eq!(clip("Báo cáo tháng", 3), "Báo…");
        assert_eq!(clip(&"x".repeat(160_000), 40).chars().count(), 41);
    }

    #[test]
    fn formula_cells_are_escaped_but_negative_numbers_are_not() {
        assert_eq!(
            escape_spreadsheet_cell("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(escape_spreadsheet_cell("+1"), "'+1");
        assert_eq!(escape_spreadsheet_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(escape_spreadsheet_cell("-3,5"), "-3,5");
        assert_eq!(escape_spreadsheet_cell("-x"), "'-x");
        assert_eq!(escape_spreadsheet_cell("Khu phố 1"), "Khu phố 1");
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC*") {
            prop_assert_eq!(clipped(&text, 5), clip(&text, 5));
            prop_assert_eq!(trim(&text), text.trim());
            prop_assert_eq!(upper_case(&text), text.to_uppercase());
            let _ = fold(&text);
            let _ = suggest(&text, ["TT1.01", "KP1"], 3);
            let _ = escape_spreadsheet_cell(&text);
        }
    }
}
