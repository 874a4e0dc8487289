//! The one write path of measurements, shared by `record` and `import`: rows appended on the
//! day-first key inside the caller's transaction, and the summaries brought up to date for the
//! indicators and days they touched when the writer finishes, in the same transaction.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Statement};

use super::ids::Ids;
use super::records::{now_text, NewMeasurement};
use super::streams::Streams;
use super::summaries::{self, DayCount, Touched};
use super::{day, iso};
use crate::plan::Plan;

/// The stored (current) value of a key, as a write compares a new one with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoredValue {
    pub revision: i64,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// A flow's: the first day of the period the key holds.
    pub period_start: Option<NaiveDate>,
}

/// An insert of measurements that binds a text again only when it differs from the row
/// before: SQLite copies every text it is given, and a file's rows share their day, the run's
/// time, the recorder and (mostly none) a note. So too the numbers a file's rows share: each
/// bind is a call into SQLite, and a day's file is 36,000 rows.
struct Insert<'c> {
    statement: Statement<'c>,
    /// The indicator, baseline or not, the revision and the import as bound.
    shared: Option<(i64, bool, i64, Option<i64>)>,
    day: Option<NaiveDate>,
    period_start: Option<Option<NaiveDate>>,
    note: Option<Option<String>>,
    /// Whether the row says who and when itself (else both are NULL), and who.
    recorded: Option<(bool, Option<String>)>,
}

impl<'c> Insert<'c> {
    // The statement's parameters, in the order of its columns.
    const DAY: usize = 1;
    const INDICATOR: usize = 2;
    const UNIT: usize = 3;
    const BASELINE: usize = 4;
    const REVISION: usize = 5;
    const PERIOD_START: usize = 6;
    const VALUE: usize = 7;
    const NUMERATOR: usize = 8;
    const DENOMINATOR: usize = 9;
    const ID: usize = 10;
    const NOTE: usize = 11;
    const RECORDED_BY: usize = 12;
    const RECORDED_AT: usize = 13;
    const IMPORT_ID: usize = 14;

    fn new(statement: Statement<'c>) -> rusqlite::Result<Self> {
        Ok(Insert {
            statement,
            shared: None,
            day: None,
            period_start: None,
            note: None,
            recorded: None,
        })
    }

    /// Writes `m` as (indicator id, unit id, revision) with the measurement id `id`: the number
    /// of rows written. `own_recorded`: the row says who recorded it and when; otherwise its
    /// import does (the same recorder, and one run is one moment).
    fn execute(
        &mut self,
        m: &NewMeasurement,
        (indicator, unit, revision): (i64, i64, i64),
        id: i64,
        own_recorded: bool,
    ) -> rusqlite::Result<usize> {
        let statement = &mut self.statement;
        if self.day != Some(m.date) {
            statement.raw_bind_parameter(Self::DAY, iso(m.date))?;
            self.day = Some(m.date);
        }
        if self.period_start != Some(m.period_start) {
            statement.raw_bind_parameter(Self::PERIOD_START, m.period_start.map(iso))?;
            self.period_start = Some(m.period_start);
        }
        if self.note.as_ref().map(Option::as_deref) != Some(m.note) {
            statement.raw_bind_parameter(Self::NOTE, m.note)?;
            self.note = Some(m.note.map(str::to_string));
        }
        let by = m.recorded_by.filter(|_| own_recorded);
        let bound = self
            .recorded
            .as_ref()
            .map(|(own, by)| (*own, by.as_deref()));
        if bound != Some((own_recorded, by)) {
            statement.raw_bind_parameter(Self::RECORDED_BY, by)?;
            statement.raw_bind_parameter(Self::RECORDED_AT, own_recorded.then(now_text))?;
            self.recorded = Some((own_recorded, by.map(str::to_string)));
        }
        let shared = (indicator, m.baseline, revision, m.import_id);
        if self.shared != Some(shared) {
            statement.raw_bind_parameter(Self::INDICATOR, indicator)?;
            statement.raw_bind_parameter(Self::BASELINE, m.baseline)?;
            statement.raw_bind_parameter(Self::REVISION, revision)?;
            statement.raw_bind_parameter(Self::IMPORT_ID, m.import_id)?;
            self.shared = Some(shared);
        }
        statement.raw_bind_parameter(Self::UNIT, unit)?;
        statement.raw_bind_parameter(Self::VALUE, m.value)?;
        statement.raw_bind_parameter(Self::NUMERATOR, m.numerator)?;
        statement.raw_bind_parameter(Self::DENOMINATOR, m.denominator)?;
        statement.raw_bind_parameter(Self::ID, id)?;
        statement.raw_execute()
    }
}

