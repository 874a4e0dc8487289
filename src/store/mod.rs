//! All SQL lives here: opening the database file, its schema and versions, and one function
//! per query. The rest of the program sees domain types, never rows.

pub mod export;
pub mod ids;
pub mod maintenance;
pub mod plan;
pub mod recorded;
pub mod records;
mod streams;
pub mod summaries;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use rusqlite::{ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::error::AppError;
use crate::output::database::{DatabaseFailure, DatabaseMessage};
use crate::output::problems::Message;

/// The database this run opened, so an error that escapes without its path names the real
/// `--db` file, never a made-up one.
static OPENED: OnceLock<PathBuf> = OnceLock::new();

/// The database this run opened (or tried to), for messages.
pub fn opened_path() -> PathBuf {
    OPENED
        .get()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("kehoach.db"))
}

/// The store's connection, transaction and error, as the rest of the program names them:
/// only this module knows they are SQLite's.
pub type Connection = rusqlite::Connection;
pub type Transaction<'c> = rusqlite::Transaction<'c>;
pub type DbError = rusqlite::Error;

/// A date as stored: "YYYY-MM-DD".
pub(crate) fn iso(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    // By hand, not format!: an import writes a million of them.
    let (year, month, day) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&year) {
        return format!("{year:04}-{month:02}-{day:02}");
    }
    let year = year as u32;
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut text = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        text.push(digit(n));
    }
    text.push('-');
    text.push(digit(month / 10));
    text.push(digit(month));
    text.push('-');
    text.push(digit(day / 10));
    text.push(digit(day));
    text
}

/// A stored date read back; one that is not "YYYY-MM-DD" is a damaged file, reported as a
/// database problem (exit 4), never read as some other day.
pub(crate) fn day(text: String) -> rusqlite::Result<chrono::NaiveDate> {
    let part = |range: std::ops::Range<usize>| text.get(range).and_then(|p| p.parse().ok());
    match (part(0..4), part(5..7), part(8..10), text.len()) {
        (Some(year), Some(month), Some(day), 10) => {
            chrono::NaiveDate::from_ymd_opt(year as i32, month, day)
        }
        _ => None,
    }
    .ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("«{text}»").into(),
        )
    })
}

/// The days of many rows read one after another: rows come day by day, so a run of rows on
/// one day is read as text once, and parsed once, by [`day`].
#[derive(Default)]
pub(crate) struct DayReader {
    last: Option<(String, chrono::NaiveDate)>,
}

impl DayReader {
    /// The day in column `column` of `row`.
    pub(crate) fn read(
        &mut self,
        row: &rusqlite::Row,
        column: usize,
    ) -> rusqlite::Result<chrono::NaiveDate> {
        let text = row.get_ref(column)?.as_str()?;
        match &self.last {
            Some((last, date)) if last == text => Ok(*date),
            _ => {
                let date = day(text.to_string())?;
                self.last = Some((text.to_string(), date));
                Ok(date)
            }
        }
    }
}

/// The first value (by day) of a database before the day-first layout whose indicator or unit
/// is not in its plan's tables, and how many there are.
struct ValueWithoutPlan {
    count: i64,
    code: String,
    unit: String,
    day: chrono::NaiveDate,
}

fn value_without_plan(conn: &Connection) -> rusqlite::Result<Option<ValueWithoutPlan>> {
    conn.query_row(
        "SELECT m.indicator, m.unit, m.date, count(*) OVER () FROM measurements m
         WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.code = m.indicator)
            OR NOT EXISTS (SELECT 1 FROM units u WHERE u.code = m.unit)
         ORDER BY m.date LIMIT 1",
        [],
        |r| {
            Ok(ValueWithoutPlan {
                code: r.get(0)?,
                unit: r.get(1)?,
                day: day(r.get(2)?)?,
                count: r.get(3)?,
            })
        },
    )
    .optional()
}

/// The schema migrations, in order; the database's `user_version` is how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema.sql"),
    include_str!("../../migrations/002-report.sql"),
    include_str!("../../migrations/003-periods.sql"),
    include_str!("../../migrations/004-day-first.sql"),
    include_str!("../../migrations/005-periods-covering.sql"),
    include_str!("../../migrations/006-lighter-rows.sql"),
];

/// The version whose migration adds the summaries, which the program (not SQL) fills in.
const SUMMARIES_VERSION: i64 = 4;

/// The version whose migration adds `indicator_days`' counts of rows without a period and of
/// the ward's own values, which the program fills in (the ward is the plan's), and packs each
/// indicator's latest figures into one row.
const DAY_COUNTS_VERSION: i64 = 6;

/// The schema version this program writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a command waits for another process's write to finish before giving up.
const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether opening may create the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// `init`: create the file and its folders if missing.
    Create,
    /// Every other command: the database must exist and hold a plan.
    Existing,
}

/// An open kehoach database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether the journal mode has been settled: at the first write, never before, so a file
    /// that is refused or only read is left byte for byte as it was.
    journal_settled: bool,
}

