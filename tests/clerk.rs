//! The clerk's month (issue 18): usage errors and system errors in the user's language, local
//! times, plurals, widths, one value per CSV column, and files that are never overwritten.

mod common;

use common::{stable, Kehoach};

#[test]
fn baocao_never_overwrites_a_report_without_force() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let out = k.path("bc.md");
    std::fs::write(&out, "Văn phòng đã sửa").unwrap();
    let dump = k.dump();
    let args = [
        "baocao",
        "--as-of",
        "25/11/2026",
        "--out",
        out.to_str().unwrap(),
    ];
    let refused = k.test(&args).status(3).stderr("Lỗi: <DIR>/bc.md đã có: thêm --force để ghi đè (tệp cũ có thể chứa phần Văn phòng đã sửa), hoặc chọn tên khác\n").masked()
        .run();
    assert_eq!(
        stable(&refused.stderr, &k),
        "Lỗi: <DIR>/bc.md đã có: thêm --force để ghi đè (tệp cũ có thể chứa phần Văn phòng đã sửa), hoặc chọn tên khác\n"
    );
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    let refused = k.test(&en).status(3).stderr("Error: <DIR>/bc.md already exists: add --force to overwrite it (the old file may hold the Office's edits), or choose another name\n").masked()
        .run();
    assert_eq!(
        stable(&refused.stderr, &k),
        "Error: <DIR>/bc.md already exists: add --force to overwrite it (the old file may hold the Office's edits), or choose another name\n"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "Văn phòng đã sửa");
    assert_eq!(k.dump(), dump, "nothing written");
    let mut forced = args.to_vec();
    forced.push("--force");
    k.test(&forced).run();
    assert!(std::fs::read_to_string(&out).unwrap().contains("BÁO CÁO"));
}

/// Runs with `args` and checks the exit code and the whole of standard error.
#[track_caller]
fn refused(k: &Kehoach, args: &[&str], code: i32, stderr: &str) {
    k.test(args).status(code).masked().stderr(stderr).run();
}

#[test]
fn usage_errors_are_in_the_users_language() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    refused(
        &k,
        &["baocao", "--period", "weekly"],
        2,
        "Lỗi: giá trị 'weekly' không dùng được cho --period <PERIOD>\n  các giá trị được nhận: month, quarter, half, year, phase\n  hoặc: thang, quy, 6-thang, nam, giai-doan\n\nXem hướng dẫn: thêm --help\n",
    );
    refused(
        &k,
        &["repot"],
        2,
        "Lỗi: không có lệnh 'repot'\n  có phải một trong: record, import, export, report?\n\nCách dùng: kehoach [OPTIONS] <COMMAND>\n\nXem hướng dẫn: thêm --help\n",
    );
    refused(
        &k,
        &["record"],
        2,
        "Lỗi: thiếu tham số bắt buộc: <INDICATOR>, <VALUE>\n\nCách dùng: kehoach record <INDICATOR> <VALUE>\n\nXem hướng dẫn: thêm --help\n",
    );
    refused(
        &k,
        &["report", "--as-off", "01/11/2026"],
        2,
        "Lỗi: không có tham số '--as-off'\n  có phải '--as-of'?\n\nCách dùng: kehoach report --as-of <DATE>\n\nXem hướng dẫn: thêm --help\n",
    );
    refused(
        &k,
        &["report", "--phase", "9"],
        2,
        "Lỗi: giá trị '9' không dùng được cho --phase <N>: phải từ 1 đến 5\n\nXem hướng dẫn: thêm --help\n",
    );
    // English with --lang en, wherever it is on the line, or KEHOACH_LANG.
    refused(
        &k,
        &["report", "--phase", "9", "--lang", "en"],
        2,
        "Error: invalid value '9' for --phase <N>: 9 is not in 1..=5\n\nFor more information, try '--help'.\n",
    );
    let run = k
        .test_env(&["repot"], &[("KEHOACH_LANG", "en")])
        .status(2)
        .stderr(
            "Error: unrecognized subcommand 'repot'\n  \
did you mean one of: record, import, export, report?\n\
\n\
Usage: kehoach [OPTIONS] <COMMAND>\n\
\n\
For more information, try '--help'.\n",
        )
        .run();
    assert!(
        run.stderr
            .starts_with("Error: unrecognized subcommand 'repot'\n  did you mean one of: record, import, export, report?"),
        "{}",
        run.stderr
    );
}

