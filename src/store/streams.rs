//! Summaries made while a write goes, day after day, so the rows of a day's file (or of a first
//! import) are not read back when it ends. They apply while an indicator's rows come in day
//! order after the last day summarised:
//! - a level's, when its rows are not baselines: `LevelDays` continues from each unit's latest
//!   figure kept;
//! - a flow's, when its window only grows (every value of the year has a period within it, none
//!   is the ward's own, in what was stored as in what is written): `flow::GrowingWindow`
//!   continues from the figure kept for its last day, until the months compared change (the
//!   baseline would need its rows).
//!
//! The first row that does not fit hands the indicator back to `summaries::refresh`, which reads
//! its rows again. The figures are the same either way (the property tests of `plan::summary`
//! and of `summaries` hold them to the rules on the raw rows).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap as HashMap;

use super::ids::Ids;
use super::summaries;
use super::{day, iso, records::NewMeasurement};
use crate::plan::flow::GrowingWindow;
use crate::plan::measure::UnitFigure;
use crate::plan::summary::{DayFigure, LevelDays, WardDay};
use crate::plan::{Accumulation, Indicator, Plan};

/// The indicators a write is summarising as it goes.
pub(super) struct Streams {
    /// The plan's indicators by id.
    indicators: HashMap<i64, Stream>,
    ward: String,
}

enum Stream {
    /// No row written yet: the indicator, and the last day summarised when the write began.
    NotWritten(Box<Indicator>, Option<NaiveDate>),
    Level(LevelStream),
    Flow(Box<FlowStream>),
    /// Its rows did not fit: summarised again from the rows at the end.
    Left,
}

struct LevelStream {
    days: LevelDays,
    /// The day being gathered.
    gathering: NaiveDate,
    /// The ward's figure at the end of each day gathered before.
    closed: Vec<WardDay>,
}

struct FlowStream {
    indicator: Box<Indicator>,
    window: GrowingWindow,
    gathering: NaiveDate,
    /// The gathered day's values by unit code (a later one of a unit, its correction, replaces
    /// it), added to the window in that order when the day closes, as the rules add them.
    day_values: BTreeMap<String, (f64, NaiveDate)>,
    closed: Vec<WardDay>,
    /// Each unit's latest value written.
    latest: BTreeMap<String, UnitFigure>,
}

impl Streams {
    pub(super) fn new(conn: &Connection, plan: &Plan, ids: &Ids) -> rusqlite::Result<Self> {
        let mut last_days: HashMap<i64, NaiveDate> = HashMap::default();
        let mut statement =
            conn.prepare("SELECT indicator, max(day) FROM ward_days GROUP BY indicator")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            last_days.insert(row.get(0)?, day(row.get(1)?)?);
        }
        let indicators = plan
            .indicators()
            .filter_map(|(_, i)| ids.indicators.get(&i.code).map(|id| (*id, i)))
            .map(|(id, i)| {
                let last_summarised = last_days.get(&id).copied();
                (id, Stream::NotWritten(Box::new(i.clone()), last_summarised))
            })
            .collect();
        Ok(Streams {
            indicators,
            ward: plan.ward().map(|u| u.code.clone()).unwrap_or_default(),
        })
    }

    /// Takes a row just written of indicator `id`.
    pub(super) fn wrote(
        &mut self,
        conn: &Connection,
        ids: &Ids,
        id: i64,
        m: &NewMeasurement,
    ) -> rusqlite::Result<()> {
        let Some(stream) = self.indicators.get_mut(&id) else {
            return Ok(());
        };
        if let Stream::NotWritten(..) = stream {
            let Stream::NotWritten(indicator, last_summarised) =
                std::mem::replace(stream, Stream::Left)
            else {
                return Ok(());
            };
            let after = last_summarised.is_none_or(|last| m.date > last);
            *stream = match indicator.accumulation {
                _ if !after || m.baseline => Stream::Left,
                Accumulation::Level => {
                    let latest = summaries::latest_figures(conn, id, false, ids)?;
                    Stream::Level(LevelStream {
                        days: LevelDays::new(indicator.kind, &self.ward, latest),
                        gathering: m.date,
                        closed: Vec::new(),
                    })
                }
                Accumulation::Flow => {
                    let window = growing_window(conn, id, &self.ward, m, last_summarised)?;
                    window.map_or(Stream::Left, |window| {
                        Stream::Flow(Box::new(FlowStream {
                            indicator,
                            window,
                            gathering: m.date,
                            day_values: BTreeMap::new(),
                            closed: Vec::new(),
                            latest: BTreeMap::new(),
                        }))
                    })
                }
            };
        }
        let fits = match stream {
            Stream::Level(s) if !m.baseline && m.date >= s.gathering => {
                if m.date > s.gathering {
                    s.closed.push(s.days.close(s.gathering));
                    s.gathering = m.date;
                }
                s.days
                    .set(m.unit, m.date, m.value, m.numerator, m.denominator);
                true
            }
            Stream::Flow(s) if m.date >= s.gathering && grows(s.window.year(), &self.ward, m) => {
                if m.date > s.gathering && !s.close_day() {
                    false
                } else {
                    s.gathering = m.date;
                    let start = m.period_start.unwrap_or(m.date);
                    s.day_values.insert(m.unit.to_string(), (m.value, start));
                    let figure = UnitFigure {
                        unit: m.unit.to_string(),
                        date: m.date,
                        value: m.value,
                        numerator: m.numerator,
                        denominator: m.denominator,
                    };
                    s.latest.insert(m.unit.to_string(), figure);
                    true
                }
            }
            _ => false,
        };
        if !fits {
            *stream = Stream::Left;
        }
        Ok(())
    }

    /// Writes the summaries of the indicators still in day order; returns their ids (the
    /// others are left to `summaries::refresh`).
    pub(super) fn finish(self, conn: &Connection, ids: &Ids) -> rusqlite::Result<Vec<i64>> {
        let mut done = Vec::new();
        for (id, stream) in self.indicators {
            match stream {
                Stream::Level(mut s) => {
                    s.closed.push(s.days.close(s.gathering));
                    summaries::write_days(conn, id, &s.closed)?;
                    // It began from every unit's figure kept: it holds them all.
                    summaries::replace_latest(conn, id, false, s.days.latest(), ids)?;
                }
                Stream::Flow(mut s) => {
                    if !s.close_day() {
                        continue;
                    }
                    summaries::write_days(conn, id, &s.closed)?;
                    summaries::write_latest(conn, id, false, s.latest.values(), ids)?;
                }
                Stream::NotWritten(..) | Stream::Left => continue,
            }
            done.push(id);
        }
        Ok(done)
    }
}

