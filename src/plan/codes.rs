//! Codes and names as people mistype them: folded for comparison (no case, no diacritics),
//! and the nearest codes suggested ("TT1.1 không tồn tại; có phải TT1.01?").

use std::borrow::Cow;

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// A loose key for matching headers and names: no diacritics, đ as d, lower case, runs of
/// spaces, underscores and hyphens as one space. "Mã chỉ tiêu", "MA_CHI_TIEU" → "ma chi tieu".
pub fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            '_' | '-' => ' ',
            other => other,
        })
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` in upper case, borrowed when it is already (ASCII with no lower-case letter: a code
/// as the plan writes it, looked up for each row of a file).
pub fn upper_case(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_lowercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_uppercase())
    }
}

/// The Levenshtein distance between two texts, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// A code with the leading zeros of its numbers dropped: "TT1.01" and "TT1.1" → "tt1.1".
fn without_leading_zeros(code: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    let chars: Vec<char> = fold(code).chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if *c == '0' && !in_number && next_is_digit {
            continue;
        }
        in_number = c.is_ascii_digit() && (in_number || *c != '0' || !next_is_digit);
        out.push(*c);
    }
    out
}

/// Up to `max` candidates nearest to `wanted` (a mistyped code), best first.
pub fn suggest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let key = fold(wanted);
    let loose = without_leading_zeros(wanted);
    let limit = (key.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(order, candidate)| {
            let folded = fold(candidate);
            let score = if without_leading_zeros(candidate) == loose {
                0
            } else if folded.starts_with(&key) && !key.is_empty() {
                1
            } else {
                let distance = edit_distance(&key, &folded);
                (distance <= limit).then_some(distance + 1)?
            };
            Some((score, order, candidate))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(max).map(|(_, _, c)| c).collect()
}
