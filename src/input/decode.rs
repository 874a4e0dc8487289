//! The raw bytes of a department's CSV as text: encoding, delimiter, fingerprint.

/// The encodings department files come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// The Vietnamese Windows code page (Excel's "CSV" on a Vietnamese PC).
    Windows1258,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 BOM",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1258 => "Windows-1258",
        }
    }
}

/// Why the bytes are not text.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Forced UTF-8, but a byte is not UTF-8.
    InvalidUtf8 { offset: usize, line: usize },
    /// UTF-16 with an odd number of bytes.
    OddUtf16,
    /// NUL characters: a binary file (a spreadsheet saved as .xlsx, an image).
    Binary,
}

/// The encoding of `bytes`: a BOM if any, else what the bytes that are not ASCII show (see
/// [`Evidence::encoding`]).
pub fn detect_encoding(bytes: &[u8]) -> Encoding {
    let mut evidence = Evidence::default();
    evidence.feed(bytes);
    evidence.finish();
    evidence.encoding(bytes)
}

/// How many invalid places a [`Evidence`] keeps for the message.
const PLACES_KEPT: usize = 5;

/// What a file's bytes show about its encoding, gathered piece by piece as it streams past:
/// valid UTF-8 characters beyond ASCII, bytes that are not UTF-8 (and where the first few
/// are), and how many of the high bytes Windows-1258 would read as Vietnamese letters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// Valid UTF-8 characters of two bytes or more.
    pub utf8_chars: u64,
    /// Bytes that are not UTF-8.
    pub invalid: u64,
    /// (line, column, byte) of the first invalid bytes; columns count characters from 1.
    pub places: Vec<(u64, u64, u8)>,
    /// Byte offset of the first invalid byte and its line, for the older message.
    pub first_invalid: Option<(usize, usize)>,
    /// Bytes ≥ 0x80, and those Windows-1258 reads as a Vietnamese letter or tone mark.
    pub high_bytes: u64,
    pub cp1258_letters: u64,
    /// Whether a NUL byte was seen.
    pub has_nul: bool,
    line: u64,
    column: u64,
    offset: usize,
    /// The start of a UTF-8 sequence cut by the end of a piece.
    carry: Vec<u8>,
}

impl Evidence {
    /// Takes in the next piece of the file.
    pub fn feed(&mut self, piece: &[u8]) {
        if self.line == 0 {
            self.line = 1;
        }
        // Counted in passes the compiler vectorises: most pieces are nearly all ASCII.
        let high_bytes = piece.iter().filter(|b| **b >= 0x80).count() as u64;
        if high_bytes > 0 {
            self.high_bytes += high_bytes;
            let letters = piece.iter().filter(|b| is_cp1258_vietnamese(**b)).count();
            self.cp1258_letters += letters as u64;
        }
        self.has_nul |= piece.contains(&0);
        let joined;
        let mut rest: &[u8] = if self.carry.is_empty() {
            piece
        } else {
            let mut bytes = std::mem::take(&mut self.carry);
            bytes.extend_from_slice(piece);
            joined = bytes;
            &joined
        };
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.count(text.as_bytes());
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    self.count(valid);
                    match e.error_len() {
                        None => {
                            self.carry = after.to_vec();
                            break;
                        }
                        Some(length) => {
                            for &byte in &after[..length] {
                                self.invalid_byte(byte);
                            }
                            rest = &after[length..];
                        }
                    }
                }
            }
        }
    }

    /// Ends the file: a sequence cut by the end of the file is invalid.
    pub fn finish(&mut self) {
        for byte in std::mem::take(&mut self.carry) {
            self.invalid_byte(byte);
        }
    }

    fn count(&mut self, valid: &[u8]) {
        // The line and column matter only at an invalid byte: the column is the characters
        // after the last line feed, so each is counted in one pass over the whole piece.
        let characters = |bytes: &[u8]| bytes.iter().filter(|b| **b & 0xC0 != 0x80).count();
        self.utf8_chars += valid.iter().filter(|b| **b >= 0xC0).count() as u64;
        match valid.iter().rposition(|b| *b == b'\n') {
            Some(last) => {
                self.line += valid.iter().filter(|b| **b == b'\n').count() as u64;
                self.column = characters(&valid[last + 1..]) as u64;
            }
            None => self.column += characters(valid) as u64,
        }
        self.offset += valid.len();
    }

    fn invalid_byte(&mut self, byte: u8) {
        self.column += 1;
        self.invalid += 1;
        if self.places.len() < PLACES_KEPT {
            self.places.push((self.line, self.column, byte));
        }
        if self.first_invalid.is_none() {
            self.first_invalid = Some((self.offset, self.line as usize));
        }
        self.offset += 1;
    }

    /// Whether Windows-1258 is a plausible reading: no valid UTF-8 beyond ASCII outweighs the
    /// invalid bytes, and nine high bytes in ten are Vietnamese letters or tone marks there.
    pub fn plausibly_windows_1258(&self) -> bool {
        self.invalid > 0
            && self.utf8_chars < self.invalid
            && self.cp1258_letters * 10 >= self.high_bytes * 9
    }

    /// The encoding the bytes show, `head` being the file's first bytes: a BOM; UTF-8 when
    /// valid, or when valid but for a few bytes (those are then an error at their place);
    /// Windows-1258 only when [`Self::plausibly_windows_1258`].
    pub fn encoding(&self, head: &[u8]) -> Encoding {
        if head.starts_with(b"\xEF\xBB\xBF") {
            Encoding::Utf8Bom
        } else if head.starts_with(b"\xFF\xFE") {
            Encoding::Utf16Le
        } else if head.starts_with(b"\xFE\xFF") {
            Encoding::Utf16Be
        } else if self.plausibly_windows_1258() {
            Encoding::Windows1258
        } else {
            Encoding::Utf8
        }
    }
}

