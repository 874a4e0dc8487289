//! All SQL lives here: opening the database file, its schema and versions, and one function
//! per query. The rest of the program sees domain types, never rows.

pub mod export;
pub mod maintenance;
pub mod plan;
pub mod records;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::AppError;
use crate::output::i18n::{self, DatabaseFailure};

/// The schema migrations, in order; the database's `user_version` is how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema.sql"),
    include_str!("../../migrations/002-report.sql"),
];

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
}

impl Store {
    /// Opens (or with [`OpenMode::Create`], creates) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, AppError> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(AppError::database(i18n::db_is_folder(&shown)));
        }
        let exists = path.exists();
        match mode {
            OpenMode::Existing if !exists => {
                return Err(AppError::database(i18n::db_missing(&shown)))
            }
            OpenMode::Create if !exists => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        let folder = parent.display().to_string();
                        AppError::database(i18n::cannot_create_folder(&folder, &e))
                    })?;
                }
            }
            _ => {}
        }
        let flags = match mode {
            OpenMode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            OpenMode::Existing => OpenFlags::SQLITE_OPEN_READ_WRITE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| database_error(&e, path))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure().map_err(|e| database_error(&e, path))?;
        store.migrate(mode)?;
        Ok(store)
    }

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
        // WAL: the cron report reads while the clerk writes; a power cut loses no committed row.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if mode != "wal" {
            // A read-only folder keeps the old journal mode; reads still work.
            self.conn.pragma_update(None, "journal_mode", "DELETE").ok();
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    fn migrate(&mut self, mode: OpenMode) -> Result<(), AppError> {
        let path = self.path.clone();
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| database_error(&e, &path))?;
        let shown = path.display().to_string();
        if version > SCHEMA_VERSION {
            return Err(AppError::database(i18n::newer_schema(
                &shown,
                version,
                SCHEMA_VERSION,
            )));
        }
        if version == 0 && mode == OpenMode::Existing {
            return Err(AppError::database(i18n::not_initialised(&shown)));
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| database_error(&e, &path))?;
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(migration)
                .and_then(|()| tx.pragma_update(None, "user_version", index as i64 + 1))
                .map_err(|e| database_error(&e, &path))?;
        }
        tx.commit().map_err(|e| database_error(&e, &path))
    }

    /// Runs `work` in one write transaction: all of it is committed, or none of it.
    pub fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let path = self.path.clone();
        // IMMEDIATE takes the write lock up front, so a busy database waits here, not midway.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| database_error(&e, &path))?;
        let result = work(&tx)?;
        tx.commit().map_err(|e| database_error(&e, &path))?;
        Ok(result)
    }

    /// Before a large import: a page cache big enough for the measurement indexes' working
    /// set (32 MB, against SQLite's default 2 MB), since rows arrive in file order, not in
    /// index order, and each insert touches pages all over both indexes.
    pub fn prepare_for_bulk_writes(&self) -> rusqlite::Result<()> {
        self.conn.pragma_update(None, "cache_size", -32768)
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A database failure in one sentence a clerk can act on (exit code 4).
pub fn database_error(error: &rusqlite::Error, path: &Path) -> AppError {
    let shown = path.display().to_string();
    let kind = match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => DatabaseFailure::Busy,
        Some(ErrorCode::NotADatabase) => DatabaseFailure::NotADatabase,
        Some(ErrorCode::ReadOnly) => DatabaseFailure::ReadOnly,
        Some(ErrorCode::CannotOpen) => DatabaseFailure::CannotOpen,
        Some(ErrorCode::DatabaseCorrupt) => DatabaseFailure::Corrupt,
        Some(ErrorCode::DiskFull) => DatabaseFailure::DiskFull,
        _ => DatabaseFailure::Other,
    };
    let message = i18n::database_failure(kind, &shown, error);
    AppError::database(message)
}
