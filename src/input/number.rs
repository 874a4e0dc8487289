//! Numbers as people type them: "95,5", "95.5", "95,5%", "1.234.567", "1 234 567", "412/450".

use std::borrow::Cow;

/// Why a cell or argument is not a number.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberError {
    Empty,
    /// An Excel error value such as `#DIV/0!` or `#N/A`.
    ExcelError(String),
    /// A formula (`=A1+B1`): kept as text, never evaluated.
    Formula(String),
    NotANumber(String),
    /// Groups of digits that are not of three ("1.23.4").
    BadGrouping(String),
    DenominatorZero,
    Negative(String),
    /// Spaces that do not group thousands ("9 5", "12 34").
    BadSpaces(String),
    /// Beyond what a stored number holds exactly (2^53), or not finite.
    TooLarge(String),
}

/// The largest whole number a stored value (an f64) holds exactly: 2^53.
pub const LARGEST_EXACT: f64 = 9_007_199_254_740_992.0;

/// The text of a cell as an error message echoes it: a few dozen characters at most.
fn echo(text: &str) -> String {
    crate::input::text::clip(text, crate::input::text::ECHO_LIMIT)
}

/// A number and whether it carried a percent sign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    pub value: f64,
    pub percent: bool,
}

/// A typed value: a plain number (maybe with "%"), or numerator/denominator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Plain { value: f64, percent: bool },
    Ratio { numerator: f64, denominator: f64 },
}

const EXCEL_ERRORS: [&str; 8] = [
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

/// The Excel error value `text` (trimmed) is, in any case.
fn excel_error(text: &str) -> Option<&'static str> {
    // Every error value starts with "#", and no other character is "#" in upper case: a
    // number is told apart without making its upper case.
    if !text.starts_with('#') {
        return None;
    }
    let upper = text.to_uppercase();
    EXCEL_ERRORS.iter().find(|e| upper == **e).copied()
}

/// Parses a number and tells whether it had a percent sign.
///
/// One separator followed by exactly three digits ("1.234", "1,234") is read the Vietnamese
/// way: "." groups thousands, "," marks decimals. With both, the last one is the decimal mark.
pub fn parse_number_detail(text: &str) -> Result<ParsedNumber, NumberError> {
    let trimmed = crate::input::text::trim(text);
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    if let Some(error) = excel_error(trimmed) {
        return Err(NumberError::ExcelError(error.to_string()));
    }
    if trimmed.starts_with('=') {
        return Err(NumberError::Formula(echo(trimmed)));
    }
    let not_a_number = || NumberError::NotANumber(echo(trimmed));
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body.trim_end(), true),
        None => (trimmed, false),
    };
    let (negative, body) = match body.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    // Spaces (plain, no-break, narrow no-break) only ever group thousands: "1 234 567".
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    if body.contains(is_space) && !spaces_group_thousands(body, is_space) {
        return Err(NumberError::BadSpaces(echo(trimmed)));
    }
    let body: Cow<str> = if body.contains(is_space) {
        Cow::Owned(body.chars().filter(|c| !is_space(*c)).collect())
    } else {
        Cow::Borrowed(body)
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    // Only ASCII digits and separators are left: counted as bytes.
    let dots = body.bytes().filter(|b| *b == b'.').count();
    let commas = body.bytes().filter(|b| *b == b',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) => single_separator(&body, '.'),
        (0, 1) => single_separator(&body, ','),
        _ => {
            // Both: the last one is the decimal mark and must occur once.
            let last = body.rfind(['.', ',']).map(|i| body.as_bytes()[i] as char);
            let mark = last.ok_or_else(not_a_number)?;
            if body.matches(mark).count() != 1 {
                return Err(not_a_number());
            }
            Some(mark)
        }
    };
    let (integer, fraction) = match decimal {
        Some(mark) => {
            let (i, f) = body.split_once(mark).ok_or_else(not_a_number)?;
            (i, f)
        }
        None => (&*body, ""),
    };
    if fraction.contains(['.', ',']) {
        return Err(not_a_number());
    }
    let digits = check_groups(integer).ok_or_else(|| NumberError::BadGrouping(echo(trimmed)))?;
    if digits.is_empty() && fraction.is_empty() {
        return Err(not_a_number());
    }
    let value = read_decimal(&digits, fraction).ok_or_else(not_a_number)?;
    // Past 2^53 an f64 no longer holds every whole number: 10^300 would be stored as
    // 1000000000000000052504760... and shown as such; too large is refused here, once.
    let integer_part = digits.trim_start_matches('0');
    let too_many = !integer_part.is_empty()
        && integer_part
            .parse::<u128>()
            .map_or(true, |n| n > LARGEST_EXACT as u128);
    if too_many || !value.is_finite() || value > LARGEST_EXACT {
        return Err(NumberError::TooLarge(echo(trimmed)));
    }
    Ok(ParsedNumber {
        value: if negative && value != 0.0 {
            -value
        } else {
            value
        },
        percent,
    })
}