/// The periods one write gave a key.
#[derive(Default)]
struct PeriodsWritten {
    last_day: Option<NaiveDate>,
    periods: Vec<(NaiveDate, NaiveDate)>,
}

/// Rows written one after another on the same indicator and day.
struct Run {
    indicator: i64,
    day: NaiveDate,
    count: DayCount,
    baseline: bool,
}

/// Appends measurements within one write transaction; [`MeasurementWriter::finish`] must be
/// called before it commits.
pub struct MeasurementWriter<'c> {
    conn: &'c Connection,
    ids: Ids,
    // Prepared once per write: a file's rows run them a million times.
    insert: RefCell<Insert<'c>>,
    /// The same insert, doing nothing when the key holds a value already.
    insert_first: RefCell<Insert<'c>>,
    stored: RefCell<Statement<'c>>,
    /// By indicator id: the last day that held its rows when the write began. A row dated
    /// after it is new unless the same write gave its key already: it is inserted without a
    /// seek first, and the insert itself finds the rare repeat.
    last_stored_day: HashMap<i64, NaiveDate>,
    /// By (indicator, unit, baseline): the periods this write gave, which `indicator_days`
    /// does not list yet, and the last day of any, so a period that begins after it and after
    /// the indicator's stored days is known to touch none without a seek (a day's file, or a
    /// file in day order).
    periods_written: RefCell<HashMap<(i64, i64, bool), PeriodsWritten>>,
    /// The plan's ward, whose own values `indicator_days` counts.
    ward: Option<i64>,
    /// The import rows are written for, and its recorder: a row that has the same says
    /// neither itself (`Insert::execute`).
    import: RefCell<Option<(i64, Option<String>)>>,
    // Cells, so the import's row functions can share one writer by reference.
    next_id: Cell<i64>,
    /// By indicator id: the earliest day written, and whether a baseline was.
    touched: RefCell<BTreeMap<i64, Touched>>,
    /// What was written on each (indicator id, day), for `indicator_days`.
    day_counts: RefCell<HashMap<(i64, NaiveDate), DayCount>>,
    /// The (indicator, day) the last rows were written on, and what they added, kept out of
    /// `touched` and `day_counts` until the next row leaves it: a file's rows come day by day
    /// and indicator by indicator, so most rows touch neither map.
    run: RefCell<Option<Run>>,
    /// (day, unit id) pairs written, for `unit_days`.
    unit_days: RefCell<HashSet<(NaiveDate, i64)>>,
    /// The summaries made as the rows come, when they come in day order.
    streams: RefCell<Streams>,
}

impl<'c> MeasurementWriter<'c> {
    /// Starts writing on `conn`, which must be inside a write transaction, with `plan` the
    /// plan it holds.
    pub fn new(conn: &'c Connection, plan: &Plan) -> rusqlite::Result<Self> {
        let next_id = conn.query_row(
            "SELECT next FROM sequences WHERE name = 'measurements'",
            [],
            |r| r.get(0),
        )?;
        const INSERT: &str = "INSERT INTO measurements (day, indicator, unit, baseline,
                 revision, period_start, value, numerator, denominator, id, note, recorded_by,
                 recorded_at, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
        let insert = Insert::new(conn.prepare(INSERT)?)?;
        // Only the primary key's conflict is let pass: any other constraint still fails.
        let insert_first = Insert::new(conn.prepare(&format!("{INSERT} ON CONFLICT DO NOTHING"))?)?;
        let mut last_stored_day = HashMap::default();
        let mut last_days =
            conn.prepare("SELECT indicator, max(day) FROM indicator_days GROUP BY indicator")?;
        let mut rows = last_days.query([])?;
        while let Some(row) = rows.next()? {
            last_stored_day.insert(row.get(0)?, day(row.get(1)?)?);
        }
        // One seek on the day-first key: `SEARCH measurements USING PRIMARY KEY (day=? AND
        // indicator=? AND unit=? AND baseline=?)`, the last revision first.
        let stored = conn.prepare(
            "SELECT revision, value, numerator, denominator, period_start FROM measurements
             WHERE day = ?1 AND indicator = ?2 AND unit = ?3 AND baseline = ?4
             ORDER BY revision DESC LIMIT 1",
        )?;
        let ids = Ids::read(conn)?;
        let ward = plan
            .ward()
            .and_then(|ward| ids.units.get(&ward.code))
            .copied();
        let streams = RefCell::new(Streams::new(conn, plan, &ids)?);
        Ok(MeasurementWriter {
            conn,
            periods_written: RefCell::default(),
            ward,
            import: RefCell::default(),
            ids,
            insert: RefCell::new(insert),
            insert_first: RefCell::new(insert_first),
            stored: RefCell::new(stored),
            last_stored_day,
            next_id: Cell::new(next_id),
            touched: RefCell::default(),
            day_counts: RefCell::default(),
            run: RefCell::new(None),
            unit_days: RefCell::default(),
            streams,
        })
    }