impl FlowStream {
    /// Adds the gathered day's values to the window and keeps its figure; false when the
    /// window cannot go on without the baseline's rows (the months compared changed).
    fn close_day(&mut self) -> bool {
        for (value, start) in std::mem::take(&mut self.day_values).into_values() {
            self.window.add(value, (start, self.gathering));
        }
        match self.window.figure(&self.indicator, |_, _, _| None) {
            Some(figure) => {
                let figure = figure.map(DayFigure::Flow);
                self.closed.push(WardDay {
                    day: self.gathering,
                    figure,
                });
                true
            }
            None => false,
        }
    }
}

/// Whether `m` makes a flow's window of `year` grow: a value (not a baseline), not the ward's
/// own, dated in the year with a period that begins in it.
fn grows(year: i32, ward: &str, m: &NewMeasurement) -> bool {
    !m.baseline
        && m.unit != ward
        && m.date.year() == year
        && m.period_start.is_some_and(|start| start.year() == year)
}

/// The window a flow's first row written (`m`, dated after `last_summarised`) continues: a new
/// one when nothing of its year was summarised, else the one the figure kept for that day
/// describes, if every row stored in the year made it grow; `None` when it cannot be continued.
fn growing_window(
    conn: &Connection,
    id: i64,
    ward: &str,
    m: &NewMeasurement,
    last_summarised: Option<NaiveDate>,
) -> rusqlite::Result<Option<GrowingWindow>> {
    let year = m.date.year();
    if !grows(year, ward, m) {
        return Ok(None);
    }
    let Some(last) = last_summarised.filter(|last| last.year() == year) else {
        // Every value stored is dated before the year began.
        return Ok(Some(GrowingWindow::new(year)));
    };
    // The rows stored from the year's first day to the last summarised one, which holds the
    // last stored value: not this write's (dated later, and not yet in `indicator_days`).
    let (year_start, last) = (
        iso(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(last)),
        iso(last),
    );
    // Every one has a period (a row without one, even a baseline, might be a value from before
    // periods existed) and none is the ward's own: counted in `indicator_days`.
    // Prepared once for the flows of a write.
    let (without_period, ward_values): (i64, i64) = conn
        .prepare_cached(
            "SELECT coalesce(sum(without_period), 0), coalesce(sum(ward_values), 0)
             FROM indicator_days WHERE indicator = ?1 AND day BETWEEN ?2 AND ?3",
        )?
        .query_row(params![id, year_start, last], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    if without_period > 0 || ward_values > 0 {
        return Ok(None);
    }
    let kept: Option<Option<DayFigure>> = conn
        .prepare_cached("SELECT figure FROM ward_days WHERE indicator = ?1 AND day = ?2")?
        .query_row(params![id, last], |r| {
            summaries::figure_from_json(r.get(0)?)
        })
        .optional()?;
    Ok(match kept.flatten() {
        Some(DayFigure::Flow(figure)) => Some(GrowingWindow::after(&figure)),
        _ => None,
    })
}
