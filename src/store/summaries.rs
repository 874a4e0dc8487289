//! The summaries kept beside the measurements, so reports read a few thousand rows, not a
//! million: `indicator_days` (the days that hold an indicator's rows, how many, and how many
//! of them lack a period or are the ward's own values, which a flow's window needs to know),
//! `unit_days` (the days each unit sent something on), `latest_figures` (each unit's latest
//! figure) and `ward_days` (the ward's figure on each measured day, made by the rules
//! themselves: `plan::summary`). (Long with its property test, which writes random histories
//! through the real writer and holds these tables to the raw rows after every write.)
//!
//! They are brought up to date by [`refresh`] at the end of every write, for the indicators it
//! touched: a level continues from the latest figures kept when every day written is on or after
//! the last day summarised (a day's file, a correction of the latest day), else is summarised
//! again from its first day; a flow's
//! window figures are made again from the earliest day written. [`check`] holds them to the
//! raw rows; [`rebuild`] makes them again from the raw rows.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::ids::Ids;
use super::{day, iso, DayReader};
use crate::plan::measure::{latest_per_unit, Measurement, UnitFigure};
use crate::plan::summary::{flow_days, DayFigure, LevelDays, Summary, WardDay};
use crate::plan::{Accumulation, Indicator, Plan};

/// What a write did to one indicator.
#[derive(Debug, Clone, Copy)]
pub struct Touched {
    /// The earliest day of a row written.
    pub earliest: NaiveDate,
    /// Whether a baseline row was written.
    pub baseline: bool,
}

/// Every indicator's summary, by code: the ward's figure on each measured day, the units'
/// baselines, and the own readings of units holding a share of a target.
pub fn load(conn: &Connection, plan: &Plan) -> rusqlite::Result<HashMap<String, Summary>> {
    let mut summaries: HashMap<String, Summary> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT i.code, w.day, w.figure FROM ward_days w JOIN indicators i ON i.id = w.indicator
         ORDER BY w.indicator, w.day",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let code: String = row.get(0)?;
        let ward_day = WardDay {
            day: day(row.get(1)?)?,
            figure: figure_from_json(row.get(2)?)?,
        };
        summaries.entry(code).or_default().days.push(ward_day);
    }
    let ids = Ids::read(conn)?;
    let mut statement = conn.prepare_cached(
        "SELECT i.code, l.figures FROM latest_figures l JOIN indicators i ON i.id = l.indicator
         WHERE l.baseline = 1",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let code: String = row.get(0)?;
        let baselines = by_unit_code(unpack(row.get_ref(1)?.as_blob()?)?, &ids);
        summaries.entry(code).or_default().baselines = baselines;
    }
    for (_, indicator) in plan.indicators() {
        for share in &indicator.unit_targets {
            let readings = own_readings(conn, &indicator.code, &share.unit)?;
            summaries
                .entry(indicator.code.clone())
                .or_default()
                .unit_readings
                .insert(share.unit.clone(), readings);
        }
    }
    Ok(summaries)
}

/// Each unit's latest value (not baseline) of one indicator, by unit code.
pub fn latest_values(conn: &Connection, indicator: &str) -> rusqlite::Result<Vec<UnitFigure>> {
    match indicator_id(conn, indicator)? {
        Some(id) => latest_figures(conn, id, false, &Ids::read(conn)?),
        None => Ok(Vec::new()),
    }
}

/// One indicator's summary: its days, baselines and the readings of its units' shares.
pub fn load_one(conn: &Connection, indicator: &Indicator) -> rusqlite::Result<Summary> {
    let mut summary = Summary::default();
    let Some(id) = indicator_id(conn, &indicator.code)? else {
        return Ok(summary);
    };
    let mut statement =
        conn.prepare_cached("SELECT day, figure FROM ward_days WHERE indicator = ?1 ORDER BY day")?;
    let mut rows = statement.query([id])?;
    while let Some(row) = rows.next()? {
        summary.days.push(WardDay {
            day: day(row.get(0)?)?,
            figure: figure_from_json(row.get(1)?)?,
        });
    }
    summary.baselines = latest_figures(conn, id, true, &Ids::read(conn)?)?;
    for share in &indicator.unit_targets {
        let readings = own_readings(conn, &indicator.code, &share.unit)?;
        summary.unit_readings.insert(share.unit.clone(), readings);
    }
    Ok(summary)
}

fn indicator_id(conn: &Connection, code: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM indicators WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()
}

