//! TEMPORARY stub until the input-parsers branch lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1258,
}
impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1258 => "Windows-1258",
        }
    }
}
#[derive(Debug)]
pub enum DecodeError {
    Binary,
}
impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "binary")
    }
}
impl DecodeError {
    pub fn vi(&self) -> String {
        "tệp nhị phân".into()
    }
}
pub fn decode(bytes: &[u8], _forced: Option<Encoding>) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((
            crate::input::text::nfc(&String::from_utf8_lossy(rest)),
            Encoding::Utf8Bom,
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((crate::input::text::nfc(s), Encoding::Utf8)),
        Err(_) => {
            let (t, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            Ok((crate::input::text::nfc(&t), Encoding::Windows1258))
        }
    }
}
pub fn parse_encoding_name(s: &str) -> Option<Encoding> {
    match s {
        "utf-8" => Some(Encoding::Utf8),
        "windows-1258" => Some(Encoding::Windows1258),
        _ => None,
    }
}
pub fn sniff_delimiter(text: &str) -> u8 {
    let l = text.lines().next().unwrap_or("");
    if l.contains(';') {
        b';'
    } else if l.contains('\t') {
        b'\t'
    } else {
        b','
    }
}
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", bytes.len())
}
