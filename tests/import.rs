//! `import`: department CSV files in every encoding and delimiter, all or nothing, errors a
//! clerk can act on, re-imports that change nothing, corrections that keep history.

mod common;

use common::{fixture, stable, Kehoach};

const AS_OF: [&str; 2] = ["--as-of", "30/06/2026"];

fn import<'k>(k: &'k Kehoach, args: &[&str]) -> common::Test<'k> {
    let mut all = vec!["import"];
    all.extend(args);
    all.extend(AS_OF);
    k.test(&all)
}

const CLEAN: [&str; 7] = [
    "NV1.01 KP1 2026-06-20 40.00 None ",
    "NV1.01 KP2 2026-06-20 45.00 None ",
    "TT1.01 PA 2026-04-15 91.56 Some(412.0) Báo cáo tháng 4",
    "TT1.01 PB 2026-04-15 80.00 Some(40.0) ",
    "TT1.02 PA 2026-05-10 2.00 None ",
    "TT1.02 PB 2026-06-10 2.00 None ",
    "TT1.03 PB 2026-06-10 2.50 None ",
];

#[test]
fn every_encoding_and_delimiter_gives_the_same_rows() {
    for (file, encoding, delimiter) in [
        ("long-clean.csv", "UTF-8", ";"),
        ("long-utf8-bom.csv", "UTF-8 BOM", ";"),
        ("long-utf16le.csv", "UTF-16LE", ";"),
        ("long-windows1258.csv", "Windows-1258", ";"),
        ("long-nfd-headers.csv", "UTF-8", ";"),
        ("long-comma.csv", "UTF-8", ","),
        ("long-tab.csv", "UTF-8", "tab"),
    ] {
        let k = Kehoach::with_seed("ward.toml");
        let summary = import(&k, &[&fixture(&format!("csv/{file}")), "--format", "json"])
            .stdout_json()
            .writes()
            .run()
            .json();
        assert_eq!(
            (
                summary[0]["encoding"].as_str(),
                summary[0]["delimiter"].as_str()
            ),
            (Some(encoding), Some(delimiter)),
            "{file}"
        );
        assert_eq!(
            (
                summary[0]["rows_read"].as_i64(),
                summary[0]["imported"].as_i64()
            ),
            (Some(7), Some(7)),
            "{file}"
        );
        assert_eq!(k.stored(), CLEAN, "{file}");
    }
}

#[test]
fn one_bad_row_rejects_the_whole_file_with_every_problem_placed() {
    let k = Kehoach::with_seed("ward.toml");
    import(&k, &[&fixture("csv/long-bad-row.csv")])
        .status(3)
        .stdout("<REPO>/fixtures/csv/long-bad-row.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ TT1.02 ┆ PC     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ TT1.03 ┆ PB     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 6   ┆ 3        ┆ 0         ┆ 0          ┆ 3       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .masked()
        .stderr(
        "Lỗi: 3 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/csv/long-bad-row.csv:4:4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n  \
<REPO>/fixtures/csv/long-bad-row.csv:5:2 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n  \
<REPO>/fixtures/csv/long-bad-row.csv:6:3 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n",
        )
        .run();
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}

#[test]
fn skip_invalid_imports_the_good_rows_and_errors_lists_the_rest() {
    let k = Kehoach::with_seed("ward.toml");
    let errors = k.path("loi.csv");
    import(
        &k,
        &[
            &fixture("csv/long-bad-row.csv"),
            "--skip-invalid",
            "--errors",
            errors.to_str().unwrap(),
        ],
    )
    .masked()
    .stdout_check(|out| insta::assert_snapshot!("import_skip_invalid_vi", out))
    .writes()
    .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 3);
    let written = std::fs::read_to_string(&errors).unwrap();
    insta::assert_snapshot!("import_errors_csv", stable(&written, &k));
    assert_eq!(k.count("SELECT rejected FROM imports"), 3);
}

#[test]
fn dry_run_checks_and_writes_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    import(&k, &[&fixture("csv/long-clean.csv"), "--dry-run"])
        .stdout(
            "<REPO>/fixtures/csv/long-clean.csv (UTF-8, «;»): chạy thử, không ghi gì\n\
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
        .masked()
        .writes_nothing()
        .run();
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}

