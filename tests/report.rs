//! `overdue` and `report` on the test plan with a known set of measurements and task events,
//! at dates before the plan, inside phase 2, on a phase boundary and after the end. The
//! expected figures are worked out by hand in the comments from fixtures/seeds/ward.toml.

mod common;

use common::{hand_worked_data, Kehoach};

/// The known data: task events and measurements, typed in as a clerk would.
fn with_data() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    hand_worked_data(&k);
    k
}

/// "met/due" per phase and the total, for each content and the totals row.
fn grid(k: &Kehoach, as_of: &str) -> Vec<String> {
    let report = k
        .test(&["report", "--as-of", as_of, "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let row = |row: &serde_json::Value| {
        let mut cells: Vec<String> = row["phases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!("{}/{}", p["items_met"], p["items_due"]))
            .collect();
        cells.push(format!(
            "{}/{}",
            row["total"]["items_met"], row["total"]["items_due"]
        ));
        format!("{} {}", row["code"].as_str().unwrap(), cells.join(" "))
    };
    let mut rows: Vec<String> = report["contents"]
        .as_array()
        .unwrap()
        .iter()
        .map(row)
        .collect();
    rows.push(row(&report["totals"]));
    rows
}

fn overdue_codes(k: &Kehoach, as_of: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["overdue", "--as-of", as_of, "--format", "json"];
    args.extend(extra);
    k.test(&args)
        .stdout_json()
        .run()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["code"].as_str().unwrap(), r["days_overdue"]))
        .collect()
}

