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
    // The test holds the write lock while the eight start, so all eight are waiting on it at
    // once when it is released: they overlap for certain, not by luck of scheduling.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut children: Vec<_> = (0..8)
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
    std::thread::sleep(Duration::from_millis(700));
    for child in &mut children {
        assert!(
            child.try_wait().unwrap().is_none(),
            "a recorder finished while the database was locked"
        );
    }
    conn.execute_batch("ROLLBACK").unwrap();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 8);
    k.test(&["check"])
        .stdout("<DB>: không có lỗi (8 số liệu, 0 nhật ký nhiệm vụ).\n")
        .writes_nothing()
        .masked()
        .run();
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
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 2_700);
}

#[test]
fn a_database_locked_too_long_is_a_clear_exit_4() {
    let k = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let run = k
        .test_env(
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
        .status(4)
        .stderr("Lỗi: Cơ sở dữ liệu <DB> đang bị khóa quá lâu (một người hay một lệnh khác đang ghi): thử lại sau\n")
        .masked()
        .run();
    assert!(
        run.stderr.contains("đang bị khóa quá lâu"),
        "{}",
        run.stderr
    );
    conn.execute_batch("ROLLBACK").unwrap();
}

/// A file of `rows` corrections: 900 keys (5 units, 180 days of TT1.02) given a new value
/// every pass, each row with a note, so every row is written and the import's transaction
/// spills into the WAL as it goes (the WAL grows while it writes, not only at the commit).
fn corrections_file(k: &Kehoach, name: &str, rows: usize) -> std::path::PathBuf {
    let path = k.path(name);
    let mut text = String::from("Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Ghi chú\n");
    let units = ["PA", "PB", "KP1", "KP2", "UBND"];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let note = "n".repeat(120);
    for i in 0..rows {
        let day = start + chrono::Days::new((i / units.len() % 180) as u64);
        text.push_str(&format!(
            "TT1.02;{};{};{};{note}\n",
            units[i % units.len()],
            day.format("%d/%m/%Y"),
            i / 900 % 7,
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn an_import_killed_midway_leaves_none_of_its_file() {
    use std::os::unix::process::ExitStatusExt;
    const ROWS: usize = 60_000;
    let files = Kehoach::new();
    let file = corrections_file(&files, "rat-lon.csv", ROWS);
    // A kill counts only if it landed while the import was writing: a megabyte of its pages
    // seen in the WAL and the process still running when SIGKILL was sent. Tried until two
    // have landed.
    let (mut landed, mut tries) = (0, 0);
    while landed < 2 {
        tries += 1;
        assert!(tries <= 6, "no kill landed mid-write in {tries} tries");
        let k = Kehoach::with_seed("ward.toml");
        k.test(&[
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
        .stdout(
            "Đã ghi TT1.01 = 90% cho PA ngày 01/06/2026.\n\
Toàn phường: 90% — đạt (Mục tiêu: ≥ 90%)\n",
        )
        .writes()
        .run();
        let wal = k.path("kehoach.db-wal");
        let args = [
            "import",
            file.to_str().unwrap(),
            "--correct",
            "--as-of",
            "30/06/2026",
        ];
        let mut child = kehoach(&k, &args).spawn().unwrap();
        let started = Instant::now();
        let mut writing = false;
        while started.elapsed() < Duration::from_secs(120) {
            if std::fs::metadata(&wal).map_or(0, |m| m.len()) >= 1 << 20 {
                writing = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        k.test(&["check"])
            .stdout("<DB>: không có lỗi (1 số liệu, 0 nhật ký nhiệm vụ).\n")
            .writes_nothing()
            .masked()
            .run();
        let rows = k.count("SELECT count(*) FROM measurements");
        assert!(
            rows == 1 || rows == 1 + ROWS as i64,
            "{rows} rows: the file must be in whole or not at all"
        );
        if writing && running {
            assert_eq!(status.signal(), Some(9));
            assert_eq!(rows, 1, "killed while writing, yet committed");
            assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
            landed += 1;
        }
    }
    eprintln!("kills landed while writing: {landed} of {tries} tries");
}

#[test]
fn hostile_files_get_a_clean_error_and_change_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    let header = "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\n";
    let wide = format!("{}{}\n", header.trim_end(), ";x".repeat(10_000));
    let big_cell = format!("{header}TT1.02;PA;01/06/2026;{}\n", "9".repeat(1_000_000));
    let empty = ": tệp trống, không có dòng tiêu đề";
    let not_a_number = ":4 (Giá trị): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)";
    let too_big = "2:4 (Giá trị): Giá trị «9999999999999999999999999999999999999999…» không hợp lệ: «9999999999999999999999999999999999999999…» quá lớn để lưu chính xác (tối đa 9.007.199.254.740.992)";
    // (file, bytes, what follows its path in the error; and for a file whose rows were read,
    // the rejected row's line)
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("rong.csv", Vec::new(), empty.into()),
        ("chi-bom.csv", b"\xEF\xBB\xBF".to_vec(), empty.into()),
        ("rac.csv", (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(), ": tệp là UTF-8 nhưng có 2007 byte không hợp lệ: dòng 1 cột 2 (0x8A), dòng 1 cột 4 (0xA3), dòng 1 cột 6 (0xBC), dòng 1 cột 8 (0xD5), dòng 1 cột 10 (0xEE) và 2002 chỗ khác; sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8".into()),
        ("10000-cot.csv", format!("{wide}TT1.02;PA;01/06/2026;abc\n").into_bytes(), format!(":2{not_a_number}")),
        ("o-1mb.csv", big_cell.into_bytes(), format!(":{too_big}")),
        ("utf8-hong.csv", [header.as_bytes(), b"TT1.02;PA;01/06/2026;\xC3\x28\n"].concat(), ": tệp là UTF-8 nhưng có 1 byte không hợp lệ: dòng 2 cột 22 (0xC3); sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8".into()),
        ("xuong-dong-lan.csv", format!("{header}TT1.02;PA;01/06/2026;1\r\nTT1.02;PB;01/06/2026;abc\rTT1.03;PB;01/06/2026;1\n").into_bytes(), format!(":3{not_a_number}")),
    ];
    for (name, bytes, expected) in cases {
        let path = k.path(name);
        std::fs::write(&path, &bytes).unwrap();
        // A file whose rows were read is summed up on stdout and its rejected row listed.
        let rows_read = expected.starts_with(":2") || expected.starts_with(":3");
        let (stdout, stderr) = if rows_read {
            (
                format!("<DIR>/{name} (UTF-8, «;»): không ghi gì\n"),
                format!("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  <DIR>/{name}{expected}\n"),
            )
        } else {
            (String::new(), format!("Lỗi: <DIR>/{name}{expected}\n"))
        };
        let run = k
            .test(&["import", path.to_str().unwrap(), "--as-of", "30/06/2026"])
            .status(3)
            .masked()
            .stdout_check(move |out| assert!(out.starts_with(&stdout), "{out}"))
            .stderr(&stderr)
            .run();
        assert!(!run.stderr.contains("panicked"), "{name}");
        assert_eq!(k.dump(), dump, "{name} wrote something");
    }
    // The formula cell is kept as text in the error report, never evaluated.
    let formula = k.path("cong-thuc.csv");
    std::fs::write(&formula, format!("{header}TT1.02;PA;01/06/2026;=1+1\n")).unwrap();
    let errors = k.path("loi.csv");
    let run = k
        .test(&[
            "import",
            formula.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
            "--as-of",
            "30/06/2026",
        ])
        .status(3)
        .stdout("<DIR>/cong-thuc.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/cong-thuc.csv:2:4 (Giá trị): Giá trị «=1+1» không hợp lệ: «=1+1» là công thức: lưu bảng tính dạng giá trị, không phải công thức\n")
        .masked()
        .run();
    assert!(run.stderr.contains("«=1+1» là công thức"), "{}", run.stderr);
    assert!(std::fs::read_to_string(&errors).unwrap().contains(";'=1+1"));
    // After all that, the database takes a good file as before.
    k.test(&[
        "import",
        &fixture("csv/long-clean.csv"),
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "<REPO>/fixtures/csv/long-clean.csv (UTF-8, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ NV1.01 ┆ KP2    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.03 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 7   ┆ 7        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
    )
    .writes()
    .masked()
    .run();
}

#[test]
fn hostile_workbooks_get_a_clean_error_and_change_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    let good = k.path("tot.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, name) in ["Mã chỉ tiêu", "Đơn vị", "Ngày", "Giá trị"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, "TT1.02").unwrap();
    workbook.save(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let mut far = rust_xlsxwriter::Workbook::new();
    far.add_worksheet().write_string(0, 5000, "x").unwrap();
    let far = far.save_to_buffer().unwrap();
    let mut not_a_workbook = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    not_a_workbook
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let not_a_workbook = not_a_workbook.finish().unwrap().into_inner();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("rong.xlsx", Vec::new()),
        (
            "rac.xlsx",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("cat-cut.xlsx", bytes[..bytes.len() / 2].to_vec()),
        ("zip-khac.xlsx", not_a_workbook),
        ("cot-5001.xlsx", far),
        (
            "csv-doi-ten.xlsx",
            b"Ma chi tieu;Don vi\nTT1.02;PA\n".to_vec(),
        ),
        (
            "rac.ods",
            (0..4096u32).map(|i| (i * 31 % 256) as u8).collect(),
        ),
        (
            "rac.xls",
            (0..4096u32).map(|i| (i * 13 % 256) as u8).collect(),
        ),
        ("rac.xlsb", bytes[..bytes.len() / 3].to_vec()),
    ];
    for (name, bytes) in cases {
        let path = k.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let started = Instant::now();
        // The reader's own words stand inside the parentheses: only ours are compared.
        let start = format!("Lỗi: <DIR>/{name}: không đọc được bảng tính (");
        let end = "). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại\n";
        let far = format!("Lỗi: <DIR>/{name} [Sheet1]: có ô ở GJI1, ngoài vùng đọc (1000 cột, 1000000 dòng): xóa các ô thừa ở xa bảng số liệu\n");
        let run = k
            .test(&["import", path.to_str().unwrap(), "--as-of", "30/06/2026"])
            .status(3)
            .masked()
            .stderr_check(move |err| {
                assert!(
                    err == far || err.starts_with(&start) && err.ends_with(end),
                    "{err}"
                )
            })
            .run();
        assert!(started.elapsed() < Duration::from_secs(10), "{name}");
        assert!(!run.stderr.contains("panicked"), "{name}");
        assert_eq!(k.dump(), dump, "{name} wrote something");
    }
}
