//! `init` and `plan`: loading seeds, refusing bad ones, reloading amended ones, and the
//! embedded plan of 118/KH-UBND.

mod common;

use common::{fixture, stable, Kehoach};

#[test]
fn a_good_seed_loads_and_loading_it_again_changes_nothing() {
    let k = Kehoach::new();
    let seed = fixture("seeds/ward.toml");
    let first = k
        .test(&["init", "--seed", &seed])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n",
        )
        .masked()
        .writes()
        .run();
    assert_eq!(
        stable(&first.stdout, &k),
        "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n"
    );
    let dump = k.dump();
    let again = k
        .test(&["init", "--seed", &seed])
        .stdout("Kế hoạch 99/KH-TEST đã có trong <DB>, không có gì thay đổi.\n")
        .masked()
        .writes_nothing()
        .run();
    assert_eq!(
        stable(&again.stdout, &k),
        "Kế hoạch 99/KH-TEST đã có trong <DB>, không có gì thay đổi.\n"
    );
    assert_eq!(k.dump(), dump);
    let english = k
        .test(&["--lang", "en", "init", "--seed", &seed])
        .stdout("Plan 99/KH-TEST is already loaded in <DB>; nothing changed.\n")
        .masked()
        .run();
    assert_eq!(
        stable(&english.stdout, &k),
        "Plan 99/KH-TEST is already loaded in <DB>; nothing changed.\n"
    );
}

/// Each bad seed: exit 3, the exact position and reason, and no database created.
#[test]
fn each_bad_seed_is_refused_with_line_column_and_reason() {
    let cases = [
        ("unknown-unit", "unknown-unit.toml:118:10: đơn vị PX không có trong danh sách [[units]]; có phải PA, PB, KP1?"),
        ("phases-overlap", "phases-overlap.toml:54:11: giai đoạn bắt đầu 20/02/2026, trước khi giai đoạn trước kết thúc (28/02/2026): các giai đoạn chồng lên nhau"),
        ("phase-start-after-end", "phase-start-after-end.toml:60:11: ngày bắt đầu 30/06/2026 sau ngày kết thúc 01/05/2026"),
        ("target-not-number", "target-not-number.toml:80:12: phải là một số (không đặt trong ngoặc kép)"),
        ("duplicate-code", "duplicate-code.toml:87:10: mã TT1.01 bị trùng"),
        ("deadline-outside", "deadline-outside.toml:120:14: ngày 01/03/2027 nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2026)"),
        ("four-phases", "four-phases.toml:153:8: nội dung NV1 phải có đúng 5 giai đoạn, ở đây có 4"),
        ("unknown-kind", "unknown-kind.toml:78:10: loại chỉ tiêu «ratio2» không hợp lệ: dùng một trong percent, count, reduction, growth"),
        ("report-signer", "report-signer.toml:13:13: «CHỦ TỊCH» phải bắt đầu bằng «KT.» (Nghị định 30/2020/NĐ-CP), ví dụ «KT. CHỦ TỊCH»"),
        ("syntax-error", "syntax-error.toml:9:29: tệp TOML sai cú pháp hoặc kiểu dữ liệu: invalid basic string"),
    ];
    for (name, expected) in cases {
        let k = Kehoach::new();
        let seed = fixture(&format!("seeds/invalid/{name}.toml"));
        let folder = "<REPO>/fixtures/seeds/invalid";
        k.test(&["init", "--seed", &seed])
            .status(3)
            .masked()
            .stderr(&format!("Lỗi: Tệp kế hoạch {folder}/{name}.toml không hợp lệ (1 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  {folder}/{expected}\n"))
            .run();
        assert!(!k.db.exists(), "{name}: a database was created");
    }
}