/// Whether Windows-1258 reads `byte` as a letter of Vietnamese (À Á Â Ă È É Ê Í Đ Ó Ô Ơ Ù Ú
/// Ư and their lower case) or as one of its five combining tone marks.
fn is_cp1258_vietnamese(byte: u8) -> bool {
    matches!(
        byte,
        0xC0..=0xC3 | 0xC8..=0xCA | 0xCC | 0xCD | 0xD0 | 0xD2..=0xD5 | 0xD9 | 0xDA | 0xDD | 0xDE
            | 0xE0..=0xE3 | 0xE8..=0xEA | 0xEC | 0xED | 0xF0 | 0xF2..=0xF5 | 0xF9 | 0xFA | 0xFD
    )
}

/// The text of `bytes` in NFC, its BOM removed, and the encoding it was read in.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<(String, Encoding), DecodeError> {
    let encoding = forced.unwrap_or_else(|| detect_encoding(bytes));
    let text = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(text) => text.to_string(),
                Err(e) => {
                    let offset = e.valid_up_to() + (bytes.len() - body.len());
                    let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
                    return Err(DecodeError::InvalidUtf8 { offset, line });
                }
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let body = bytes
                .strip_prefix(b"\xFF\xFE")
                .or_else(|| bytes.strip_prefix(b"\xFE\xFF"))
                .unwrap_or(bytes);
            if !body.len().is_multiple_of(2) {
                return Err(DecodeError::OddUtf16);
            }
            let codec = if encoding == Encoding::Utf16Le {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            codec.decode_without_bom_handling(body).0.into_owned()
        }
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    // Windows-1258 writes tone marks as combining characters: NFC puts them back on the letter.
    Ok((super::text::nfc(&text), encoding))
}

/// `text` written in `encoding`, without a BOM (the caller writes one where the input had
/// one). Windows-1258 keeps Vietnamese tone marks apart from their letter, as Excel writes it.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        Encoding::Windows1258 => {
            use unicode_normalization::UnicodeNormalization;
            let mut out = Vec::with_capacity(text.len());
            let mut one = [0u8; 4];
            for c in text.chars() {
                let (bytes, _, unmappable) =
                    encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut one));
                if !unmappable {
                    out.extend_from_slice(&bytes);
                    continue;
                }
                // "ấ": the letter with its shape marks (â), then the tone mark on its own.
                let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
                let parts: Vec<char> = c.nfd().collect();
                let base: String = parts.iter().filter(|p| !tones.contains(p)).collect();
                let tone: String = parts.iter().filter(|p| tones.contains(p)).collect();
                let spelled = format!("{}{tone}", base.nfc().collect::<String>());
                let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&spelled);
                out.extend_from_slice(&bytes);
            }
            out
        }
    }
}

