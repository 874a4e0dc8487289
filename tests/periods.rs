//! Flows and "so với cùng kỳ" on the embedded plan: TT3.05 "kéo giảm ít nhất 20% vụ vi phạm …
//! so với năm 2025", with the figures a person would add up by hand.

mod common;

use common::Kehoach;

const AS_OF: [&str; 2] = ["--as-of", "02/12/2026"];
/// Violations in 2025, January to December: 125 in the year, 88 from January to August.
const Y2025: [u32; 12] = [12, 10, 11, 9, 10, 13, 12, 11, 10, 9, 8, 10];
/// Violations in 2026, January to August: 68.
const Y2026: [u32; 8] = [9, 8, 9, 7, 8, 10, 9, 8];

fn embedded() -> Kehoach {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    k
}

fn record(k: &Kehoach, args: &[&str]) {
    let mut all = vec!["record", "TT3.05"];
    all.extend(args);
    all.extend(AS_OF);
    k.test(&all)
        .stdout_check(|out| assert!(out.starts_with("Đã ghi TT3.05 (kỳ "), "{out}"))
        .writes()
        .run();
}

/// 2025's violations month by month, as baseline figures.
fn months_2025(k: &Kehoach) {
    for (i, value) in Y2025.iter().enumerate() {
        let period = format!("{:02}/2025", i + 1);
        let value = value.to_string();
        record(
            k,
            &[&value, "--unit", "CAP", "--baseline", "--period", &period],
        );
    }
}

/// 2026's violations month by month, January to August, but for the month `skip`.
fn months_2026(k: &Kehoach, skip: Option<usize>) {
    for (i, value) in Y2026.iter().enumerate() {
        if Some(i + 1) == skip {
            continue;
        }
        let period = format!("{:02}/2026", i + 1);
        record(
            k,
            &[&value.to_string(), "--unit", "CAP", "--period", &period],
        );
    }
}

fn show(k: &Kehoach, lang: &str) -> serde_json::Value {
    k.test(&[
        "--lang",
        lang,
        "show",
        "TT3.05",
        "--as-of",
        "01/09/2026",
        "--format",
        "json",
    ])
    .stdout_json()
    .writes_nothing()
    .run()
    .json()
}