/// Whether the spaces in `body` sit only between a group of one to three digits and groups of
/// exactly three ("1 234 567", "1 234,5"); "9 5" and "12 34" are two numbers, not one.
fn spaces_group_thousands(body: &str, is_space: impl Fn(char) -> bool) -> bool {
    let groups: Vec<&str> = body.split(is_space).collect();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let Some((last, rest)) = groups.split_last() else {
        return false;
    };
    let Some((first, middle)) = rest.split_first() else {
        return true;
    };
    // The last group: three digits, then maybe a decimal part ("567,5").
    let (whole, fraction) = match last.find(['.', ',']) {
        Some(at) => (&last[..at], &last[at + 1..]),
        None => (*last, ""),
    };
    digits(first)
        && first.len() <= 3
        && middle.iter().all(|g| digits(g) && g.len() == 3)
        && digits(whole)
        && whole.len() == 3
        && fraction.chars().all(|c| c.is_ascii_digit())
}

/// With one separator only: three digits after it make it a thousands separator for ".",
/// a decimal comma for "," (the Vietnamese habit); otherwise it is the decimal mark.
fn single_separator(body: &str, mark: char) -> Option<char> {
    let after = body.split_once(mark).map_or(0, |(_, f)| f.len());
    match (mark, after) {
        ('.', 3) if !body.starts_with('.') => None,
        _ => Some(mark),
    }
}

/// The integer part's digits once "." or "," grouping is checked: groups after the first
/// must have three digits.
fn check_groups(integer: &str) -> Option<Cow<'_, str>> {
    if !integer.contains(['.', ',']) {
        return Some(Cow::Borrowed(integer));
    }
    let groups: Vec<&str> = integer.split(['.', ',']).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    Some(Cow::Owned(groups.concat()))
}

/// The number `integer.fraction` (either may be empty, not both), read as one decimal literal
/// so it is rounded once.
fn read_decimal(integer: &str, fraction: &str) -> Option<f64> {
    let integer = if integer.is_empty() { "0" } else { integer };
    let fraction = if fraction.is_empty() { "0" } else { fraction };
    // The literal is put together on the stack: a file's every value goes through here.
    let mut literal = [0u8; 64];
    let length = integer.len() + 1 + fraction.len();
    if length > literal.len() {
        return format!("{integer}.{fraction}").parse().ok();
    }
    literal[..integer.len()].copy_from_slice(integer.as_bytes());
    literal[integer.len()] = b'.';
    literal[integer.len() + 1..length].copy_from_slice(fraction.as_bytes());
    std::str::from_utf8(&literal[..length]).ok()?.parse().ok()
}

