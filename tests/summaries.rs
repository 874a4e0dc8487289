//! The day-first store's kept summaries, from the outside: databases written by schema
//! versions 3 and 5 migrate and every document reads as that version printed it; `check` finds a
//! summary made wrong by hand, and `check --repair` mends it; imports in day order and
//! back-dated ones leave every summary and reference true.

mod common;

use common::Kehoach;

/// A copy of the database kehoach wrote at schema version 3 (fixtures/databases/make-v3.sh).
fn version_3() -> Kehoach {
    let k = Kehoach::new();
    std::fs::copy(common::fixture("databases/v3.db"), &k.db).unwrap();
    k
}

/// A document an older version printed, from fixtures/databases.
fn printed_before(name: &str) -> String {
    std::fs::read_to_string(common::fixture(&format!("databases/{name}"))).unwrap()
}

#[test]
fn a_version_3_database_migrates_and_every_document_reads_as_before() {
    let k = version_3();
    assert_eq!(k.count("PRAGMA user_version"), 3);
    // The first command migrates (in one transaction) and makes the summaries.
    k.test(&["report", "--as-of", "01/09/2026", "--format", "json"])
        .stdout(&printed_before("v3-report-01-09-2026.json"))
        .writes()
        .run();
    assert_eq!(k.count("PRAGMA user_version"), 6);
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 22);
    assert_eq!(k.count("SELECT count(*) FROM current_measurements"), 21);
    // One per measured day of each indicator: NV2.04 3, TT1.01 3, TT2.02 2, TT3.05 3, NV4.03 1.
    assert_eq!(k.count("SELECT count(*) FROM ward_days"), 12);
    for tag in ["01-09-2026", "25-11-2026", "02-12-2026"] {
        let as_of = tag.replace('-', "/");
        for command in ["report", "overdue"] {
            k.test(&[command, "--as-of", &as_of, "--format", "json"])
                .stdout(&printed_before(&format!("v3-{command}-{tag}.json")))
                .writes_nothing()
                .run();
        }
    }
    for (args, printed) in [
        (
            &["weekly", "--as-of", "02/12/2026", "--format", "json"][..],
            "v3-weekly-02-12-2026.json",
        ),
        (&["history", "--format", "json"][..], "v3-history.json"),
        (
            &["baocao", "--as-of", "02/12/2026"][..],
            "v3-baocao-02-12-2026.md",
        ),
    ] {
        k.test(args)
            .stdout(&printed_before(printed))
            .writes_nothing()
            .run();
    }
    // `show` gained one field since (how many older values it leaves out); the rest is as
    // version 3 printed it.
    let show = k
        .test(&[
            "show",
            "TT3.05",
            "--as-of",
            "25/11/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let mut shown = show.as_object().unwrap().clone();
    assert_eq!(shown.remove("history_omitted"), Some(serde_json::json!(0)));
    let before: serde_json::Value =
        serde_json::from_str(&printed_before("v3-show-TT3.05.json")).unwrap();
    assert_eq!(serde_json::Value::Object(shown), before);
    k.test(&["check"])
        .stdout_has(&["không có lỗi (22 số liệu, 3 nhật ký nhiệm vụ)"])
        .writes_nothing()
        .run();
}

/// A copy of the database kehoach wrote at schema version 5, mostly by imports
/// (fixtures/databases/make-v5.sh).
fn version_5() -> Kehoach {
    let k = Kehoach::new();
    std::fs::copy(common::fixture("databases/v5.db"), &k.db).unwrap();
    k
}

#[test]
fn a_version_5_database_migrates_its_import_rows_lighter_and_reads_as_before() {
    let k = version_5();
    assert_eq!(k.count("PRAGMA user_version"), 5);
    assert_eq!(
        k.count("SELECT count(*) FROM measurements WHERE recorded_at IS NULL"),
        0
    );
    // The first command migrates, in one transaction.
    k.test(&["history", "--format", "json"])
        .stdout(&printed_before("v5-history.json"))
        .writes()
        .run();
    assert_eq!(k.count("PRAGMA user_version"), 6);
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 21);
    // Who and when come from the import's row for its rows, but for the one row another
    // person entered ("lan"); the rows `record` wrote keep their own.
    assert_eq!(
        k.count("SELECT count(*) FROM measurements WHERE recorded_at IS NULL"),
        10
    );
    assert_eq!(
        k.count("SELECT count(*) FROM measurements WHERE recorded_by = 'lan'"),
        1
    );
    // The periods index is gone; the days count what a flow's window needs instead: the
    // ward's own value (NV2.04 of UBND), and the rows without a period.
    assert_eq!(
        k.count("SELECT count(*) FROM sqlite_master WHERE name = 'measurements_periods'"),
        0
    );
    assert_eq!(k.count("SELECT sum(ward_values) FROM indicator_days"), 1);
    assert_eq!(k.count("SELECT sum(without_period) FROM indicator_days"), 8);
    for (args, printed) in [
        (
            &["report", "--as-of", "02/12/2026", "--format", "json"][..],
            "v5-report-02-12-2026.json",
        ),
        (
            &[
                "show",
                "TT3.05",
                "--as-of",
                "25/11/2026",
                "--format",
                "json",
            ][..],
            "v5-show-TT3.05.json",
        ),
        (
            &["import", "--log", "--format", "json"][..],
            "v5-import-log.json",
        ),
    ] {
        k.test(args)
            .stdout(&printed_before(printed))
            .writes_nothing()
            .run();
    }
    k.test(&["check"])
        .stdout_has(&["không có lỗi (21 số liệu, 0 nhật ký nhiệm vụ)"])
        .writes_nothing()
        .run();
    // A period that overlaps one the file gave is still refused, found without the index.
    let file = k.path("trung.csv");
    std::fs::write(
        &file,
        "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Kỳ\nTT3.05;CAP;20/07/2026;3;10/07/2026-20/07/2026\n",
    )
    .unwrap();
    k.test(&["import", file.to_str().unwrap()])
        .status(3)
        .stdout_has(&["trung.csv (UTF-8, «;»): không ghi gì"])
        .stderr_has(&[
            "trung.csv:2:5 (Kỳ): TT3.05 của CAP đã có số liệu kỳ 07/2026, trùng một phần với kỳ \
             10/07/2026–20/07/2026",
        ])
        .writes_nothing()
        .run();
}

