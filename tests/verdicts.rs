//! The verdicts a leadership signs, on the embedded plan: each case reproduces a wrong or
//! contradictory verdict found in use, with the answer computed by hand.

mod common;

use common::Kehoach;

/// The embedded plan (118/KH-UBND), freshly loaded.
fn embedded() -> Kehoach {
    let k = Kehoach::new();
    k.test(&["init"]).stdout("Đã nạp Kế hoạch 118/KH-UBND vào <DB>: 7 nội dung, 54 chỉ tiêu, 85 nhiệm vụ, 30 đơn vị.\n").masked()
        .writes()
.run();
    k
}

/// The numbers of "X/Y" that follow `prefix` in `text`.
fn fraction_after(text: &str, prefix: &str) -> (usize, usize) {
    let at = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix:?} in\n{text}"));
    let rest = &text[at + prefix.len()..];
    let (met, rest) = rest.split_once('/').expect("a fraction");
    let due: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (met.trim().parse().expect("met"), due.parse().expect("due"))
}

#[test]
fn a_phase_that_has_ended_names_its_unfinished_tasks_as_overdue() {
    let k = embedded();
    // TT1's phase 1 runs 30/05–31/05/2026; nothing was done. On 02/06 the phase report judges
    // it at the end of 31/05: its three tasks are overdue, in section I, the grid and section II.
    let vi = k
        .test(&["baocao", "--period", "phase", "--as-of", "02/06/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        vi.contains("Nhiệm vụ: 0 hoàn thành đúng hạn, 0 hoàn thành trễ hạn, 3 quá hạn chưa hoàn thành (TT1.T01, TT1.T02, TT1.T03)"),
        "{vi}"
    );
    assert!(
        !vi.contains("Không có nhiệm vụ hay chỉ tiêu nào quá hạn"),
        "{vi}"
    );
    assert!(
        vi.contains("Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày 31/05/2026"),
        "{vi}"
    );
    // The sentence under the grid counts what the grid's total row counts.
    let grid_total = vi
        .lines()
        .find(|l| l.starts_with("| Tổng |"))
        .expect("total row");
    let total_cell = grid_total.split('|').nth(7).expect("total cell");
    let (met, due) = fraction_after(total_cell, "");
    assert_eq!(fraction_after(&vi, "Tính chung, "), (met, due), "{vi}");
    assert!(due > 0 && met == 0, "{grid_total}");

    let en = k
        .test(&[
            "--lang",
            "en",
            "baocao",
            "--period",
            "phase",
            "--as-of",
            "02/06/2026",
        ])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        en.contains("Tasks: 0 done on time, 0 done late, 3 overdue (TT1.T01, TT1.T02, TT1.T03)"),
        "{en}"
    );
    assert!(en.contains("Compliance by content and phase, at the end of 31/05/2026"));
}