/// A variable set but empty (`KEHOACH_LANG=` in a crontab, an emptied KEHOACH_DB) means not
/// set, as in a shell; clap once took it as an empty value and refused every command (exit 2).
#[test]
fn an_empty_variable_means_not_set() {
    let k = Kehoach::with_seed("ward.toml");
    // Vietnamese, the default.
    k.test_env(
        &["record", "TT1.02", "3", "--date", "01/07/2026"],
        &[("KEHOACH_LANG", "")],
    )
    .stdout(
        "Đã ghi TT1.02 = 3 sáng kiến cho PA ngày 01/07/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
    )
    .writes()
    .run();
    k.test_env(
        &["show", "TT9"],
        &[("KEHOACH_LANG", ""), ("KEHOACH_DB", "")],
    )
    .status(3)
    .stderr("Lỗi: Chỉ tiêu TT9 không tồn tại; xem danh sách bằng «kehoach plan indicators»\n")
    .run();

    // The default database in the user's data folder, as if KEHOACH_DB were not set.
    let home = k.path("nha");
    let run = |args: &[&str]| {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
            .env_clear()
            .env("HOME", &home)
            .env("KEHOACH_DB", "")
            .env("KEHOACH_LANG", "")
            .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).replace(&home.display().to_string(), "<HOME>"),
            String::from_utf8_lossy(&output.stderr).replace(&home.display().to_string(), "<HOME>"),
        )
    };
    if cfg!(windows) || cfg!(target_os = "macos") {
        // The data folder is elsewhere there; the rest is the same.
        return;
    }
    let database = home.join(".local/share/kehoach/kehoach.db");
    assert_eq!(
        run(&["plan"]),
        (
            Some(4),
            String::new(),
            "Lỗi: Chưa có cơ sở dữ liệu <HOME>/.local/share/kehoach/kehoach.db: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)\n".to_string()
        )
    );
    assert!(!database.exists(), "a reading command created the database");
    let seed = common::fixture("seeds/ward.toml");
    assert_eq!(
        run(&["init", "--seed", &seed]),
        (
            Some(0),
            "Đã nạp Kế hoạch 99/KH-TEST vào <HOME>/.local/share/kehoach/kehoach.db: 2 nội dung, 5 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n".to_string(),
            String::new()
        )
    );
    assert!(database.exists());
}

#[test]
fn status_and_period_values_in_vietnamese_words() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    k.test(&["task", "start", "TT1.T01", "--date", "01/11/2026"])
        .stdout("Nhiệm vụ TT1.T01: bắt đầu ngày 01/11/2026.\n")
        .writes()
        .run();
    for status in ["dang-lam", "đang-làm", "in-progress"] {
        let list = k
            .test(&["task", "list", "--status", status, "--format", "csv"])
            .stdout("﻿Mã;Giai đoạn;Nội dung;Chủ trì;Hạn;Trạng thái;Ngày hoàn thành;Số ngày trễ\n\
TT1.T01;1;\"Ban hành kế hoạch chi tiết; lập danh mục TTHC trọng tâm (ưu tiên 54 loại thủ tục phổ biến) đăng ký cắt giảm thời gian giải quyết và gán trách nhiệm cho từng cán bộ quầy trên Hệ thống Điều phối giải quyết TTHC\";TTPVHCC;31/05/2026;đang thực hiện;;185\n")
            .writes_nothing()
            .run();
        assert_eq!(list.stdout.lines().count(), 2, "{status}: {}", list.stdout);
        assert!(list.stdout.contains("TT1.T01;"), "{status}");
    }
    for status in ["chua-bat-dau", "hoan-thanh", "huy", "hủy"] {
        k.test(&["task", "list", "--status", status])
            .stdout_check(|out| assert!(!out.is_empty()))
            .writes_nothing()
            .run();
    }
    let month = k
        .test(&["baocao", "--as-of", "25/11/2026"])
        .stdout_check(|md| assert!(md.starts_with("| ỦY BAN NHÂN DÂN THÀNH PHỐ"), "{md}"))
        .writes_nothing()
        .run();
    k.test(&["baocao", "--period", "thang", "--as-of", "25/11/2026"])
        .stdout(&month.stdout)
        .writes_nothing()
        .run();
    for (english, vietnamese) in [("quarter", "quý"), ("year", "nam"), ("phase", "giai-doan")] {
        // The English name's run, as it is, is what the Vietnamese name must give.
        let a = k.run(&["baocao", "--period", english, "--as-of", "25/11/2026"]);
        k.test(&["baocao", "--period", vietnamese, "--as-of", "25/11/2026"])
            .status(a.code)
            .stdout(&a.stdout)
            .stderr(&a.stderr)
            .writes_nothing()
            .run();
    }
}

