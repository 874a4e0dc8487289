//! A level's summary made while a write goes, day after day, so the rows of a day's file (or
//! of a first import) are not read back when it ends. It applies while an indicator's rows
//! come in day order, after the last day summarised, and are not baselines; the first row that
//! is not (a back-dated day, a baseline) hands the indicator back to `summaries::refresh`,
//! which reads its rows again. The figures are the same either way: `LevelDays` makes both,
//! and the summaries' property test holds the kept tables to the raw rows after every write.

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::ids::Ids;
use super::summaries;
use super::{day, records::NewMeasurement};
use crate::plan::summary::{LevelDays, WardDay};
use crate::plan::{Accumulation, IndicatorKind, Plan};

/// The levels a write is summarising as it goes.
pub(super) struct LevelStreams {
    /// The plan's levels by indicator id (flows are not here: their windows are made again
    /// by `refresh`).
    levels: HashMap<i64, Level>,
    ward: String,
}

enum Level {
    /// No row written yet: its kind, and the last day summarised when the write began.
    NotWritten(IndicatorKind, Option<NaiveDate>),
    InOrder(LevelStream),
    /// Its rows left day order: summarised again from the rows at the end.
    Left,
}

struct LevelStream {
    days: LevelDays,
    /// The first day written, and the day being gathered.
    first: NaiveDate,
    gathering: NaiveDate,
    /// The ward's figure at the end of each day gathered before.
    closed: Vec<WardDay>,
}

impl LevelStreams {
    pub(super) fn new(conn: &Connection, plan: &Plan, ids: &Ids) -> rusqlite::Result<Self> {
        let mut last_days: HashMap<i64, NaiveDate> = HashMap::default();
        let mut statement =
            conn.prepare("SELECT indicator, max(day) FROM ward_days GROUP BY indicator")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            last_days.insert(row.get(0)?, day(row.get(1)?)?);
        }
        let levels = plan
            .indicators()
            .filter(|(_, i)| i.accumulation == Accumulation::Level)
            .filter_map(|(_, i)| ids.indicators.get(&i.code).map(|id| (*id, i.kind)))
            .map(|(id, kind)| (id, Level::NotWritten(kind, last_days.get(&id).copied())))
            .collect();
        Ok(LevelStreams {
            levels,
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
        let Some(level) = self.levels.get_mut(&id) else {
            return Ok(());
        };
        if let Level::NotWritten(kind, last_summarised) = *level {
            let after = last_summarised.is_none_or(|last| m.date > last);
            *level = if after && !m.baseline {
                let latest = summaries::latest_figures(conn, id, false, ids)?;
                Level::InOrder(LevelStream {
                    days: LevelDays::new(kind, &self.ward, latest),
                    first: m.date,
                    gathering: m.date,
                    closed: Vec::new(),
                })
            } else {
                Level::Left
            };
        }
        match level {
            Level::InOrder(s) if !m.baseline && m.date >= s.gathering => {
                if m.date > s.gathering {
                    s.closed.push(s.days.close(s.gathering));
                    s.gathering = m.date;
                }
                s.days
                    .set(m.unit, m.date, m.value, m.numerator, m.denominator);
            }
            _ => *level = Level::Left,
        }
        Ok(())
    }

    /// Writes the summaries of the indicators still in day order; returns their ids (the
    /// others are left to `summaries::refresh`).
    pub(super) fn finish(self, conn: &Connection, ids: &Ids) -> rusqlite::Result<Vec<i64>> {
        let mut done = Vec::new();
        for (id, level) in self.levels {
            let Level::InOrder(mut stream) = level else {
                continue;
            };
            stream.closed.push(stream.days.close(stream.gathering));
            summaries::write_days(conn, id, &stream.closed)?;
            // The units this write gave a figure: none held one dated this late before.
            let changed = stream.days.latest().filter(|f| f.date >= stream.first);
            summaries::write_latest(conn, id, false, changed, ids)?;
            done.push(id);
        }
        Ok(done)
    }
}
