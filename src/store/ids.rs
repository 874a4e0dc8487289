//! The plan's codes and the integer ids the measurements are keyed by.

use rustc_hash::FxHashMap as HashMap;

use rusqlite::Connection;

/// Integer ids of the plan's indicators and units, read once per write (and looked up for
/// each row written: hence the fast hash).
pub struct Ids {
    pub indicators: HashMap<String, i64>,
    pub units: HashMap<String, i64>,
    /// The units' codes by id, for rows read back (no join per row).
    pub unit_codes: HashMap<i64, String>,
}

impl Ids {
    pub fn read(conn: &Connection) -> rusqlite::Result<Ids> {
        let map = |sql: &str| -> rusqlite::Result<HashMap<String, i64>> {
            conn.prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        };
        let units = map("SELECT code, id FROM units")?;
        let unit_codes = units.iter().map(|(code, id)| (*id, code.clone())).collect();
        Ok(Ids {
            indicators: map("SELECT code, id FROM indicators")?,
            units,
            unit_codes,
        })
    }

    pub fn of(map: &HashMap<String, i64>, code: &str, table: &str) -> rusqlite::Result<i64> {
        // The callers looked the code up in the plan: a code missing here is a damaged file.
        map.get(code).copied().ok_or_else(|| {
            rusqlite::Error::InvalidParameterName(format!("{table} has no «{code}»"))
        })
    }
}