#[test]
fn check_finds_a_summary_made_wrong_by_hand_and_repair_mends_it() {
    let k = version_3();
    let printed = printed_before("v3-report-25-11-2026.json");
    k.test(&["report", "--as-of", "25/11/2026", "--format", "json"])
        .stdout(&printed)
        .writes()
        .run();
    // The ward's figure of TT1.01 on 10/08/2026, changed behind kehoach's back.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let changed = conn
        .execute(
            "UPDATE ward_days SET figure = NULL WHERE day = '2026-08-10'
             AND indicator = (SELECT id FROM indicators WHERE code = 'TT1.01')",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    k.test(&["check"])
        .status(4)
        .stderr(
            "Lỗi: Kiểm tra thấy 1 lỗi trong cơ sở dữ liệu; khôi phục từ bản sao lưu nếu cần \
             (xem README):\n\
             \x20 Bảng tổng hợp ward_days của TT1.01 không khớp với số liệu đã ghi (từ ngày \
             10/08/2026): chạy «kehoach check --repair» để tính lại\n",
        )
        .run();
    k.test(&["--lang", "en", "check"])
        .status(4)
        .stderr_has(&[
            "The summary ward_days of TT1.01 does not match the recorded values (from \
             10/08/2026): run \"kehoach check --repair\" to make it again",
        ])
        .run();
    k.test(&["check", "--repair"])
        .stdout_has(&[
            "Đã tính lại các bảng tổng hợp của 54 chỉ tiêu từ số liệu đã ghi.\n",
            "không có lỗi (22 số liệu, 3 nhật ký nhiệm vụ)",
        ])
        .writes()
        .run();
    k.test(&["report", "--as-of", "25/11/2026", "--format", "json"])
        .stdout(&printed)
        .writes_nothing()
        .run();
}

#[test]
fn a_version_3_row_that_refers_to_nothing_stops_the_conversion_and_loses_nothing() {
    let k = version_3();
    // Written behind kehoach's back, with foreign keys off: a value of an indicator the plan
    // does not have. The conversion must not leave it behind, and says why in a clerk's words.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    conn.execute(
        "INSERT INTO measurements (indicator, unit, date, value, recorded_at)
         VALUES ('XX.99', 'CAP', '2026-06-01', 1, '2026-11-25T08:00:00Z')",
        [],
    )
    .unwrap();
    drop(conn);
    k.test(&["report", "--as-of", "25/11/2026"])
        .status(4)
        .stderr(
            "Lỗi: Cơ sở dữ liệu <DB> có 1 số liệu mà chỉ tiêu hoặc đơn vị không có trong kế hoạch \
             đã lưu (đầu tiên: XX.99 của CAP ngày 01/06/2026): tệp đã bị sửa ngoài kehoach nên \
             chưa chuyển được sang bản mới, và được giữ nguyên; khôi phục từ bản sao lưu (xem \
             README)\n",
        )
        .masked()
        .run();
    k.test(&["--lang", "en", "report", "--as-of", "25/11/2026"])
        .status(4)
        .stderr(
            "Error: The database <DB> holds 1 value whose indicator or unit is not in its plan \
             (the first: XX.99 for CAP on 01/06/2026): the file was changed outside kehoach, so \
             it cannot be converted to this version and was left as it was; restore it from a \
             backup (see README)\n",
        )
        .masked()
        .run();
    assert_eq!(k.count("PRAGMA user_version"), 3);
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 23);
}

