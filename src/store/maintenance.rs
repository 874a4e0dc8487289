//! Integrity checks and backups.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{backup::Backup, Connection};

/// SQLite's `PRAGMA integrity_check`: empty when the file is sound.
pub fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// `PRAGMA foreign_key_check`: (table, rowid, parent table) for each broken reference.
pub fn foreign_key_check(conn: &Connection) -> rusqlite::Result<Vec<(String, i64, String)>> {
    conn.prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get(2)?,
            ))
        })?
        .collect()
}

/// Measurements (not baselines) and task events dated outside the plan's span.
pub fn records_outside(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> rusqlite::Result<Vec<(&'static str, String, NaiveDate)>> {
    let (start, end) = (
        start.format("%Y-%m-%d").to_string(),
        end.format("%Y-%m-%d").to_string(),
    );
    let mut found = Vec::new();
    for (what, sql) in [
        ("measurement", "SELECT indicator, date FROM measurements WHERE baseline = 0 AND (date < ?1 OR date > ?2)"),
        ("task event", "SELECT task, date FROM task_events WHERE date < ?1 OR date > ?2"),
    ] {
        let rows: Vec<(String, String)> = conn
            .prepare(sql)?
            .query_map([&start, &end], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, date) in rows {
            let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
            found.push((what, code, date));
        }
    }
    Ok(found)
}

/// How many measurements and task events are stored.
pub fn counts(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    Ok((
        conn.query_row("SELECT count(*) FROM measurements", [], |r| r.get(0))?,
        conn.query_row("SELECT count(*) FROM task_events", [], |r| r.get(0))?,
    ))
}

/// Copies the open database into `target` while others may be writing: SQLite's online
/// backup, into a temporary file beside the target, renamed only when complete.
pub fn backup_to(conn: &Connection, target: &Path) -> anyhow::Result<()> {
    let partial = target.with_extension("partial");
    {
        let mut copy = Connection::open(&partial)?;
        let backup = Backup::new(conn, &mut copy)?;
        // Small steps with pauses let the clerk's writes through during a long copy.
        backup.run_to_completion(256, std::time::Duration::from_millis(10), None)?;
    }
    std::fs::rename(&partial, target).inspect_err(|_| {
        std::fs::remove_file(&partial).ok();
    })?;
    Ok(())
}