/// One unit's current values (not baselines) of an indicator, oldest first: a seek on the
/// day-first key for each day that holds the indicator's rows.
fn own_readings(
    conn: &Connection,
    indicator: &str,
    unit: &str,
) -> rusqlite::Result<Vec<(NaiveDate, f64)>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.day, m.value FROM indicator_days d
         CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator
         WHERE d.indicator = (SELECT id FROM indicators WHERE code = ?1)
           AND m.unit = (SELECT id FROM units WHERE code = ?2) AND m.baseline = 0
         ORDER BY d.day, m.revision",
    )?;
    let mut readings: Vec<(NaiveDate, f64)> = Vec::new();
    let mut rows = statement.query(params![indicator, unit])?;
    while let Some(row) = rows.next()? {
        let reading = (day(row.get(0)?)?, row.get(1)?);
        // Revisions come in order: the last of a day is current.
        match readings.last_mut() {
            Some(last) if last.0 == reading.0 => *last = reading,
            _ => readings.push(reading),
        }
    }
    Ok(readings)
}

pub(super) fn figure_from_json(text: Option<String>) -> rusqlite::Result<Option<DayFigure>> {
    text.map(|text| {
        serde_json::from_str(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
    })
    .transpose()
}

fn figure_to_json(figure: &Option<DayFigure>) -> Option<String> {
    // A DayFigure holds numbers, dates and names only: it always serialises.
    figure.as_ref().and_then(|f| serde_json::to_string(f).ok())
}

/// The current revisions of one indicator's rows dated `from` on (all with `None`), by day,
/// unit and baseline: seeks on the day-first key for the days `indicator_days` lists.
fn current_rows(
    conn: &Connection,
    indicator: i64,
    from: Option<NaiveDate>,
    ids: &Ids,
) -> rusqlite::Result<Vec<Measurement>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.day, m.unit, m.baseline, m.value, m.numerator, m.denominator, m.period_start
         FROM indicator_days d
         JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator
         WHERE d.indicator = ?1 AND d.day >= ?2
         ORDER BY d.day, m.unit, m.baseline, m.revision",
    )?;
    let from = from.map_or_else(String::new, iso);
    let mut rows = statement.query(params![indicator, from])?;
    let mut current: Vec<Measurement> = Vec::new();
    let mut last_key = None;
    let mut days = DayReader::default();
    while let Some(row) = rows.next()? {
        let key: (NaiveDate, i64, bool) = (days.read(row, 0)?, row.get(1)?, row.get(2)?);
        let (date, unit, baseline) = key;
        // The code from memory, not a join: two seeks a row fewer. A row without its unit
        // (written behind kehoach's back) is left out, as the join did; `check` reports it.
        let Some(unit) = ids.unit_codes.get(&unit).cloned() else {
            continue;
        };
        // Revisions come in order: the last of a key replaces the one before.
        if last_key.replace(key) == Some(key) {
            current.pop();
        }
        current.push(Measurement {
            id: 0,
            indicator: String::new(),
            unit,
            date,
            period_start: row.get::<_, Option<String>>(6)?.map(day).transpose()?,
            value: row.get(3)?,
            numerator: row.get(4)?,
            denominator: row.get(5)?,
            baseline,
            revision: 0,
            note: None,
            recorded_by: None,
            recorded_at: String::new(),
        });
    }
    // In key order (ORDER BY d.day lets SQLite follow the keys, no sort); by unit code
    // within a day, as the rules add them up.
    current.sort_by(|a, b| (a.date, &a.unit, a.baseline).cmp(&(b.date, &b.unit, b.baseline)));
    Ok(current)
}

/// The rows (every revision) and corrections a write added on one day of one indicator.
/// What one write added to an (indicator, day) of `indicator_days`.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct DayCount {
    pub rows: i64,
    pub corrections: i64,
    /// Rows without a period (a flow's value from before periods, or a level's).
    pub without_period: i64,
    /// The ward's own values (not baselines).
    pub ward_values: i64,
}

/// Adds what a write counted to `indicator_days`: rows are never taken away (measurements are
/// append-only), so the counts grow by exactly what was written.
pub(super) fn add_day_counts(
    conn: &Connection,
    counts: &rustc_hash::FxHashMap<(i64, NaiveDate), DayCount>,
) -> rusqlite::Result<()> {
    let mut add = conn.prepare_cached(
        "INSERT INTO indicator_days (indicator, day, rows, corrections, without_period,
             ward_values)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (indicator, day) DO UPDATE SET rows = rows + excluded.rows,
             corrections = corrections + excluded.corrections,
             without_period = without_period + excluded.without_period,
             ward_values = ward_values + excluded.ward_values",
    )?;
    for ((indicator, day), count) in counts {
        add.execute(params![
            indicator,
            iso(*day),
            count.rows,
            count.corrections,
            count.without_period,
            count.ward_values
        ])?;
    }
    Ok(())
}

/// Brings the summaries of the touched indicators up to date (see the module's comment).
pub(super) fn refresh(
    conn: &Connection,
    plan: &Plan,
    ids: &Ids,
    touched: &BTreeMap<i64, Touched>,
) -> rusqlite::Result<()> {
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    for (_, indicator) in plan.indicators() {
        let Some(&id) = ids.indicators.get(&indicator.code) else {
            continue;
        };
        if let Some(touch) = touched.get(&id) {
            refresh_indicator(conn, indicator, id, ward, Some(*touch), ids)?;
        }
    }
    Ok(())
}

