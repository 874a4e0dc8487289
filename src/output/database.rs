//! Messages about the database file: where it is, whether it opens, what SQLite said, and what
//! `check` and `backup` found. Typed values in, a sentence in either language out.

use crate::output::lang::say;
use crate::output::lang::Lang;

/// The kinds of database failure with a sentence of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseFailure {
    /// A stored date this program did not write (not YYYY-MM-DD): what SQLite's reader said.
    Unreadable(String),
    Busy,
    NotADatabase,
    ReadOnly,
    CannotOpen,
    Corrupt,
    DiskFull,
    Other,
}

/// Everything said about the database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseMessage {
    /// `--db` names a folder.
    IsFolder { path: String },
    /// No database file yet.
    Missing { path: String },
    /// The database's folder cannot be made.
    CannotCreateFolder { folder: String, error: String },
    /// A database from a newer kehoach.
    NewerSchema {
        path: String,
        version: i64,
        known: i64,
    },
    /// A database file without kehoach's tables.
    NotInitialised { path: String },
    /// A database without a plan.
    NoPlan { path: String },
    /// Nowhere to put the database (no HOME, no --db).
    NoPlace,
    /// What SQLite said, as a clerk can act on it.
    Failure {
        kind: DatabaseFailure,
        path: String,
        error: String,
    },
    /// A backup made.
    BackupDone { path: String },
    /// A backup that could not be made.
    BackupFailed { path: String, error: String },
    /// A backup file that already exists.
    BackupExists { path: String },
    /// `check` found problems (listed under it).
    CheckFailed { count: usize },
    /// `check` found nothing wrong.
    CheckPassed {
        path: String,
        measurements: i64,
        task_events: i64,
    },
    /// A stored value or task event dated outside the plan. `what` is the store's English word
    /// for the table ("measurement", "task event").
    RecordOutsidePlan {
        what: String,
        code: String,
        day: chrono::NaiveDate,
    },
    /// A row that refers to something missing.
    BrokenReference {
        table: String,
        row: i64,
        parent: String,
    },
    /// A row without a number (a table WITHOUT ROWID) that refers to something missing: the
    /// column and the value found nowhere in `parent`, and the row's day where it has one.
    MissingReference {
        table: String,
        day: Option<chrono::NaiveDate>,
        column: String,
        value: String,
        parent: String,
    },
    /// A line of SQLite's integrity check.
    SqliteProblem { line: String },
    /// Values whose indicator or unit the database no longer holds (written behind kehoach's
    /// back), found before converting the file to a newer layout, which would lose them: the
    /// first of them, and how many.
    ValuesWithoutPlan {
        path: String,
        count: i64,
        code: String,
        unit: String,
        day: chrono::NaiveDate,
    },
}

