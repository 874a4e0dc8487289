//! The one write path of measurements, shared by `record` and `import`: rows appended on the
//! day-first key inside the caller's transaction, and the summaries brought up to date for the
//! indicators and days they touched when the writer finishes, in the same transaction.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::iso;
use super::records::{now, NewMeasurement};
use super::summaries::{self, Touched};
use crate::plan::Plan;

/// Integer ids of the plan's indicators and units, read once per write.
pub(super) struct Ids {
    pub indicators: HashMap<String, i64>,
    pub units: HashMap<String, i64>,
}

impl Ids {
    pub fn read(conn: &Connection) -> rusqlite::Result<Ids> {
        let map = |sql: &str| -> rusqlite::Result<HashMap<String, i64>> {
            conn.prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        };
        Ok(Ids {
            indicators: map("SELECT code, id FROM indicators")?,
            units: map("SELECT code, id FROM units")?,
        })
    }

    fn of(map: &HashMap<String, i64>, code: &str, table: &str) -> rusqlite::Result<i64> {
        // The callers looked the code up in the plan: a code missing here is a damaged file.
        map.get(code).copied().ok_or_else(|| {
            rusqlite::Error::InvalidParameterName(format!("{table} has no «{code}»"))
        })
    }
}

/// Appends measurements within one write transaction; [`MeasurementWriter::finish`] must be
/// called before it commits.
pub struct MeasurementWriter<'c> {
    conn: &'c Connection,
    ids: Ids,
    // Cells, so the import's row functions can share one writer by reference.
    next_id: Cell<i64>,
    /// By indicator id: the earliest day written, and whether a baseline was.
    touched: RefCell<BTreeMap<i64, Touched>>,
    /// (indicator id, day) pairs written, for `indicator_days`.
    days: RefCell<BTreeSet<(i64, NaiveDate)>>,
}

impl<'c> MeasurementWriter<'c> {
    /// Starts writing on `conn`, which must be inside a write transaction.
    pub fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        let next_id = conn.query_row(
            "SELECT next FROM sequences WHERE name = 'measurements'",
            [],
            |r| r.get(0),
        )?;
        Ok(MeasurementWriter {
            conn,
            ids: Ids::read(conn)?,
            next_id: Cell::new(next_id),
            touched: RefCell::default(),
            days: RefCell::default(),
        })
    }

    /// Appends a measurement as a revision of its key; returns its id. The primary key
    /// (day, indicator, unit, baseline, revision) refuses a revision that is already there.
    pub fn insert(&self, m: &NewMeasurement) -> rusqlite::Result<i64> {
        let indicator = Ids::of(&self.ids.indicators, &m.indicator, "indicators")?;
        let unit = Ids::of(&self.ids.units, &m.unit, "units")?;
        let id = self.next_id.get();
        self.conn
            .prepare_cached(
                "INSERT INTO measurements (day, indicator, unit, baseline, revision, period_start,
                     value, numerator, denominator, id, note, recorded_by, recorded_at, import_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                iso(m.date),
                indicator,
                unit,
                m.baseline,
                m.revision,
                m.period_start.map(iso),
                m.value,
                m.numerator,
                m.denominator,
                id,
                m.note,
                m.recorded_by,
                now(),
                m.import_id
            ])?;
        self.next_id.set(id + 1);
        let mut touched = self.touched.borrow_mut();
        let touch = touched.entry(indicator).or_insert(Touched {
            earliest: m.date,
            baseline: false,
        });
        touch.earliest = touch.earliest.min(m.date);
        touch.baseline |= m.baseline;
        self.days.borrow_mut().insert((indicator, m.date));
        Ok(id)
    }

    /// Saves the next id and brings the summaries up to date for what was written.
    pub fn finish(self, plan: &Plan) -> rusqlite::Result<()> {
        let touched = self.touched.into_inner();
        if touched.is_empty() {
            return Ok(());
        }
        self.conn.execute(
            "UPDATE sequences SET next = ?1 WHERE name = 'measurements'",
            [self.next_id.get()],
        )?;
        let mut add_day = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO indicator_days (indicator, day) VALUES (?1, ?2)",
        )?;
        for (indicator, day) in &self.days.into_inner() {
            add_day.execute(params![indicator, iso(*day)])?;
        }
        summaries::refresh(self.conn, plan, &self.ids, &touched)
    }
}