/// Parses a value: a number, or "NUM/DEN" for a ratio ("412/450").
pub fn parse_value(text: &str) -> Result<Value, NumberError> {
    // "#DIV/0!" holds a slash too: Excel's errors are named before any splitting.
    if let Some(error) = excel_error(crate::input::text::trim(text)) {
        return Err(NumberError::ExcelError(error.to_string()));
    }
    if let Some((numerator, denominator)) = text.split_once('/') {
        let (n, d) = (
            parse_number_detail(numerator)?,
            parse_number_detail(denominator)?,
        );
        if n.percent || d.percent {
            return Err(NumberError::NotANumber(echo(text.trim())));
        }
        if n.value < 0.0 || d.value < 0.0 {
            return Err(NumberError::Negative(echo(text.trim())));
        }
        if d.value == 0.0 {
            return Err(NumberError::DenominatorZero);
        }
        return Ok(Value::Ratio {
            numerator: n.value,
            denominator: d.value,
        });
    }
    let parsed = parse_number_detail(text)?;
    Ok(Value::Plain {
        value: parsed.value,
        percent: parsed.percent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_number(text: &str) -> Result<f64, NumberError> {
        parse_number_detail(text).map(|p| p.value)
    }

    #[test]
    fn the_forms_people_type() {
        for (text, value) in [
            ("95,5", 95.5),
            ("95.5", 95.5),
            ("95,5%", 95.5),
            (" 95,5 % ", 95.5),
            ("1.234.567", 1_234_567.0),
            ("1 234 567", 1_234_567.0),
            ("1\u{a0}234\u{a0}567", 1_234_567.0),
            ("1.234.567,89", 1_234_567.89),
            ("1,234,567.89", 1_234_567.89),
            ("-3", -3.0),
            ("\u{2212}3", -3.0),
            ("0", 0.0),
            ("100%", 100.0),
            (",5", 0.5),
            (".5", 0.5),
            ("1.234", 1234.0),
            ("1,234", 1.234),
            ("12.5", 12.5),
            ("2,5", 2.5),
        ] {
            assert_eq!(parse_number(text), Ok(value), "{text}");
        }
        assert!(parse_number_detail("95,5%").unwrap().percent);
        assert!(!parse_number_detail("95,5").unwrap().percent);
    }

    #[test]
    fn what_is_refused() {
        assert_eq!(parse_number(""), Err(NumberError::Empty));
        assert_eq!(
            parse_number("#DIV/0!"),
            Err(NumberError::ExcelError("#DIV/0!".into()))
        );
        assert_eq!(
            parse_number("#n/a"),
            Err(NumberError::ExcelError("#N/A".into()))
        );
        assert_eq!(
            parse_number("=A1+B1"),
            Err(NumberError::Formula("=A1+B1".into()))
        );
        for bad in [
            "abc", "1,2,3", "12..3", "1.23.4", "NaN", "inf", "1e5", "--3", "%",
        ] {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn spaces_only_group_thousands() {
        assert_eq!(parse_number("1 234"), Ok(1234.0));
        assert_eq!(parse_number("12 345 678,5"), Ok(12_345_678.5));
        assert_eq!(parse_number("1 234.5"), Ok(1234.5));
        assert_eq!(parse_number(" 95 "), Ok(95.0));
        for bad in [
            "9 5", "12 34", "1 2345", "1234 567", "1 23 456", "1 234 5", "1 ,5",
        ] {
            assert_eq!(
                parse_number(bad),
                Err(NumberError::BadSpaces(bad.trim().into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn numbers_beyond_exact_are_refused_at_parse_time() {
        assert_eq!(parse_number("9007199254740992"), Ok(LARGEST_EXACT));
        assert!(matches!(
            parse_number("9007199254740993"),
            Err(NumberError::TooLarge(_))
        ));
        let huge = format!("1{}", "0".repeat(300));
        let Err(NumberError::TooLarge(echoed)) = parse_number(&huge) else {
            panic!("a 301-digit number was accepted");
        };
        assert!(
            echoed.chars().count() <= 41 && echoed.ends_with('…'),
            "{echoed}"
        );
        assert!(matches!(
            parse_number(&format!("1{}", "0".repeat(400))),
            Err(NumberError::TooLarge(_))
        ));
    }

    #[test]
    fn ratios() {
        assert_eq!(
            parse_value("412/450"),
            Ok(Value::Ratio {
                numerator: 412.0,
                denominator: 450.0
            })
        );
        assert_eq!(
            parse_value("1.234 / 2.000"),
            Ok(Value::Ratio {
                numerator: 1234.0,
                denominator: 2000.0
            })
        );
        assert_eq!(parse_value("5/0"), Err(NumberError::DenominatorZero));
        assert_eq!(
            parse_value("#DIV/0!"),
            Err(NumberError::ExcelError("#DIV/0!".into()))
        );
        assert!(matches!(parse_value("-1/5"), Err(NumberError::Negative(_))));
        assert_eq!(
            parse_value("95,5%"),
            Ok(Value::Plain {
                value: 95.5,
                percent: true
            })
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC*") {
            let _ = parse_number(&text);
            let _ = parse_value(&text);
        }

        #[test]
        fn excel_errors_are_known_without_upper_case_as_with_it(
            text in prop_oneof!["\\PC{0,8}", "#[a-zA-Z/0!?_ıſ]{1,13}"],
        ) {
            let upper = text.to_uppercase();
            let by_upper_case = EXCEL_ERRORS.iter().find(|e| upper == **e).copied();
            prop_assert_eq!(excel_error(&text), by_upper_case);
        }

        #[test]
        fn decimals_read_as_their_literal(integer in "[0-9]{0,70}", fraction in "[0-9]{0,70}") {
            let literal = format!(
                "{}.{}",
                if integer.is_empty() { "0" } else { &integer },
                if fraction.is_empty() { "0" } else { &fraction }
            );
            prop_assert_eq!(read_decimal(&integer, &fraction), literal.parse().ok());
        }
    }

    #[test]
    fn excel_errors_in_any_case() {
        assert_eq!(excel_error("#n/a"), Some("#N/A"));
        assert_eq!(excel_error("#getting_data"), Some("#GETTING_DATA"));
        assert_eq!(excel_error("#gettıng_data"), Some("#GETTING_DATA"));
        assert_eq!(excel_error("N/A"), None);
    }
}