#[test]
fn a_date_that_is_not_a_day_is_bad_data_with_the_reason() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    refused(
        &k,
        &["record", "TT1.01", "95", "--date", "2026/13/01"],
        3,
        "Lỗi: --date: «2026/13/01» không phải là ngày: không có tháng 13; viết dd/mm/yyyy, ví dụ 25/11/2026\n",
    );
    refused(
        &k,
        &["record", "TT1.01", "95", "--date", "31/02/2026"],
        3,
        "Lỗi: --date: ngày 31/02/2026 không có trên lịch\n",
    );
    refused(
        &k,
        &[
            "task",
            "done",
            "TT1.T01",
            "--date",
            "31/02/2026",
            "--lang",
            "en",
        ],
        3,
        "Error: --date: 31/02/2026 is not a day of the calendar\n",
    );
    refused(
        &k,
        &["report", "--as-of", "2026/13/01", "--lang", "en"],
        3,
        "Error: --as-of: \"2026/13/01\" is not a date: there is no month 13; write dd/mm/yyyy, e.g. 25/11/2026\n",
    );
}

#[test]
fn system_errors_are_said_in_vietnamese() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let missing = k.path("khong-co/bao-cao.html");
    refused(
        &k,
        &[
            "weekly",
            "--as-of",
            "25/11/2026",
            "--out",
            missing.to_str().unwrap(),
        ],
        3,
        "Lỗi: Không ghi được <DIR>/khong-co/bao-cao.html: không có tệp hoặc thư mục này\n",
    );
    let seed = k.path("khong-co.toml");
    refused(
        &k,
        &["init", "--seed", seed.to_str().unwrap()],
        3,
        "Lỗi: Không đọc được tệp kế hoạch <DIR>/khong-co.toml: không có tệp hoặc thư mục này\n",
    );
    let run = k
        .test(&["init", "--seed", seed.to_str().unwrap(), "--lang", "en"])
        .status(3)
        .stderr("Error: Cannot read the seed <DIR>/khong-co.toml: No such file or directory (os error 2)\n")
        .masked()
        .run();
    assert!(
        run.stderr.contains("No such file or directory"),
        "{}",
        run.stderr
    );
}

#[test]
fn times_are_local_with_their_offset_and_nobody_is_unknown() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    // KEHOACH_NOW is 2026-11-25T08:00:00Z: 15:00 in Hồ Chí Minh City.
    k.test(&["record", "TT1.01", "95,5", "--date", "20/11/2026"])
        .stdout(
            "Đã ghi TT1.01 = 95,5% cho TTPVHCC ngày 20/11/2026.\n\
Toàn phường: 95,5% — chưa đạt (Mục tiêu: ≥ 100%)\n",
        )
        .writes()
        .run();
    let tz = [("TZ", "Asia/Ho_Chi_Minh")];
    let csv = k
        .test_env(&["history", "--format", "csv"], &tz)
        .stdout("﻿Ngày;Chỉ tiêu;Đơn vị;Giá trị;Tử số;Mẫu số;Mốc so sánh;Lần;Đã được đính chính;Ghi chú;Người nhập;Lúc\n\
20/11/2026;TT1.01;TTPVHCC;95,5%;;;;1;;;thuky;2026-11-25 15:00 (+07:00)\n")
        .writes_nothing()
        .run();
    assert!(
        csv.stdout.contains(";thuky;2026-11-25 15:00 (+07:00)\n"),
        "{}",
        csv.stdout
    );
    let weekly = k
        .test_env(&["weekly", "--stamp"], &tz)
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(
        weekly
            .stdout
            .contains("Lập lúc 2026-11-25 15:00 (+07:00)\n"),
        "{}",
        weekly.stdout
    );
    let json = k
        .test_env(&["history", "--format", "json"], &tz)
        .stdout(
            "[\n  \
{\n    \
\"id\": 1,\n    \
\"indicator\": \"TT1.01\",\n    \
\"unit\": \"TTPVHCC\",\n    \
\"date\": \"2026-11-20\",\n    \
\"period_start\": null,\n    \
\"value\": 95.5,\n    \
\"numerator\": null,\n    \
\"denominator\": null,\n    \
\"baseline\": false,\n    \
\"revision\": 1,\n    \
\"note\": null,\n    \
\"recorded_by\": \"thuky\",\n    \
\"recorded_at\": \"2026-11-25T08:00:00Z\",\n    \
\"superseded\": false\n  \
}\n\
]\n",
        )
        .writes_nothing()
        .run();
    assert_eq!(json.json()[0]["recorded_at"], "2026-11-25T08:00:00Z");
    let again = k
        .test_env(&["record", "TT1.01", "96", "--date", "20/11/2026"], &tz)
        .status(3)
        .stderr("Lỗi: TT1.01 của TTPVHCC ngày 20/11/2026 đã có giá trị 95,5% (do thuky nhập lúc 2026-11-25 15:00 (+07:00)). Nếu cần sửa, thêm --correct --note \"lý do\"; giá trị cũ vẫn được giữ trong lịch sử.\n")
        .run();
    assert!(
        again
            .stderr
            .contains("(do thuky nhập lúc 2026-11-25 15:00 (+07:00))"),
        "{}",
        again.stderr
    );
}

