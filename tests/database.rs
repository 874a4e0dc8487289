//! Database file problems: one clear sentence, exit code 4, never a panic; check and backup.

mod common;

use common::Kehoach;

#[test]
fn a_missing_database_asks_for_init() {
    let k = Kehoach::new();
    let run = k
        .test(&["plan"])
        .status(4)
        .stderr("Lỗi: Chưa có cơ sở dữ liệu <DB>: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(
        run.stderr.starts_with("Lỗi: Chưa có cơ sở dữ liệu"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kehoach init"));
    assert!(!k.db.exists(), "a read command must not create the file");
}

#[test]
fn a_folder_is_not_a_database() {
    let k = Kehoach::new();
    std::fs::create_dir(&k.db).unwrap();
    let run = k
        .test(&["plan"])
        .status(4)
        .stderr("Lỗi: <DB> là một thư mục, không phải tệp cơ sở dữ liệu: chỉ định tệp, ví dụ --db <DB>/kehoach.db\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(
        run.stderr
            .contains("là một thư mục, không phải tệp cơ sở dữ liệu"),
        "{}",
        run.stderr
    );
    k.test(&["init", "--seed", &common::fixture("seeds/ward.toml")])
        .status(4)
        .stderr("Lỗi: <DB> là một thư mục, không phải tệp cơ sở dữ liệu: chỉ định tệp, ví dụ --db <DB>/kehoach.db\n")
        .masked()
        .run();
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let k = Kehoach::new();
    std::fs::write(&k.db, "Bảng tính, không phải cơ sở dữ liệu\n".repeat(200)).unwrap();
    let run = k
        .test(&["plan"])
        .status(4)
        .stderr("Lỗi: <DB> không phải là tệp cơ sở dữ liệu kehoach (SQLite)\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(
        run.stderr
            .contains("không phải là tệp cơ sở dữ liệu kehoach"),
        "{}",
        run.stderr
    );
    let run = k
        .test(&[
            "--lang",
            "en",
            "init",
            "--seed",
            &common::fixture("seeds/ward.toml"),
        ])
        .status(4)
        .stderr("Error: <DB> is not a kehoach (SQLite) database file\n")
        .masked()
        .run();
    assert!(
        run.stderr
            .contains("is not a kehoach (SQLite) database file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_database_from_a_newer_kehoach_is_refused() {
    let k = Kehoach::with_seed("ward.toml");
    rusqlite::Connection::open(&k.db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let run = k
        .test(&["plan"])
        .status(4)
        // The version this binary knows changes with the schema: not compared.
        .stderr_check(|err| {
            assert!(err.starts_with("Lỗi: Cơ sở dữ liệu <DB> do một phiên bản kehoach mới hơn tạo (lược đồ 99, bản này hiểu đến "), "{err}");
            assert!(err.ends_with("): hãy cập nhật kehoach\n"), "{err}");
        })
        .writes_nothing()
        .masked()
        .run();
    assert!(
        run.stderr
            .contains("do một phiên bản kehoach mới hơn tạo (lược đồ 99"),
        "{}",
        run.stderr
    );
}

/// The journal mode of the database file, as SQLite reads it from the file's header.
fn journal_mode(k: &Kehoach) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(&k.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_journal_mode_is_set_by_the_first_write_not_by_opening() {
    // A database in the old journal mode (a copy put back by hand): the dump cannot see a
    // journal mode, so the file's bytes are compared.
    let k = Kehoach::with_seed("ward.toml");
    assert_eq!(journal_mode(&k), "wal");
    rusqlite::Connection::open(&k.db)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE")
        .unwrap();
    let bytes = std::fs::read(&k.db).unwrap();
    k.test(&["overdue", "--as-of", "01/07/2026"])
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(
        std::fs::read(&k.db).unwrap() == bytes,
        "reading changed the file"
    );
    assert_eq!(journal_mode(&k), "delete");

    // Refused for its version: the file as it was, byte for byte.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let bytes = std::fs::read(&k.db).unwrap();
    k.test(&["record", "TT1.02", "3", "--date", "01/07/2026"])
        .status(4)
        .stderr_check(|err| assert!(err.contains("(lược đồ 99, "), "{err}"))
        .run();
    assert!(
        std::fs::read(&k.db).unwrap() == bytes,
        "a refused file changed"
    );
    rusqlite::Connection::open(&k.db)
        .unwrap()
        .pragma_update(None, "user_version", version)
        .unwrap();

    // The first write switches it to WAL.
    k.test(&["record", "TT1.02", "3", "--date", "01/07/2026"])
        .stdout_read()
        .writes()
        .run();
    assert_eq!(journal_mode(&k), "wal");
}

#[test]
fn an_empty_database_file_is_not_initialised() {
    let k = Kehoach::new();
    std::fs::write(&k.db, b"").unwrap();
    let run = k
        .test(&["overdue"])
        .status(4)
        .stderr("Lỗi: <DB> chưa được khởi tạo: chạy «kehoach init» trước\n")
        .masked()
        .run();
    assert!(run.stderr.contains("chưa được khởi tạo"), "{}", run.stderr);
}

#[test]
fn init_creates_parent_folders() {
    let k = Kehoach::new();
    let nested = k.path("a/b/c/kehoach.db");
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    let output = command
        .arg("--db")
        .arg(&nested)
        .args(["init", "--seed", &common::fixture("seeds/ward.toml")])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("Đã nạp Kế hoạch "), "{stdout}");
    assert!(nested.exists());
}

#[test]
fn check_passes_on_a_sound_database_and_backup_makes_a_usable_copy() {
    let k = Kehoach::with_seed("ward.toml");
    k.test(&[
        "record",
        "TT1.01",
        "90",
        "--date",
        "01/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Đã ghi TT1.01 = 90% cho PA ngày 01/06/2026.\n\
Toàn phường: 90% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    let run = k
        .test(&["check"])
        .stdout("<DB>: không có lỗi (1 số liệu, 0 nhật ký nhiệm vụ).\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(
        run.stdout
            .contains("không có lỗi (1 số liệu, 0 nhật ký nhiệm vụ)"),
        "{}",
        run.stdout
    );
    let copy = k.path("sao-luu.db");
    k.test(&["backup", copy.to_str().unwrap()])
        .stdout(
            "Đã sao lưu vào <DIR>/sao-luu.db.\n\
Bản sao đã được kiểm tra toàn vẹn (PRAGMA integrity_check): không có lỗi.\n",
        )
        .masked()
        .run();
    // Restoring is copying the file back: the copy is a whole database.
    let restored = Kehoach {
        dir: tempfile::tempdir().unwrap(),
        db: copy.clone(),
    };
    restored
        .test(&["check"])
        .stdout("<DB>: không có lỗi (1 số liệu, 0 nhật ký nhiệm vụ).\n")
        .writes_nothing()
        .masked()
        .run();
    let history = restored
        .test(&["history", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    // An existing file is never overwritten.
    let again = k
        .test(&["backup", copy.to_str().unwrap()])
        .status(3)
        .stderr("Lỗi: <DIR>/sao-luu.db đã tồn tại: chọn tên khác (không ghi đè bản sao lưu cũ)\n")
        .masked()
        .run();
    assert!(again.stderr.contains("đã tồn tại"), "{}", again.stderr);
}

#[test]
fn check_reports_a_broken_reference() {
    let k = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    // Written behind kehoach's back with foreign keys off: values for an indicator and a unit
    // that are not there (measurements are WITHOUT ROWID: no row number to give, so the day
    // and the missing id), a checkpoint of an unknown indicator, and a task event (which has
    // a row number) of an unknown task.
    conn.execute_batch(
        "INSERT INTO measurements (day, indicator, unit, baseline, revision, value, id, recorded_at)
         VALUES ('2026-03-01', 999, 2, 0, 1, 1, 1, 'now'), ('2026-03-01', 999, 3, 0, 1, 1, 2, 'now'),
                ('2026-03-02', 1, 77, 0, 1, 1, 3, 'now');
         INSERT INTO checkpoints (indicator, date, target) VALUES ('TT9.9', '2026-05-01', 3);
         INSERT INTO task_events (task, action, date, recorded_at)
         VALUES ('NV9', 'done', '2026-03-01', 'now');",
    )
    .unwrap();
    drop(conn);
    k.test(&["check"])
        .status(4)
        .stderr(
            "Lỗi: Kiểm tra thấy 4 lỗi trong cơ sở dữ liệu; khôi phục từ bản sao lưu nếu cần (xem README):\n  \
bảng task_events, dòng 1: tham chiếu tới tasks không tồn tại\n  \
bảng measurements, ngày 01/03/2026: indicator = 999 không có trong bảng indicators\n  \
bảng measurements, ngày 02/03/2026: unit = 77 không có trong bảng units\n  \
bảng checkpoints: indicator = TT9.9 không có trong bảng indicators\n",
        )
        .writes_nothing()
        .run();
    k.test(&["--lang", "en", "check"])
        .status(4)
        .stderr(
            "Error: The check found 4 problems in the database; restore from a backup if needed (see the README):\n  \
table task_events, row 1: refers to a missing tasks\n  \
table measurements, dated 01/03/2026: indicator = 999 is not in the table indicators\n  \
table measurements, dated 02/03/2026: unit = 77 is not in the table units\n  \
table checkpoints: indicator = TT9.9 is not in the table indicators\n",
        )
        .writes_nothing()
        .run();
}

#[test]
fn a_stored_date_that_cannot_be_read_is_reported_not_guessed() {
    let k = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute(
        "INSERT INTO measurements (day, indicator, unit, baseline, revision, value, id, recorded_at)
         VALUES ('2026-13-45', 1, 2, 0, 1, 90, 1, '2026-11-25T08:00:00Z')",
        [],
    )
    .unwrap();
    drop(conn);
    // Reports read the kept summaries, which this row never reached; `check` reads every row.
    let run = k.test(&["check"]).status(4).stderr("Lỗi: Cơ sở dữ liệu <DB> có một ngày đã lưu không đọc được («2026-13-45»): tệp đã bị sửa ngoài kehoach; khôi phục từ bản sao lưu (xem README)\n").masked()
        .run();
    assert!(
        run.stderr
            .contains("có một ngày đã lưu không đọc được («2026-13-45»)"),
        "the damaged date is named: {}",
        run.stderr
    );
    // Making the summaries again reads it too, and stops there: nothing is guessed.
    let run = k
        .test(&["check", "--repair"])
        .status(4)
        .stderr("Lỗi: Cơ sở dữ liệu <DB> có một ngày đã lưu không đọc được («2026-13-45»): tệp đã bị sửa ngoài kehoach; khôi phục từ bản sao lưu (xem README)\n")
        .masked()
        .run();
    assert!(run.stderr.contains("«2026-13-45»"), "{}", run.stderr);
}
