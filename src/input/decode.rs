//! The raw bytes of a department's CSV as text: encoding, delimiter, fingerprint.

use std::fmt;

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

/// The English message; every message, in both languages, is in `output::i18n`.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::output::i18n::decode_error(self).en)
    }
}

/// The encoding of `bytes`: a BOM if any, else UTF-8 when valid, else Windows-1258.
pub fn detect_encoding(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else if bytes.starts_with(b"\xFF\xFE") {
        Encoding::Utf16Le
    } else if bytes.starts_with(b"\xFE\xFF") {
        Encoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Windows1258
    }
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
pub struct Sha256 {
    state: [u32; 8],
    /// Bytes waiting for a whole 64-byte block.
    pending: Vec<u8>,
    length: u64,
}

impl Default for Sha256 {
    fn default() -> Self {
        Self::new()
    }
}

impl Sha256 {
    pub fn new() -> Self {
        Sha256 {
            state: [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            pending: Vec::with_capacity(64),
            length: 0,
        }
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        self.length = self.length.wrapping_add(bytes.len() as u64);
        if !self.pending.is_empty() {
            let wanted = (64 - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..wanted]);
            bytes = &bytes[wanted..];
            if self.pending.len() < 64 {
                return;
            }
            let block = std::mem::take(&mut self.pending);
            self.block(&block);
        }
        let mut blocks = bytes.chunks_exact(64);
        for block in blocks.by_ref() {
            self.block(block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    /// The hash in hex.
    pub fn finish(mut self) -> String {
        let bit_length = self.length.wrapping_mul(8);
        let mut tail = std::mem::take(&mut self.pending);
        tail.push(0x80);
        while tail.len() % 64 != 56 {
            tail.push(0);
        }
        tail.extend_from_slice(&bit_length.to_be_bytes());
        for block in tail.chunks_exact(64) {
            self.block(block);
        }
        self.state.iter().map(|x| format!("{x:08x}")).collect()
    }

    fn block(&mut self, block: &[u8]) {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = self.state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in self.state.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
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

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode(&bytes, None);
            let _ = sniff_delimiter(&String::from_utf8_lossy(&bytes));
        }
    }
}