/// Summarises one indicator again: from what a write touched, or (`None`) from scratch.
fn refresh_indicator(
    conn: &Connection,
    indicator: &Indicator,
    id: i64,
    ward: &str,
    touch: Option<Touched>,
    ids: &Ids,
) -> rusqlite::Result<()> {
    match indicator.accumulation {
        Accumulation::Level => refresh_level(conn, indicator, id, ward, touch, ids),
        Accumulation::Flow => refresh_flow(conn, indicator, id, ward, touch, ids),
    }
}

/// A level: a day's file (every row on or after the last summarised day) continues from the
/// latest figures kept, and the rows of that day are read again, so a correction of it replaces
/// what the figures held; anything else is summarised again from the start.
fn refresh_level(
    conn: &Connection,
    indicator: &Indicator,
    id: i64,
    ward: &str,
    touch: Option<Touched>,
    ids: &Ids,
) -> rusqlite::Result<()> {
    let last_day: Option<NaiveDate> = conn
        .query_row(
            "SELECT max(day) FROM ward_days WHERE indicator = ?1",
            [id],
            |r| r.get::<_, Option<String>>(0),
        )?
        .map(day)
        .transpose()?;
    let continued = touch.filter(|t| last_day.is_none_or(|last| t.earliest >= last));
    let (from, values, baselines) = match continued {
        Some(touch) => (
            Some(touch.earliest),
            latest_figures(conn, id, false, ids)?,
            latest_figures(conn, id, true, ids)?,
        ),
        None => {
            conn.execute("DELETE FROM ward_days WHERE indicator = ?1", [id])?;
            conn.execute("DELETE FROM latest_figures WHERE indicator = ?1", [id])?;
            (None, Vec::new(), Vec::new())
        }
    };
    let rows = current_rows(conn, id, from, ids)?;
    let (measured, new_baselines): (Vec<&Measurement>, Vec<&Measurement>) =
        rows.iter().partition(|m| !m.baseline);
    let mut builder = LevelDays::new(indicator.kind, ward, values);
    let days: Vec<WardDay> = measured
        .chunk_by(|a, b| a.date == b.date)
        .map(|same_day| builder.day(same_day[0].date, same_day.iter().map(|m| UnitFigure::of(m))))
        .collect();
    write_days(conn, id, &days)?;
    // Only the units whose figures the rows changed are written again.
    let changed: HashSet<&str> = measured.iter().map(|m| m.unit.as_str()).collect();
    let values = builder
        .latest()
        .filter(|f| changed.contains(f.unit.as_str()));
    write_latest(conn, id, false, values, ids)?;
    let changed: HashSet<&str> = new_baselines.iter().map(|m| m.unit.as_str()).collect();
    let mut all_baselines = baselines;
    all_baselines.extend(new_baselines.iter().map(|m| UnitFigure::of(m)));
    let latest = latest_of(all_baselines);
    let baselines = latest.iter().filter(|f| changed.contains(f.unit.as_str()));
    write_latest(conn, id, true, baselines, ids)
}

/// A flow: its window is the year to date and compares with the baseline's months, so its
/// figures are made again from the earliest day written (from the first, when a baseline was).
fn refresh_flow(
    conn: &Connection,
    indicator: &Indicator,
    id: i64,
    ward: &str,
    touch: Option<Touched>,
    ids: &Ids,
) -> rusqlite::Result<()> {
    let from = match touch {
        Some(t) if !t.baseline => t.earliest,
        _ => NaiveDate::MIN,
    };
    conn.execute(
        "DELETE FROM ward_days WHERE indicator = ?1 AND day >= ?2",
        params![id, iso(from)],
    )?;
    let rows = current_rows(conn, id, None, ids)?;
    write_days(conn, id, &flow_days(indicator, ward, &rows, from))?;
    // Rows are never taken away: only a unit with rows from `from` on has a new latest figure,
    // and the baselines change only when one was written (`from` is then the first day).
    let changed: HashSet<&str> = rows
        .iter()
        .filter(|m| m.date >= from)
        .map(|m| m.unit.as_str())
        .collect();
    let values = latest_per_unit(&rows, NaiveDate::MAX, false);
    let values = values.iter().filter(|f| changed.contains(f.unit.as_str()));
    write_latest(conn, id, false, values, ids)?;
    if from == NaiveDate::MIN {
        let baselines = latest_per_unit(&rows, NaiveDate::MAX, true);
        write_latest(conn, id, true, baselines.iter(), ids)?;
    }
    Ok(())
}

/// Each unit's latest of `figures` (later days win; on a day, the later in the list).
fn latest_of(figures: Vec<UnitFigure>) -> Vec<UnitFigure> {
    let mut latest: BTreeMap<String, UnitFigure> = BTreeMap::new();
    for figure in figures {
        match latest.get(&figure.unit) {
            Some(kept) if kept.date > figure.date => {}
            _ => {
                latest.insert(figure.unit.clone(), figure);
            }
        }
    }
    latest.into_values().collect()
}