    /// The current value of one key, if any.
    fn stored(
        &self,
        indicator: i64,
        unit: i64,
        date: NaiveDate,
        baseline: bool,
    ) -> rusqlite::Result<Option<StoredValue>> {
        self.stored
            .borrow_mut()
            .query_row(params![iso(date), indicator, unit, baseline], |r| {
                Ok(StoredValue {
                    revision: r.get(0)?,
                    value: r.get(1)?,
                    numerator: r.get(2)?,
                    denominator: r.get(3)?,
                    period_start: r.get::<_, Option<String>>(4)?.map(day).transpose()?,
                })
            })
            .optional()
    }

    /// The periods (first day, last day) of an indicator's values for one unit, baseline or
    /// not, that touch `span`: what a new period must not overlap. Values recorded before
    /// periods existed have none and give way to the periods recorded since (see
    /// `plan::flow`). When the key holds `span` itself, that alone: periods never overlap once
    /// written.
    pub fn periods_touching(
        &self,
        indicator: &str,
        unit: &str,
        baseline: bool,
        span: (NaiveDate, NaiveDate),
    ) -> rusqlite::Result<Vec<(NaiveDate, NaiveDate)>> {
        let indicator = Ids::of(&self.ids.indicators, indicator, "indicators")?;
        let unit = Ids::of(&self.ids.units, unit, "units")?;
        // A period touching this one ends on or after its first day: none was stored, and
        // none was written, that late.
        let after_stored = self
            .last_stored_day
            .get(&indicator)
            .is_none_or(|last| span.0 > *last);
        let periods_written = self.periods_written.borrow();
        let written = periods_written.get(&(indicator, unit, baseline));
        let after_written = written
            .and_then(|written| written.last_day)
            .is_none_or(|last| span.0 > last);
        if after_stored && after_written {
            return Ok(Vec::new());
        }
        // The same period held already (the same file again): it touched no other when it
        // was written, and none was let touch it since. One seek, not a read of every later
        // period of the unit.
        let held = self.stored(indicator, unit, span.1, baseline)?;
        if held.and_then(|held| held.period_start) == Some(span.0) {
            return Ok(vec![span]);
        }
        let mut periods = if after_stored {
            Vec::new()
        } else {
            stored_periods_touching(self.conn, (indicator, unit, baseline), span)?
        };
        // This write's own, on days `indicator_days` does not list yet.
        let touches = |&(first, last): &(NaiveDate, NaiveDate)| last >= span.0 && first <= span.1;
        periods.extend(
            written
                .into_iter()
                .flat_map(|w| w.periods.iter().filter(|p| touches(p))),
        );
        periods.sort_unstable();
        periods.dedup();
        Ok(periods)
    }

    /// Appends a measurement as a revision of its key; returns its id. The primary key
    /// (day, indicator, unit, baseline, revision) refuses a revision that is already there.
    pub fn insert(&self, m: &NewMeasurement) -> rusqlite::Result<i64> {
        let indicator = Ids::of(&self.ids.indicators, m.indicator, "indicators")?;
        let unit = Ids::of(&self.ids.units, m.unit, "units")?;
        self.execute(&self.insert, m, m.revision, indicator, unit)?;
        self.wrote(m, m.revision, indicator, unit)
    }