#[test]
fn with_no_user_name_the_system_account_then_unknown() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let run = |args: &[&str]| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
            .arg("--db")
            .arg(&k.db)
            .args(args)
            .env_clear()
            .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
            .env("TZ", "UTC")
            .output()
            .unwrap()
    };
    let first = run(&["record", "TT1.01", "95", "--date", "20/11/2026"]);
    assert!(first.status.success());
    assert_eq!(String::from_utf8_lossy(&first.stderr), "");
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("Đã ghi TT1.01 = 95% "));
    let by: Option<String> = rusqlite::Connection::open(&k.db)
        .unwrap()
        .query_row("SELECT recorded_by FROM measurements", [], |r| r.get(0))
        .unwrap();
    // The account the tests run under has a name in /etc/passwd (root in CI).
    let by = by.expect("the system account's name");
    assert!(!by.is_empty() && by != "?");
    // A value stored by nobody known (an older program) is "không rõ", not "?".
    rusqlite::Connection::open(&k.db)
        .unwrap()
        .execute_batch(
            "DROP TRIGGER measurements_append_only_update;
             UPDATE measurements SET recorded_by = NULL;",
        )
        .unwrap();
    let again = run(&["record", "TT1.01", "96", "--date", "20/11/2026"]);
    assert_eq!(
        (again.status.code(), again.stdout.as_slice()),
        (Some(3), &b""[..])
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("(do không rõ nhập lúc 2026-11-25 08:00 (+00:00))"),
        "{stderr}"
    );
    let again = run(&[
        "record",
        "TT1.01",
        "96",
        "--date",
        "20/11/2026",
        "--lang",
        "en",
    ]);
    assert_eq!(
        (again.status.code(), again.stdout.as_slice()),
        (Some(3), &b""[..])
    );
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("(recorded by unknown at"), "{stderr}");
}

#[test]
fn english_counts_agree_and_bounds_read_like_targets() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let done = k
        .test(&[
            "task",
            "done",
            "TT1.T01",
            "--date",
            "01/06/2026",
            "--lang",
            "en",
        ])
        .stdout("Task TT1.T01: done on 01/06/2026. 1 day after its deadline 31/05/2026.\n")
        .writes()
        .run();
    assert!(
        done.stdout
            .contains(" 1 day after its deadline 31/05/2026."),
        "{}",
        done.stdout
    );
    let list = k
        .test(&["task", "list", "--lang", "en", "--width", "200"])
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(list.stdout.contains("(1 day late)"), "{}", list.stdout);
    let weekly = k
        .test(&["weekly", "--as-of", "08/06/2026", "--lang", "en"])
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(
        weekly.stdout.contains("0 values recorded, 1 task done, "),
        "{}",
        weekly.stdout
    );
    assert!(weekly.stdout.contains(", 1 day late"), "{}", weekly.stdout);
    let overdue = k
        .test(&["overdue", "--as-of", "25/11/2026", "--width", "250"])
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(!overdue.stdout.contains(">="), "{}", overdue.stdout);
    assert!(overdue.stdout.contains("[≥ "), "{}", overdue.stdout);
    let report = k
        .test(&[
            "report",
            "--content",
            "TT1",
            "--as-of",
            "25/11/2026",
            "--width",
            "250",
        ])
        .stdout_read()
        .writes_nothing()
        .run();
    assert!(!report.stdout.contains(">="), "{}", report.stdout);
}

