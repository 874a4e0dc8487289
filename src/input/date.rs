//! TEMPORARY stub until the input-parsers branch lands.
use chrono::NaiveDate;
#[derive(Debug)]
pub struct DateError(pub String);
impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a date: {}", self.0)
    }
}
impl DateError {
    pub fn vi(&self) -> String {
        format!("không phải ngày: {}", self.0)
    }
}
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .map_err(|_| DateError(s.to_string()))
}
pub fn format_date_vi(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}
pub fn format_date_iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
