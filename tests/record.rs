//! `record`, `show`, `history` and `task`: the clerk's daily work, and every refusal.

mod common;

use common::{stable, Kehoach};

const AS_OF: [&str; 2] = ["--as-of", "30/06/2026"];

fn record<'k>(k: &'k Kehoach, args: &[&str]) -> common::Test<'k> {
    let mut all = vec!["record"];
    all.extend(args);
    all.extend(AS_OF);
    k.test(&all)
}

const RATE: &str = "95,5% — đạt (Mục tiêu: ≥ 90%)";
const MANY: &str = "1.234.567 sáng kiến";
const MANY_WARD: &str = "1.234.567 sáng kiến — đạt (Mục tiêu: ≥ 5 sáng kiến)";

#[test]
fn each_value_form_is_read_as_people_write_it() {
    let k = Kehoach::with_seed("ward.toml");
    // (indicator, as typed, value, ratio, as shown back, the ward's figure and target)
    let cases = [
        ("TT1.01", "95,5", 95.5, None, "95,5%", RATE),
        ("TT1.01", "95.5", 95.5, None, "95,5%", RATE),
        ("TT1.01", "95,5%", 95.5, None, "95,5%", RATE),
        (
            "TT1.01",
            "412/450",
            412.0 / 450.0 * 100.0,
            Some((412.0, 450.0)),
            "91,56% (412/450)",
            "91,56% — đạt (Mục tiêu: ≥ 90%)",
        ),
        ("TT1.02", "1.234.567", 1_234_567.0, None, MANY, MANY_WARD),
        ("TT1.02", "1 234 567", 1_234_567.0, None, MANY, MANY_WARD),
    ];
    for (day, (indicator, typed, value, ratio, shown, ward)) in cases.iter().enumerate() {
        let date = format!("{:02}/06/2026", day + 1);
        record(&k, &[indicator, typed, "--unit", "PA", "--date", &date])
            .stdout(&format!(
                "Đã ghi {indicator} = {shown} cho PA ngày {date}.\nToàn phường: {ward}\n"
            ))
            .writes()
            .run();
        let history = k
            .test(&["history", indicator, "--since", &date, "--format", "json"])
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        let stored = &history[0];
        assert!(
            (stored["value"].as_f64().unwrap() - value).abs() < 1e-9,
            "{typed}: {stored}"
        );
        assert_eq!(stored["numerator"].as_f64(), ratio.map(|r| r.0), "{typed}");
        assert_eq!(
            stored["denominator"].as_f64(),
            ratio.map(|r| r.1),
            "{typed}"
        );
    }
}

