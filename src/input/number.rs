//! TEMPORARY stub until the input-parsers branch lands.
#[derive(Debug)]
pub enum NumberError {
    Bad(String),
    DenominatorZero,
}
impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}
impl NumberError {
    pub fn vi(&self) -> String {
        format!("{self:?}")
    }
}
pub struct ParsedNumber {
    pub value: f64,
    pub percent: bool,
}
pub enum Value {
    Plain { value: f64, percent: bool },
    Ratio { numerator: f64, denominator: f64 },
}
pub fn parse_number_detail(s: &str) -> Result<ParsedNumber, NumberError> {
    let t = s.trim();
    let percent = t.ends_with('%');
    let t = t
        .trim_end_matches('%')
        .trim()
        .replace('.', "")
        .replace(',', ".");
    t.parse::<f64>()
        .map(|value| ParsedNumber { value, percent })
        .map_err(|_| NumberError::Bad(s.into()))
}
pub fn parse_number(s: &str) -> Result<f64, NumberError> {
    parse_number_detail(s).map(|p| p.value)
}
pub fn parse_value(s: &str) -> Result<Value, NumberError> {
    if let Some((a, b)) = s.split_once('/') {
        let (n, d) = (parse_number(a)?, parse_number(b)?);
        if d == 0.0 {
            return Err(NumberError::DenominatorZero);
        }
        return Ok(Value::Ratio {
            numerator: n,
            denominator: d,
        });
    }
    parse_number_detail(s).map(|p| Value::Plain {
        value: p.value,
        percent: p.percent,
    })
}
pub fn format_number(value: f64, decimal_comma: bool) -> String {
    let s = format!("{:.2}", value);
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}