/// Each unit's latest figure (values or baselines) of indicator `id` kept, by unit code.
pub(super) fn latest_figures(
    conn: &Connection,
    id: i64,
    baseline: bool,
    ids: &Ids,
) -> rusqlite::Result<Vec<UnitFigure>> {
    Ok(by_unit_code(kept_latest(conn, id, baseline)?, ids))
}

/// The figures kept for indicator `id`, values or baselines, by unit id.
fn kept_latest(
    conn: &Connection,
    id: i64,
    baseline: bool,
) -> rusqlite::Result<Vec<(i64, KeptFigure)>> {
    conn.prepare_cached(
        "SELECT figures FROM latest_figures WHERE indicator = ?1 AND baseline = ?2",
    )?
    .query_row(params![id, baseline], |r| unpack(r.get_ref(0)?.as_blob()?))
    .optional()
    .map(Option::unwrap_or_default)
}

/// `figures` with their units' codes, by code; a unit no longer in the plan is left out.
fn by_unit_code(figures: Vec<(i64, KeptFigure)>, ids: &Ids) -> Vec<UnitFigure> {
    let mut by_code: Vec<UnitFigure> = figures
        .into_iter()
        .filter_map(|(unit, f)| {
            Some(UnitFigure {
                unit: ids.unit_codes.get(&unit)?.clone(),
                date: f.date,
                value: f.value,
                numerator: f.numerator,
                denominator: f.denominator,
            })
        })
        .collect();
    by_code.sort_by(|a, b| a.unit.cmp(&b.unit));
    by_code
}

/// A unit's latest figure as `latest_figures` keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct KeptFigure {
    date: NaiveDate,
    value: f64,
    numerator: Option<f64>,
    denominator: Option<f64>,
}

/// The bytes of one unit's figure in `latest_figures.figures`, little-endian: the unit's id
/// (i64), the day (i32, days from 0001-01-01), 1 when it has a ratio else 0 (u8), the value,
/// the numerator and the denominator (f64; 0 without a ratio). One row per indicator holds
/// every unit's: a day's file rewrites 54 rows, not 36,000 (measured: 20 ms of a 90 ms append).
const FIGURE_BYTES: usize = 8 + 4 + 1 + 3 * 8;

/// Packs `figures`, given in unit-id order.
fn pack<'f>(figures: impl ExactSizeIterator<Item = (&'f i64, &'f KeptFigure)>) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(figures.len() * FIGURE_BYTES);
    for (unit, f) in figures {
        bytes.extend_from_slice(&unit.to_le_bytes());
        bytes.extend_from_slice(&f.date.num_days_from_ce().to_le_bytes());
        let ratio = f.numerator.zip(f.denominator);
        bytes.push(u8::from(ratio.is_some()));
        let (numerator, denominator) = ratio.unwrap_or((0.0, 0.0));
        for number in [f.value, numerator, denominator] {
            bytes.extend_from_slice(&number.to_le_bytes());
        }
    }
    bytes
}

/// The figures [`pack`] made, in unit-id order.
fn unpack(bytes: &[u8]) -> rusqlite::Result<Vec<(i64, KeptFigure)>> {
    let damaged = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Blob,
            "latest_figures: not a whole number of figures".into(),
        )
    };
    if !bytes.len().is_multiple_of(FIGURE_BYTES) {
        return Err(damaged());
    }
    let mut figures = Vec::with_capacity(bytes.len() / FIGURE_BYTES);
    // Most units' latest figures share a day: its date is made once for them.
    let mut last_day: Option<(i32, NaiveDate)> = None;
    for figure in bytes.chunks_exact(FIGURE_BYTES) {
        let (unit, rest) = figure.split_at(8);
        let (days, rest) = rest.split_at(4);
        let (ratio, numbers) = rest.split_at(1);
        let number =
            |i: usize| f64::from_le_bytes(numbers[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        let days = i32::from_le_bytes(days.try_into().expect("4 bytes"));
        let date = match last_day {
            Some((same, date)) if same == days => date,
            _ => NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(damaged)?,
        };
        last_day = Some((days, date));
        let has_ratio = ratio[0] == 1;
        figures.push((
            i64::from_le_bytes(unit.try_into().expect("8 bytes")),
            KeptFigure {
                date,
                value: number(0),
                numerator: has_ratio.then(|| number(1)),
                denominator: has_ratio.then(|| number(2)),
            },
        ));
    }
    Ok(figures)
}

/// Packs the rows of `latest_figures_by_unit` (one per unit, as schema 4 kept them) into
/// `latest_figures` and drops them: schema 6's migration, right after its script.
pub(super) fn pack_latest_rows(conn: &Connection) -> rusqlite::Result<()> {
    let mut packed: BTreeMap<(i64, bool), BTreeMap<i64, KeptFigure>> = BTreeMap::new();
    let mut statement = conn.prepare(
        "SELECT indicator, baseline, unit, day, value, numerator, denominator
         FROM latest_figures_by_unit",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let figure = KeptFigure {
            date: day(row.get(3)?)?,
            value: row.get(4)?,
            numerator: row.get(5)?,
            denominator: row.get(6)?,
        };
        packed
            .entry((row.get(0)?, row.get(1)?))
            .or_default()
            .insert(row.get(2)?, figure);
    }
    drop(rows);
    drop(statement);
    let mut insert = conn
        .prepare("INSERT INTO latest_figures (indicator, baseline, figures) VALUES (?1, ?2, ?3)")?;
    for ((indicator, baseline), figures) in packed {
        insert.execute(params![indicator, baseline, pack(figures.iter())])?;
    }
    conn.execute("DROP TABLE latest_figures_by_unit", [])?;
    Ok(())
}