/// Every refusal: exit 3, the exact message, and the database untouched.
#[test]
fn each_rejection_says_why_and_writes_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    record(
        &k,
        &["TT1.01", "90", "--unit", "PA", "--date", "01/06/2026"],
    )
    .stdout(
        "Đã ghi TT1.01 = 90% cho PA ngày 01/06/2026.\n\
Toàn phường: 90% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    let before = k.dump();
    let cases: &[(&[&str], &str)] = &[
        (
            &["TT1.1", "90"],
            "Lỗi: Chỉ tiêu TT1.1 không tồn tại (có phải TT1.01",
        ),
        (
            &["TT1.01", "90", "--unit", "PC"],
            "Lỗi: Đơn vị PC không tồn tại (có phải",
        ),
        (
            &["TT1.01", "100,5"],
            "Lỗi: TT1.01 là tỷ lệ: 100,5% vượt quá 100%",
        ),
        (&["TT1.02", "-3"], "Lỗi: TT1.02 không nhận số âm (-3)"),
        (&["TT1.01", "451/450"], "Lỗi: tử số 451 lớn hơn mẫu số 450"),
        (&["TT1.01", "5/0"], "Lỗi: Giá trị «5/0» không hợp lệ"),
        (
            &["TT1.02", "3/4"],
            "Lỗi: TT1.02 tính bằng «sáng kiến», không phải tỷ lệ",
        ),
        (&["TT1.01", "abc"], "Lỗi: Giá trị «abc» không hợp lệ"),
        (
            &["TT1.01", "90", "--date", "01/07/2026"],
            "Lỗi: Ngày 01/07/2026 sau ngày hôm nay (30/06/2026)",
        ),
        (
            &["TT1.01", "90", "--date", "31/12/2025"],
            "Lỗi: Ngày 31/12/2025 nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2026)",
        ),
        (
            &["TT1.01", "91", "--unit", "PA", "--date", "01/06/2026"],
            "Lỗi: TT1.01 của PA ngày 01/06/2026 đã có giá trị 90% (do thuky nhập lúc",
        ),
        (
            &[
                "TT1.01",
                "91",
                "--unit",
                "PA",
                "--date",
                "01/06/2026",
                "--correct",
            ],
            "Lỗi: Đính chính cần ghi lý do: thêm --note",
        ),
    ];
    for (args, message) in cases {
        let message = message.to_string();
        record(&k, args)
            .status(3)
            .stderr_check(move |err| assert!(err.starts_with(&message), "{err}"))
            .run();
        assert_eq!(k.dump(), before, "{args:?} wrote something");
    }
    // The same in English.
    let run = k
        .test(&[
            "--lang",
            "en",
            "record",
            "TT1.1",
            "90",
            "--as-of",
            "30/06/2026",
        ])
        .status(3)
        .stderr("Error: Indicator TT1.1 does not exist (did you mean TT1.01, TT1.02, TT1.03?); list them with \"kehoach plan indicators\"\n")
        .run();
    assert!(
        run.stderr
            .starts_with("Error: Indicator TT1.1 does not exist (did you mean TT1.01"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_correction_keeps_the_old_value_who_and_when() {
    let k = Kehoach::with_seed("ward.toml");
    record(
        &k,
        &[
            "TT1.01",
            "412/450",
            "--unit",
            "PA",
            "--date",
            "01/06/2026",
            "--by",
            "Lan",
        ],
    )
    .stdout(
        "Đã ghi TT1.01 = 91,56% (412/450) cho PA ngày 01/06/2026.\n\
Toàn phường: 91,56% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    // The same value again changes nothing.
    let again = record(
        &k,
        &["TT1.01", "412/450", "--unit", "PA", "--date", "01/06/2026"],
    )
    .stdout(
        "TT1.01 = 91,56% (412/450) của PA ngày 01/06/2026 đã có, không thay đổi gì.\n\
Toàn phường: 91,56% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes_nothing()
    .run();
    assert!(
        again.stdout.contains("đã có, không thay đổi gì"),
        "{}",
        again.stdout
    );
    record(
        &k,
        &[
            "TT1.01",
            "415/450",
            "--unit",
            "PA",
            "--date",
            "01/06/2026",
            "--correct",
            "--note",
            "Phòng gửi lại",
            "--by",
            "Hùng",
        ],
    )
    .stdout("Đã đính chính TT1.01 của PA ngày 01/06/2026 thành 92,22% (415/450); giá trị cũ vẫn lưu trong lịch sử.\n\
Toàn phường: 92,22% — đạt (Mục tiêu: ≥ 90%)\n")
    .run();
    let history = k
        .test(&["history", "TT1.01", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let rows = history.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0]["numerator"].as_f64(),
            rows[0]["revision"].as_i64(),
            rows[0]["superseded"].as_bool()
        ),
        (Some(412.0), Some(1), Some(true))
    );
    assert_eq!(rows[0]["recorded_by"], "Lan");
    assert_eq!(
        (
            rows[1]["numerator"].as_f64(),
            rows[1]["revision"].as_i64(),
            rows[1]["superseded"].as_bool()
        ),
        (Some(415.0), Some(2), Some(false))
    );
    assert_eq!(
        (rows[1]["recorded_by"].as_str(), rows[1]["note"].as_str()),
        (Some("Hùng"), Some("Phòng gửi lại"))
    );
    // The database itself refuses to change a stored value in place.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let update = conn.execute("UPDATE measurements SET value = 1", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let show = k
        .test(&[
            "show",
            "TT1.01",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(show["latest"]["numerator"].as_f64(), Some(415.0));
    for lang in ["vi", "en"] {
        k.test(&["--lang", lang, "history", "TT1.01"])
            .masked()
            .stdout_check(move |out| {
                insta::assert_snapshot!(format!("history_with_correction_{lang}"), out)
            })
            .writes_nothing()
            .run();
    }
}

#[test]
fn ward_figures_add_numerators_and_denominators_across_units() {
    let k = Kehoach::with_seed("ward.toml");
    record(
        &k,
        &["TT1.01", "412/450", "--unit", "PA", "--date", "15/04/2026"],
    )
    .stdout(
        "Đã ghi TT1.01 = 91,56% (412/450) cho PA ngày 15/04/2026.\n\
Toàn phường: 91,56% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    record(
        &k,
        &["TT1.01", "41/50", "--unit", "PB", "--date", "15/04/2026"],
    )
    .stdout(
        "Đã ghi TT1.01 = 82% (41/50) cho PB ngày 15/04/2026.\n\
Toàn phường: 90,6% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    let show = k
        .test(&[
            "show",
            "TT1.01",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    // 453/500 = 90,6%, not the mean of 91,6% and 82%.
    assert_eq!(show["latest"]["numerator"].as_f64(), Some(453.0));
    assert_eq!(show["latest"]["denominator"].as_f64(), Some(500.0));
    assert!((show["achieved"].as_f64().unwrap() - 90.6).abs() < 1e-9);
    assert_eq!(show["status"], "met");
    for lang in ["vi", "en"] {
        k.test(&["--lang", lang, "show", "TT1.01", "--as-of", "30/06/2026"])
            .masked()
            .stdout_check(move |out| insta::assert_snapshot!(format!("show_ratio_{lang}"), out))
            .writes_nothing()
            .run();
    }
}

#[test]
fn a_reduction_is_judged_against_its_recorded_baseline() {
    let k = Kehoach::with_seed("ward.toml");
    record(
        &k,
        &["NV1.01", "40", "--unit", "KP1", "--date", "20/06/2026"],
    )
    .stdout(
        "Đã ghi NV1.01 = 40 vụ cho KP1 ngày 20/06/2026.\n\
Toàn phường: giảm 60% — đạt (Mục tiêu: giảm ≥ 20% so với 2025)\n",
    )
    .writes()
    .run();
    record(
        &k,
        &["NV1.01", "45", "--unit", "KP2", "--date", "20/06/2026"],
    )
    .stdout(
        "Đã ghi NV1.01 = 45 vụ cho KP2 ngày 20/06/2026.\n\
Toàn phường: giảm 15% — chưa đạt (Mục tiêu: giảm ≥ 20% so với 2025)\n",
    )
    .writes()
    .run();
    // Seed baseline 100: 85 is down 15%, short of 20%.
    let show = k
        .test(&[
            "show",
            "NV1.01",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(
        (
            show["baseline"].as_f64(),
            show["achieved"].as_f64(),
            show["status"].as_str()
        ),
        (Some(100.0), Some(15.0), Some("not_met"))
    );
    // The real 2025 figure, recorded as the baseline, was 120: 85 is down 29,17%.
    record(
        &k,
        &[
            "NV1.01",
            "120",
            "--baseline",
            "--unit",
            "UBND",
            "--date",
            "31/12/2025",
        ],
    )
    .stdout(
        "Đã ghi NV1.01 (mốc so sánh) = 120 vụ cho UBND ngày 31/12/2025.\n\
Toàn phường: giảm 29,17% — đạt (Mục tiêu: giảm ≥ 20% so với 2025)\n",
    )
    .writes()
    .run();
    let show = k
        .test(&[
            "show",
            "NV1.01",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(show["baseline"].as_f64(), Some(120.0));
    assert!((show["achieved"].as_f64().unwrap() - 29.166_666).abs() < 1e-3);
    assert_eq!(show["status"], "met");
    let table = k
        .test(&["show", "NV1.01", "--as-of", "30/06/2026"])
        .stdout(
            "NV1.01 — Kéo giảm vụ vi phạm so với năm 2025\n\
┌─────────────────────────┬────────────────────────────────────────────────────┐\n\
│                         ┆                                                    │\n\
╞═════════════════════════╪════════════════════════════════════════════════════╡\n\
│ Nội dung                ┆ NV1 — An ninh trật tự                              │\n\
│ Mục tiêu                ┆ giảm ≥ 20% so với 2025                             │\n\
│ Hạn                     ┆ 31/10/2026                                         │\n\
│ Đơn vị chịu trách nhiệm ┆ KP1, KP2                                           │\n\
│ Mốc so sánh             ┆ 2025: 120                                          │\n\
│ Toàn phường             ┆ 85 vụ (20/06/2026)                                 │\n\
│ Đạt được                ┆ giảm 29,17%                                        │\n\
│ Trạng thái              ┆ đạt (30/06/2026)                                   │\n\
│ Xu hướng                ┆ —                                                  │\n\
│ Các mốc                 ┆ 31/10/2026: giảm ≥ 20% so với 2025 — đạt           │\n\
│                         ┆ (20/06/2026)                                       │\n\
└─────────────────────────┴────────────────────────────────────────────────────┘\n\
\n\
┌────────┬─────────┬────────────┬──────────┬────────────┐\n\
│ Đơn vị ┆ Giá trị ┆ Ngày       ┆ Mục tiêu ┆ Trạng thái │\n\
╞════════╪═════════╪════════════╪══════════╪════════════╡\n\
│ KP1    ┆ 40 vụ   ┆ 20/06/2026 ┆          ┆            │\n\
│ KP2    ┆ 45 vụ   ┆ 20/06/2026 ┆          ┆            │\n\
└────────┴─────────┴────────────┴──────────┴────────────┘\n\
\n\
┌────────────┬──────────┬────────┬──────────────┬─────┬─────────┬──────────────┐\n\
│ Ngày       ┆ Chỉ tiêu ┆ Đơn vị ┆ Giá trị      ┆ Lần ┆ Ghi chú ┆ Người nhập,  │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ lúc          │\n\
╞════════════╪══════════╪════════╪══════════════╪═════╪═════════╪══════════════╡\n\
│ 31/12/2025 ┆ NV1.01   ┆ UBND   ┆ 120 [mốc so  ┆ 1   ┆         ┆ thuky        │\n\
│            ┆          ┆        ┆ sánh]        ┆     ┆         ┆ 2026-11-25   │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ 08:00        │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ (+00:00)     │\n\
│ 20/06/2026 ┆ NV1.01   ┆ KP1    ┆ 40           ┆ 1   ┆         ┆ thuky        │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ 2026-11-25   │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ 08:00        │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ (+00:00)     │\n\
│ 20/06/2026 ┆ NV1.01   ┆ KP2    ┆ 45           ┆ 1   ┆         ┆ thuky        │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ 2026-11-25   │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ 08:00        │\n\
│            ┆          ┆        ┆              ┆     ┆         ┆ (+00:00)     │\n\
└────────────┴──────────┴────────┴──────────────┴─────┴─────────┴──────────────┘\n",
        )
        .writes_nothing()
        .run();
    insta::assert_snapshot!("show_reduction_vi", stable(&table.stdout, &k));
}

#[test]
fn a_split_target_shows_each_units_share() {
    let k = Kehoach::with_seed("ward.toml");
    record(&k, &["TT1.02", "3", "--unit", "PA", "--date", "10/05/2026"])
        .stdout(
            "Đã ghi TT1.02 = 3 sáng kiến cho PA ngày 10/05/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
        )
        .writes()
        .run();
    record(&k, &["TT1.02", "1", "--unit", "PB", "--date", "10/05/2026"])
        .stdout(
            "Đã ghi TT1.02 = 1 sáng kiến cho PB ngày 10/05/2026.\n\
Toàn phường: 4 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
        )
        .writes()
        .run();
    let show = k
        .test(&[
            "show",
            "TT1.02",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let units: Vec<String> = show["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            format!(
                "{} {} {}",
                u["unit"].as_str().unwrap(),
                u["value"],
                u["status"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(units, ["PA 3.0 met", "PB 1.0 not_met"]);
    assert_eq!(
        (show["achieved"].as_f64(), show["status"].as_str()),
        (Some(4.0), Some("not_met"))
    );
}

#[test]
fn task_lifecycle_with_its_log() {
    let k = Kehoach::with_seed("ward.toml");
    let task = |args: &[&str]| {
        let mut all = vec!["task"];
        all.extend(args);
        all.extend(AS_OF);
        k.test(&all)
    };
    task(&["start", "TT1.T01", "--date", "10/01/2026", "--by", "Lan"])
        .stdout("Nhiệm vụ TT1.T01: bắt đầu ngày 10/01/2026.\n")
        .run();
    let done = task(&[
        "done",
        "TT1.T01",
        "--date",
        "05/03/2026",
        "--note",
        "Đã ban hành",
    ])
    .stdout("Nhiệm vụ TT1.T01: hoàn thành ngày 05/03/2026. Trễ 5 ngày so với hạn 28/02/2026.\n")
    .run();
    assert!(
        done.stdout.contains("Trễ 5 ngày so với hạn 28/02/2026"),
        "{}",
        done.stdout
    );
    // Done cannot be done again, nor started; it can be reopened.
    let before = k.dump();
    let again = task(&["done", "TT1.T01", "--date", "06/03/2026"])
        .status(3)
        .stderr("Lỗi: Nhiệm vụ TT1.T01 ngày 06/03/2026 đang ở trạng thái «hoàn thành»: không thể chuyển sang «hoàn thành»\n")
        .run();
    assert!(
        again
            .stderr
            .contains("đang ở trạng thái «hoàn thành»: không thể chuyển sang «hoàn thành»"),
        "{}",
        again.stderr
    );
    let unknown = task(&["done", "TT1.T1"])
        .status(3)
        .stderr("Lỗi: Nhiệm vụ TT1.T1 không tồn tại (có phải TT1.T01, TT1.T02, TT1.T03?); xem danh sách bằng «kehoach plan tasks»\n")
        .run();
    assert!(
        unknown
            .stderr
            .starts_with("Lỗi: Nhiệm vụ TT1.T1 không tồn tại (có phải TT1.T01"),
        "{}",
        unknown.stderr
    );
    assert_eq!(k.dump(), before);
    task(&[
        "reopen",
        "TT1.T01",
        "--date",
        "07/03/2026",
        "--note",
        "Thiếu phụ lục",
    ])
    .stdout("Nhiệm vụ TT1.T01: mở lại ngày 07/03/2026.\n")
    .run();
    task(&["done", "TT1.T01", "--date", "09/03/2026"])
        .stdout("Nhiệm vụ TT1.T01: hoàn thành ngày 09/03/2026. Trễ 9 ngày so với hạn 28/02/2026.\n")
        .run();
    task(&["cancel", "NV1.T01", "--date", "01/02/2026"])
        .stdout("Nhiệm vụ NV1.T01: hủy ngày 01/02/2026.\n")
        .run();

    let list = k
        .test(&[
            "task",
            "list",
            "--content",
            "TT1",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let first = &list[0];
    assert_eq!(
        (
            first["status"].as_str(),
            first["done_on"].as_str(),
            first["days_late"].as_i64()
        ),
        (Some("done"), Some("2026-03-09"), Some(9))
    );
    let overdue = k
        .test(&[
            "task",
            "list",
            "--status",
            "overdue",
            "--as-of",
            "30/06/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let codes: Vec<&str> = overdue
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TT1.T02", "TT1.T03", "TT1.T04", "NV1.T02"]);

    let log = k
        .test(&["task", "log", "TT1.T01", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["start", "done", "reopen", "done"]);
    assert_eq!(log[0]["recorded_by"], "Lan");
    for lang in ["vi", "en"] {
        k.test(&["--lang", lang, "task", "list", "--as-of", "30/06/2026"])
            .masked()
            .stdout_check(move |out| insta::assert_snapshot!(format!("task_list_{lang}"), out))
            .writes_nothing()
            .run();
        k.test(&["--lang", lang, "task", "log", "TT1.T01"])
            .masked()
            .stdout_check(move |out| insta::assert_snapshot!(format!("task_log_{lang}"), out))
            .writes_nothing()
            .run();
    }
}

/// A reduction whose figure rose says so: "tăng 30%" ("up 30%"), never "giảm -30%", in the
/// record's answer, in show and in the weekly report's lines.
#[test]
fn a_reduction_whose_figure_rose_is_worded_as_a_rise() {
    let k = Kehoach::with_seed("ward.toml");
    // NV1.01: down ≥ 20% on 2025's 100, the sum of KP1's and KP2's latest counts.
    k.test(&[
        "record",
        "NV1.01",
        "70",
        "--unit",
        "KP1",
        "--date",
        "20/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Đã ghi NV1.01 = 70 vụ cho KP1 ngày 20/06/2026.\n\
Toàn phường: giảm 30% — đạt (Mục tiêu: giảm ≥ 20% so với 2025)\n",
    )
    .writes()
    .run();
    k.test(&[
        "--lang",
        "en",
        "record",
        "NV1.01",
        "60",
        "--unit",
        "KP2",
        "--date",
        "21/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Recorded NV1.01 = 60 vụ for KP2 on 21/06/2026.\n\
Ward: up 30% — not met (Target: down ≥ 20% vs 2025)\n",
    )
    .writes()
    .run();
    k.test(&["show", "NV1.01", "--as-of", "30/06/2026"])
        .stdout_has(&["┆ tăng 30% "])
        .writes_nothing()
        .run();
    k.test(&["weekly", "--as-of", "29/06/2026", "--format", "md"])
        .stdout_has(&["- NV1.01: hiện tăng 30%, mục tiêu giảm ≥ 20% so với 2025 đến 31/10/2026."])
        .writes_nothing()
        .run();
    let run = k
        .test(&[
            "--lang",
            "en",
            "weekly",
            "--as-of",
            "29/06/2026",
            "--format",
            "md",
        ])
        .stdout_has(&["- NV1.01: now up 30%, target down ≥ 20% vs 2025 by 31/10/2026."])
        .writes_nothing()
        .run();
    assert!(!run.stdout.contains("-30%"), "{}", run.stdout);
}

/// The test seed with a growth indicator added (the fixture has every other kind): NV1.03,
/// up ≥ 10% on 2025's 200 by 31/10/2026, the sum of KP1's and KP2's latest counts.
fn with_growth() -> Kehoach {
    let k = Kehoach::new();
    let seed = std::fs::read_to_string(common::fixture("seeds/ward.toml")).unwrap();
    let next = "  [[contents.indicators]]\n  code = \"NV1.02\"\n";
    let growth = "  [[contents.indicators]]
  code = \"NV1.03\"
  text = \"Tăng số hộ kinh doanh đăng ký so với năm 2025\"
  kind = \"growth\"
  aggregation = \"level\"
  comparator = \">=\"
  target = 10
  unit_of_measure = \"hộ\"
  deadline = 2026-10-31
  responsible = [\"KP1\", \"KP2\"]
  baseline = { year = 2025, value = 200 }

";
    assert_eq!(seed.matches(next).count(), 1);
    let path = k.path("growth.toml");
    std::fs::write(&path, seed.replacen(next, &format!("{growth}{next}"), 1)).unwrap();
    k.test(&["init", "--seed", path.to_str().unwrap()])
        .masked()
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 6 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n",
        )
        .writes()
        .run();
    k
}

#[test]
fn a_growth_indicator_is_judged_by_its_rise_over_the_baseline() {
    let k = with_growth();
    let target = "(Mục tiêu: tăng ≥ 10% so với 2025)";
    for (value, unit, date, as_of, ward) in [
        // One unit's count alone is far below 2025's ward total: 100 against 200 is a fall,
        // said "giảm 50%" (it once read "tăng -50%", the word and the sign disagreeing).
        (
            "100",
            "KP1",
            "20/06/2026",
            "30/06/2026",
            "giảm 50% — chưa đạt",
        ),
        // 205 against 200: up 2,5%.
        (
            "105",
            "KP2",
            "20/06/2026",
            "30/06/2026",
            "tăng 2,5% — chưa đạt",
        ),
        // 225 against 200: up 12,5%.
        ("125", "KP2", "20/09/2026", "30/09/2026", "tăng 12,5% — đạt"),
    ] {
        k.test(&[
            "record", "NV1.03", value, "--unit", unit, "--date", date, "--as-of", as_of,
        ])
        .stdout(&format!(
            "Đã ghi NV1.03 = {value} hộ cho {unit} ngày {date}.\nToàn phường: {ward} {target}\n"
        ))
        .writes()
        .run();
    }
    let show = |as_of: &str| {
        let json = k
            .test(&["show", "NV1.03", "--as-of", as_of, "--format", "json"])
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        (
            json["latest"]["value"].as_f64(),
            json["baseline"].as_f64(),
            json["achieved"].as_f64(),
            json["status"].as_str().map(str::to_string),
        )
    };
    assert_eq!(
        show("30/06/2026"),
        (Some(205.0), Some(200.0), Some(2.5), Some("not_met".into()))
    );
    assert_eq!(
        show("30/09/2026"),
        (Some(225.0), Some(200.0), Some(12.5), Some("met".into()))
    );
    k.test(&["--lang", "en", "show", "NV1.03", "--as-of", "30/09/2026"])
        .stdout_has(&[
            "│ Target      ┆ up ≥ 10% vs 2025 ",
            "│ Baseline    ┆ 2025: 200 ",
            "│ Ward        ┆ 225 hộ (20/09/2026) ",
            "│ Achieved    ┆ up 12.5% ",
            "│ Status      ┆ met (30/09/2026) ",
        ])
        .writes_nothing()
        .run();
    // A count cannot fall below zero, growth or not.
    k.test(&[
        "record",
        "NV1.03",
        "-5",
        "--unit",
        "KP1",
        "--date",
        "21/09/2026",
        "--as-of",
        "30/09/2026",
    ])
    .status(3)
    .stderr("Lỗi: NV1.03 không nhận số âm (-5)\n")
    .run();
}