#[test]
fn history_values_keep_their_percent_sign() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    k.test(&["record", "TT1.01", "95,5", "--date", "20/11/2026"])
        .stdout(
            "Đã ghi TT1.01 = 95,5% cho TTPVHCC ngày 20/11/2026.\n\
Toàn phường: 95,5% — chưa đạt (Mục tiêu: ≥ 100%)\n",
        )
        .writes()
        .run();
    let history = k
        .test(&["history"])
        .stdout(
            "┌────────────┬──────────┬─────────┬─────────┬─────┬─────────┬──────────────────┐\n\
│ Ngày       ┆ Chỉ tiêu ┆ Đơn vị  ┆ Giá trị ┆ Lần ┆ Ghi chú ┆ Người nhập, lúc  │\n\
╞════════════╪══════════╪═════════╪═════════╪═════╪═════════╪══════════════════╡\n\
│ 20/11/2026 ┆ TT1.01   ┆ TTPVHCC ┆ 95,5%   ┆ 1   ┆         ┆ thuky            │\n\
│            ┆          ┆         ┆         ┆     ┆         ┆ <TIME> │\n\
│            ┆          ┆         ┆         ┆     ┆         ┆ (+00:00)         │\n\
└────────────┴──────────┴─────────┴─────────┴─────┴─────────┴──────────────────┘\n",
        )
        .writes_nothing()
        .masked()
        .run();
    assert!(history.stdout.contains("┆ 95,5%"), "{}", history.stdout);
    let show = k
        .test(&["show", "TT1.01"])
        .stdout(
            "TT1.01 — Số hóa 100%: toàn bộ TTHC tiếp nhận được xử lý trên môi trường số\n\
┌─────────────────────────┬────────────────────────────────────────────────────┐\n\
│                         ┆                                                    │\n\
╞═════════════════════════╪════════════════════════════════════════════════════╡\n\
│ Nội dung                ┆ TT1 — Tam Phước nâng tầm phục vụ - giải quyết      │\n\
│                         ┆ nhanh - số hóa toàn diện, đồng hành thực chất với  │\n\
│                         ┆ người dân, doanh nghiệp                            │\n\
│ Mục tiêu                ┆ ≥ 100%                                             │\n\
│ Hạn                     ┆ 31/12/2026                                         │\n\
│ Đơn vị chịu trách nhiệm ┆ TTPVHCC, KSTTHC                                    │\n\
│ Toàn phường             ┆ 95,5% (20/11/2026)                                 │\n\
│ Trạng thái              ┆ chưa đạt (02/12/2026)                              │\n\
│ Xu hướng                ┆ —                                                  │\n\
│ Các mốc                 ┆ 31/12/2026: ≥ 100% — chưa đến hạn                  │\n\
└─────────────────────────┴────────────────────────────────────────────────────┘\n\
\n\
┌─────────┬─────────┬────────────┬──────────┬────────────┐\n\
│ Đơn vị  ┆ Giá trị ┆ Ngày       ┆ Mục tiêu ┆ Trạng thái │\n\
╞═════════╪═════════╪════════════╪══════════╪════════════╡\n\
│ TTPVHCC ┆ 95,5%   ┆ 20/11/2026 ┆          ┆            │\n\
│ KSTTHC  ┆ —       ┆            ┆          ┆            │\n\
└─────────┴─────────┴────────────┴──────────┴────────────┘\n\
\n\
┌────────────┬──────────┬─────────┬─────────┬─────┬─────────┬──────────────────┐\n\
│ Ngày       ┆ Chỉ tiêu ┆ Đơn vị  ┆ Giá trị ┆ Lần ┆ Ghi chú ┆ Người nhập, lúc  │\n\
╞════════════╪══════════╪═════════╪═════════╪═════╪═════════╪══════════════════╡\n\
│ 20/11/2026 ┆ TT1.01   ┆ TTPVHCC ┆ 95,5%   ┆ 1   ┆         ┆ thuky            │\n\
│            ┆          ┆         ┆         ┆     ┆         ┆ <TIME> │\n\
│            ┆          ┆         ┆         ┆     ┆         ┆ (+00:00)         │\n\
└────────────┴──────────┴─────────┴─────────┴─────┴─────────┴──────────────────┘\n",
        )
        .writes_nothing()
        .masked()
        .run();
    assert!(show.stdout.contains("┆ 95,5% "), "{}", show.stdout);
}

