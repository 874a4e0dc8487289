//! Concurrent use, a killed import, and hostile files: nothing recorded is lost, nothing
//! half-written stays, no input crashes the program.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture, Kehoach};

fn kehoach(k: &Kehoach, args: &[&str]) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    command
        .arg("--db")
        .arg(&k.db)
        .args(args)
        .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// A long-format file of `rows` valid rows over 2,700 distinct (indicator, unit, day) keys;
/// a key that comes again carries the same value, so it reads as unchanged.
fn big_file(k: &Kehoach, name: &str, rows: usize) -> std::path::PathBuf {
    let path = k.path(name);
    let mut text = String::from("Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\n");
    let units = ["PA", "PB", "KP1", "KP2", "UBND"];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for i in 0..rows {
        let day = start + chrono::Days::new((i / units.len()) as u64 % 180);
        let indicator = ["TT1.02", "TT1.03", "NV1.01"][i / (units.len() * 180) % 3];
        let value = (i / units.len()) % 180 % 3;
        text.push_str(&format!(
            "{indicator};{};{};{value}\n",
            units[i % units.len()],
            day.format("%d/%m/%Y")
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn several_processes_recording_at_once_lose_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let children: Vec<_> = (0..8)
        .map(|i| {
            let date = format!("{:02}/06/2026", i + 1);
            kehoach(
                &k,
                &[
                    "record",
                    "TT1.02",
                    &i.to_string(),
                    "--unit",
                    "PA",
                    "--date",
                    &date,
                    "--as-of",
                    "30/06/2026",
                ],
            )
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 8);
    k.run(&["check"]).expect(0);
}

#[test]
fn a_weekly_report_and_an_import_at_the_same_time_both_succeed() {
    let k = Kehoach::with_seed("ward.toml");
    let file = big_file(&k, "lon.csv", 2_700);
    let import = kehoach(
        &k,
        &["import", file.to_str().unwrap(), "--as-of", "30/06/2026"],
    )
    .spawn()
    .unwrap();
    let reports: Vec<_> = (0..3)
        .map(|_| {
            kehoach(&k, &["weekly", "--as-of", "29/06/2026", "--format", "html"])
                .spawn()
                .unwrap()
        })
        .collect();
    for child in reports.into_iter().chain([import]) {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 2_700);
}

#[test]
fn a_database_locked_too_long_is_a_clear_exit_4() {
    let k = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let run = k
        .run_env(
            &[
                "record",
                "TT1.02",
                "1",
                "--date",
                "01/06/2026",
                "--as-of",
                "30/06/2026",
            ],
            &[("KEHOACH_BUSY_TIMEOUT_MS", "200")],
        )
        .expect(4);
    assert!(
        run.stderr.contains("đang bị khóa quá lâu"),
        "{}",
        run.stderr
    );
    conn.execute_batch("ROLLBACK").unwrap();
}

#[cfg(unix)]
#[test]
fn an_import_killed_midway_leaves_none_of_its_file() {
    let k = Kehoach::with_seed("ward.toml");
    k.run(&[
        "record",
        "TT1.01",
        "90",
        "--unit",
        "PA",
        "--date",
        "01/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .expect(0);
    let file = big_file(&k, "rat-lon.csv", 200_000);
    let mut child = kehoach(
        &k,
        &["import", file.to_str().unwrap(), "--as-of", "30/06/2026"],
    )
    .spawn()
    .unwrap();
    // Kill it once it has begun writing (the WAL grows), or after a second at most.
    let wal = k.path("kehoach.db-wal");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1)
        && std::fs::metadata(&wal).map_or(0, |m| m.len()) < 64 * 1024
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    k.run(&["check"]).expect(0);
    let rows = k.count("SELECT count(*) FROM measurements");
    assert!(
        rows == 1 || rows == 2_701,
        "{rows} rows: the file must be in whole or not at all"
    );
}

#[test]
fn hostile_files_get_a_clean_error_and_change_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    let header = "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\n";
    let wide = format!("{}{}\n", header.trim_end(), ";x".repeat(10_000));
    let big_cell = format!("{header}TT1.02;PA;01/06/2026;{}\n", "9".repeat(1_000_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("rong.csv", Vec::new()),
        ("chi-bom.csv", b"\xEF\xBB\xBF".to_vec()),
        ("rac.csv", (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect()),
        ("10000-cot.csv", format!("{wide}TT1.02;PA;01/06/2026;abc\n").into_bytes()),
        ("o-1mb.csv", big_cell.into_bytes()),
        ("utf8-hong.csv", [header.as_bytes(), b"TT1.02;PA;01/06/2026;\xC3\x28\n"].concat()),
        ("xuong-dong-lan.csv", format!("{header}TT1.02;PA;01/06/2026;1\r\nTT1.02;PB;01/06/2026;abc\rTT1.03;PB;01/06/2026;1\n").into_bytes()),
    ];
    for (name, bytes) in cases {
        let path = k.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let run = k.run(&["import", path.to_str().unwrap(), "--as-of", "30/06/2026"]);
        assert_eq!(run.code, 3, "{name}: {}", run.stderr);
        assert!(run.stderr.starts_with("Lỗi: "), "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{name}");
        assert_eq!(k.dump(), dump, "{name} wrote something");
    }
    // The formula cell is kept as text in the error report, never evaluated.
    let formula = k.path("cong-thuc.csv");
    std::fs::write(&formula, format!("{header}TT1.02;PA;01/06/2026;=1+1\n")).unwrap();
    let errors = k.path("loi.csv");
    let run = k
        .run(&[
            "import",
            formula.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
            "--as-of",
            "30/06/2026",
        ])
        .expect(3);
    assert!(run.stderr.contains("«=1+1» là công thức"), "{}", run.stderr);
    assert!(std::fs::read_to_string(&errors).unwrap().contains(";'=1+1"));
    let _ = fixture("csv/long-clean.csv");
}