#[test]
fn a_reimport_changes_nothing_and_a_changed_one_needs_correct() {
    let k = Kehoach::with_seed("ward.toml");
    import(&k, &[&fixture("csv/long-clean.csv")])
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
        .masked()
        .writes()
        .run();
    let again = import(&k, &[&fixture("csv/long-clean.csv"), "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(
        (
            again[0]["unchanged"].as_i64(),
            again[0]["imported"].as_i64()
        ),
        (Some(7), Some(0))
    );
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 7);

    import(&k, &[&fixture("csv/long-changed.csv")])
        .status(3)
        .stdout("<REPO>/fixtures/csv/long-changed.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ NV1.01 ┆ KP2    ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PA     ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ TT1.01 ┆ PB     ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ TT1.03 ┆ PB     ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 7   ┆ 0        ┆ 6         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/csv/long-changed.csv:5:4 (Giá trị): TT1.02 của PB ngày 10/06/2026 đã có giá trị 2, tệp ghi 3: dùng --correct nếu đây là số liệu đính chính\n")
        .masked()
        .run();

    let corrected = import(
        &k,
        &[
            &fixture("csv/long-changed.csv"),
            "--correct",
            "--format",
            "json",
        ],
    )
    .stdout_json()
    .writes()
    .run()
    .json();
    assert_eq!(
        (
            corrected[0]["corrected"].as_i64(),
            corrected[0]["unchanged"].as_i64()
        ),
        (Some(1), Some(6))
    );
    let history = k
        .test(&["history", "TT1.02", "--unit", "PB", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let values: Vec<(f64, bool)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["value"].as_f64().unwrap(),
                m["superseded"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(values, [(2.0, true), (3.0, false)]);

    let log = k
        .test(&["import", "--log", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let files: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{} {} {}",
                l["file_name"].as_str().unwrap(),
                l["imported"],
                l["corrected"]
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            "long-clean.csv 7 0",
            "long-clean.csv 0 0",
            "long-changed.csv 0 1"
        ]
    );
    assert_eq!(log[0]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn task_status_files_are_recognised_by_their_header() {
    let k = Kehoach::with_seed("ward.toml");
    import(&k, &[&fixture("csv/tasks.csv")])
        .stdout(
            "<REPO>/fixtures/csv/tasks.csv (UTF-8, «;»): đã ghi\n\
┌─────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã      ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞═════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.T01 ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.T01 ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.T03 ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng    ┆        ┆ 3   ┆ 3        ┆ 0         ┆ 0          ┆ 0       │\n\
└─────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .masked()
        .writes()
        .run();
    let tasks = k
        .test(&["task", "list", "--as-of", "30/06/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let status = |code: &str| {
        tasks
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("TT1.T01"), "done");
    assert_eq!(status("TT1.T03"), "in_progress");
    assert_eq!(status("NV1.T01"), "done");
    // Again: nothing changes.
    let again = import(&k, &[&fixture("csv/tasks.csv"), "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(again[0]["unchanged"], 3);
}

#[test]
fn files_that_are_not_csv_are_refused_cleanly() {
    let k = Kehoach::with_seed("ward.toml");
    // What follows the file's path in the error: a line where there is one, and the reason.
    let empty = ": tệp trống, không có dòng tiêu đề";
    let cases: [(&str, &[u8], &str); 4] = [
        ("trong.csv", b"", empty),
        ("chi-bom.csv", b"\xEF\xBB\xBF", empty),
        (
            "nhi-phan.csv",
            b"PK\x03\x04\x00\x00\x00",
            ": không đọc được nội dung: tệp nhị phân, không phải văn bản CSV: trong Excel chọn Lưu thành > CSV",
        ),
        (
            "tieu-de-la.csv",
            "Họ tên;Số điện thoại\nAn;0909\n".as_bytes(),
            ":1: không nhận ra dòng tiêu đề «Họ tên | Số điện thoại». Cần các cột: Mã chỉ tiêu; Đơn vị; Ngày; Giá trị (hoặc Mã nhiệm vụ; Trạng thái; Ngày), hoặc một tệp quy tắc --map",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = k.path(name);
        std::fs::write(&path, bytes).unwrap();
        import(&k, &[path.to_str().unwrap()])
            .status(3)
            .masked()
            .stderr(&format!("Lỗi: <DIR>/{name}{message}\n"))
            .run();
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
}

#[test]
fn department_layouts_are_read_with_their_mapping_files() {
    let k = Kehoach::with_seed("ward.toml");
    let run = import(
        &k,
        &[
            &fixture("csv/khu-pho-vi-pham.csv"),
            "--map",
            &fixture("maps/khu-pho-vi-pham.toml"),
            "--format",
            "json",
        ],
    )
    .stdout_json()
    .writes()
    .run()
    .json();
    // Two title lines and the totals row skipped; one value per khu phố column; blank cells none.
    assert_eq!(
        (run[0]["layout"].as_str(), run[0]["imported"].as_i64()),
        (Some("mapped"), Some(2))
    );
    import(
        &k,
        &[
            &fixture("csv/phong-a-theo-thang.csv"),
            "--map",
            &fixture("maps/phong-a-theo-thang.toml"),
        ],
    )
    .stdout(
        "<REPO>/fixtures/csv/phong-a-theo-thang.csv (UTF-8, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 2   ┆ 2        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.03 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 3   ┆ 3        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
    )
    .masked()
    .writes()
    .run();
    assert_eq!(
        k.stored(),
        [
            "NV1.01 KP1 2026-06-20 40.00 None ",
            "NV1.01 KP2 2026-06-20 45.00 None ",
            "TT1.02 PA 2026-05-10 2.00 None Quý II",
            // The indicator cell left blank under a merged cell takes the one above.
            "TT1.02 PA 2026-06-20 3.00 None Thêm 01 sáng kiến",
            "TT1.03 PA 2026-06-10 2.50 None ",
        ]
    );
    // Again: nothing changes.
    let again = import(
        &k,
        &[
            &fixture("csv/phong-a-theo-thang.csv"),
            "--map",
            &fixture("maps/phong-a-theo-thang.toml"),
            "--format",
            "json",
        ],
    )
    .stdout_json()
    .writes_nothing()
    .run()
    .json();
    assert_eq!(again[0]["unchanged"], 3);
}

#[test]
fn a_mapping_that_does_not_fit_the_sheet_is_refused() {
    let k = Kehoach::with_seed("ward.toml");
    let rules = k.path("sai.toml");
    std::fs::write(&rules, "header_row = 3\nindicator = { column = \"Mã chỉ tiêu\" }\nvalue = { column = \"Giá trị\" }\n").unwrap();
    import(
        &k,
        &[
            &fixture("csv/khu-pho-vi-pham.csv"),
            "--map",
            rules.to_str().unwrap(),
        ],
    )
    .status(3)
    .stderr("Lỗi: <REPO>/fixtures/csv/khu-pho-vi-pham.csv:3: dòng tiêu đề «STT | Mã CT | Chỉ tiêu | KP 1 | KP 2 | Cộng» không có cột «Mã chỉ tiêu» mà tệp quy tắc nêu: kiểm tra header_row và tên cột\n")
    .masked()
    .run();
    std::fs::write(&rules, "indicator = { column = \"Mã CT\" }\n").unwrap();
    import(
        &k,
        &[
            &fixture("csv/khu-pho-vi-pham.csv"),
            "--map",
            rules.to_str().unwrap(),
        ],
    )
    .status(3)
    .stderr("Lỗi: Tệp quy tắc <DIR>/sai.toml không nói giá trị nằm ở đâu: thêm value = { column = \"...\" } hoặc [fan_out]\n")
    .masked()
    .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
}

/// `--encoding` overrides what the bytes suggest: a Windows-1258 file forced as UTF-8 is
/// refused with the places that are not UTF-8; named as such (any of its names), it imports;
/// an encoding that is not supported is a usage error.
#[test]
fn encoding_given_on_the_command_line_is_the_one_read() {
    let k = Kehoach::with_seed("ward.toml");
    let file = fixture("csv/long-windows1258.csv");
    import(&k, &[&file, "--encoding", "utf-8"])
        .status(3)
        .masked()
        .stderr("Lỗi: <REPO>/fixtures/csv/long-windows1258.csv: tệp là UTF-8 nhưng có 13 byte không hợp lệ: dòng 1 cột 3 (0xDE), dòng 1 cột 8 (0xD2), dòng 1 cột 12 (0xEA), dòng 1 cột 15 (0xD0), dòng 1 cột 16 (0xF5) và 8 chỗ khác; sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8\n")
        .run();
    let summary = import(&k, &[&file, "--encoding", "cp1258", "--format", "json"])
        .stdout_json()
        .writes()
        .run()
        .json();
    assert_eq!(summary[0]["encoding"], "Windows-1258");
    assert_eq!(k.stored(), CLEAN);
    import(&k, &[&file, "--encoding", "latin9"])
        .status(2)
        .stderr("Lỗi: giá trị 'latin9' không dùng được cho --encoding <NAME>: mã hóa không hỗ trợ / unsupported encoding: latin9 (utf-8, utf-16le, utf-16be, windows-1258)\n\nXem hướng dẫn: thêm --help\n")
        .run();
}

/// Makes the database refuse a measurement `when` the condition holds, standing in for a full
/// disk or a damaged page.
fn fail_inserts_when(k: &Kehoach, when: &str) {
    rusqlite::Connection::open(&k.db)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TRIGGER failing BEFORE INSERT ON measurements WHEN {when}
             BEGIN SELECT RAISE(ABORT, 'ổ đĩa hỏng'); END;"
        ))
        .unwrap();
}

#[test]
fn a_database_failure_midway_ends_the_import_and_writes_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    // A write the database refuses on the file's second row: no fault of the row, so never a
    // rejected row, even with --skip-invalid.
    fail_inserts_when(&k, "NEW.unit = (SELECT id FROM units WHERE code = 'PB')");
    import(&k, &[&fixture("csv/long-clean.csv"), "--skip-invalid"])
        .masked()
        .status(4)
        .stdout("")
        .stderr("Lỗi: Lỗi cơ sở dữ liệu <DB>: ổ đĩa hỏng\n")
        .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}

/// A long-format file of `rows` rows over 2,700 (indicator, unit, day) keys, read in several
/// batches; the rows past the 2,700th repeat the keys before them with the same values
/// (unchanged). `bad` replaces rows (0-based) with other cells.
fn several_batches(
    k: &Kehoach,
    name: &str,
    rows: usize,
    bad: &[(usize, &str)],
) -> std::path::PathBuf {
    let units = ["PA", "PB", "KP1", "KP2", "UBND"];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut text = String::from("Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\n");
    for i in 0..rows {
        if let Some((_, row)) = bad.iter().find(|(at, _)| *at == i) {
            text.push_str(row);
        } else {
            let indicator = ["TT1.02", "TT1.03", "NV1.01"][i / 900 % 3];
            let day = start + chrono::Days::new((i / units.len() % 180) as u64);
            let value = i / units.len() % 180 % 3;
            let (unit, day) = (units[i % units.len()], day.format("%d/%m/%Y"));
            text.push_str(&format!("{indicator};{unit};{day};{value}"));
        }
        text.push('\n');
    }
    let path = k.path(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn rows_over_several_batches_keep_their_problems_in_file_order() {
    let k = Kehoach::with_seed("ward.toml");
    // Refused as read (a value, a unit, a date), and refused as written: row 2800 gives
    // another value for row 100's key, in a later batch.
    let bad = [
        (10, "TT1.02;PA;03/01/2026;abc"),
        (1500, "TT1.03;PX;01/01/2026;1"),
        (2000, "NV1.01;PA;31/02/2026;1"),
        (2800, "TT1.02;PA;21/01/2026;1"),
    ];
    let path = several_batches(&k, "nhieu-lo.csv", 3000, &bad);
    let errors = k.path("loi.csv");
    let (path, errors) = (path.to_str().unwrap(), errors.to_str().unwrap());
    let args = [
        path,
        "--skip-invalid",
        "--errors",
        errors,
        "--format",
        "json",
    ];
    let summary = import(&k, &args).stdout_json().writes().run().json();
    let summary = &summary[0];
    let counts: Vec<_> = ["rows_read", "imported", "unchanged", "rejected"]
        .iter()
        .map(|count| summary[count].as_i64().unwrap())
        .collect();
    // Row 2710 repeats the key of row 10, which was refused: it is imported, not unchanged.
    assert_eq!(counts, [3000, 2698, 298, 4]);
    let problems: Vec<_> = summary["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(problems, [(12, 4), (1502, 2), (2002, 3), (2802, 4)]);
    let written = std::fs::read_to_string(k.path("loi.csv")).unwrap();
    // Each rejected row's four cells, then the reason (which may hold the delimiter).
    let rows: Vec<String> = written
        .lines()
        .skip(1)
        .map(|line| line.splitn(5, ';').take(4).collect::<Vec<_>>().join(";"))
        .collect();
    let expected: Vec<&str> = bad.iter().map(|(_, row)| *row).collect();
    assert_eq!(rows, expected);
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 2698);
}

#[test]
fn a_failure_past_the_first_batches_stops_both_reading_and_writing() {
    let k = Kehoach::with_seed("ward.toml");
    // The database fails on the 2,501st row of 20,000: the reader, batches ahead, is waiting
    // to hand over the next one, and must stop rather than wait for ever.
    fail_inserts_when(&k, "(SELECT count(*) FROM measurements) >= 2500");
    let path = several_batches(&k, "nhieu-lo.csv", 20_000, &[]);
    import(&k, &[path.to_str().unwrap()])
        .masked()
        .status(4)
        .stdout("")
        .stderr("Lỗi: Lỗi cơ sở dữ liệu <DB>: ổ đĩa hỏng\n")
        .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
    // A row that cannot be read, after two batches are written: the file's error, and
    // nothing of it stays.
    let k = Kehoach::with_seed("ward.toml");
    let swallowing = (2200, "TT1.02;PA;01/01/2026;1;\"never closed");
    let path = several_batches(&k, "ngoac.csv", 3000, &[swallowing]);
    import(&k, &[path.to_str().unwrap()])
        .status(3)
        .stderr_has(&["ngoac.csv:2202: ô mở dấu ngoặc kép ở dòng 2202 kéo sang dòng 2203"])
        .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}
