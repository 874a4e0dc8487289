//! A large CSV read as a stream, so memory stays flat however many rows it has: one pass to
//! fingerprint the file and tell its encoding, then the rows one by one, each with the line it
//! starts on.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::path::Path;
use std::rc::Rc;

use super::decode::{Encoding, Sha256};

/// What one pass over a file tells before its rows are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    pub sha256: String,
    pub size: u64,
    /// The encoding its first bytes and its validity tell (see `decode::detect_encoding`).
    pub encoding: Encoding,
    /// Where the UTF-8 first goes wrong: (byte offset, line), if it does.
    pub invalid_utf8: Option<(usize, usize)>,
    /// A NUL byte: a binary file, when the text is meant to be UTF-8.
    pub has_nul: bool,
}

/// Reads `path` once, in pieces.
pub fn scan(path: &Path) -> io::Result<Scan> {
    let mut file = std::fs::File::open(path)?;
    let mut hash = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut head: Vec<u8> = Vec::new();
    // Bytes of a UTF-8 sequence cut by the end of a piece, carried to the next.
    let mut carry: Vec<u8> = Vec::new();
    let (mut size, mut lines) = (0usize, 1usize);
    let mut invalid_utf8 = None;
    let mut has_nul = false;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        let piece = &buffer[..read];
        hash.update(piece);
        if head.len() < 3 {
            head.extend(piece.iter().take(3 - head.len()));
        }
        has_nul |= piece.contains(&0);
        if invalid_utf8.is_none() {
            let start = size - carry.len();
            carry.extend_from_slice(piece);
            match std::str::from_utf8(&carry) {
                Ok(_) => {
                    lines += carry.iter().filter(|b| **b == b'\n').count();
                    carry.clear();
                }
                Err(e) if e.error_len().is_none() => {
                    let valid = e.valid_up_to();
                    lines += carry[..valid].iter().filter(|b| **b == b'\n').count();
                    carry.drain(..valid);
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    lines += carry[..valid].iter().filter(|b| **b == b'\n').count();
                    invalid_utf8 = Some((start + valid, lines));
                    carry.clear();
                }
            }
        }
        size += read;
    }
    if invalid_utf8.is_none() && !carry.is_empty() {
        invalid_utf8 = Some((size - carry.len(), lines));
    }
    let encoding = if head.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else if head.starts_with(b"\xFF\xFE") {
        Encoding::Utf16Le
    } else if head.starts_with(b"\xFE\xFF") {
        Encoding::Utf16Be
    } else if invalid_utf8.is_none() {
        Encoding::Utf8
    } else {
        Encoding::Windows1258
    };
    Ok(Scan {
        sha256: hash.finish(),
        size: size as u64,
        encoding,
        invalid_utf8,
        has_nul,
    })
}

/// Line breaks (`\r`, `\n`) a [`Tracked`] reader has passed and no record has claimed yet.
type Breaks = Rc<RefCell<VecDeque<(u64, u8)>>>;

/// A reader that notes where each line break is, for [`Lines`].
pub struct Tracked<R> {
    inner: R,
    offset: u64,
    breaks: Breaks,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        let mut breaks = self.breaks.borrow_mut();
        for (i, byte) in buffer[..read].iter().enumerate() {
            if matches!(byte, b'\r' | b'\n') {
                breaks.push_back((self.offset + i as u64, *byte));
            }
        }
        self.offset += read as u64;
        Ok(read)
    }
}

/// The line each record starts on. A record's byte position is where the csv reader began
/// reading it, which may be before the previous line's terminator and blank lines: those are
/// stepped over, then the line feeds before it counted. Breaks are forgotten once passed, so
/// memory holds only what the reader has read ahead.
pub struct Lines {
    breaks: Breaks,
    line: u64,
}

/// Wraps `reader` so the rows read through it can be given their line numbers.
pub fn track<R: Read>(reader: R) -> (Tracked<R>, Lines) {
    let breaks: Breaks = Rc::default();
    (
        Tracked {
            inner: reader,
            offset: 0,
            breaks: Rc::clone(&breaks),
        },
        Lines { breaks, line: 1 },
    )
}

impl Lines {
    /// The 1-based line of the record that the csv reader placed at byte `position`.
    pub fn line_of(&mut self, position: u64) -> u64 {
        let mut breaks = self.breaks.borrow_mut();
        let mut start = position;
        while let Some(&(at, byte)) = breaks.front() {
            if at < start {
                self.line += u64::from(byte == b'\n');
                breaks.pop_front();
            } else if at == start {
                // A terminator or blank line where the record was placed: it starts after it.
                self.line += u64::from(byte == b'\n');
                breaks.pop_front();
                start += 1;
            } else {
                break;
            }
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<(u64, Vec<String>)> {
        let (tracked, mut lines) = track(text.as_bytes());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(tracked);
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let position = r.position().map_or(0, |p| p.byte());
                (
                    lines.line_of(position),
                    r.iter().map(str::to_string).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn records_are_placed_on_their_lines_past_blank_lines_and_crlf() {
        let found = lines_of("a;b\r\n\r\n\r\nc;d\r\n\"e\nstill e\";f\r\ng;h");
        let lines: Vec<u64> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 4, 5, 7]);
        assert_eq!(found[2].1[0], "e\nstill e");
        let plain: Vec<u64> = lines_of("x\n\ny\nz\n").iter().map(|(l, _)| *l).collect();
        assert_eq!(plain, [1, 3, 4]);
    }

    #[test]
    fn a_scan_tells_the_encoding_and_where_utf8_breaks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "Mã;Giá trị\nTT1;2\n").unwrap();
        let found = scan(&path).unwrap();
        assert_eq!(found.encoding, Encoding::Utf8);
        assert_eq!(
            found.sha256,
            super::super::decode::sha256_hex("Mã;Giá trị\nTT1;2\n".as_bytes())
        );
        std::fs::write(&path, b"a;b\nM\xE3;1\n").unwrap();
        let found = scan(&path).unwrap();
        assert_eq!(found.encoding, Encoding::Windows1258);
        assert_eq!(found.invalid_utf8, Some((5, 2)));
    }
}