/// The encoding named `name` (`utf-8`, `utf-16le`, `windows-1258`, `cp1258`, ...).
pub fn parse_encoding_name(name: &str) -> Option<Encoding> {
    match name.trim().to_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "utf-8-sig" | "utf-8-bom" => Some(Encoding::Utf8Bom),
        "utf-16le" | "utf-16" => Some(Encoding::Utf16Le),
        "utf-16be" => Some(Encoding::Utf16Be),
        "windows-1258" | "cp1258" | "1258" => Some(Encoding::Windows1258),
        _ => None,
    }
}

/// The delimiter among `;`, tab and `,` that splits the first lines most consistently
/// (quoted fields respected); ties go to `;`, then tab, then `,`.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b';', 0usize);
    for delimiter in [b';', b'\t', b','] {
        let counts: Vec<usize> = lines.iter().map(|l| fields_in(l, delimiter)).collect();
        let Some(first) = counts.first().copied() else {
            break;
        };
        if first < 2 {
            continue;
        }
        // Lines agreeing with the header's field count, weighted by that count.
        let score = counts.iter().filter(|c| **c == first).count() * first;
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

fn fields_in(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut fields = 1;
    for byte in line.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => fields += 1,
            _ => {}
        }
    }
    fields
}

/// The SHA-256 of `bytes` in hex: how the import log knows a file it has seen.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(bytes);
    hash.finish()
}

/// SHA-256 fed piece by piece, so a large file is hashed as it streams past.
#[derive(Default)]
pub struct Sha256(sha2::Sha256);

impl Sha256 {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn update(&mut self, bytes: &[u8]) {
        sha2::Digest::update(&mut self.0, bytes);
    }

    /// The hash in hex.
    pub fn finish(self) -> String {
        sha2::Digest::finalize(self.0)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sha256_standard_vectors() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn encodings_are_detected_and_read_to_nfc() {
        let text = "Mã chỉ tiêu;Đơn vị\n";
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(
            decode(&bom, None).unwrap(),
            (text.to_string(), Encoding::Utf8Bom)
        );
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&le, None).unwrap(),
            (text.to_string(), Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode(&be, None).unwrap(),
            (text.to_string(), Encoding::Utf16Be)
        );
        // Windows-1258 as Excel writes it: decomposed tone marks, composed again on reading.
        // Base letters ê, ơ, Đ precomposed (EA, F5, D0); tones as combining marks: tilde DE,
        // hook above D2, dot below F2.
        let cp1258 = b"Ma\xDE chi\xD2 ti\xEAu;\xD0\xF5n vi\xF2\n";
        assert_eq!(
            decode(cp1258, None).unwrap(),
            (text.to_string(), Encoding::Windows1258)
        );
    }

    #[test]
    fn one_stray_byte_leaves_a_utf8_file_utf8() {
        // Vietnamese notes in UTF-8, English headers, one byte that is not UTF-8.
        let mut bytes = b"Indicator;Unit;Date;Value;Note\n".to_vec();
        bytes.extend("TT1.10;VHXH;01/07/2026;3;Báo cáo tháng 7\n".as_bytes());
        bytes.extend(b"TT1.10;VHXH;02/07/2026;4;x\xFFy\n");
        let mut evidence = Evidence::default();
        evidence.feed(&bytes);
        evidence.finish();
        assert_eq!(evidence.encoding(&bytes), Encoding::Utf8);
        assert_eq!(evidence.places, [(3, 27, 0xFF)]);
        assert_eq!(detect_encoding(&bytes), Encoding::Utf8);
        // English text with one stray byte: Windows-1258 would read "ÿ", not Vietnamese.
        assert_eq!(detect_encoding(b"a;b\nx\xFF;1\n"), Encoding::Utf8);
        // Real Windows-1258: its high bytes are Vietnamese letters and tone marks.
        assert_eq!(
            detect_encoding(b"Ma\xDE chi\xD2 ti\xEAu;\xD0\xF5n vi\xF2\n"),
            Encoding::Windows1258
        );
    }