    /// Appends `m` as the first revision of its key (its own `revision` is not read), or
    /// returns the value the key holds already and writes nothing: an import's one question
    /// per row, answered by a single seek on the key either way.
    pub fn insert_first(&self, m: &NewMeasurement) -> rusqlite::Result<Result<i64, StoredValue>> {
        let indicator = Ids::of(&self.ids.indicators, m.indicator, "indicators")?;
        let unit = Ids::of(&self.ids.units, m.unit, "units")?;
        let probably_new = self
            .last_stored_day
            .get(&indicator)
            .is_none_or(|last| m.date > *last);
        if probably_new && self.execute(&self.insert_first, m, 1, indicator, unit)? == 1 {
            return self.wrote(m, 1, indicator, unit).map(Ok);
        }
        if let Some(stored) = self.stored(indicator, unit, m.date, m.baseline)? {
            return Ok(Err(stored));
        }
        self.execute(&self.insert, m, 1, indicator, unit)?;
        self.wrote(m, 1, indicator, unit).map(Ok)
    }

    /// Runs one of the inserts on `m` as revision `revision`: the number of rows written.
    fn execute(
        &self,
        insert: &RefCell<Insert<'c>>,
        m: &NewMeasurement,
        revision: i64,
        indicator: i64,
        unit: i64,
    ) -> rusqlite::Result<usize> {
        let key = (indicator, unit, revision);
        let own_recorded = !self.recorded_as_its_import(m)?;
        insert
            .borrow_mut()
            .execute(m, key, self.next_id.get(), own_recorded)
    }

    /// Whether `m` comes from an import recorded by the same person as `m` (and, one run being
    /// one moment, at the same time), as the import's row in `imports` says.
    fn recorded_as_its_import(&self, m: &NewMeasurement) -> rusqlite::Result<bool> {
        let Some(import) = m.import_id else {
            return Ok(false);
        };
        let mut known = self.import.borrow_mut();
        if known.as_ref().is_none_or(|(id, _)| *id != import) {
            let by = self.conn.query_row(
                "SELECT recorded_by FROM imports WHERE id = ?1",
                [import],
                |r| r.get(0),
            )?;
            *known = Some((import, by));
        }
        Ok(known
            .as_ref()
            .is_some_and(|(_, by)| by.as_deref() == m.recorded_by))
    }

    /// Takes the next id and notes what a row written touched, for [`Self::finish`].
    fn wrote(
        &self,
        m: &NewMeasurement,
        revision: i64,
        indicator: i64,
        unit: i64,
    ) -> rusqlite::Result<i64> {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let mut run = self.run.borrow_mut();
        let run = match &mut *run {
            Some(run) if run.indicator == indicator && run.day == m.date => run,
            open => {
                if let Some(done) = open.take() {
                    self.close_run(done);
                }
                open.insert(Run {
                    indicator,
                    day: m.date,
                    count: DayCount::default(),
                    baseline: false,
                })
            }
        };
        run.count.rows += 1;
        run.count.corrections += i64::from(revision > 1);
        run.baseline |= m.baseline;
        self.unit_days.borrow_mut().insert((m.date, unit));
        run.count.without_period += i64::from(m.period_start.is_none());
        run.count.ward_values += i64::from(Some(unit) == self.ward && !m.baseline);
        if let Some(first) = m.period_start {
            let mut periods_written = self.periods_written.borrow_mut();
            let written = periods_written
                .entry((indicator, unit, m.baseline))
                .or_default();
            written.last_day = written.last_day.max(Some(m.date));
            written.periods.push((first, m.date));
        }
        self.streams
            .borrow_mut()
            .wrote(self.conn, &self.ids, indicator, m)?;
        Ok(id)
    }

    /// Adds what one (indicator, day) run of rows wrote to `touched` and `day_counts`.
    fn close_run(&self, run: Run) {
        let mut touched = self.touched.borrow_mut();
        let touch = touched.entry(run.indicator).or_insert(Touched {
            earliest: run.day,
            baseline: false,
        });
        touch.earliest = touch.earliest.min(run.day);
        touch.baseline |= run.baseline;
        let mut day_counts = self.day_counts.borrow_mut();
        let count = day_counts.entry((run.indicator, run.day)).or_default();
        count.rows += run.count.rows;
        count.corrections += run.count.corrections;
        count.without_period += run.count.without_period;
        count.ward_values += run.count.ward_values;
    }