pub(super) fn write_days(conn: &Connection, id: i64, days: &[WardDay]) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO ward_days (indicator, day, figure) VALUES (?1, ?2, ?3)",
    )?;
    for d in days {
        insert.execute(params![id, iso(d.day), figure_to_json(&d.figure)])?;
    }
    Ok(())
}

/// Keeps `figures` as their units' latest of indicator `id`, values or baselines, beside the
/// figures kept for the other units; writes nothing when none changed.
pub(super) fn write_latest<'f>(
    conn: &Connection,
    id: i64,
    baseline: bool,
    figures: impl Iterator<Item = &'f UnitFigure>,
    ids: &Ids,
) -> rusqlite::Result<()> {
    let mut kept: BTreeMap<i64, KeptFigure> =
        kept_latest(conn, id, baseline)?.into_iter().collect();
    let mut changed = false;
    for (unit, figure) in figures.filter_map(|f| kept_figure(f, ids)) {
        changed |= kept.insert(unit, figure) != Some(figure);
    }
    if changed {
        store_latest(conn, id, baseline, pack(kept.iter()))?;
    }
    Ok(())
}

/// Keeps `figures` as every unit's latest of indicator `id`, values or baselines, in place of
/// what was kept: for a writer that began from what was kept and holds every unit's figure.
pub(super) fn replace_latest<'f>(
    conn: &Connection,
    id: i64,
    baseline: bool,
    figures: impl Iterator<Item = &'f UnitFigure>,
    ids: &Ids,
) -> rusqlite::Result<()> {
    let figures: BTreeMap<i64, KeptFigure> = figures.filter_map(|f| kept_figure(f, ids)).collect();
    store_latest(conn, id, baseline, pack(figures.iter()))
}

/// `f` as kept, by unit id; `None` for a unit no longer in the plan.
fn kept_figure(f: &UnitFigure, ids: &Ids) -> Option<(i64, KeptFigure)> {
    let figure = KeptFigure {
        date: f.date,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
    };
    Some((*ids.units.get(&f.unit)?, figure))
}

/// Writes the packed figures of indicator `id` over the ones kept.
fn store_latest(
    conn: &Connection,
    id: i64,
    baseline: bool,
    packed: Vec<u8>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO latest_figures (indicator, baseline, figures) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, baseline, packed])?;
    Ok(())
}

/// Counts `indicator_days` again from the raw rows.
pub fn count_days(conn: &Connection, plan: &Plan) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM indicator_days", [])?;
    conn.execute(
        &format!("INSERT INTO indicator_days {RAW_DAY_COUNTS}"),
        [ward_id(conn, plan)?],
    )?;
    Ok(())
}

/// `indicator_days` as the raw rows make it, with the ward's unit id as `?1`.
const RAW_DAY_COUNTS: &str = "SELECT indicator, day, count(*) AS rows,
           sum(revision > 1) AS corrections, sum(period_start IS NULL) AS without_period,
           sum(unit IS ?1 AND baseline = 0) AS ward_values
    FROM measurements GROUP BY indicator, day";

/// The id of the plan's ward among the units, if it has one.
fn ward_id(conn: &Connection, plan: &Plan) -> rusqlite::Result<Option<i64>> {
    let Some(ward) = plan.ward() else {
        return Ok(None);
    };
    conn.query_row("SELECT id FROM units WHERE code = ?1", [&ward.code], |r| {
        r.get(0)
    })
    .optional()
}