    #[test]
    fn evidence_is_the_same_whatever_the_pieces() {
        let text = "Mã;Đơn vị\nTT1;Khu phố 1 \u{1F600}\n".as_bytes();
        let mut whole = Evidence::default();
        whole.feed(text);
        whole.finish();
        for cut in 0..text.len() {
            let mut pieces = Evidence::default();
            pieces.feed(&text[..cut]);
            pieces.feed(&text[cut..]);
            pieces.finish();
            assert_eq!(pieces, whole, "cut at {cut}");
        }
        assert_eq!(whole.invalid, 0);
    }

    #[test]
    fn text_encodes_back_to_what_it_was_read_from() {
        let text = "Mã chỉ tiêu;Đơn vị;Ghi chú\nTT1.01;KP1;Báo cáo tháng 7, ấp Ưng\n";
        for encoding in [
            Encoding::Utf8,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1258,
        ] {
            let bytes = encode(text, encoding);
            assert_eq!(
                decode(&bytes, Some(encoding)).unwrap().0,
                text,
                "{encoding:?}"
            );
        }
    }

    #[test]
    fn bad_bytes() {
        assert_eq!(
            decode(b"a;b\n\xFF\xFF", Some(Encoding::Utf8)),
            Err(DecodeError::InvalidUtf8 { offset: 4, line: 2 })
        );
        assert_eq!(decode(b"\xFF\xFEa", None), Err(DecodeError::OddUtf16));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", None),
            Err(DecodeError::Binary)
        );
        assert_eq!(parse_encoding_name("CP1258"), Some(Encoding::Windows1258));
        assert_eq!(parse_encoding_name("latin1"), None);
    }

    #[test]
    fn delimiters() {
        assert_eq!(
            sniff_delimiter("Mã;Đơn vị;Ngày;Giá trị\nTT1.01;KP1;25/11/2026;95,5\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b\",c,d\n1,2,3\n"), b',');
    }

    /// Where each invalid byte is, counted byte by byte as the evidence once did.
    fn places_byte_by_byte(bytes: &[u8]) -> Vec<(u64, u64, u8)> {
        let (mut line, mut column, mut places) = (1, 0, Vec::new());
        for chunk in bytes.utf8_chunks() {
            for byte in chunk.valid().bytes() {
                if byte == b'\n' {
                    (line, column) = (line + 1, 0);
                } else if byte & 0xC0 != 0x80 {
                    column += 1;
                }
            }
            for &byte in chunk.invalid() {
                column += 1;
                places.push((line, column, byte));
            }
        }
        places
    }

    proptest! {
        #[test]
        fn invalid_bytes_are_placed_as_counted_byte_by_byte(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b'\n'), Just(b'a'), Just(0xC3), Just(0xA3), Just(0xFF)],
                0..200,
            ),
        ) {
            let mut evidence = Evidence::default();
            evidence.feed(&bytes);
            evidence.finish();
            let mut expected = places_byte_by_byte(&bytes);
            expected.truncate(PLACES_KEPT);
            prop_assert_eq!(evidence.places, expected);
            let high = bytes.iter().filter(|b| **b >= 0x80).count() as u64;
            prop_assert_eq!(evidence.high_bytes, high);
        }

        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode(&bytes, None);
            let _ = sniff_delimiter(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn evidence_in_pieces_matches_the_whole(bytes in proptest::collection::vec(any::<u8>(), 0..256), cut in 0usize..256) {
            let cut = cut.min(bytes.len());
            let mut whole = Evidence::default();
            whole.feed(&bytes);
            whole.finish();
            let mut pieces = Evidence::default();
            pieces.feed(&bytes[..cut]);
            pieces.feed(&bytes[cut..]);
            pieces.finish();
            prop_assert_eq!(&pieces, &whole);
            prop_assert_eq!(whole.invalid == 0, std::str::from_utf8(&bytes).is_ok());
        }
    }
}