/// The rules no fixture breaks, each broken by one change to the test seed: exit 3, the
/// position and reason, and no database created.
#[test]
fn each_rule_of_the_units_phases_and_plan_dates_is_enforced() {
    let seed = std::fs::read_to_string(fixture("seeds/ward.toml")).unwrap();
    let header = |name: &str, count: usize| {
        format!("Lỗi: Tệp kế hoạch <DIR>/{name}.toml không hợp lệ ({count} lỗi); chưa ghi gì vào cơ sở dữ liệu:\n")
    };
    // (file, the text changed, what it becomes, the problem's position and reason)
    let cases = [
        (
            "several-wards",
            "name = \"Phòng B\"\nparent = \"UBND\"\n",
            "name = \"Phòng B\"\n",
            "27:8: chỉ một đơn vị được không có parent (phường), ở đây có: UBND, PB",
        ),
        (
            "phase-number",
            "  number = 2\n",
            "  number = 3\n",
            "61:12: giai đoạn của TT1 phải đánh số 1..5 theo thứ tự: chờ 2, gặp 3",
        ),
        (
            "task-phase",
            "  phase = 1\n",
            "  phase = 6\n",
            "112:11: giai đoạn 6 không có: chỉ có giai đoạn 1..5",
        ),
    ];
    for (name, from, to, problem) in cases {
        let k = Kehoach::new();
        let path = k.path(&format!("{name}.toml"));
        std::fs::write(&path, seed.replacen(from, to, 1)).unwrap();
        let expected = format!("{}  <DIR>/{name}.toml:{problem}\n", header(name, 1));
        k.test(&["init", "--seed", path.to_str().unwrap()])
            .status(3)
            .masked()
            .stderr(&expected)
            .run();
        assert!(!k.db.exists(), "{name}: a database was created");
    }

    // No unit without a parent: the problem is the plan's, placed at the first [[units]] (it
    // was once placed at the plan's `end`, whose span stood in for the plan's number).
    let k = Kehoach::new();
    let path = k.path("no-ward.toml");
    let ward = "name = \"Ủy ban nhân dân phường Thử Nghiệm\"\n";
    std::fs::write(
        &path,
        seed.replacen(ward, &format!("{ward}parent = \"PA\"\n"), 1),
    )
    .unwrap();
    assert_eq!(seed.lines().nth(15), Some("[[units]]"));
    k.test(&["init", "--seed", path.to_str().unwrap()])
        .status(3)
        .masked()
        .stderr(&format!(
            "{}  <DIR>/no-ward.toml:16:1: không có đơn vị gốc (phường): một đơn vị phải không có parent\n",
            header("no-ward", 1)
        ))
        .run();
    assert!(!k.db.exists());

    // A plan that ends before it starts: said first, at its start, before every date it
    // puts outside the plan.
    let k = Kehoach::new();
    let path = k.path("plan-start-after-end.toml");
    std::fs::write(
        &path,
        seed.replacen("end = 2026-12-31\n", "end = 2025-12-31\n", 1),
    )
    .unwrap();
    let first = format!(
        "{}  <DIR>/plan-start-after-end.toml:13:9: ngày bắt đầu của kế hoạch sau ngày kết thúc\n",
        header("plan-start-after-end", 40)
    );
    k.test(&["init", "--seed", path.to_str().unwrap()])
        .status(3)
        .masked()
        .stderr_check(move |err| assert!(err.starts_with(&first), "{err}"))
        .run();
    assert!(!k.db.exists());
}

#[test]
fn a_bad_seed_over_an_existing_database_changes_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    k.test(&[
        "init",
        "--seed",
        &fixture("seeds/invalid/unknown-unit.toml"),
    ])
    .status(3)
    .stderr("Lỗi: Tệp kế hoạch <REPO>/fixtures/seeds/invalid/unknown-unit.toml không hợp lệ (1 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  \
<REPO>/fixtures/seeds/invalid/unknown-unit.toml:118:10: đơn vị PX không có trong danh sách [[units]]; có phải PA, PB, KP1?\n")
    .masked()
        .run();
    assert_eq!(k.dump(), dump);
}