#[test]
fn piped_tables_honour_columns_and_width() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let widest = |stdout: &str| stdout.lines().map(|l| l.chars().count()).max().unwrap();
    let plain = k
        .test(&["plan", "tasks"])
        .stdout_read()
        .writes_nothing()
        .run();
    assert_eq!(widest(&plain.stdout), 80);
    let wide = k
        .test_env(&["plan", "tasks"], &[("COLUMNS", "140")])
        .stdout_read()
        .writes_nothing()
        .run();
    assert_eq!(widest(&wide.stdout), 140);
    let flag = k
        .test_env(&["plan", "tasks", "--width", "120"], &[("COLUMNS", "140")])
        .stdout_read()
        .writes_nothing()
        .run();
    assert_eq!(widest(&flag.stdout), 120);
    let before = k
        .test(&["--width", "100", "plan", "tasks"])
        .stdout_read()
        .run();
    assert_eq!(widest(&before.stdout), 100);
}

#[test]
fn csv_exports_give_every_value_its_own_column() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    k.test(&[
        "task",
        "done",
        "TT1.T01",
        "--date",
        "01/12/2026",
        "--by",
        "Văn thư Lan",
    ])
    .stdout("Nhiệm vụ TT1.T01: hoàn thành ngày 01/12/2026. Trễ 184 ngày so với hạn 31/05/2026.\n")
    .writes()
    .run();
    k.test(&[
        "record",
        "TT1.01",
        "412/450",
        "--date",
        "20/11/2026",
        "--by",
        "Văn thư Lan",
    ])
    .stdout(
        "Đã ghi TT1.01 = 91,56% (412/450) cho TTPVHCC ngày 20/11/2026.\n\
Toàn phường: 91,56% — chưa đạt (Mục tiêu: ≥ 100%)\n",
    )
    .writes()
    .run();
    let tz = [("TZ", "UTC")];
    let csv = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        let out = k.test_env(&all, &tz).stdout_read().run().stdout;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(out.trim_start_matches('\u{feff}').as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        for cell in rows.iter().flatten() {
            assert!(!cell.contains('\n'), "a cell with a line break: {cell:?}");
        }
        (headers, rows)
    };
    let (headers, rows) = csv(&["task", "list", "--as-of", "02/12/2026"]);
    assert_eq!(
        headers,
        [
            "Mã",
            "Giai đoạn",
            "Nội dung",
            "Chủ trì",
            "Hạn",
            "Trạng thái",
            "Ngày hoàn thành",
            "Số ngày trễ"
        ]
    );
    assert_eq!(rows[0][5..], ["hoàn thành", "01/12/2026", "184"]);

    let (headers, rows) = csv(&["history"]);
    assert_eq!(
        headers,
        [
            "Ngày",
            "Chỉ tiêu",
            "Đơn vị",
            "Giá trị",
            "Tử số",
            "Mẫu số",
            "Mốc so sánh",
            "Lần",
            "Đã được đính chính",
            "Ghi chú",
            "Người nhập",
            "Lúc"
        ]
    );
    assert_eq!(
        rows[0],
        [
            "20/11/2026",
            "TT1.01",
            "TTPVHCC",
            "91,56%",
            "412",
            "450",
            "",
            "1",
            "",
            "",
            "Văn thư Lan",
            "2026-11-25 08:00 (+00:00)"
        ]
    );

    let (_, rows) = csv(&["task", "log", "TT1.T01"]);
    assert_eq!(rows[0][3..], ["Văn thư Lan", "2026-11-25 08:00 (+00:00)"]);

    let import = k.path("so-lieu.csv");
    std::fs::write(
        &import,
        "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\nTT1.02;TTPVHCC;20/11/2026;80\n",
    )
    .unwrap();
    k.test(&["import", import.to_str().unwrap()])
        .stdout(
            "<DIR>/so-lieu.csv (UTF-8, «;»): đã ghi\n\
┌────────┬─────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị  ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪═════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ TTPVHCC ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆         ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴─────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .masked()
        .run();
    let (headers, rows) = csv(&["import", "--log"]);
    assert_eq!(headers[1..3], ["Tệp", "SHA-256"]);
    assert_eq!(headers[headers.len() - 2..], ["Người nhập", "Lúc"]);
    assert_eq!(rows[0][2].len(), 64, "the whole SHA-256");
    assert_eq!(rows[0][rows[0].len() - 1], "2026-11-25 08:00 (+00:00)");

    // The plan's listings too: no cell holds several lines.
    let (headers, rows) = csv(&["plan", "tasks"]);
    assert_eq!(headers[3..5], ["Chủ trì", "Phối hợp"]);
    assert!(
        rows.iter().any(|r| !r[4].is_empty()),
        "a task with cooperating units"
    );
    let (headers, _) = csv(&["plan", "indicators"]);
    assert_eq!(headers[5..], ["Các mốc", "Chỉ tiêu từng đơn vị"]);
    let (headers, rows) = csv(&["plan"]);
    assert_eq!(headers.len(), 4 + 5 * 3, "{headers:?}");
    assert_eq!(rows.len(), 7);

    let (headers, rows) = csv(&["report", "--as-of", "02/12/2026"]);
    assert_eq!(headers.len(), 1 + 5 * 5 + 4, "{headers:?}");
    assert_eq!(
        headers[1..6],
        [
            "GĐ 1: trạng thái",
            "GĐ 1: đạt đúng hạn",
            "GĐ 1: đến hạn",
            "GĐ 1: tỷ lệ (%)",
            "GĐ 1: trễ hoặc quá hạn"
        ]
    );
    assert_eq!(rows[0][0], "TT1");
    assert_eq!(rows[0][1], "đã kết thúc");
    assert_eq!(rows.last().unwrap()[0], "Tổng");
}