    /// Saves the next id and brings the summaries up to date for what was written.
    pub fn finish(self, plan: &Plan) -> rusqlite::Result<()> {
        if let Some(run) = self.run.take() {
            self.close_run(run);
        }
        let mut touched = self.touched.into_inner();
        if touched.is_empty() {
            return Ok(());
        }
        self.conn.execute(
            "UPDATE sequences SET next = ?1 WHERE name = 'measurements'",
            [self.next_id.get()],
        )?;
        summaries::add_day_counts(self.conn, &self.day_counts.into_inner())?;
        let mut add_unit_day = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO unit_days (day, unit) VALUES (?1, ?2)")?;
        for (day, unit) in self.unit_days.into_inner() {
            add_unit_day.execute(params![iso(day), unit])?;
        }
        // What was written in day order is summarised already; the rest is read again.
        for summarised in self.streams.into_inner().finish(self.conn, &self.ids)? {
            touched.remove(&summarised);
        }
        summaries::refresh(self.conn, plan, &self.ids, &touched)
    }
}

/// The stored periods (first day, last day) of a key (indicator id, unit id, baseline) that
/// touch `span`, among the rows on the days `indicator_days` lists: a seek on the day-first key for each of those days from
/// `span`'s first on, in day order, up to the first period that ends after `span`. Stored
/// periods never overlap, so the later ones begin after it.
fn stored_periods_touching(
    conn: &Connection,
    (indicator, unit, baseline): (i64, i64, bool),
    span: (NaiveDate, NaiveDate),
) -> rusqlite::Result<Vec<(NaiveDate, NaiveDate)>> {
    // CROSS JOIN keeps `indicator_days` the outer loop, in day order.
    let mut statement = conn.prepare_cached(
        "SELECT m.period_start, m.day FROM indicator_days d
         CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator
         WHERE d.indicator = ?1 AND d.day >= ?2 AND m.unit = ?3 AND m.baseline = ?4
           AND m.period_start IS NOT NULL
         ORDER BY d.day",
    )?;
    let mut rows = statement.query(params![indicator, iso(span.0), unit, baseline])?;
    let mut periods = Vec::new();
    // The first day read that ends a period after `span`: its rows (every revision) are read,
    // no later day's.
    let mut after_span = None;
    while let Some(row) = rows.next()? {
        let period = (day(row.get(0)?)?, day(row.get(1)?)?);
        if after_span.is_some_and(|after| period.1 > after) {
            break;
        }
        if period.1 > span.1 {
            after_span = Some(period.1);
        }
        if period.0 <= span.1 && periods.last() != Some(&period) {
            periods.push(period);
        }
    }
    Ok(periods)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{OpenMode, Store};

    /// Day, unit, revision, period start, note, recorder.
    type WrittenRow = (
        String,
        String,
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    /// Texts bound only when they change: each row still gets its own day, period, note and
    /// recorder, whichever insert wrote the row before.
    #[test]
    fn each_row_keeps_its_own_texts() {
        let plan = ward_plan();
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
        let row = |unit, date, note: Option<&'static str>, by| NewMeasurement {
            indicator: "NV1.01",
            unit,
            date,
            period_start: note.map(|_| day(1)),
            value: 1.0,
            numerator: None,
            denominator: None,
            baseline: false,
            revision: 1,
            note,
            recorded_by: by,
            import_id: None,
        };
        let rows = [
            row("KP1", day(10), Some("a"), None),
            row("KP2", day(10), None, Some("lan")),
            row("KP1", day(10), Some("b"), Some("lan")),
            row("KP2", day(11), Some("b"), None),
        ];
        store
            .write(|tx| {
                crate::store::plan::save_plan(tx, &plan, "test")?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                for (n, m) in rows.iter().enumerate() {
                    // The third row is a correction of the first, by the other statement.
                    if n == 2 {
                        writer.insert(&NewMeasurement {
                            revision: 2,
                            ..m.clone()
                        })?;
                    } else {
                        assert!(writer.insert_first(m)?.is_ok());
                    }
                }
                writer.finish(&plan)?;
                Ok(())
            })
            .unwrap();
        let written: Vec<WrittenRow> = store
            .conn()
            .prepare(
                "SELECT m.day, u.code, m.revision, m.period_start, m.note, m.recorded_by
                     FROM measurements m JOIN units u ON u.id = m.unit ORDER BY m.id",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let text = |s: &str| Some(s.to_string());
        assert_eq!(
            written,
            [
                (
                    "2026-06-10".into(),
                    "KP1".into(),
                    1,
                    text("2026-06-01"),
                    text("a"),
                    None
                ),
                (
                    "2026-06-10".into(),
                    "KP2".into(),
                    1,
                    None,
                    None,
                    text("lan")
                ),
                (
                    "2026-06-10".into(),
                    "KP1".into(),
                    2,
                    text("2026-06-01"),
                    text("b"),
                    text("lan")
                ),
                (
                    "2026-06-11".into(),
                    "KP2".into(),
                    1,
                    text("2026-06-01"),
                    text("b"),
                    None
                ),
            ]
        );
    }

    /// A first value of 1 of NV1.01, by nobody known, without a period.
    fn value_of(unit: &str, date: NaiveDate) -> NewMeasurement<'_> {
        NewMeasurement {
            indicator: "NV1.01",
            unit,
            date,
            period_start: None,
            value: 1.0,
            numerator: None,
            denominator: None,
            baseline: false,
            revision: 1,
            note: None,
            recorded_by: None,
            import_id: None,
        }
    }

    fn ward_plan() -> Plan {
        let text = include_str!("../../fixtures/seeds/ward.toml");
        crate::input::seed::parse_seed(text, "ward.toml").expect("the fixture seed")
    }

    /// The numbers rows share are bound only when they change: each row still gets its own
    /// indicator, baseline, revision and import, one row after another on the same statement.
    #[test]
    fn each_row_keeps_its_own_key_and_import() {
        let plan = ward_plan();
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
        store
            .write(|tx| {
                crate::store::plan::save_plan(tx, &plan, "test")?;
                let import = super::super::records::start_import(tx, "f.csv", "00", None)?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                // Each row changes one of them from the row before.
                let kp1 = value_of("KP1", day);
                let kp2 = NewMeasurement {
                    baseline: true,
                    revision: 2,
                    ..value_of("KP2", day)
                };
                for m in [
                    kp1.clone(),
                    NewMeasurement {
                        revision: 2,
                        ..kp1.clone()
                    },
                    NewMeasurement {
                        baseline: true,
                        revision: 2,
                        ..kp1.clone()
                    },
                    NewMeasurement {
                        import_id: Some(import),
                        ..kp2.clone()
                    },
                    NewMeasurement {
                        indicator: "TT1.01",
                        import_id: Some(import),
                        ..kp2
                    },
                    NewMeasurement { revision: 3, ..kp1 },
                ] {
                    writer.insert(&m)?;
                }
                writer.finish(&plan)?;
                Ok(())
            })
            .unwrap();
        let written: Vec<(String, String, bool, i64, Option<i64>)> = store
            .conn()
            .prepare(
                "SELECT i.code, u.code, m.baseline, m.revision, m.import_id FROM measurements m
                 JOIN indicators i ON i.id = m.indicator JOIN units u ON u.id = m.unit
                 ORDER BY m.id",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let row = |code: &str, unit: &str, baseline, revision, import| {
            (
                code.to_string(),
                unit.to_string(),
                baseline,
                revision,
                import,
            )
        };
        assert_eq!(
            written,
            [
                row("NV1.01", "KP1", false, 1, None),
                row("NV1.01", "KP1", false, 2, None),
                row("NV1.01", "KP1", true, 2, None),
                row("NV1.01", "KP2", true, 2, Some(1)),
                row("TT1.01", "KP2", true, 2, Some(1)),
                row("NV1.01", "KP1", false, 3, None),
            ]
        );
    }

    /// An import's rows say who recorded them and when only where their import's row does not:
    /// a row whose recorder is another, and every row `record` writes, keep both. Read back,
    /// every row is as it was given.
    #[test]
    fn an_imports_rows_leave_who_and_when_to_its_row() {
        let plan = ward_plan();
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
        let row = |unit, by, import_id| NewMeasurement {
            recorded_by: by,
            import_id,
            ..value_of(unit, day)
        };
        store
            .write(|tx| {
                crate::store::plan::save_plan(tx, &plan, "test")?;
                let import = super::super::records::start_import(tx, "f.csv", "00", Some("lan"))?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                for m in [
                    row("KP1", Some("lan"), Some(import)),
                    row("KP2", Some("hoa"), Some(import)),
                    row("PA", None, Some(import)),
                    row("PB", Some("lan"), None),
                    row("UBND", Some("lan"), Some(import)),
                ] {
                    assert!(writer.insert_first(&m)?.is_ok());
                }
                writer.finish(&plan)?;
                Ok(())
            })
            .unwrap();
        let stored: Vec<(String, Option<String>, bool)> = store
            .conn()
            .prepare(
                "SELECT u.code, m.recorded_by, m.recorded_at IS NULL
                 FROM measurements m JOIN units u ON u.id = m.unit ORDER BY m.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let lan = Some("lan".to_string());
        assert_eq!(
            stored,
            [
                ("KP1".into(), None, true),
                ("KP2".into(), Some("hoa".into()), false),
                ("PA".into(), None, false),
                ("PB".into(), lan.clone(), false),
                ("UBND".into(), None, true),
            ]
        );
        let read =
            super::super::records::measurement_history(store.conn(), None, None, None).unwrap();
        let by: Vec<(&str, Option<&str>, &str)> = read
            .iter()
            .map(|m| {
                let at = m.recorded_at.as_str();
                (m.unit.as_str(), m.recorded_by.as_deref(), at)
            })
            .collect();
        let now = now_text();
        assert_eq!(
            by,
            [
                ("KP1", Some("lan"), now),
                ("KP2", Some("hoa"), now),
                ("PA", None, now),
                ("PB", Some("lan"), now),
                ("UBND", Some("lan"), now),
            ]
        );
    }

    /// A key's periods as (first day, last day, stored before the write) in days of 2026,
    /// and a span to check.
    type KeyPeriods = (Vec<(u32, u32, bool)>, (u32, u32));

    fn periods_of_one_key() -> impl Strategy<Value = KeyPeriods> {
        // Back to back or with gaps, some written first and stored, the rest by a second write:
        // (first day, length, stored).
        let periods = prop::collection::vec((0u32..4, 0u32..12, any::<bool>()), 0..14);
        let span = (0u32..120, 0u32..40);
        (periods, span).prop_map(|(gaps, span)| {
            let mut day = 1;
            let periods = gaps
                .into_iter()
                .map(|(gap, length, stored)| {
                    let first = day + gap;
                    day = first + length + 1;
                    (first, first + length, stored)
                })
                .collect();
            (periods, (span.0 + 1, span.0 + 1 + span.1))
        })
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// The periods a new one touches, found by seeks on the days `indicator_days` lists
        /// (stopping after the first period that ends beyond it) and among the periods the
        /// same write gave, are exactly those a look at every row finds; other units' rows,
        /// and a value without a period change nothing.
        #[test]
        fn the_periods_touching_a_span_are_every_one_that_overlaps_it(
            (periods, span) in periods_of_one_key()
        ) {
            let plan = ward_plan();
            let folder = tempfile::tempdir().unwrap();
            let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
            let date = |d: u32| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(d));
            let row = |unit, first: Option<u32>, last: u32| NewMeasurement {
                period_start: first.map(date),
                ..value_of(unit, date(last))
            };
            let touching = store.write(|tx| {
                crate::store::plan::save_plan(tx, &plan, "test")?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                // Another unit's periods on every day, and a value without a period.
                for d in 1..140 {
                    writer.insert_first(&row("KP2", Some(d), d))?.ok();
                }
                writer.insert_first(&row("KP1", None, 200))?.ok();
                for &(first, last, stored) in &periods {
                    if stored {
                        writer.insert_first(&row("KP1", Some(first), last))?.ok();
                    }
                }
                writer.finish(&plan)?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                for &(first, last, stored) in &periods {
                    if !stored {
                        writer.insert_first(&row("KP1", Some(first), last))?.ok();
                    }
                }
                let span = (date(span.0), date(span.1));
                Ok(writer.periods_touching("NV1.01", "KP1", false, span)?)
            }).unwrap();
            let expected: Vec<(NaiveDate, NaiveDate)> = periods
                .iter()
                .filter(|&&(first, last, _)| last >= span.0 && first <= span.1)
                .map(|&(first, last, _)| (date(first), date(last)))
                .collect();
            // The same period held already is all a check needs (it touched no other).
            let held = periods.iter().any(|&(first, last, _)| (first, last) == span);
            if !held {
                prop_assert_eq!(touching, expected);
            }
        }
    }
}