fn record_some_data(k: &Kehoach) {
    k.test(&[
        "record",
        "TT1.01",
        "412/450",
        "--unit",
        "PA",
        "--date",
        "15/04/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Đã ghi TT1.01 = 91,56% (412/450) cho PA ngày 15/04/2026.\n\
Toàn phường: 91,56% — đạt (Mục tiêu: ≥ 90%)\n",
    )
    .writes()
    .run();
    k.test(&[
        "record",
        "TT1.02",
        "2",
        "--unit",
        "PA",
        "--date",
        "10/05/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Đã ghi TT1.02 = 2 sáng kiến cho PA ngày 10/05/2026.\n\
Toàn phường: 2 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
    )
    .writes()
    .run();
    k.test(&[
        "task",
        "done",
        "TT1.T01",
        "--date",
        "20/02/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout("Nhiệm vụ TT1.T01: hoàn thành ngày 20/02/2026.\n")
    .writes()
    .run();
}

#[test]
fn an_amended_seed_keeps_every_measurement_and_event() {
    let k = Kehoach::with_seed("ward.toml");
    record_some_data(&k);
    let run = k
        .test(&["init", "--seed", &fixture("seeds/ward-amended.toml")])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 13 nhiệm vụ, 5 đơn vị.\n\
Thêm mới: TT1.T08\n\
Sửa đổi: TT1.01, TT1.T05\n",
        )
        .masked()
        .writes()
        .run();
    assert_eq!(
        stable(&run.stdout, &k),
        "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 13 nhiệm vụ, 5 đơn vị.\nThêm mới: TT1.T08\nSửa đổi: TT1.01, TT1.T05\n"
    );
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 2);
    assert_eq!(k.count("SELECT count(*) FROM task_events"), 1);
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
    assert_eq!(show["target"], 92.0);
    assert_eq!(show["latest"]["numerator"], 412.0);
}

#[test]
fn dropping_items_that_hold_data_needs_force_and_keeps_them_retired() {
    let k = Kehoach::with_seed("ward.toml");
    record_some_data(&k);
    let dump = k.dump();
    let seed = fixture("seeds/ward-removed.toml");
    let refused = k
        .test(&["init", "--seed", &seed])
        .status(3)
        .stderr("Lỗi: Tệp <REPO>/fixtures/seeds/ward-removed.toml bỏ đi những mục đã có số liệu; không ghi gì. Thêm --force để vẫn nạp: các mục này được giữ lại, đánh dấu ngừng dùng, không xóa số liệu:\n  \
TT1.02: có 1 số liệu/nhật ký\n  \
TT1.T01: có 1 số liệu/nhật ký\n")
        .masked()
        .run();
    assert!(
        refused
            .stderr
            .contains("bỏ đi những mục đã có số liệu; không ghi gì. Thêm --force"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("TT1.02: có 1 số liệu/nhật ký"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("TT1.T01: có 1 số liệu/nhật ký"),
        "{}",
        refused.stderr
    );
    assert_eq!(k.dump(), dump);

    let forced = k
        .test(&["init", "--seed", &seed, "--force"])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 4 chỉ tiêu, 11 nhiệm vụ, 5 đơn vị.\n\
Giữ lại, ngừng dùng (có số liệu): TT1.02, TT1.T01\n",
        )
        .masked()
        .writes()
        .run();
    assert!(
        forced
            .stdout
            .contains("Giữ lại, ngừng dùng (có số liệu): TT1.02, TT1.T01"),
        "{}",
        forced.stdout
    );
    // Nothing recorded is lost; the retired items are still in the file, marked.
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 2);
    assert_eq!(k.count("SELECT count(*) FROM task_events"), 1);
    assert_eq!(
        k.count("SELECT count(*) FROM indicators WHERE code = 'TT1.02' AND retired = 1"),
        1
    );
    assert_eq!(
        k.count("SELECT count(*) FROM tasks WHERE code = 'TT1.T01' AND retired = 1"),
        1
    );
    let plan = k
        .test(&["plan", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let codes: Vec<&str> = plan["contents"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TT1.01", "TT1.03"]);
    // Loading the full seed again brings them back, with their data.
    k.test(&["init", "--seed", &fixture("seeds/ward.toml")])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 12 nhiệm vụ, 5 đơn vị.\n",
        )
        .masked()
        .writes()
        .run();
    assert_eq!(
        k.count("SELECT count(*) FROM indicators WHERE retired = 1"),
        0
    );
    k.test(&["check"])
        .stdout("<DB>: không có lỗi (2 số liệu, 1 nhật ký nhiệm vụ).\n")
        .writes_nothing()
        .masked()
        .run();
}

#[test]
fn the_embedded_plan_is_all_of_118() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let plan = k
        .test(&["plan", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(plan["plan"]["number"], "118/KH-UBND");
    assert_eq!(plan["plan"]["date"], "2026-05-30");
    let contents = plan["contents"].as_array().unwrap();
    let codes: Vec<&str> = contents
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TT1", "TT2", "TT3", "NV1", "NV2", "NV3", "NV4"]);
    // Each content's phases as the plan dates them.
    let phases = |code: &str| -> Vec<String> {
        let content = contents.iter().find(|c| c["code"] == code).unwrap();
        content["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}..{}",
                    p["start"].as_str().unwrap(),
                    p["end"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        phases("TT1"),
        [
            "2026-05-30..2026-05-31",
            "2026-06-01..2026-12-31",
            "2027-01-01..2027-03-31",
            "2027-04-01..2027-09-30",
            "2027-10-01..2030-12-31"
        ]
    );
    assert_eq!(
        phases("TT2"),
        [
            "2026-05-30..2026-06-30",
            "2026-07-01..2026-12-31",
            "2027-01-01..2027-05-31",
            "2027-06-01..2027-10-30",
            "2027-10-31..2030-12-31"
        ]
    );
    for code in ["TT3", "NV1", "NV2", "NV3", "NV4"] {
        assert_eq!(
            phases(code),
            [
                "2026-05-30..2026-05-31",
                "2026-06-01..2026-12-31",
                "2027-01-01..2027-03-31",
                "2027-04-01..2027-08-27",
                "2027-08-28..2030-12-31"
            ],
            "{code}"
        );
    }
    // Every indicator and task has a responsible unit that exists.
    let units: Vec<&str> = plan["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    for code in ["TTPVHCC", "VPUB", "VHXH", "KTHTDT", "CAP", "KP1", "KP7"] {
        assert!(units.contains(&code), "{code}");
    }
    for content in contents {
        for indicator in content["indicators"].as_array().unwrap() {
            let responsible = indicator["responsible"].as_array().unwrap();
            assert!(!responsible.is_empty());
            assert!(
                responsible
                    .iter()
                    .all(|u| units.contains(&u.as_str().unwrap())),
                "{indicator}"
            );
        }
        for task in content["tasks"].as_array().unwrap() {
            assert!(units.contains(&task["lead"].as_str().unwrap()), "{task}");
            assert_eq!(task["status"], "not_started");
        }
    }
    // The targets the plan is known by.
    let indicator = |code: &str| {
        contents
            .iter()
            .flat_map(|c| c["indicators"].as_array().unwrap())
            .find(|i| i["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            indicator("TT1.03")["comparator"].as_str(),
            indicator("TT1.03")["target"].as_f64()
        ),
        (Some(">="), Some(90.0))
    );
    let initiatives = indicator("TT1.10");
    let split: Vec<String> = initiatives["unit_targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| format!("{} {}", u["unit"].as_str().unwrap(), u["target"]))
        .collect();
    assert_eq!(split, ["TTPVHCC 3.0", "VPUB 2.0", "VHXH 3.0", "KTHTDT 2.0"]);
    assert_eq!(indicator("TT3.05")["kind"], "reduction");
    assert_eq!(indicator("TT3.05")["baseline"]["year"], 2025);
    let disbursement = indicator("NV2.04");
    assert_eq!(disbursement["checkpoints"][0]["date"], "2026-11-30");
    assert_eq!(disbursement["checkpoints"][0]["target"], 95.0);
    assert_eq!(
        (
            disbursement["deadline"].as_str(),
            disbursement["target"].as_f64()
        ),
        (Some("2026-12-31"), Some(100.0))
    );
    assert_eq!(indicator("NV1.05")["target"], 95.0);
    assert_eq!(indicator("NV1.03")["comparator"], "<");
    // The audit against the plan's text (issue 16): TT3.06 was conditional ("khi đủ điều kiện")
    // and is only the task TT3.T15 now; the other codes keep their numbers.
    let codes: Vec<&str> = contents
        .iter()
        .flat_map(|c| c["indicators"].as_array().unwrap())
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 54);
    assert!(!codes.contains(&"TT3.06"));
    assert!(codes.contains(&"TT3.05") && codes.contains(&"TT3.07"));
    let task = |code: &str| {
        contents
            .iter()
            .flat_map(|c| c["tasks"].as_array().unwrap())
            .find(|t| t["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(task("TT3.T15")["deadline"], "2027-08-27");
    // Revenue and construction progress are the Phó Chủ tịch's (l. 453), capital and settlement
    // the Tài chính - Kế toán's (l. 455).
    assert_eq!(task("NV2.T09")["lead"], "PCTKT");
    assert_eq!(task("NV2.T09")["cooperating"], serde_json::json!(["TCKT"]));
    assert_eq!(task("NV2.T10")["lead"], "TCKT");
    assert_eq!(indicator("NV2.06")["responsible"][0], "PCTKT");
    assert_eq!(
        indicator("NV2.01")["responsible"],
        serde_json::json!(["CT", "PCTKT"])
    );
    // Phase 3's "100% không có hồ sơ trễ hạn" is TT1.07's checkpoint at the end of phase 3.
    assert_eq!(
        indicator("TT1.07")["checkpoints"],
        serde_json::json!([{ "date": "2027-03-31", "target": 100.0 }])
    );
    k.test(&["check"])
        .stdout("<DB>: không có lỗi (0 số liệu, 0 nhật ký nhiệm vụ).\n")
        .writes_nothing()
        .masked()
        .run();
}

#[test]
fn snapshots_of_plan_in_both_languages() {
    let k = Kehoach::with_seed("ward.toml");
    for lang in ["vi", "en"] {
        for part in [
            None,
            Some("indicators"),
            Some("tasks"),
            Some("units"),
            Some("phases"),
        ] {
            let mut args = vec!["--lang", lang, "plan"];
            args.extend(part);
            k.test(&args)
                .masked()
                .stdout_check(move |out| {
                    insta::assert_snapshot!(
                        format!("plan_{}_{lang}", part.unwrap_or("contents")),
                        out
                    )
                })
                .run();
        }
    }
    let md = k
        .test(&["plan", "tasks", "--content", "NV1", "--format", "md"])
        .stdout(
            "| Mã | Giai đoạn | Nội dung | Chủ trì | Hạn |\n\
|---|---|---|---|---|\n\
| NV1.T01 | 1 | Lập danh sách hộ nghèo | KP1 | 31/03/2026 |\n\
| NV1.T02 | 2 | Chi trả trợ cấp | KP2 | 31/05/2026 |\n\
| NV1.T03 | 3 | Phiên giao dịch việc làm | PB | 31/07/2026 |\n\
| NV1.T04 | 4 | Đánh giá chỉ số an ninh | KP1 | 31/10/2026 |\n\
| NV1.T05 | 5 | Duy trì mạng lưới an sinh | KP2 | 31/12/2026 |\n",
        )
        .writes_nothing()
        .run();
    insta::assert_snapshot!("plan_tasks_nv1_md", md.stdout);
    let csv = k
        .test(&["plan", "indicators", "--format", "csv"])
        .stdout(
            "﻿Mã;Chỉ tiêu;Mục tiêu;Hạn;Đơn vị chịu trách nhiệm;Các mốc;Chỉ tiêu từng đơn vị\n\
TT1.01;Hồ sơ giải quyết trực tuyến;≥ 90%;30/06/2026;PA, PB;30/04/2026: 80;\n\
TT1.02;Sáng kiến được công nhận;≥ 5 sáng kiến;30/09/2026;PA, PB;;PA 3, PB 2\n\
TT1.03;Tỷ lệ hồ sơ trễ hạn;< 3%;31/12/2026;PB;;\n\
NV1.01;Kéo giảm vụ vi phạm so với năm 2025;giảm ≥ 20% so với 2025;31/10/2026;KP1, KP2;;\n\
NV1.02;Tỷ lệ giải ngân vốn đầu tư công;≥ 100%;31/12/2026;PA;30/11/2026: 95;\n",
        )
        .writes_nothing()
        .run();
    insta::assert_snapshot!("plan_indicators_csv", csv.stdout);
    let embedded = Kehoach::new();
    embedded.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    for lang in ["vi", "en"] {
        embedded
            .test(&["--lang", lang, "plan"])
            .masked()
            .stdout_check(move |out| insta::assert_snapshot!(format!("plan_embedded_{lang}"), out))
            .writes_nothing()
            .run();
    }
}

/// The fingerprint of the plan loaded in `k`'s database.
fn plan_fingerprint(k: &Kehoach) -> String {
    let conn = rusqlite::Connection::open(&k.db).expect("open database");
    conn.query_row("SELECT fingerprint FROM plan WHERE id = 1", [], |r| {
        r.get(0)
    })
    .expect("fingerprint")
}

/// `init` from `seed` (the embedded one when `None`), `plan --format toml`, `init` a second
/// database from that: the same fingerprint and the same `plan --format json`; and the seed
/// written from the second database is the one written from the first.
fn round_trip(seed: Option<&str>) {
    let first = Kehoach::new();
    let mut init = vec!["init"];
    if let Some(seed) = seed {
        init.extend(["--seed", seed]);
    }
    let loaded = |out: &str| assert!(out.starts_with("Đã nạp Kế hoạch "), "{out}");
    first.test(&init).stdout_check(loaded).writes().run();
    for lang in ["vi", "en"] {
        // What the seed holds is checked by loading it back below.
        let seed_text = |out: &str| assert!(out.starts_with("# "), "{out}");
        let written = first
            .test(&["--lang", lang, "plan", "--format", "toml"])
            .stdout_check(seed_text)
            .writes_nothing()
            .run();
        let second = Kehoach::new();
        let file = second.path("written.toml");
        std::fs::write(&file, &written.stdout).expect("write seed");
        second
            .test(&["init", "--seed", &file.display().to_string()])
            .stdout_check(loaded)
            .writes()
            .run();
        assert_eq!(
            plan_fingerprint(&second),
            plan_fingerprint(&first),
            "{seed:?} ({lang}):\n{}",
            written.stdout
        );
        let json = |k: &Kehoach| {
            k.test(&["plan", "--format", "json"])
                .stdout_json()
                .writes_nothing()
                .run()
                .stdout
        };
        assert_eq!(json(&second), json(&first), "{seed:?} ({lang})");
        second
            .test(&["--lang", lang, "plan", "--format", "toml"])
            .stdout(&written.stdout)
            .writes_nothing()
            .run();
    }
}

#[test]
fn the_embedded_plan_written_as_a_seed_loads_back_the_same() {
    round_trip(None);
}

#[test]
fn every_fixture_seed_written_back_loads_the_same() {
    let folder = std::path::Path::new(&fixture("seeds")).to_path_buf();
    let mut seeds: Vec<String> = std::fs::read_dir(&folder)
        .expect("fixtures/seeds")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| path.display().to_string())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 4, "{seeds:?}");
    for seed in &seeds {
        round_trip(Some(seed));
    }
}

#[test]
fn a_seed_written_back_keeps_awkward_text_and_numbers() {
    let k = Kehoach::with_seed("awkward-text.toml");
    let seed = k
        .test(&["plan", "--format", "toml"])
        .stdout("# Kế hoạch 07/KH-UBND của UBND phường \"Thử\" \\ Nghiệm, xuất từ cơ sở dữ liệu bằng `kehoach plan --format toml`.\n\
# Nạp lại bằng `kehoach init --seed TỆP`; định dạng: docs/seed-format.md.\n\
# Chú thích của tệp kế hoạch gốc không được giữ lại.\n\
\n\
[plan]\n\
number = \"07/KH-UBND\"\n\
date = 2026-01-02\n\
issuer = \"UBND phường \\\"Thử\\\" \\\\ Nghiệm\"\n\
place = \"Thử Nghiệm\"\n\
title = \"Kế hoạch có \\\"ngoặc kép\\\",\\nhai dòng và dấu \\\\ gạch ngược\"\n\
start = 2026-01-01\n\
end = 2026-12-31\n\
signer_name = \"Nguyễn Văn A\"\n\
recipients = [\n    \
\"Như trên\",\n    \
\"Lưu: VT, VP (b\\\\c)\",\n\
]\n\
\n\
[report]\n\
signs_for = \"KT. CHỦ TỊCH\"\n\
signer_title = \"PHÓ CHỦ TỊCH\"\n\
signer_name = \"Trần Thị\\tB\"\n\
\n\
[[units]]\n\
code = \"UBND\"\n\
name = \"Ủy ban nhân dân phường Thử Nghiệm\"\n\
aliases = [\"Ủy ban \\\"phường\\\"\"]\n\
\n\
[[units]]\n\
code = \"PA\"\n\
name = \"Phòng A # không phải chú thích\"\n\
parent = \"UBND\"\n\
\n\
[[contents]]\n\
code = \"TT1\"\n\
kind = \"focal\"\n\
title = \"Phục vụ «nhanh»\"\n\
lead = \"PA\"\n\
\n  \
[[contents.phases]]\n  \
number = 1\n  \
name = \"\"\n  \
start = 2026-01-01\n  \
end = 2026-02-28\n\
\n  \
[[contents.phases]]\n  \
number = 2\n  \
name = \"Cao điểm\"\n  \
start = 2026-03-01\n  \
end = 2026-04-30\n\
\n  \
[[contents.phases]]\n  \
number = 3\n  \
name = \"Điểm nghẽn\"\n  \
start = 2026-05-01\n  \
end = 2026-06-30\n\
\n  \
[[contents.phases]]\n  \
number = 4\n  \
name = \"Về đích\"\n  \
start = 2026-07-01\n  \
end = 2026-09-30\n\
\n  \
[[contents.phases]]\n  \
number = 5\n  \
name = \"Duy trì\"\n  \
start = 2026-10-01\n  \
end = 2026-12-31\n\
\n  \
[[contents.indicators]]\n  \
code = \"TT1.01\"\n  \
text = \"Tỷ lệ hồ sơ trực tuyến đạt 95,5%\"\n  \
kind = \"percent\"\n  \
comparator = \">=\"\n  \
target = 95.5\n  \
unit_of_measure = \"%\"\n  \
deadline = 2026-09-30\n  \
responsible = [\"PA\"]\n  \
checkpoints = [{ date = 2026-06-30, target = 0.1 }, { date = 2026-08-31, target = 33.333333333333336 }]\n  \
note = \"Ghi chú có \\\\ và \\\"ngoặc\\\"\"\n\
\n  \
[[contents.indicators]]\n  \
code = \"TT1.02\"\n  \
text = \"Doanh thu tăng 12,5%\"\n  \
kind = \"growth\"\n  \
comparator = \">=\"\n  \
target = 12.5\n  \
unit_of_measure = \"tỷ đồng\"\n  \
deadline = 2026-12-31\n  \
responsible = [\"PA\", \"UBND\"]\n  \
baseline = { year = 2025, value = 1234567.89 }\n\
\n  \
[[contents.tasks]]\n  \
code = \"TT1.T01\"\n  \
phase = 3\n  \
text = \"Việc một,\\nviệc hai\"\n  \
lead = \"PA\"\n  \
cooperating = [\"UBND\"]\n  \
output = \"\"\n  \
deadline = 2026-06-30\n")
        .writes_nothing()
        .run()
        .stdout;
    for line in [
        "issuer = \"UBND phường \\\"Thử\\\" \\\\ Nghiệm\"",
        "title = \"Kế hoạch có \\\"ngoặc kép\\\",\\nhai dòng và dấu \\\\ gạch ngược\"",
        "signer_name = \"Trần Thị\\tB\"",
        "  comparator = \">=\"",
        "  target = 95.5",
        "  checkpoints = [{ date = 2026-06-30, target = 0.1 }, { date = 2026-08-31, target = 33.333333333333336 }]",
        "  baseline = { year = 2025, value = 1234567.89 }",
        // The loader gave the task its phase's end; the written seed says so.
        "  deadline = 2026-06-30",
        "  output = \"\"",
    ] {
        assert!(seed.lines().any(|l| l == line), "{line}\n{seed}");
    }
    assert!(seed.starts_with(
        "# Kế hoạch 07/KH-UBND của UBND phường \"Thử\" \\ Nghiệm, xuất từ cơ sở dữ liệu bằng `kehoach plan --format toml`.\n"
    ));
    let english = k
        .test(&["--lang", "en", "plan", "--format", "toml"])
        .stdout("# Plan 07/KH-UBND of UBND phường \"Thử\" \\ Nghiệm, written from the database by `kehoach plan --format toml`.\n\
# Load it with `kehoach init --seed FILE`; the format: docs/seed-format.md.\n\
# The original seed's comments are not kept.\n\
\n\
[plan]\n\
number = \"07/KH-UBND\"\n\
date = 2026-01-02\n\
issuer = \"UBND phường \\\"Thử\\\" \\\\ Nghiệm\"\n\
place = \"Thử Nghiệm\"\n\
title = \"Kế hoạch có \\\"ngoặc kép\\\",\\nhai dòng và dấu \\\\ gạch ngược\"\n\
start = 2026-01-01\n\
end = 2026-12-31\n\
signer_name = \"Nguyễn Văn A\"\n\
recipients = [\n    \
\"Như trên\",\n    \
\"Lưu: VT, VP (b\\\\c)\",\n\
]\n\
\n\
[report]\n\
signs_for = \"KT. CHỦ TỊCH\"\n\
signer_title = \"PHÓ CHỦ TỊCH\"\n\
signer_name = \"Trần Thị\\tB\"\n\
\n\
[[units]]\n\
code = \"UBND\"\n\
name = \"Ủy ban nhân dân phường Thử Nghiệm\"\n\
aliases = [\"Ủy ban \\\"phường\\\"\"]\n\
\n\
[[units]]\n\
code = \"PA\"\n\
name = \"Phòng A # không phải chú thích\"\n\
parent = \"UBND\"\n\
\n\
[[contents]]\n\
code = \"TT1\"\n\
kind = \"focal\"\n\
title = \"Phục vụ «nhanh»\"\n\
lead = \"PA\"\n\
\n  \
[[contents.phases]]\n  \
number = 1\n  \
name = \"\"\n  \
start = 2026-01-01\n  \
end = 2026-02-28\n\
\n  \
[[contents.phases]]\n  \
number = 2\n  \
name = \"Cao điểm\"\n  \
start = 2026-03-01\n  \
end = 2026-04-30\n\
\n  \
[[contents.phases]]\n  \
number = 3\n  \
name = \"Điểm nghẽn\"\n  \
start = 2026-05-01\n  \
end = 2026-06-30\n\
\n  \
[[contents.phases]]\n  \
number = 4\n  \
name = \"Về đích\"\n  \
start = 2026-07-01\n  \
end = 2026-09-30\n\
\n  \
[[contents.phases]]\n  \
number = 5\n  \
name = \"Duy trì\"\n  \
start = 2026-10-01\n  \
end = 2026-12-31\n\
\n  \
[[contents.indicators]]\n  \
code = \"TT1.01\"\n  \
text = \"Tỷ lệ hồ sơ trực tuyến đạt 95,5%\"\n  \
kind = \"percent\"\n  \
comparator = \">=\"\n  \
target = 95.5\n  \
unit_of_measure = \"%\"\n  \
deadline = 2026-09-30\n  \
responsible = [\"PA\"]\n  \
checkpoints = [{ date = 2026-06-30, target = 0.1 }, { date = 2026-08-31, target = 33.333333333333336 }]\n  \
note = \"Ghi chú có \\\\ và \\\"ngoặc\\\"\"\n\
\n  \
[[contents.indicators]]\n  \
code = \"TT1.02\"\n  \
text = \"Doanh thu tăng 12,5%\"\n  \
kind = \"growth\"\n  \
comparator = \">=\"\n  \
target = 12.5\n  \
unit_of_measure = \"tỷ đồng\"\n  \
deadline = 2026-12-31\n  \
responsible = [\"PA\", \"UBND\"]\n  \
baseline = { year = 2025, value = 1234567.89 }\n\
\n  \
[[contents.tasks]]\n  \
code = \"TT1.T01\"\n  \
phase = 3\n  \
text = \"Việc một,\\nviệc hai\"\n  \
lead = \"PA\"\n  \
cooperating = [\"UBND\"]\n  \
output = \"\"\n  \
deadline = 2026-06-30\n")
        .writes_nothing()
        .run();
    assert!(english.stdout.starts_with(
        "# Plan 07/KH-UBND of UBND phường \"Thử\" \\ Nghiệm, written from the database by `kehoach plan --format toml`.\n"
    ));
}

#[test]
fn a_seed_is_the_whole_plan_not_a_part() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    for (lang, args, message) in [
        ("vi", vec!["plan", "tasks", "--format", "toml"], "error: --format toml xuất cả kế hoạch thành tệp kế hoạch (seed): không dùng cùng một phần (indicators, tasks, units, phases) hay --content"),
        ("en", vec!["plan", "--content", "TT1", "--format", "toml"], "error: --format toml writes the whole plan as a seed: it cannot be combined with a part (indicators, tasks, units, phases) or --content"),
    ] {
        let mut all = vec!["--lang", lang];
        all.extend(args);
        k.test(&all)
            .status(2)
            .stderr_check(move |err| assert_eq!(err.lines().next(), Some(message), "{err}"))
            .run();
    }
    assert_eq!(k.dump(), dump);
}

#[test]
fn a_seed_needs_a_loaded_plan() {
    let k = Kehoach::new();
    let run = k
        .test(&["plan", "--format", "toml"])
        .status(4)
        .stderr("Lỗi: Chưa có cơ sở dữ liệu <DB>: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)\n")
        .writes_nothing()
        .masked()
        .run();
    assert_eq!(run.stdout, "");
    assert_eq!(
        stable(&run.stderr, &k),
        "Lỗi: Chưa có cơ sở dữ liệu <DB>: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)\n"
    );
    assert!(!k.db.exists());
}