/// One part of a zip package (.docx), as text.
fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_docx_numbers_pages_from_two_and_draws_real_rules() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let out = k.path("bc.docx");
    k.test(&[
        "baocao",
        "--as-of",
        "25/11/2026",
        "--out",
        out.to_str().unwrap(),
    ])
    .writes_nothing()
    .run();
    let bytes = std::fs::read(&out).unwrap();
    let document = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    // A first-page header of its own (empty), and the default header on every other page.
    assert!(document.contains("<w:titlePg />"), "{document}");
    let header_of = |kind: &str| {
        let reference = format!("<w:headerReference w:type=\"{kind}\" r:id=\"");
        let start = document.find(&reference).expect(kind) + reference.len();
        let id = &document[start..start + document[start..].find('"').unwrap()];
        let target = format!("Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"");
        let start = rels.find(&target).expect(id) + target.len();
        let file = &rels[start..start + rels[start..].find('"').unwrap()];
        part(&bytes, &format!("word/{file}"))
    };
    let default = header_of("default");
    assert!(
        default.contains("<w:instrText>PAGE</w:instrText>"),
        "{default}"
    );
    assert!(default.contains("<w:jc w:val=\"center\" />"), "{default}");
    assert!(!header_of("first").contains("PAGE"));
    // The rules under the header blocks and the abstract: paragraph borders, no characters.
    assert!(!document.contains('─'), "a rule made of characters");
    let rules = document
        .matches("<w:pBdr><w:bottom w:val=\"single\"")
        .count();
    assert_eq!(rules, 3, "issuer, motto and abstract each have their rule");
}

