//! Database file problems: one clear sentence, exit code 4, never a panic; check and backup.

mod common;

use common::Kehoach;

#[test]
fn a_missing_database_asks_for_init() {
    let k = Kehoach::new();
    let run = k.run(&["plan"]).expect(4);
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
    let run = k.run(&["plan"]).expect(4);
    assert!(
        run.stderr
            .contains("là một thư mục, không phải tệp cơ sở dữ liệu"),
        "{}",
        run.stderr
    );
    k.run(&["init", "--seed", &common::fixture("seeds/ward.toml")])
        .expect(4);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let k = Kehoach::new();
    std::fs::write(&k.db, "Bảng tính, không phải cơ sở dữ liệu\n".repeat(200)).unwrap();
    let run = k.run(&["plan"]).expect(4);
    assert!(
        run.stderr
            .contains("không phải là tệp cơ sở dữ liệu kehoach"),
        "{}",
        run.stderr
    );
    let run = k
        .run(&[
            "--lang",
            "en",
            "init",
            "--seed",
            &common::fixture("seeds/ward.toml"),
        ])
        .expect(4);
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
    let run = k.run(&["plan"]).expect(4);
    assert!(
        run.stderr
            .contains("do một phiên bản kehoach mới hơn tạo (lược đồ 99"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_database_file_is_not_initialised() {
    let k = Kehoach::new();
    std::fs::write(&k.db, b"").unwrap();
    let run = k.run(&["overdue"]).expect(4);
    assert!(run.stderr.contains("chưa được khởi tạo"), "{}", run.stderr);
}

#[test]
fn init_creates_parent_folders() {
    let k = Kehoach::new();
    let nested = k.path("a/b/c/kehoach.db");
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    let status = command
        .arg("--db")
        .arg(&nested)
        .args(["init", "--seed", &common::fixture("seeds/ward.toml")])
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert!(nested.exists());
}

#[test]
fn check_passes_on_a_sound_database_and_backup_makes_a_usable_copy() {
    let k = Kehoach::with_seed("ward.toml");
    k.run(&[
        "record",
        "TT1.01",
        "90",
        "--date",
        "01/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .expect(0);
    let run = k.run(&["check"]).expect(0);
    assert!(
        run.stdout
            .contains("không có lỗi (1 số liệu, 0 nhật ký nhiệm vụ)"),
        "{}",
        run.stdout
    );
    let copy = k.path("sao-luu.db");
    k.run(&["backup", copy.to_str().unwrap()]).expect(0);
    // Restoring is copying the file back: the copy is a whole database.
    let restored = Kehoach {
        dir: tempfile::tempdir().unwrap(),
        db: copy.clone(),
    };
    restored.run(&["check"]).expect(0);
    let history = restored
        .run(&["history", "--format", "json"])
        .expect(0)
        .json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    // An existing file is never overwritten.
    let again = k.run(&["backup", copy.to_str().unwrap()]).expect(3);
    assert!(again.stderr.contains("đã tồn tại"), "{}", again.stderr);
}

#[test]
fn check_reports_a_broken_reference() {
    let k = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    // Written behind kehoach's back with foreign keys off: a value for an indicator that is not there.
    conn.execute(
        "INSERT INTO measurements (day, indicator, unit, baseline, revision, value, id, recorded_at)
         VALUES ('2026-03-01', 999, 2, 0, 1, 1, 1, 'now')",
        [],
    )
    .unwrap();
    drop(conn);
    let run = k.run(&["check"]).expect(4);
    assert!(run.stderr.contains("bảng measurements"), "{}", run.stderr);
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
    let run = k.run(&["check"]).expect(4);
    assert!(
        run.stderr
            .contains("có một ngày đã lưu không đọc được («2026-13-45»)"),
        "the damaged date is named: {}",
        run.stderr
    );
    // Making the summaries again reads it too, and stops there: nothing is guessed.
    let run = k.run(&["check", "--repair"]).expect(4);
    assert!(run.stderr.contains("«2026-13-45»"), "{}", run.stderr);
}