#[test]
fn before_the_plan_nothing_is_due_and_nothing_is_overdue() {
    let k = with_data();
    assert_eq!(
        grid(&k, "15/12/2025"),
        [
            "TT1 0/0 0/0 0/0 0/0 0/0 0/0",
            "NV1 0/0 0/0 0/0 0/0 0/0 0/0",
            " 0/0 0/0 0/0 0/0 0/0 0/0"
        ]
    );
    let report = k
        .test(&["report", "--as-of", "15/12/2025", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    for content in report["contents"].as_array().unwrap() {
        for phase in content["phases"].as_array().unwrap() {
            assert_eq!(phase["status"], "not_started");
            assert_eq!(phase["compliance_pct"], serde_json::Value::Null);
        }
    }
    assert!(overdue_codes(&k, "15/12/2025", &[]).is_empty());
}

#[test]
fn inside_phase_two() {
    let k = with_data();
    // TT1 phase 1: T01 met, T02 done late. NV1 phase 1: T01 met. Nothing else is due yet.
    assert_eq!(
        grid(&k, "10/04/2026"),
        [
            "TT1 1/2 0/0 0/0 0/0 0/0 1/2",
            "NV1 1/1 0/0 0/0 0/0 0/0 1/1",
            " 2/3 0/0 0/0 0/0 0/0 2/3"
        ]
    );
    let report = k
        .test(&["report", "--as-of", "2026-04-10", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let statuses: Vec<&str> = report["contents"][0]["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "finished",
            "running",
            "not_started",
            "not_started",
            "not_started"
        ]
    );
    assert_eq!(report["contents"][0]["phases"][0]["items_late"], 1);
    assert_eq!(report["contents"][0]["phases"][0]["compliance_pct"], 50.0);
    // A task done late is not overdue; nothing else is past due.
    assert!(overdue_codes(&k, "10/04/2026", &[]).is_empty());
    // What falls due in the next 30 days, in plan order (all three on 30/04, 20 days away).
    assert_eq!(
        overdue_codes(&k, "10/04/2026", &["--due-within", "30"]),
        ["TT1.T03 -20", "TT1.T04 -20", "TT1.01 -20"]
    );
}

#[test]
fn on_a_phase_boundary_the_last_day_still_belongs_to_the_phase() {
    let k = with_data();
    // 30/04 is TT1 phase 2's last day: T03, due today, is not overdue yet; T04 was done today;
    // TT1.01's checkpoint (>= 80%) holds at 90,4%, which also meets the 30/06 target early.
    assert_eq!(
        grid(&k, "30/04/2026"),
        [
            "TT1 1/2 2/2 1/1 0/0 0/0 4/5",
            "NV1 1/1 0/0 0/0 0/0 0/0 1/1",
            " 2/3 2/2 1/1 0/0 0/0 5/6"
        ]
    );
    let report = k
        .test(&["report", "--as-of", "30/04/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(report["contents"][0]["phases"][1]["status"], "running");
    assert!(overdue_codes(&k, "30/04/2026", &[]).is_empty());
    // The next day T03 is one day overdue.
    assert_eq!(overdue_codes(&k, "01/05/2026", &[]), ["TT1.T03 1"]);
}

#[test]
fn after_the_end() {
    let k = with_data();
    // TT1: P1 T01 met, T02 late; P2 T03 overdue, T04 met, checkpoint met; P3 T05 overdue and
    // TT1.01 at 88,4% on 30/06 overdue; P4 T06 cancelled, TT1.02 = 5 met; P5 T07 and TT1.03 met.
    // NV1: P1 met; P2, P3 tasks overdue; P4 T04 overdue, NV1.01 down 25% met; P5 T05 overdue,
    // NV1.02 96% met the 95% checkpoint but not 100% at the deadline.
    assert_eq!(
        grid(&k, "15/01/2027"),
        [
            "TT1 1/2 2/3 0/2 1/1 2/2 6/10",
            "NV1 1/1 0/1 0/1 1/2 1/3 3/8",
            " 2/3 2/4 0/3 2/3 3/5 9/18"
        ]
    );
    assert_eq!(
        overdue_codes(&k, "15/01/2027", &[]),
        [
            "TT1.T03 260",
            "NV1.T02 229",
            "TT1.T05 199",
            "TT1.01 199",
            "NV1.T03 168",
            "NV1.T04 76",
            "NV1.T05 15",
            "NV1.02 15"
        ]
    );
    // Filters.
    assert_eq!(
        overdue_codes(&k, "15/01/2027", &["--unit", "KP2"]),
        ["NV1.T02 229", "NV1.T05 15"]
    );
    assert_eq!(
        overdue_codes(&k, "15/01/2027", &["--content", "tt1"]),
        ["TT1.T03 260", "TT1.T05 199", "TT1.01 199"]
    );
}

#[test]
fn overdue_on_the_embedded_plan_without_data_lists_the_phase_one_tasks() {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    let rows = k
        .test(&["overdue", "--as-of", "25/11/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let rows = rows.as_array().unwrap();
    let tasks: Vec<&serde_json::Value> = rows.iter().filter(|r| r["kind"] == "task").collect();
    assert!(!tasks.is_empty());
    // Every task past due on 25/11/2026 without data is a phase-1 task.
    assert!(tasks.iter().all(|r| r["phase"] == 1), "{tasks:#?}");
    let plan = k
        .test(&["plan", "tasks", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let phase_one = plan
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["phase"] == 1)
        .count();
    assert_eq!(tasks.len(), phase_one);
    // Most overdue first.
    let days: Vec<i64> = rows
        .iter()
        .map(|r| r["days_overdue"].as_i64().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn snapshots_of_report_and_overdue_in_both_languages_and_all_formats() {
    let k = with_data();
    for lang in ["vi", "en"] {
        for format in ["table", "csv", "md", "json"] {
            k.test(&[
                "--lang",
                lang,
                "report",
                "--as-of",
                "15/01/2027",
                "--format",
                format,
            ])
            .masked()
            .stdout_check(move |out| {
                insta::assert_snapshot!(format!("report_after_end_{lang}_{format}"), out)
            })
            .writes_nothing()
            .run();
            k.test(&[
                "--lang",
                lang,
                "overdue",
                "--as-of",
                "15/01/2027",
                "--format",
                format,
            ])
            .masked()
            .stdout_check(move |out| {
                insta::assert_snapshot!(format!("overdue_after_end_{lang}_{format}"), out)
            })
            .writes_nothing()
            .run();
        }
        k.test(&[
            "--lang",
            lang,
            "report",
            "--as-of",
            "15/01/2027",
            "--content",
            "NV1",
        ])
        .masked()
        .stdout_check(move |out| insta::assert_snapshot!(format!("report_nv1_{lang}"), out))
        .writes_nothing()
        .run();
        k.test(&[
            "--lang",
            lang,
            "report",
            "--as-of",
            "15/01/2027",
            "--by",
            "unit",
        ])
        .masked()
        .stdout_check(move |out| insta::assert_snapshot!(format!("report_by_unit_{lang}"), out))
        .writes_nothing()
        .run();
        k.test(&[
            "--lang",
            lang,
            "report",
            "--as-of",
            "30/04/2026",
            "--phase",
            "2",
        ])
        .masked()
        .stdout_check(move |out| {
            insta::assert_snapshot!(format!("report_phase2_boundary_{lang}"), out)
        })
        .writes_nothing()
        .run();
    }
}

#[test]
fn by_unit_judges_each_share_of_a_split_target() {
    let k = with_data();
    let report = k
        .test(&[
            "report",
            "--as-of",
            "15/01/2027",
            "--by",
            "unit",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let units = report["units"].as_array().unwrap();
    let phase4 = |code: &str| {
        let unit = units.iter().find(|u| u["code"] == code).unwrap();
        format!(
            "{}/{}",
            unit["phases"][3]["items_met"], unit["phases"][3]["items_due"]
        )
    };
    // TT1.02 (PA 3, PB 2): PA reached 3 on 20/09, PB 2 on 10/06; PB's T06 was cancelled.
    assert_eq!(phase4("PA"), "1/1");
    assert_eq!(phase4("PB"), "1/1");
}

/// An indicator whose target is reached only after its due dates is late, not met and not
/// overdue: before it is reached both items are overdue, after it both are late, counted so
/// in their phases (the checkpoint in phase 2, the deadline in phase 3).
#[test]
fn an_indicator_met_after_its_deadline_is_late() {
    let k = Kehoach::with_seed("ward.toml");
    let at = ["--as-of", "31/07/2026"];
    for (value, date, ward) in [
        ("70", "15/06/2026", "70% — chưa đạt"),
        ("95", "15/07/2026", "95% — đạt"),
    ] {
        let mut args = vec!["record", "TT1.01", value, "--unit", "PA", "--date", date];
        args.extend(at);
        k.test(&args)
            .stdout(&format!(
                "Đã ghi TT1.01 = {value}% cho PA ngày {date}.\nToàn phường: {ward} (Mục tiêu: ≥ 90%)\n"
            ))
            .writes()
            .run();
    }
    let checkpoints = |as_of: &str| {
        let show = k
            .test(&["show", "TT1.01", "--as-of", as_of, "--format", "json"])
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        let states: Vec<String> = show["checkpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{} {} {}", c["date"], c["state"], c["on"]))
            .collect();
        (show["status"].clone(), states)
    };
    assert_eq!(
        checkpoints("10/07/2026"),
        (
            "not_met".into(),
            vec![
                "\"2026-04-30\" \"overdue\" null".to_string(),
                "\"2026-06-30\" \"overdue\" null".to_string()
            ]
        )
    );
    assert_eq!(
        checkpoints("31/07/2026"),
        (
            "met".into(),
            vec![
                "\"2026-04-30\" \"late\" \"2026-07-15\"".to_string(),
                "\"2026-06-30\" \"late\" \"2026-07-15\"".to_string()
            ]
        )
    );
    let report = k
        .test(&["report", "--as-of", "31/07/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let phases = &report["contents"][0]["phases"];
    // Phase 2: the checkpoint late, T03 and T04 overdue; phase 3: the deadline late, T05
    // overdue.
    for (phase, late, overdue) in [(1, 1, 2), (2, 1, 1)] {
        assert_eq!(
            (
                &phases[phase]["items_late"],
                &phases[phase]["items_overdue"]
            ),
            (&late.into(), &overdue.into()),
            "phase {}",
            phase + 1
        );
    }
}