#[test]
fn a_template_made_today_filled_and_imported_today_imports() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let csv = k.path("mau.csv");
    let today = ["--as-of", "01/12/2026"];
    let mut make = vec![
        "template",
        "--unit",
        "TTPVHCC",
        "--out",
        csv.to_str().unwrap(),
    ];
    make.extend(today);
    k.test(&make)
        .stdout(
            "Đã ghi <DIR>/mau.csv: mẫu của TTPVHCC, 15 chỉ tiêu, 0 nhiệm vụ\n\
Đã ghi <DIR>/mau-nhiem-vu.csv: mẫu của TTPVHCC, 0 chỉ tiêu, 7 nhiệm vụ\n",
        )
        .masked()
        .run();
    let text = std::fs::read_to_string(&csv).unwrap();
    // Made on 01/12 for the month: November, the last whole month, as of its last day.
    let line = text
        .lines()
        .find(|l| l.starts_with("TT1.01;"))
        .expect("TT1.01's row")
        .to_string();
    assert!(line.ends_with(";30/11/2026;;;;;"), "{line}");
    std::fs::write(
        &csv,
        text.replace(
            &line,
            &line.replace(";30/11/2026;;;;;", ";30/11/2026;96;;;;"),
        ),
    )
    .unwrap();
    let mut import = vec!["import", csv.to_str().unwrap()];
    import.extend(today);
    k.test(&import)
        .stdout(
            "<DIR>/mau.csv (UTF-8 BOM, «;»): đã ghi\n\
┌────────┬─────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị  ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪═════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.01 ┆ TTPVHCC ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆         ┆ 15  ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴─────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
14 dòng để trống giá trị (hoặc trạng thái): bỏ qua\n",
        )
        .masked()
        .run();
    assert_eq!(k.stored(), ["TT1.01 TTPVHCC 2026-11-30 96.00 None "]);

    // The workbook says which period it is for, and why, on the sheet itself.
    let xlsx = k.path("mau.xlsx");
    let mut make = vec![
        "template",
        "--unit",
        "TTPVHCC",
        "--out",
        xlsx.to_str().unwrap(),
    ];
    make.extend(today);
    k.test(&make)
        .stdout("Đã ghi <DIR>/mau.xlsx: mẫu của TTPVHCC, 15 chỉ tiêu, 7 nhiệm vụ\n")
        .masked()
        .run();
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(&xlsx).unwrap();
    let sheet = workbook.worksheet_range("Chỉ tiêu").unwrap();
    let rule = sheet
        .get_value((2, 0))
        .map(|v| v.to_string())
        .unwrap_or_default();
    assert_eq!(
        rule,
        "Kỳ báo cáo: tháng 11/2026 (01/11/2026 - 30/11/2026), kỳ trọn vẹn gần nhất trước ngày lập mẫu 01/12/2026. Ghi số liệu tính đến hết ngày 30/11/2026; gửi lại và nhập được ngay từ hôm nay."
    );
    let week = k.path("tuan.csv");
    k.test(&[
        "template",
        "--period",
        "tuan",
        "--unit",
        "TTPVHCC",
        "--out",
        week.to_str().unwrap(),
        "--as-of",
        "02/12/2026",
    ])
    .stdout(
        "Đã ghi <DIR>/tuan.csv: mẫu của TTPVHCC, 15 chỉ tiêu, 0 nhiệm vụ\n\
Đã ghi <DIR>/tuan-nhiem-vu.csv: mẫu của TTPVHCC, 0 chỉ tiêu, 7 nhiệm vụ\n",
    )
    .writes_nothing()
    .masked()
    .run();
    // Wednesday 02/12: the week of Monday 23/11 to Sunday 29/11.
    assert!(std::fs::read_to_string(&week)
        .unwrap()
        .contains(";29/11/2026;"));
}

#[test]
fn a_template_for_a_period_before_the_plan_is_refused() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let out = k.path("mau.csv");
    refused(
        &k,
        &["template", "--out", out.to_str().unwrap(), "--as-of", "15/01/2026"],
        3,
        "Lỗi: Kỳ tháng 12/2025 (01/12/2025 - 31/12/2025) kết thúc trước khi kế hoạch bắt đầu (30/05/2026): chưa có gì để điền; chọn --as-of muộn hơn\n",
    );
    assert!(!out.exists());
}

#[test]
fn english_counts_of_problems_agree() {
    let k = Kehoach::new();
    let seed = common::fixture("seeds/invalid/four-phases.toml");
    let run = k
        .test(&["--lang", "en", "init", "--seed", &seed])
        .status(3)
        .stderr("Error: The seed <REPO>/fixtures/seeds/invalid/four-phases.toml is invalid (1 problem); nothing was written:\n  \
<REPO>/fixtures/seeds/invalid/four-phases.toml:153:8: content NV1 must have exactly 5 phases, found 4\n")
        .masked()
        .run();
    assert!(
        stable(&run.stderr, &k).starts_with(
            "Error: The seed <REPO>/fixtures/seeds/invalid/four-phases.toml is invalid (1 problem); nothing was written:"
        ),
        "{}",
        run.stderr
    );
}