#[test]
fn eight_months_against_the_same_eight_months_of_2025() {
    let k = embedded();
    months_2025(&k);
    months_2026(&k, None);
    let json = show(&k, "vi");
    // (88 − 68) / 88 = 22,7% ≥ 20%: met.
    assert_eq!(json["period"]["value"], 68.0);
    assert_eq!(json["period"]["baseline"], 88.0);
    assert_eq!(json["period"]["basis"]["basis"], "same_months");
    assert_eq!(json["period"]["from"], "2026-01-01");
    assert_eq!(json["period"]["to"], "2026-08-31");
    assert!((json["achieved"].as_f64().unwrap() - 20.0 / 88.0 * 100.0).abs() < 1e-9);
    assert_eq!(json["status"], "met");
    let table = k
        .test(&["show", "TT3.05", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        table.contains("8 tháng 2026: 68 vụ; cùng kỳ 2025: 88 vụ (-22,7%)"),
        "{table}"
    );
    let en = k
        .test(&["--lang", "en", "show", "TT3.05", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        en.contains("8 months of 2026: 68 vụ; same period of 2025: 88 vụ"),
        "{en}"
    );
    // The September report puts both in the results table.
    let report = k
        .test(&["baocao", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        report.contains("| Mã | Chỉ tiêu | Mục tiêu | Hạn | Kết quả | Cùng kỳ | Đánh giá |"),
        "{report}"
    );
    assert!(
        report.contains("| 68 vụ (8 tháng 2026) | 88 vụ (2025; -22,7%) | chưa đến hạn; hiện đạt |"),
        "{report}"
    );
    let report_en = k
        .test(&["--lang", "en", "baocao", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        report_en
            .contains("| 68 vụ (8 months of 2026) | 88 vụ (2025; -22.7%) | not yet due; now met |"),
        "{report_en}"
    );
}

#[test]
fn a_yearly_baseline_is_pro_rated_and_the_report_says_so() {
    let k = embedded();
    record(
        &k,
        &["125", "--unit", "CAP", "--baseline", "--period", "2025"],
    );
    months_2026(&k, None);
    let json = show(&k, "vi");
    // 125 × 8/12 = 83,33; (83,33 − 68) / 83,33 = 18,4% < 20%: not met, where the same
    // months would have met it.
    let baseline = json["period"]["baseline"].as_f64().unwrap();
    assert!((baseline - 125.0 * 8.0 / 12.0).abs() < 1e-9);
    assert_eq!(json["period"]["basis"]["basis"], "pro_rated");
    assert_eq!(json["status"], "not_met");
    let table = k
        .test(&["show", "TT3.05", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout
        .replace('\n', " ");
    assert!(
        table.contains(
            "chưa có số liệu theo tháng của năm 2025: tính theo tỷ lệ 8/12 của cả năm (125 vụ)"
        ) || table.contains("tính theo tỷ lệ 8/12"),
        "{table}"
    );
    let report = k
        .test(&["baocao", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(report.contains("(2025, 8/12 cả năm; -18,4%)"), "{report}");
}

#[test]
fn a_missing_month_is_shown_missing_and_left_out_of_the_comparison() {
    let k = embedded();
    months_2025(&k);
    months_2026(&k, Some(4));
    let json = show(&k, "vi");
    // April is missing: 61 over seven months against the same seven of 2025 (88 − 9 = 79).
    assert_eq!(json["period"]["missing_months"][0], "2026-04-01");
    assert_eq!(json["period"]["months_compared"], 7);
    assert_eq!(json["period"]["value"], 61.0);
    assert_eq!(json["period"]["baseline"], 79.0);
    let report = k
        .test(&["baocao", "--as-of", "01/09/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        report.contains("| 61 vụ (8 tháng 2026); thiếu tháng 04/2026 | 79 vụ (2025; -22,8%) |"),
        "{report}"
    );
}

#[test]
fn periods_are_checked_and_nothing_is_written_when_refused() {
    let k = embedded();
    record(&k, &["7", "--unit", "CAP", "--period", "07/2026"]);
    let refuse = |args: &[&str], expected: &str| {
        let mut all = vec!["record", "TT3.05"];
        all.extend(args);
        all.extend(AS_OF);
        k.test(&all)
            .status(3)
            .stderr(&format!("Lỗi: {expected}\n"))
            .run();
    };
    refuse(
        &["5", "--unit", "CAP", "--period", "Q3/2026"],
        "TT3.05 của CAP đã có số liệu kỳ 07/2026, trùng một phần với kỳ Q3/2026: mỗi ngày chỉ thuộc một kỳ. Để sửa số liệu kỳ 07/2026, ghi lại đúng kỳ đó với --correct",
    );
    refuse(
        &["5", "--unit", "CAP"],
        "TT3.05 là chỉ tiêu cộng dồn theo kỳ: cho biết số liệu thuộc kỳ nào, ví dụ --period 11/2026 (tháng), Q4/2026 (quý) hoặc 2025 (năm)",
    );
    refuse(
        &["5", "--unit", "CAP", "--period", "13/2026"],
        "Kỳ «13/2026» không hợp lệ: viết 11/2026 (tháng), Q4/2026 (quý), 2026 (năm) hoặc 01/07/2026-15/07/2026",
    );
    refuse(
        &["5", "--unit", "CAP", "--period", "12/2026"],
        "Kỳ 12/2026 chưa kết thúc (đến 31/12/2026): ghi số liệu khi hết kỳ, hoặc ghi từ ngày đến ngày hôm nay",
    );
    // A level takes no period.
    k.test(&[
        "record",
        "TT1.03",
        "91",
        "--period",
        "11/2026",
        "--as-of",
        "02/12/2026",
    ])
    .status(3)
    .stderr("Lỗi: TT1.03 là số liệu tại một thời điểm, không theo kỳ: bỏ --period và dùng --date\n")
    .run();
    // The same period again is a correction, and keeps the old value.
    k.test(&[
        "record",
        "TT3.05",
        "6",
        "--unit",
        "CAP",
        "--period",
        "07/2026",
        "--correct",
        "--note",
        "Sửa theo báo cáo của Công an",
        "--as-of",
        "02/12/2026",
    ])
    .stdout("Đã đính chính TT3.05 (kỳ 07/2026) của CAP ngày 31/07/2026 thành 6 vụ; giá trị cũ vẫn lưu trong lịch sử.\n")
    .run();
    let history = k
        .test(&["history", "TT3.05", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let values: Vec<f64> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [7.0, 6.0]);
    // English refusals.
    k.test(&[
        "--lang", "en", "record", "TT3.05", "5", "--unit", "CAP", "--period", "Q3/2026",
        "--as-of", "02/12/2026",
    ])
    .status(3)
    .stderr("Error: TT3.05 for CAP already has a figure for 07/2026, which overlaps Q3/2026: each day belongs to one period. To correct 07/2026, record that same period with --correct\n")
    .run();
}

#[test]
fn a_department_file_with_a_period_column() {
    let k = embedded();
    let file = common::fixture("csv/vi-pham-theo-ky.csv");
    // TT1.03 is a level: its row has no period and takes the --date given for the file.
    k.test(&[
        "import",
        &file,
        "--date",
        "30/06/2026",
        "--as-of",
        "02/12/2026",
    ])
    .stdout(
        "<REPO>/fixtures/csv/vi-pham-theo-ky.csv (UTF-8, «;»): đã ghi\n\
┌────────┬─────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị  ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪═════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.03 ┆ TTPVHCC ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT3.05 ┆ CAP     ┆ 3   ┆ 3        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆         ┆ 4   ┆ 4        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴─────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
    )
    .masked()
    .run();
    let json = k
        .test(&[
            "show",
            "TT3.05",
            "--as-of",
            "01/07/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    // January, February and the second quarter: 41 over five months, March missing.
    assert_eq!(json["period"]["value"], 41.0);
    assert_eq!(json["period"]["missing_months"][0], "2026-03-01");
    assert_eq!(json["period"]["months_compared"], 5);
    // A quarter that overlaps the months already there: refused at its cell, nothing written.
    let before = k.dump();
    let overlap = common::fixture("csv/vi-pham-quy-trung.csv");
    let refused = k
        .test(&["import", &overlap, "--as-of", "02/12/2026"])
        .status(3)
        .stdout("<REPO>/fixtures/csv/vi-pham-quy-trung.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT3.05 ┆ CAP    ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/csv/vi-pham-quy-trung.csv:2:3 (Kỳ): TT3.05 của CAP đã có số liệu kỳ 01/2026, trùng một phần với kỳ Q1/2026: mỗi ngày chỉ thuộc một kỳ. Để sửa số liệu kỳ 01/2026, ghi lại đúng kỳ đó với --correct\n")
        .masked()
        .run();
    assert!(
        refused.stderr.contains(
            "vi-pham-quy-trung.csv:2:3 (Kỳ): TT3.05 của CAP đã có số liệu kỳ 01/2026, trùng một phần với kỳ Q1/2026"
        ),
        "{}",
        refused.stderr
    );
    assert_eq!(k.dump(), before);
    // A flow without its period is refused with the reason.
    let no_period = k.path("khong-ky.csv");
    std::fs::write(
        &no_period,
        "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\nTT3.05;CAP;31/07/2026;5\n",
    )
    .unwrap();
    let refused = k
        .test(&[
            "import",
            no_period.to_str().unwrap(),
            "--as-of",
            "02/12/2026",
        ])
        .status(3)
        .stdout("<DIR>/khong-ky.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT3.05 ┆ CAP    ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/khong-ky.csv:2:1 (Mã chỉ tiêu): TT3.05 là chỉ tiêu cộng dồn theo kỳ: cho biết số liệu thuộc kỳ nào, ví dụ --period 11/2026 (tháng), Q4/2026 (quý) hoặc 2025 (năm)\n")
        .masked()
        .run();
    assert!(
        refused
            .stderr
            .contains("TT3.05 là chỉ tiêu cộng dồn theo kỳ: cho biết số liệu thuộc kỳ nào"),
        "{}",
        refused.stderr
    );
    assert_eq!(k.dump(), before);
}

#[test]
fn a_template_for_a_flow_carries_its_period_and_imports_into_it() {
    let k = embedded();
    let csv = k.path("mau-CAP.csv");
    k.test(&[
        "template",
        "--unit",
        "CAP",
        "--out",
        csv.to_str().unwrap(),
        "--as-of",
        "01/12/2026",
    ])
    .stdout(
        "Đã ghi <DIR>/mau-CAP.csv: mẫu của CAP, 12 chỉ tiêu, 0 nhiệm vụ\n\
Đã ghi <DIR>/mau-CAP-nhiem-vu.csv: mẫu của CAP, 0 chỉ tiêu, 12 nhiệm vụ\n",
    )
    .writes_nothing()
    .masked()
    .run();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}Mã chỉ tiêu;"), "{text}");
    assert!(
        text.lines().next().unwrap().ends_with(";Ghi chú;Kỳ"),
        "{text}"
    );
    // TT3.05 is a flow: its row is for November; TT3.01, a level, has no period.
    let line = text
        .lines()
        .find(|l| l.starts_with("TT3.05;"))
        .expect("TT3.05's row")
        .to_string();
    assert!(line.ends_with(";CAP;30/11/2026;;;;;11/2026"), "{line}");
    let level = text.lines().find(|l| l.starts_with("TT3.01;")).unwrap();
    assert!(level.ends_with(";30/11/2026;;;;;"), "{level}");
    std::fs::write(
        &csv,
        text.replace(
            &line,
            &line.replace(";30/11/2026;;;;;11/2026", ";30/11/2026;7;;;;11/2026"),
        ),
    )
    .unwrap();
    k.test(&["import", csv.to_str().unwrap(), "--as-of", "01/12/2026"])
        .stdout(
            "<DIR>/mau-CAP.csv (UTF-8 BOM, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT3.05 ┆ CAP    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 12  ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
11 dòng để trống giá trị (hoặc trạng thái): bỏ qua\n",
        )
        .masked()
        .run();
    let json = k
        .test(&[
            "show",
            "TT3.05",
            "--as-of",
            "01/12/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let stored = &json["history"][0];
    assert_eq!(stored["period_start"], "2026-11-01");
    assert_eq!(stored["date"], "2026-11-30");
    assert_eq!(stored["value"], 7.0);
}

/// Periods in one file are checked against each other as well as against the stored ones:
/// months in day order are imported (nothing stored or written reaches them) and found
/// unchanged when the file comes again, a quarter after its own first month is refused at its
/// cell, and nothing of that file is written.
#[test]
fn periods_in_one_file_are_checked_against_each_other() {
    let k = embedded();
    let months = k.path("thang.csv");
    std::fs::write(
        &months,
        "Mã chỉ tiêu;Đơn vị;Kỳ;Giá trị\nTT3.05;CAP;06/2026;7\nTT3.05;CAP;07/2026;9\n\
         TT3.05;CAP;08/2026;8\nTT3.05;KP1;07/2026;2\n",
    )
    .unwrap();
    let months = months.display().to_string();
    let import = [
        "import",
        &months,
        "--format",
        "json",
        "--as-of",
        "02/12/2026",
    ];
    let json = k.test(&import).stdout_json().writes().run().json();
    assert_eq!(json[0]["imported"], 4);
    // The same file again: every period is the one held, nothing new.
    let again = k.test(&import).stdout_json().writes_nothing().run().json();
    assert_eq!(
        (&again[0]["imported"], &again[0]["unchanged"]),
        (&0.into(), &4.into())
    );
    let before = k.dump();
    let overlapping = k.path("quy.csv");
    std::fs::write(
        &overlapping,
        "Mã chỉ tiêu;Đơn vị;Kỳ;Giá trị\nTT3.05;CAP;09/2026;6\nTT3.05;CAP;Q4/2026;20\n\
         TT3.05;CAP;10/2026;5\n",
    )
    .unwrap();
    let overlapping = overlapping.display().to_string();
    k.test(&["import", &overlapping, "--as-of", "31/12/2026"])
        .status(3)
        .stdout_read()
        .stderr_has(&[
            "quy.csv:4:3 (Kỳ): TT3.05 của CAP đã có số liệu kỳ Q4/2026, trùng một phần với kỳ \
             10/2026",
        ])
        .masked()
        .run();
    assert_eq!(k.dump(), before);
}