/// Makes every summary again from the raw rows (after a migration, `check --repair`, or a
/// plan whose rules changed), calling `progress(done, total)` after each indicator.
pub fn rebuild(
    conn: &Connection,
    plan: &Plan,
    progress: &mut dyn FnMut(usize, usize),
) -> rusqlite::Result<()> {
    count_days(conn, plan)?;
    conn.execute_batch(
        "DELETE FROM unit_days;
         INSERT INTO unit_days (day, unit) SELECT DISTINCT day, unit FROM measurements;
         DELETE FROM ward_days;
         DELETE FROM latest_figures;",
    )?;
    let ids = Ids::read(conn)?;
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    let total = plan.indicators().count();
    for (done, (_, indicator)) in plan.indicators().enumerate() {
        if let Some(&id) = ids.indicators.get(&indicator.code) {
            refresh_indicator(conn, indicator, id, ward, None, &ids)?;
        }
        progress(done + 1, total);
    }
    Ok(())
}

/// A summary row that does not follow from the raw rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub indicator: String,
    /// The first day it differs on, when a day is at fault.
    pub day: Option<NaiveDate>,
    pub table: &'static str,
}

/// Holds the summaries to the raw rows: the first mismatch of each indicator and table.
pub fn check(conn: &Connection, plan: &Plan) -> rusqlite::Result<Vec<Mismatch>> {
    let mut found = Vec::new();
    // The days that hold rows and their counts, from a scan of the raw table itself.
    let missing_days: Vec<(String, String)> = conn
        .prepare(&format!(
            "WITH raw AS ({RAW_DAY_COUNTS}),
                  kept AS (SELECT indicator, day, rows, corrections, without_period, ward_values
                           FROM indicator_days),
                  differing AS (SELECT * FROM raw EXCEPT SELECT * FROM kept
                                UNION ALL
                                SELECT * FROM kept EXCEPT SELECT * FROM raw)
             SELECT i.code, d.day FROM differing d JOIN indicators i ON i.id = d.indicator
             ORDER BY i.code, d.day"
        ))?
        .query_map([ward_id(conn, plan)?], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut seen = std::collections::HashSet::new();
    for (indicator, on) in missing_days {
        if seen.insert(indicator.clone()) {
            found.push(Mismatch {
                indicator,
                day: Some(day(on)?),
                table: "indicator_days",
            });
        }
    }
    let unit_days_differ: i64 = conn.query_row(
        "SELECT count(*) FROM (
             SELECT DISTINCT day, unit FROM measurements EXCEPT SELECT day, unit FROM unit_days
             UNION ALL
             SELECT day, unit FROM unit_days EXCEPT SELECT DISTINCT day, unit FROM measurements)",
        [],
        |r| r.get(0),
    )?;
    if unit_days_differ > 0 {
        found.push(Mismatch {
            indicator: String::new(),
            day: None,
            table: "unit_days",
        });
    }
    let stored = load(conn, plan)?;
    let ids = Ids::read(conn)?;
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    for (_, indicator) in plan.indicators() {
        let Some(&id) = ids.indicators.get(&indicator.code) else {
            continue;
        };
        let rows = current_rows(conn, id, None, &ids)?;
        let shares: Vec<String> = indicator
            .unit_targets
            .iter()
            .map(|t| t.unit.clone())
            .collect();
        let expected = Summary::of(indicator, ward, &rows, &shares);
        let empty = Summary::default();
        let kept = stored.get(&indicator.code).unwrap_or(&empty);
        let mut mismatch = |day: Option<NaiveDate>, table| {
            found.push(Mismatch {
                indicator: indicator.code.clone(),
                day,
                table,
            })
        };
        if kept.days != expected.days {
            let first = kept
                .days
                .iter()
                .zip(&expected.days)
                .find(|(a, b)| a != b)
                .map(|(a, b)| a.day.min(b.day))
                .or_else(|| {
                    let n = kept.days.len().min(expected.days.len());
                    kept.days.get(n).or(expected.days.get(n)).map(|d| d.day)
                });
            mismatch(first, "ward_days");
        }
        let values = latest_figures(conn, id, false, &ids)?;
        if kept.baselines != expected.baselines
            || values != latest_per_unit(&rows, NaiveDate::MAX, false)
        {
            mismatch(None, "latest_figures");
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Accumulation;
    use crate::store::records::NewMeasurement;
    use crate::store::writer::MeasurementWriter;
    use crate::store::{OpenMode, Store};
    use proptest::prelude::*;

    /// The test plan: the fixture ward's, with NV1.01 made a flow so both paths are walked, and
    /// NV1.02 a flow without a baseline (whose window a day's file continues).
    fn plan() -> Plan {
        let text = include_str!("../../fixtures/seeds/ward.toml");
        let mut plan = crate::input::seed::parse_seed(text, "ward.toml").expect("the fixture seed");
        for content in &mut plan.contents {
            for indicator in &mut content.indicators {
                if indicator.code == "NV1.01" {
                    indicator.accumulation = Accumulation::Flow;
                }
                if indicator.code == "NV1.02" {
                    indicator.accumulation = Accumulation::Flow;
                    indicator.baseline = None;
                }
            }
        }
        plan
    }

    /// Every current row of one indicator, read by a scan of the whole table (not through the
    /// summaries' own `indicator_days`).
    fn raw_rows(conn: &Connection, code: &str) -> Vec<Measurement> {
        let mut rows: Vec<Measurement> = conn
            .prepare(
                "SELECT m.day, u.code, m.baseline, m.value, m.numerator, m.denominator,
                        m.period_start, m.revision
                 FROM measurements m JOIN indicators i ON i.id = m.indicator
                 JOIN units u ON u.id = m.unit WHERE i.code = ?1",
            )
            .unwrap()
            .query_map([code], |r| {
                Ok(Measurement {
                    id: 0,
                    indicator: String::new(),
                    unit: r.get(1)?,
                    date: day(r.get(0)?)?,
                    period_start: r.get::<_, Option<String>>(6)?.map(day).transpose()?,
                    value: r.get(3)?,
                    numerator: r.get(4)?,
                    denominator: r.get(5)?,
                    baseline: r.get(2)?,
                    revision: r.get(7)?,
                    note: None,
                    recorded_by: None,
                    recorded_at: String::new(),
                })
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // The highest revision of each key.
        rows.sort_by(|a, b| {
            (a.date, &a.unit, a.baseline, a.revision)
                .cmp(&(b.date, &b.unit, b.baseline, b.revision))
        });
        let mut current: Vec<Measurement> = Vec::new();
        for m in rows {
            match current.last_mut() {
                Some(last)
                    if (last.date, &last.unit, last.baseline) == (m.date, &m.unit, m.baseline) =>
                {
                    *last = m
                }
                _ => current.push(m),
            }
        }
        current
    }

    /// A random value: indicator, unit, day, value, baseline, period length (flows only).
    type Row = (usize, usize, u32, u32, bool, Option<u8>);

    fn batches() -> impl Strategy<Value = Vec<Vec<Row>>> {
        let row = (
            0usize..5,
            0usize..5,
            0u32..150,
            0u32..100,
            proptest::bool::weighted(0.1),
            proptest::option::of(0u8..40),
        );
        // Half the batches are like a day's file: rows in day order, dated after every batch
        // before, ten days apart (the writer summarises them as they come).
        let batch = (proptest::collection::vec(row, 1..12), proptest::bool::ANY);
        proptest::collection::vec(batch, 1..6).prop_map(|batches| {
            batches
                .into_iter()
                .enumerate()
                .map(|(n, (mut rows, days_file))| {
                    if days_file {
                        for row in &mut rows {
                            row.2 = 150 + 10 * n as u32 + row.2 % 10;
                        }
                        rows.sort_by_key(|row| row.2);
                    }
                    rows
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Batches written as record and import write them (back-dated days, corrections,
        /// baselines, day after day, flows' values with and without their periods): after
        /// each, the kept summaries are what the rules make of the raw rows, and `check` finds
        /// nothing.
        #[test]
        fn the_kept_summaries_follow_the_raw_rows(
            batches in batches(),
            every_flow_value_has_a_period in proptest::bool::ANY,
        ) {
            let plan = plan();
            let folder = tempfile::tempdir().unwrap();
            let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
            store
                .write(|tx| {
                    crate::store::plan::save_plan(tx, &plan, "test")?;
                    Ok(())
                })
                .unwrap();
            let indicators: Vec<&Indicator> = plan.indicators().map(|(_, i)| i).collect();
            let units = ["UBND", "PA", "PB", "KP1", "KP2"];
            let start = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
            let ward = "UBND";
            for batch in &batches {
                store
                    .write(|tx| {
                        let writer = MeasurementWriter::new(tx, &plan)?;
                        for &(i, u, offset, value, baseline, period) in batch {
                            let indicator = indicators[i % indicators.len()];
                            let date = start + chrono::Days::new(u64::from(offset));
                            let flow = indicator.accumulation == Accumulation::Flow;
                            // Half the cases: a flow's values never the ward's own.
                            let u = if flow && every_flow_value_has_a_period && u == 0 {
                                1
                            } else {
                                u
                            };
                            // Rates as NUM/DEN, whose long fractions must survive the
                            // summaries' storage bit for bit.
                            let percent = indicator.kind == crate::plan::IndicatorKind::Percent;
                            let ratio = (percent && value % 3 != 0)
                                .then(|| (f64::from(value % 97), f64::from(97 + value % 13)));
                            let value = match ratio {
                                Some((n, d)) => n / d * 100.0,
                                None if percent => f64::from(value.min(100)),
                                None => f64::from(value) / 7.0,
                            };
                            let mut row = NewMeasurement {
                                indicator: &indicator.code,
                                unit: units[u],
                                date,
                                // With a period each (half the cases), a flow's window
                                // only grows and is summarised as the rows come.
                                period_start: period
                                    .or(every_flow_value_has_a_period.then_some(0))
                                    .filter(|_| flow)
                                    .map(|back| date - chrono::Days::new(u64::from(back))),
                                value,
                                numerator: ratio.map(|r| r.0),
                                denominator: ratio.map(|r| r.1),
                                baseline,
                                revision: 1,
                                note: None,
                                recorded_by: None,
                                import_id: None,
                            };
                            // As import writes: a new key's first revision (by the insert's
                            // own conflict when dated after the stored days, else after a
                            // seek), else a correction, even of a key this batch wrote.
                            if let Err(stored) = writer.insert_first(&row)? {
                                row.revision = stored.revision + 1;
                                writer.insert(&row)?;
                            }
                        }
                        writer.finish(&plan)?;
                        Ok(())
                    })
                    .unwrap();
                let kept = load(store.conn(), &plan).unwrap();
                for indicator in &indicators {
                    let rows = raw_rows(store.conn(), &indicator.code);
                    let shares: Vec<String> =
                        indicator.unit_targets.iter().map(|t| t.unit.clone()).collect();
                    let expected = Summary::of(indicator, ward, &rows, &shares);
                    let empty = Summary::default();
                    let summary = kept.get(&indicator.code).unwrap_or(&empty);
                    prop_assert_eq!(&summary.days, &expected.days, "{}", indicator.code);
                    prop_assert_eq!(&summary.baselines, &expected.baselines);
                    prop_assert_eq!(&summary.unit_readings, &expected.unit_readings);
                }
                prop_assert_eq!(check(store.conn(), &plan).unwrap(), vec![]);
            }
        }
    }

    proptest! {
        /// Packed and unpacked, every unit's figure is the one given, bit for bit (ratios and
        /// plain values, any day chrono knows); a blob cut short is refused, not misread.
        #[test]
        fn latest_figures_pack_and_unpack_to_the_same(
            figures in prop::collection::btree_map(
                any::<i64>(),
                (-300_000i32..3_000_000, any::<f64>(), prop::option::of((any::<f64>(), any::<f64>()))),
                0..40,
            )
        ) {
            let figures: BTreeMap<i64, KeptFigure> = figures
                .into_iter()
                .map(|(unit, (days, value, ratio))| {
                    let figure = KeptFigure {
                        date: NaiveDate::from_num_days_from_ce_opt(days).unwrap(),
                        value,
                        numerator: ratio.map(|r| r.0),
                        denominator: ratio.map(|r| r.1),
                    };
                    (unit, figure)
                })
                .collect();
            let bytes = pack(figures.iter());
            prop_assert_eq!(bytes.len(), figures.len() * FIGURE_BYTES);
            let unpacked: BTreeMap<i64, KeptFigure> = unpack(&bytes).unwrap().into_iter().collect();
            let bits = |f: &BTreeMap<i64, KeptFigure>| -> Vec<_> {
                f.iter()
                    .map(|(u, f)| {
                        let ratio = f.numerator.zip(f.denominator).map(|(n, d)| (n.to_bits(), d.to_bits()));
                        (*u, f.date, f.value.to_bits(), ratio)
                    })
                    .collect()
            };
            prop_assert_eq!(bits(&unpacked), bits(&figures));
            if !bytes.is_empty() {
                prop_assert!(unpack(&bytes[..bytes.len() - 1]).is_err());
            }
        }
    }

    #[test]
    fn check_finds_a_summary_changed_by_hand_and_rebuild_mends_it() {
        let plan = plan();
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open(&folder.path().join("t.db"), OpenMode::Create).unwrap();
        let day_of = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        store
            .write(|tx| {
                crate::store::plan::save_plan(tx, &plan, "test")?;
                let writer = MeasurementWriter::new(tx, &plan)?;
                for (unit, d, value) in [("PA", 1, 80.0), ("PB", 2, 90.0), ("PA", 3, 95.0)] {
                    writer.insert(&NewMeasurement {
                        indicator: "TT1.01",
                        unit,
                        date: day_of(d),
                        period_start: None,
                        value,
                        numerator: None,
                        denominator: None,
                        baseline: false,
                        revision: 1,
                        note: None,
                        recorded_by: None,
                        import_id: None,
                    })?;
                }
                writer.finish(&plan)?;
                Ok(())
            })
            .unwrap();
        assert_eq!(check(store.conn(), &plan).unwrap(), vec![]);
        store
            .conn()
            .execute(
                "UPDATE ward_days SET figure = NULL WHERE day = '2026-03-02'",
                [],
            )
            .unwrap();
        assert_eq!(
            check(store.conn(), &plan).unwrap(),
            vec![Mismatch {
                indicator: "TT1.01".into(),
                day: Some(day_of(2)),
                table: "ward_days",
            }]
        );
        store
            .conn()
            .execute("DELETE FROM indicator_days WHERE day = '2026-03-03'", [])
            .unwrap();
        assert_eq!(check(store.conn(), &plan).unwrap().len(), 2);
        store
            .write(|tx| Ok(rebuild(tx, &plan, &mut |_, _| {})?))
            .unwrap();
        assert_eq!(check(store.conn(), &plan).unwrap(), vec![]);
    }
}
