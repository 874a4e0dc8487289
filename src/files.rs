//! Files written whole or not at all: a temporary file with a name of its own beside the
//! target, synced, renamed over it, the folder synced; leftovers of a killed run removed; only
//! regular files or new paths written (never a device, a folder or a pipe).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file is not written: the user's path is refused (exit 3), in words by
/// `output::problems` (this module knows no message).
#[derive(Debug, Clone, PartialEq)]
pub enum FileRefusal {
    /// Not a regular file: a device, a pipe, a folder.
    NotARegularFile { path: String },
    /// A file that exists, where the user did not say it may be replaced.
    WouldOverwrite { path: String },
    /// The system refused the write.
    Unwritable { path: String, error: String },
}

impl std::fmt::Display for FileRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotARegularFile { path } => write!(f, "{path}: not a regular file"),
            Self::WouldOverwrite { path } => write!(f, "{path}: exists"),
            Self::Unwritable { path, error } => write!(f, "{path}: {error}"),
        }
    }
}

impl std::error::Error for FileRefusal {}

/// Writes a whole file or nothing: into a temporary file of a unique name beside `FILE`,
/// synced, then renamed over `FILE` and the folder synced, so a reader (or the mail a cron job
/// sends) never sees half of it, two runs at once never mix their bytes, and a run killed
/// midway leaves only a hidden temporary file that the next run removes.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), FileRefusal> {
    let fail = |e: std::io::Error| FileRefusal::Unwritable {
        path: path.display().to_string(),
        error: e.to_string(),
    };
    check_target(path)?;
    remove_leftovers(path);
    let temporary = temp_beside(path);
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, path));
    if let Err(e) = result {
        std::fs::remove_file(&temporary).ok();
        return Err(fail(e));
    }
    sync_folder(path);
    Ok(())
}

/// Refuses to write over anything but a regular file (a device, a pipe, a folder): `--out
/// /dev/null` must not replace the device.
pub fn check_target(path: &Path) -> Result<(), FileRefusal> {
    match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => Err(FileRefusal::NotARegularFile {
            path: path.display().to_string(),
        }),
        _ => Ok(()),
    }
}

/// The mark in the names of kehoach's temporary files.
const TEMPORARY_MARK: &str = ".kehoach-";

/// A hidden temporary name beside `path`, unique to this process and call:
/// `.NAME.kehoach-PID-N.tmp`.
pub fn temp_beside(path: &Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let unique = format!(
        ".{name}{TEMPORARY_MARK}{}-{count}-{nanos}.tmp",
        std::process::id()
    );
    path.with_file_name(unique)
}

/// Removes the temporary files beside `path` left by kehoach runs that were killed (their
/// process is gone), with their SQLite journals.
pub fn remove_leftovers(path: &Path) {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(at) = name.find(TEMPORARY_MARK).filter(|_| name.starts_with('.')) else {
            continue;
        };
        let rest = &name[at + TEMPORARY_MARK.len()..];
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let is_ours = rest.ends_with(".tmp")
            || rest.ends_with(".tmp-journal")
            || rest.ends_with(".tmp-wal")
            || rest.ends_with(".tmp-shm");
        if is_ours && pid != std::process::id() && !process_alive(pid) {
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

/// Whether a process is still running; where that cannot be told, it is taken to be.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Syncs the folder holding `path`, so a rename survives a power cut.
pub fn sync_folder(path: &Path) {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if let Ok(handle) = std::fs::File::open(folder) {
            handle.sync_all().ok();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_hidden_unique_and_beside_the_target() {
        let target = Path::new("/tmp/bao-cao/tuan.html");
        let (a, b) = (temp_beside(target), temp_beside(target));
        assert_ne!(a, b);
        assert_eq!(a.parent(), target.parent());
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".tuan.html.kehoach-") && name.ends_with(".tmp"),
            "{name}"
        );
    }
}