/// Files in day order (their levels summarised as the rows come), the next day's with a key
/// given twice and corrected, then a back-dated file and a flow's periods (summarised again
/// from the rows): after each, `check` finds every summary true to the raw rows and no row
/// without its indicator, unit or import, though the import does not have SQLite check
/// references row by row.
#[test]
fn imports_in_day_order_and_back_dated_keep_summaries_and_references_true() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout_read().writes().run();
    let header = "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Ghi chú;Kỳ\n";
    let files = [
        (
            "day-1.csv",
            "TT1.01;KP1;10/06/2026;40/50;;\nTT1.01;KP2;10/06/2026;45/50;;\n\
             TT1.09;KP1;10/06/2026;3;;\nTT1.01;KP1;11/06/2026;41/50;;\n",
            false,
            (4, 0),
        ),
        (
            "day-2.csv",
            "TT1.01;KP2;12/06/2026;46/50;;\nTT1.01;KP2;12/06/2026;47/50;sửa;\n\
             TT1.09;KP3;12/06/2026;4;;\n",
            true,
            (2, 1),
        ),
        (
            "back-dated.csv",
            "TT1.01;KP3;05/06/2026;30/50;;\nTT1.01;KP1;10/06/2026;39/50;;\n\
             TT3.05;CAP;01/06/2026;9;;05/2026\nTT3.05;CAP;;8;;06/2026\n",
            true,
            (3, 1),
        ),
    ];
    for (name, rows, correct, (imported, corrected)) in files {
        let path = k.path(name);
        std::fs::write(&path, format!("{header}{rows}")).unwrap();
        let path = path.display().to_string();
        let mut args = vec!["import", &path, "--as-of", "01/07/2026", "--format", "json"];
        if correct {
            args.push("--correct");
        }
        let summary = k.test(&args).stdout_json().writes().run().json();
        assert_eq!(summary[0]["imported"], imported, "{name}");
        assert_eq!(summary[0]["corrected"], corrected, "{name}");
        k.test(&["check"])
            .stdout_check(|out| assert!(out.contains("không có lỗi"), "{out}"))
            .writes_nothing()
            .run();
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 11);
    assert_eq!(k.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_eq!(k.count("SELECT sum(corrections) FROM indicator_days"), 2);
}