#[test]
fn a_checkpoint_missed_in_the_month_is_in_that_months_report() {
    let k = embedded();
    k.test(&[
        "record",
        "NV2.04",
        "93,5",
        "--date",
        "28/11/2026",
        "--as-of",
        "02/12/2026",
    ])
    .stdout(
        "Đã ghi NV2.04 = 93,5% cho TCKT ngày 28/11/2026.\n\
Toàn phường: 93,5% — chưa đạt (Mục tiêu: ≥ 100%)\n",
    )
    .writes()
    .run();
    let vi = k
        .test(&["baocao", "--as-of", "02/12/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    // The 30/11 checkpoint (≥ 95%) missed, and the 31/12 target not yet due.
    assert!(
        vi.contains("| ≥ 95% | 30/11/2026 | 93,5% | - | quá hạn 1 ngày |"),
        "{vi}"
    );
    assert!(
        vi.contains("| ≥ 100% | 31/12/2026 | 93,5% | - | chưa đến hạn; hiện chưa đạt |"),
        "{vi}"
    );
    let en = k
        .test(&["--lang", "en", "baocao", "--as-of", "02/12/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        en.contains("| ≥ 95% | 30/11/2026 | 93.5% | - | overdue 1 day |"),
        "{en}"
    );
    // During 30/11 itself the checkpoint is still open; overdue says so the next day.
    let during = k
        .test(&["overdue", "--as-of", "30/11/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert!(!during
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "NV2.04"));
    let after = k
        .test(&["overdue", "--as-of", "01/12/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let row = after
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "NV2.04")
        .expect("NV2.04 overdue on 01/12");
    assert_eq!(row["due"], "2026-11-30");
    assert_eq!(row["days_overdue"], 1);
}

#[test]
fn a_task_event_out_of_date_order_is_refused_not_ignored() {
    let k = embedded();
    k.test(&[
        "task",
        "start",
        "TT2.T04",
        "--date",
        "03/11/2026",
        "--as-of",
        "03/12/2026",
    ])
    .stdout("Nhiệm vụ TT2.T04: bắt đầu ngày 03/11/2026.\n")
    .writes()
    .run();
    let before = k.dump();
    let refused = k
        .test(&[
            "task",
            "done",
            "TT2.T04",
            "--date",
            "02/11/2026",
            "--as-of",
            "03/12/2026",
        ])
        .status(3)
        .stderr("Lỗi: Không thể ghi nhiệm vụ TT2.T04 «hoàn thành» ngày 02/11/2026: sổ theo dõi đã có «bắt đầu» ngày 03/11/2026, mà khi đó nhiệm vụ sẽ đang «hoàn thành». Kiểm tra lại ngày (xem: kehoach task log TT2.T04)\n")
        .run();
    assert_eq!(
        refused.stderr,
        "Lỗi: Không thể ghi nhiệm vụ TT2.T04 «hoàn thành» ngày 02/11/2026: sổ theo dõi đã có «bắt đầu» ngày 03/11/2026, mà khi đó nhiệm vụ sẽ đang «hoàn thành». Kiểm tra lại ngày (xem: kehoach task log TT2.T04)\n"
    );
    assert_eq!(refused.stdout, "");
    let en = k
        .test(&[
            "--lang",
            "en",
            "task",
            "done",
            "TT2.T04",
            "--date",
            "02/11/2026",
            "--as-of",
            "03/12/2026",
        ])
        .status(3)
        .stderr("Error: Cannot mark task TT2.T04 \"done\" on 02/11/2026: its log already has \"started\" on 03/11/2026, when the task would then be \"done\". Check the date (see: kehoach task log TT2.T04)\n")
        .run();
    assert_eq!(
        en.stderr,
        "Error: Cannot mark task TT2.T04 \"done\" on 02/11/2026: its log already has \"started\" on 03/11/2026, when the task would then be \"done\". Check the date (see: kehoach task log TT2.T04)\n"
    );
    assert_eq!(k.dump(), before);
    // A reopen dated before the task was done is refused the same way.
    k.test(&[
        "task",
        "done",
        "TT2.T04",
        "--date",
        "05/11/2026",
        "--as-of",
        "03/12/2026",
    ])
    .stdout("Nhiệm vụ TT2.T04: hoàn thành ngày 05/11/2026.\n")
    .writes()
    .run();
    let before = k.dump();
    let reopen = k
        .test(&[
            "task",
            "reopen",
            "TT2.T04",
            "--date",
            "04/11/2026",
            "--as-of",
            "03/12/2026",
        ])
        .status(3)
        .stderr("Lỗi: Nhiệm vụ TT2.T04 ngày 04/11/2026 đang ở trạng thái «đang thực hiện»: không thể chuyển sang «mở lại»\n")
        .run();
    assert_eq!(
        reopen.stderr,
        "Lỗi: Nhiệm vụ TT2.T04 ngày 04/11/2026 đang ở trạng thái «đang thực hiện»: không thể chuyển sang «mở lại»\n"
    );
    assert_eq!(k.dump(), before);
    let list = k
        .test(&[
            "task",
            "list",
            "--content",
            "TT2",
            "--format",
            "json",
            "--as-of",
            "03/12/2026",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let task = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "TT2.T04")
        .unwrap();
    assert_eq!(task["status"], "done");
    assert_eq!(task["done_on"], "2026-11-05");
}

#[test]
fn a_task_file_row_out_of_date_order_is_refused_with_its_place() {
    let k = embedded();
    k.test(&[
        "task",
        "start",
        "TT2.T04",
        "--date",
        "03/11/2026",
        "--as-of",
        "03/12/2026",
    ])
    .stdout("Nhiệm vụ TT2.T04: bắt đầu ngày 03/11/2026.\n")
    .writes()
    .run();
    let file = k.path("nhiem-vu.csv");
    std::fs::write(
        &file,
        "Mã nhiệm vụ;Trạng thái;Ngày\nTT2.T04;hoàn thành;02/11/2026\n",
    )
    .unwrap();
    let before = k.dump();
    let refused = k
        .test(&["import", file.to_str().unwrap(), "--as-of", "03/12/2026"])
        .status(3)
        .stdout("<DIR>/nhiem-vu.csv (UTF-8, «;»): không ghi gì\n\
┌─────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã      ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞═════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT2.T04 ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng    ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└─────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/nhiem-vu.csv:2:2 (Trạng thái): Không thể ghi nhiệm vụ TT2.T04 «hoàn thành» ngày 02/11/2026: sổ theo dõi đã có «bắt đầu» ngày 03/11/2026, mà khi đó nhiệm vụ sẽ đang «hoàn thành». Kiểm tra lại ngày (xem: kehoach task log TT2.T04)\n")
        .masked()
        .run();
    assert!(
        refused.stderr.contains(
            "nhiem-vu.csv:2:2 (Trạng thái): Không thể ghi nhiệm vụ TT2.T04 «hoàn thành» ngày 02/11/2026"
        ),
        "{}",
        refused.stderr
    );
    assert_eq!(k.dump(), before);
}

#[test]
fn no_forecast_from_too_few_readings_and_none_outside_the_domain() {
    let k = embedded();
    // Two readings five days apart: the old line said 262,2 initiatives by 30/09/2027.
    for (date, value) in [("01/11/2026", "2"), ("06/11/2026", "3")] {
        k.test(&[
            "record",
            "TT1.10",
            value,
            "--unit",
            "VHXH",
            "--date",
            date,
            "--as-of",
            "02/12/2026",
        ])
        .stdout_check(move |out| {
            assert!(
                out.starts_with(&format!("Đã ghi TT1.10 = {value}")),
                "{out}"
            )
        })
        .writes()
        .run();
    }
    // A falling rate over four weeks: a straight line would go below zero.
    for (date, value) in [
        ("02/11/2026", "60"),
        ("09/11/2026", "40"),
        ("16/11/2026", "20"),
        ("23/11/2026", "5"),
    ] {
        k.test(&[
            "record",
            "TT3.01",
            value,
            "--unit",
            "CAP",
            "--date",
            date,
            "--as-of",
            "02/12/2026",
        ])
        .stdout_check(move |out| {
            assert!(
                out.starts_with(&format!("Đã ghi TT3.01 = {value}")),
                "{out}"
            )
        })
        .writes()
        .run();
    }
    let weekly = k
        .test(&["weekly", "--as-of", "02/12/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let forecasts = weekly["furthest_from_target"].as_array().unwrap();
    let tt110 = forecasts.iter().find(|f| f["code"] == "TT1.10").unwrap();
    assert_eq!(tt110["forecast"], serde_json::Value::Null);
    assert_eq!(tt110["prediction"]["forecast"], "too_few_readings");
    assert_eq!(tt110["prediction"]["basis"]["readings"], 2);
    for f in forecasts {
        if let Some(value) = f["forecast"].as_f64() {
            assert!(
                (0.0..=100.0).contains(&value) || f["kind"] != "percent",
                "{f}"
            );
            assert!(value >= 0.0, "{f}");
        }
    }
    let text = k
        .test(&["weekly", "--as-of", "02/12/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        text.contains("- TT1.10: hiện 3 sáng kiến, mục tiêu ≥ 10 sáng kiến đến 30/09/2027. Chưa đủ số liệu để dự báo (cần ít nhất 3 số liệu trong 14 ngày; có 2 số liệu trong 5 ngày)."),
        "{text}"
    );
    let en = k
        .test(&["--lang", "en", "weekly", "--as-of", "02/12/2026"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        en.contains("- TT1.10: now 3 sáng kiến, target ≥ 10 sáng kiến by 30/09/2027. Too few figures for a forecast (at least 3 readings over 14 days are needed; there are 2 readings over 5 days)."),
        "{en}"
    );
}

#[test]
fn items_at_risk_are_listed_with_their_reason() {
    let k = embedded();
    k.test(&[
        "record",
        "TT1.10",
        "3",
        "--unit",
        "VHXH",
        "--date",
        "20/11/2026",
        "--as-of",
        "02/12/2026",
    ])
    .stdout(
        "Đã ghi TT1.10 = 3 sáng kiến cho VHXH ngày 20/11/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 10 sáng kiến)\n",
    )
    .writes()
    .run();
    let rows = k
        .test(&[
            "overdue",
            "--at-risk",
            "--as-of",
            "30/11/2026",
            "--format",
            "json",
        ])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let risk = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "TT1.10")
        .expect("TT1.10 at risk");
    // 10 initiatives from 30/05/2026 to 30/09/2027 (488 days): by 30/11/2026 (184 days)
    // the pace asks for 3,77; 3 were reached.
    assert_eq!(risk["at_risk"], true);
    assert_eq!(risk["risk"]["reason"], "behind_pace");
    assert!((risk["risk"]["expected"].as_f64().unwrap() - 10.0 * 184.0 / 488.0).abs() < 1e-9);
    assert_eq!(risk["risk"]["achieved"], 3.0);
    let table = k
        .test(&[
            "overdue",
            "--at-risk",
            "--as-of",
            "30/11/2026",
            "--content",
            "TT1",
        ])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(table.contains("nguy cơ"), "{table}");
    // Without --at-risk nothing that is not overdue is listed.
    let plain = k
        .test(&["overdue", "--as-of", "30/11/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert!(plain
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["at_risk"] == false));
}

#[test]
fn the_weekly_report_speaks_of_its_week_only() {
    let k = embedded();
    let at = ["--as-of", "02/12/2026"];
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(at);
        // The changes' own outputs are not this test's subject; the week's report is read below.
        k.test(&all).stdout_read().run()
    };
    // Done on 25/11, reopened on 27/11: not done at the week's end (29/11).
    run(&["task", "done", "TT1.T04", "--date", "25/11/2026"]);
    run(&["task", "reopen", "TT1.T04", "--date", "27/11/2026"]);
    run(&["task", "done", "TT1.T05", "--date", "26/11/2026"]);
    // Figures dated after the week: not this week's.
    run(&["record", "NV2.04", "96", "--date", "30/11/2026"]);
    run(&[
        "record",
        "TT1.03",
        "91",
        "--unit",
        "TTPVHCC",
        "--date",
        "01/12/2026",
    ]);
    run(&[
        "record",
        "TT1.03",
        "80",
        "--unit",
        "TTPVHCC",
        "--date",
        "24/11/2026",
    ]);
    let weekly = run(&["weekly", "--format", "json"]).json();
    assert_eq!(weekly["week_start"], "2026-11-23");
    assert_eq!(weekly["week_end"], "2026-11-29");
    let done: Vec<&str> = weekly["changes"]["tasks_done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task"].as_str().unwrap())
        .collect();
    assert_eq!(done, ["TT1.T05"]);
    let values: Vec<&str> = weekly["changes"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["2026-11-24"]);
    // The 30/11 checkpoint of NV2.04 falls after the week: not newly overdue this week.
    assert!(!weekly["changes"]["became_overdue"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "NV2.04"));
    // Compliance is at the week's end: NV2.04's 96% dated 30/11 does not count. No item of
    // the plan falls due on 29/11, so the end of 29/11 counts what `report` counts during it.
    let week_end_report = k
        .test(&["report", "--as-of", "29/11/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(weekly["report"]["totals"], week_end_report["totals"]);
    let text = run(&["weekly"]).stdout;
    assert!(
        text.contains("BÁO CÁO TUẦN 23/11/2026 – 29/11/2026"),
        "{text}"
    );
    assert!(text.contains("Tính đến hết ngày 29/11/2026"), "{text}");
}

#[test]
fn a_week_before_the_plan_is_refused_like_baocao() {
    let k = embedded();
    k.test(&["weekly", "--as-of", "01/05/2026"])
        .status(3)
        .stderr("Lỗi: Tuần 20/04/2026 – 26/04/2026 kết thúc trước khi kế hoạch bắt đầu (30/05/2026): chọn --as-of muộn hơn\n")
        .writes_nothing()
.run();
    k.test(&["--lang", "en", "weekly", "--as-of", "01/05/2026"])
        .status(3)
        .stderr("Error: The week 20/04/2026 – 26/04/2026 ends before the plan began (30/05/2026): choose a later --as-of\n")
        .writes_nothing()
.run();
}

#[test]
fn the_weekly_csv_holds_every_section_a_value_per_column() {
    let k = embedded();
    k.test(&[
        "record",
        "NV2.04",
        "93,5",
        "--date",
        "24/11/2026",
        "--as-of",
        "02/12/2026",
    ])
    .stdout(
        "Đã ghi NV2.04 = 93,5% cho TCKT ngày 24/11/2026.\n\
Toàn phường: 93,5% — chưa đạt (Mục tiêu: ≥ 100%)\n",
    )
    .writes()
    .run();
    k.test(&[
        "task",
        "done",
        "TT1.T05",
        "--date",
        "26/11/2026",
        "--as-of",
        "02/12/2026",
    ])
    .stdout("Nhiệm vụ TT1.T05: hoàn thành ngày 26/11/2026.\n")
    .writes()
    .run();
    let csv = k
        .test(&["weekly", "--as-of", "02/12/2026", "--format", "csv"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}Mục;Nội dung;Giai đoạn;Mã;Đơn vị;Ngày;Giá trị;Đã đến hạn;Đạt đúng hạn;Đạt trễ hạn;Quá hạn;Tỷ lệ (%);Số ngày;Ghi chú"
    );
    let sections: std::collections::BTreeSet<&str> =
        lines.clone().filter_map(|l| l.split(';').next()).collect();
    for section in [
        "headline",
        "current_phase",
        "value",
        "task_done",
        "compliance",
        "compliance_change",
        "overdue",
        "at_risk",
        "silent_unit",
        "forecast",
    ] {
        assert!(sections.contains(section), "{section} missing in\n{csv}");
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        assert_eq!(record.len(), 14, "{record:?}");
        assert!(record.iter().all(|cell| !cell.contains('\n')), "{record:?}");
    }
    assert!(
        csv.contains("value;;;NV2.04;TCKT;24/11/2026;93,5;;;;;;;"),
        "{csv}"
    );
}