impl Store {
    /// Opens (or with [`OpenMode::Create`], creates) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, AppError> {
        Self::open_with_progress(path, mode, &mut |_, _| {})
    }

    /// [`Store::open`], telling `progress(done, total)` how a long migration goes (the
    /// summaries of a large database take seconds to make).
    pub fn open_with_progress(
        path: &Path,
        mode: OpenMode,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Store, AppError> {
        OPENED.get_or_init(|| path.to_path_buf());
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(AppError::database(
                DatabaseMessage::IsFolder { path: shown }.into(),
            ));
        }
        let exists = path.exists();
        match mode {
            OpenMode::Existing if !exists => {
                return Err(AppError::database(
                    DatabaseMessage::Missing { path: shown }.into(),
                ))
            }
            OpenMode::Create if !exists => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        let folder = parent.display().to_string();
                        AppError::database(
                            DatabaseMessage::CannotCreateFolder {
                                folder,
                                error: e.to_string(),
                            }
                            .into(),
                        )
                    })?;
                }
            }
            _ => {}
        }
        let flags = match mode {
            OpenMode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            OpenMode::Existing => OpenFlags::SQLITE_OPEN_READ_WRITE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Self::connect(path, flags);
        // A database the user may read but not write (a shared folder, another user's file):
        // reading commands work on it read-only; a write then fails naming this file.
        // Only for what permissions cause: a busy or damaged file keeps its own error.
        let store = match (opened, mode) {
            (Ok(store), _) => store,
            (Err(e), OpenMode::Existing)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
                ) =>
            {
                Self::open_read_only(path).map_err(|_| database_error(&e, path))?
            }
            (Err(e), _) => return Err(database_error(&e, path)),
        };
        let mut store = store;
        store.migrate(mode, progress)?;
        Ok(store)
    }

    /// Opens and configures a connection, reading the file once so that a file that cannot
    /// be read fails here.
    fn connect(path: &Path, flags: OpenFlags) -> rusqlite::Result<Store> {
        let conn = Connection::open_with_flags(path, flags)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            journal_settled: false,
        };
        store.configure()?;
        store
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })?;
        Ok(store)
    }

    /// Read-only, then (in a folder where SQLite cannot make its `-shm` file beside a WAL
    /// database) immutable: nobody can be writing a file in a folder nobody may write to.
    fn open_read_only(path: &Path) -> rusqlite::Result<Store> {
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Self::connect(path, read_only).or_else(|first| {
            let Some(text) = path.to_str() else {
                return Err(first);
            };
            let escaped = text
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23");
            let uri = format!("file:{escaped}?immutable=1");
            let conn = Connection::open_with_flags(&uri, read_only | OpenFlags::SQLITE_OPEN_URI)?;
            let store = Store {
                conn,
                path: path.to_path_buf(),
                journal_settled: false,
            };
            store.configure()?;
            Ok(store)
        })
    }

    /// Whether this connection can only read.
    pub fn is_read_only(&self) -> bool {
        self.conn
            .is_readonly(rusqlite::DatabaseName::Main)
            .unwrap_or(false)
    }

    /// What this connection needs and the file does not hold: nothing here writes to the
    /// file (the journal mode waits for the first write, [`Store::settle_journal`]).
    fn configure(&self) -> rusqlite::Result<()> {
        let timeout = std::env::var("KEHOACH_BUSY_TIMEOUT_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(DEFAULT_BUSY_TIMEOUT);
        self.conn.busy_timeout(timeout)?;
        // Reading user_version first makes a non-SQLite file fail here, with its own message.
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Switches the file to WAL before this run's first write: the cron report reads while the
    /// clerk writes, and a power cut loses no committed row. Not on opening: setting a journal
    /// mode writes the file's header, and a file that is refused (another program's, a newer
    /// or damaged one) or only read must be left as it was.
    fn settle_journal(&mut self) {
        if self.journal_settled || self.is_read_only() {
            return;
        }
        self.journal_settled = true;
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        match mode {
            Ok(mode) if mode == "wal" => {}
            // A folder where no -wal file can be made keeps the old journal mode.
            _ => {
                self.conn.pragma_update(None, "journal_mode", "DELETE").ok();
            }
        }
    }

    fn migrate(
        &mut self,
        mode: OpenMode,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), AppError> {
        let path = self.path.clone();
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| database_error(&e, &path))?;
        let shown = path.display().to_string();
        if version < 0 {
            return Err(AppError::database(
                Message::UnknownSchemaVersion {
                    path: shown,
                    version,
                }
                .into(),
            ));
        }
        if version == 0 && mode == OpenMode::Create {
            // Another program's SQLite file: kehoach's tables are never added beside its own.
            let tables: Vec<String> = self
                .conn
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') \
                     AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 6",
                )
                .and_then(|mut statement| {
                    statement
                        .query_map([], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(|e| database_error(&e, &path))?;
            if !tables.is_empty() {
                let listed = tables.into_iter().take(5).collect::<Vec<_>>().join(", ");
                let listed = crate::input::text::clip(&listed, 200);
                return Err(AppError::database(
                    Message::ForeignDatabase {
                        path: shown,
                        tables: listed,
                    }
                    .into(),
                ));
            }
        }
        if version > SCHEMA_VERSION {
            return Err(AppError::database(
                DatabaseMessage::NewerSchema {
                    path: shown,
                    version,
                    known: SCHEMA_VERSION,
                }
                .into(),
            ));
        }
        if version == 0 && mode == OpenMode::Existing {
            return Err(AppError::database(
                DatabaseMessage::NotInitialised { path: shown }.into(),
            ));
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        self.settle_journal();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| database_error(&e, &path))?;
        if (1..SUMMARIES_VERSION).contains(&version) {
            // The day-first table keys values by the ids of their indicator and unit: one that
            // has lost its own would stop the conversion halfway, in SQLite's words.
            if let Some(first) = value_without_plan(&tx).map_err(|e| database_error(&e, &path))? {
                return Err(AppError::database(
                    DatabaseMessage::ValuesWithoutPlan {
                        path: shown,
                        count: first.count,
                        code: first.code,
                        unit: first.unit,
                        day: first.day,
                    }
                    .into(),
                ));
            }
        }
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(migration)
                .and_then(|()| tx.pragma_update(None, "user_version", index as i64 + 1))
                .map_err(|e| database_error(&e, &path))?;
        }
        // The summaries of the rows the migration carried over, in the same transaction.
        if version < DAY_COUNTS_VERSION {
            summaries::pack_latest_rows(&tx).map_err(|e| database_error(&e, &path))?;
            let plan = plan::load_plan(&tx).map_err(|e| database_error(&e, &path))?;
            if let Some(plan) = plan {
                let filled = if version < SUMMARIES_VERSION {
                    summaries::rebuild(&tx, &plan, progress)
                } else {
                    summaries::count_days(&tx, &plan)
                };
                filled.map_err(|e| database_error(&e, &path))?;
            }
        }
        tx.commit().map_err(|e| database_error(&e, &path))
    }

    /// Runs `work` in one write transaction: all of it is committed, or none of it.
    pub fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let path = self.path.clone();
        self.settle_journal();
        // IMMEDIATE takes the write lock up front, so a busy database waits here, not midway.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| database_error(&e, &path))?;
        // A database error from inside the work names this file, like every other one.
        let result = work(&tx).map_err(|error| match error.downcast::<rusqlite::Error>() {
            Ok(sqlite) => database_error(&sqlite, &path).into(),
            Err(other) => other,
        })?;
        tx.commit().map_err(|e| database_error(&e, &path))?;
        Ok(result)
    }

    /// Before an import, for the rest of this connection:
    /// - a page cache of 16 MB (SQLite's default is 2 MB), for the summaries, which are
    ///   written all over while rows are appended day by day at the end of the day-first key. Measured at 8, 16 and 32 MB: 1M rows (in day order, in
    ///   reverse, again) and a day's file take the same time at each; 3M rows take 6.0, 5.7
    ///   and 5.8 s, with a peak of 41, 50 and 67 MB;
    /// - foreign keys no longer checked on each insert (three seeks a row, an eighth of a
    ///   million rows' import): every reference the import writes was just read from its
    ///   parent table in the same transaction (`Ids`, the import's own log row), and
    ///   `kehoach check` still finds any row that has lost its parent. SQLite takes this
    ///   setting only outside a transaction, hence here and not in the write.
    pub fn prepare_for_bulk_writes(&self) -> rusqlite::Result<()> {
        self.conn.pragma_update(None, "cache_size", -16384)?;
        self.conn.pragma_update(None, "foreign_keys", false)
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A database failure in one sentence a clerk can act on (exit code 4).
pub fn database_error(error: &rusqlite::Error, path: &Path) -> AppError {
    let shown = path.display().to_string();
    let unreadable = match error {
        rusqlite::Error::FromSqlConversionFailure(_, _, cause) => Some(cause.to_string()),
        _ => None,
    };
    let kind = match error.sqlite_error_code() {
        _ if unreadable.is_some() => {
            DatabaseFailure::Unreadable(unreadable.clone().unwrap_or_default())
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => DatabaseFailure::Busy,
        Some(ErrorCode::NotADatabase) => DatabaseFailure::NotADatabase,
        Some(ErrorCode::ReadOnly) => DatabaseFailure::ReadOnly,
        Some(ErrorCode::CannotOpen) => DatabaseFailure::CannotOpen,
        Some(ErrorCode::DatabaseCorrupt) => DatabaseFailure::Corrupt,
        Some(ErrorCode::DiskFull) => DatabaseFailure::DiskFull,
        _ => DatabaseFailure::Other,
    };
    let message = DatabaseMessage::Failure {
        kind,
        path: shown,
        error: error.to_string(),
    }
    .into();
    AppError::database(message)
}
