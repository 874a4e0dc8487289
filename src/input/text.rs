//! TEMPORARY stub until the input-parsers branch lands.
use unicode_normalization::UnicodeNormalization;
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .replace(['đ', 'Đ'], "d")
        .to_lowercase()
}
pub fn suggest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    candidates
        .into_iter()
        .filter(|c| {
            c.to_lowercase()
                .starts_with(&wanted.to_lowercase()[..wanted.len().min(3)])
        })
        .take(max)
        .collect()
}
pub fn escape_spreadsheet_cell(s: &str) -> String {
    s.to_string()
}
