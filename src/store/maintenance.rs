//! Integrity checks and backups.

use std::path::Path;

use chrono::NaiveDate;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// SQLite's `PRAGMA integrity_check`: empty when the file is sound.
pub fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// A row that refers to something missing, as `check` reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum BrokenReference {
    /// A row of a table with rowids, by its rowid.
    Row {
        table: String,
        row: i64,
        parent: String,
    },
    /// A row of a table WITHOUT ROWID (measurements, checkpoints, …), which has no number to
    /// give: the value that refers to nothing, and the row's day where the table has one.
    Value {
        table: String,
        day: Option<NaiveDate>,
        column: String,
        value: String,
        parent: String,
    },
}

/// `PRAGMA foreign_key_check`, each broken reference said so it can be found: by rowid, or
/// for a table WITHOUT ROWID (for which SQLite gives no rowid) by the missing value itself.
pub fn foreign_key_check(conn: &Connection) -> rusqlite::Result<Vec<BrokenReference>> {
    let rows: Vec<(String, Option<i64>, String, i64)> = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    let mut keyed: Vec<(String, i64, String)> = Vec::new();
    for (table, row, parent, constraint) in rows {
        match row {
            Some(row) => found.push(BrokenReference::Row { table, row, parent }),
            None => {
                let key = (table, constraint, parent);
                if !keyed.contains(&key) {
                    keyed.push(key);
                }
            }
        }
    }
    for (table, constraint, parent) in keyed {
        found.extend(missing_values(conn, &table, constraint, &parent)?);
    }
    Ok(found)
}

/// The rows of `table` (WITHOUT ROWID) whose foreign key number `constraint` finds nothing in
/// `parent`: each distinct missing value once, with its day where the table has a `day`.
fn missing_values(
    conn: &Connection,
    table: &str,
    constraint: i64,
    parent: &str,
) -> rusqlite::Result<Vec<BrokenReference>> {
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let pairs: Vec<(String, Option<String>)> = conn
        .prepare(
            "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq",
        )?
        .query_map(rusqlite::params![table, constraint], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    // A key that names no parent column refers to the parent's primary key.
    let primary: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?
        .query_map([parent], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let pairs: Vec<(String, String)> = pairs
        .into_iter()
        .enumerate()
        .map(|(i, (from, to))| {
            let to = to.or_else(|| primary.get(i).cloned()).unwrap_or_default();
            (from, to)
        })
        .collect();
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let has_day: bool = conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = 'day'",
        [table],
        |r| r.get(0),
    )?;
    let day = if has_day { "t.day" } else { "NULL" };
    let values = pairs
        .iter()
        .map(|(from, _)| format!("t.{}", quote(from)))
        .collect::<Vec<_>>()
        .join(", ");
    let present = pairs
        .iter()
        .map(|(from, _)| format!("t.{} IS NOT NULL", quote(from)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let matches = pairs
        .iter()
        .map(|(from, to)| format!("p.{} = t.{}", quote(to), quote(from)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let sql = format!(
        "SELECT DISTINCT {day}, {values} FROM {} t WHERE {present} \
         AND NOT EXISTS (SELECT 1 FROM {} p WHERE {matches}) ORDER BY 1, 2",
        quote(table),
        quote(parent)
    );
    let column = pairs
        .iter()
        .map(|(from, _)| from.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let width = pairs.len();
    conn.prepare(&sql)?
        .query_map([], |r| {
            let day: Option<String> = r.get(0)?;
            let value = (1..=width)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Real(x) => x.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                        rusqlite::types::ValueRef::Blob(b) => format!("{b:02x?}"),
                        rusqlite::types::ValueRef::Null => String::new(),
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()?
                .join(", ");
            Ok(BrokenReference::Value {
                table: table.to_string(),
                // A day that cannot be read is left out here; check reports it on its own.
                day: day.and_then(|d| super::day(d).ok()),
                column: column.clone(),
                value,
                parent: parent.to_string(),
            })
        })?
        .collect()
}

/// Measurements (not baselines) and task events dated outside the plan's span.
pub fn records_outside(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> rusqlite::Result<Vec<(&'static str, String, NaiveDate)>> {
    let (start, end) = (super::iso(start), super::iso(end));
    let mut found = Vec::new();
    for (what, sql) in [
        (
            "measurement",
            "SELECT i.code, m.day FROM measurements m JOIN indicators i ON i.id = m.indicator
             WHERE m.baseline = 0 AND (m.day < ?1 OR m.day > ?2)",
        ),
        (
            "task event",
            "SELECT task, date FROM task_events WHERE date < ?1 OR date > ?2",
        ),
    ] {
        let rows: Vec<(String, NaiveDate)> = conn
            .prepare(sql)?
            .query_map([&start, &end], |r| Ok((r.get(0)?, super::day(r.get(1)?)?)))?
            .collect::<rusqlite::Result<_>>()?;
        found.extend(rows.into_iter().map(|(code, date)| (what, code, date)));
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

/// How long a backup may take before it is given up (`KEHOACH_BACKUP_TIMEOUT_S` to change).
const BACKUP_TIME_LIMIT: Duration = Duration::from_secs(600);

/// Why a backup was not made.
#[derive(Debug)]
pub enum BackupError {
    /// Not done within the time limit; nothing left behind.
    TimedOut(Duration),
    Failed(anyhow::Error),
}

/// Copies the open database into `target` while others may be writing: `VACUUM INTO` reads
/// one snapshot in one read transaction (the online backup API restarts on every write of
/// another process, and never ends while the clerk keeps recording), into a hidden temporary
/// file of a unique name beside the target, synced, renamed only when complete. Returns what
/// SQLite's integrity check finds in the copy (empty when sound).
pub fn backup_to(conn: &Connection, target: &Path) -> Result<Vec<String>, BackupError> {
    let limit = std::env::var("KEHOACH_BACKUP_TIMEOUT_S")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(BACKUP_TIME_LIMIT, Duration::from_secs);
    crate::files::remove_leftovers(target);
    let temporary = crate::files::temp_beside(target);
    let failed = |e: anyhow::Error| {
        remove_with_journals(&temporary);
        BackupError::Failed(e)
    };
    let Some(name) = temporary.to_str() else {
        return Err(BackupError::Failed(anyhow::anyhow!("not a UTF-8 path")));
    };
    // A watchdog interrupts the copy when the time is up.
    let interrupt = conn.get_interrupt_handle();
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if wait.recv_timeout(limit).is_err() {
            interrupt.interrupt();
            return true;
        }
        false
    });
    let copied = conn.execute("VACUUM INTO ?1", [name]);
    done.send(()).ok();
    let timed_out = watchdog.join().unwrap_or(false);
    match copied {
        Ok(_) => {}
        Err(_) if timed_out => {
            remove_with_journals(&temporary);
            return Err(BackupError::TimedOut(limit));
        }
        Err(e) => return Err(failed(e.into())),
    }
    let problems = (|| -> anyhow::Result<Vec<String>> {
        std::fs::File::open(&temporary)?.sync_all()?;
        let copy = Connection::open_with_flags(&temporary, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(integrity_check(&copy)?)
    })()
    .map_err(failed)?;
    std::fs::rename(&temporary, target).map_err(|e| failed(e.into()))?;
    crate::files::sync_folder(target);
    Ok(problems)
}

/// Removes a temporary database and any journal SQLite left beside it.
fn remove_with_journals(path: &Path) {
    std::fs::remove_file(path).ok();
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::fs::remove_file(name).ok();
    }
}