impl DatabaseMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use DatabaseMessage::*;
        match self {
            IsFolder { path } => say!(lang,
                "{path} là một thư mục, không phải tệp cơ sở dữ liệu: chỉ định tệp, ví dụ --db {path}/kehoach.db",
                "{path} is a folder, not a database file: name a file, e.g. --db {path}/kehoach.db"
            ),
            Missing { path } => say!(lang,
                "Chưa có cơ sở dữ liệu {path}: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)",
                "No database at {path}: run \"kehoach init\" first (or point --db at the right file)"
            ),
            CannotCreateFolder { folder, error } => say!(lang,
                "Không tạo được thư mục {folder}: {error}",
                "Cannot create the folder {folder}: {error}"
            ),
            NewerSchema { path, version, known } => say!(lang,
                "Cơ sở dữ liệu {path} do một phiên bản kehoach mới hơn tạo (lược đồ {version}, bản này hiểu đến {known}): hãy cập nhật kehoach",
                "The database {path} was made by a newer kehoach (schema {version}; this one knows up to {known}): update kehoach"
            ),
            NotInitialised { path } => say!(lang,
                "{path} chưa được khởi tạo: chạy «kehoach init» trước",
                "{path} is not initialised: run \"kehoach init\" first"
            ),
            NoPlan { path } => say!(lang,
                "{path} chưa có kế hoạch: chạy «kehoach init» trước",
                "{path} holds no plan: run \"kehoach init\" first"
            ),
            NoPlace => say!(lang,
                "Không biết đặt cơ sở dữ liệu ở đâu (không có HOME): dùng --db TỆP hoặc đặt KEHOACH_DB",
                "No place for the database (HOME is not set): use --db FILE or set KEHOACH_DB"
            ),
            Failure { kind, path, error } => failure(lang, kind, path, error),
            BackupDone { path } => say!(lang, "Đã sao lưu vào {path}.", "Backed up to {path}."),
            BackupFailed { path, error } => say!(lang,
                "Không sao lưu được vào {path}: {error}",
                "Cannot back up to {path}: {error}"
            ),
            BackupExists { path } => say!(lang,
                "{path} đã tồn tại: chọn tên khác (không ghi đè bản sao lưu cũ)",
                "{path} already exists: choose another name (an old backup is never overwritten)"
            ),
            CheckFailed { count } => say!(lang,
                "Kiểm tra thấy {count} lỗi trong cơ sở dữ liệu; khôi phục từ bản sao lưu nếu cần (xem README):",
                "The check found {problems} in the database; restore from a backup if needed (see the README):",
                problems = crate::output::clerk::count(lang, *count as i64, ("lỗi", "problem"), ("lỗi", "problems"))
            ),
            CheckPassed { path, measurements, task_events } => say!(lang,
                "{path}: không có lỗi ({measurements}, {task_events}).",
                "{path}: no problems ({measurements}, {task_events}).",
                measurements = crate::output::clerk::count(lang, *measurements, ("số liệu", "measurement"), ("số liệu", "measurements")),
                task_events = crate::output::clerk::count(lang, *task_events, ("nhật ký nhiệm vụ", "task event"), ("nhật ký nhiệm vụ", "task events"))
            ),
            ValuesWithoutPlan {
                path,
                count,
                code,
                unit,
                day,
            } => say!(lang,
                "Cơ sở dữ liệu {path} có {count} số liệu mà chỉ tiêu hoặc đơn vị không có trong kế hoạch đã lưu (đầu tiên: {code} của {unit} ngày {day}): tệp đã bị sửa ngoài kehoach nên chưa chuyển được sang bản mới, và được giữ nguyên; khôi phục từ bản sao lưu (xem README)",
                "The database {path} holds {count} {values} whose indicator or unit is not in its plan (the first: {code} for {unit} on {day}): the file was changed outside kehoach, so it cannot be converted to this version and was left as it was; restore it from a backup (see README)",
                day = lang.date(*day),
                values = if *count == 1 { "value" } else { "values" }
            ),
            RecordOutsidePlan { what, code, day } => say!(lang,
                "{what} {code} ngày {day} nằm ngoài thời gian của kế hoạch",
                "{what} {code} dated {day} is outside the plan's span",
                day = lang.date(*day),
                // The store names the table in English; a Vietnamese sentence says it in Vietnamese.
                what = match (lang, what.as_str()) {
                    (Lang::Vi, "measurement") => "số liệu",
                    (Lang::Vi, "task event") => "nhật ký nhiệm vụ",
                    (_, other) => other,
                }
            ),
            BrokenReference { table, row, parent } => say!(lang,
                "bảng {table}, dòng {row}: tham chiếu tới {parent} không tồn tại",
                "table {table}, row {row}: refers to a missing {parent}"
            ),
            MissingReference { table, day: Some(day), column, value, parent } => say!(lang,
                "bảng {table}, ngày {day}: {column} = {value} không có trong bảng {parent}",
                "table {table}, dated {day}: {column} = {value} is not in the table {parent}",
                day = lang.date(*day)
            ),
            MissingReference { table, day: None, column, value, parent } => say!(lang,
                "bảng {table}: {column} = {value} không có trong bảng {parent}",
                "table {table}: {column} = {value} is not in the table {parent}"
            ),
            SqliteProblem { line } => format!("SQLite: {line}"),
        }
    }
}

fn failure(lang: Lang, kind: &DatabaseFailure, path: &str, error: &str) -> String {
    use DatabaseFailure::*;
    match kind {
        Busy => say!(lang,
            "Cơ sở dữ liệu {path} đang bị khóa quá lâu (một người hay một lệnh khác đang ghi): thử lại sau",
            "The database {path} stayed locked too long (someone else is writing): try again later"
        ),
        NotADatabase => say!(lang,
            "{path} không phải là tệp cơ sở dữ liệu kehoach (SQLite)",
            "{path} is not a kehoach (SQLite) database file"
        ),
        ReadOnly => say!(lang,
            "Không ghi được vào {path}: tệp hoặc thư mục chỉ cho phép đọc",
            "Cannot write to {path}: the file or its folder is read-only"
        ),
        CannotOpen => say!(lang,
            "Không mở được {path}: kiểm tra đường dẫn và quyền truy cập",
            "Cannot open {path}: check the path and permissions"
        ),
        Corrupt => say!(lang,
            "Cơ sở dữ liệu {path} bị hỏng: khôi phục từ bản sao lưu (xem README)",
            "The database {path} is damaged: restore it from a backup (see the README)"
        ),
        DiskFull => say!(lang, "Ổ đĩa đã đầy khi ghi {path}", "The disk is full writing {path}"),
        Unreadable(what) => say!(lang,
            "Cơ sở dữ liệu {path} có một ngày đã lưu không đọc được ({what}): tệp đã bị sửa ngoài kehoach; khôi phục từ bản sao lưu (xem README)",
            "The database {path} holds a stored date that cannot be read ({what}): the file was changed outside kehoach; restore it from a backup (see the README)"
        ),
        Other => say!(lang, "Lỗi cơ sở dữ liệu {path}: {error}", "Database error in {path}: {error}"),
    }
}

crate::output::lang::in_both_languages!(DatabaseMessage);
