//! `weekly`: the cron report, in every format, reproducible, self-contained, written whole.

mod common;

use common::{june_data, Kehoach};

fn with_data() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    june_data(&k);
    k.test(&[
        "task",
        "done",
        "TT1.T04",
        "--date",
        "24/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout("Nhiệm vụ TT1.T04: hoàn thành ngày 24/06/2026. Trễ 55 ngày so với hạn 30/04/2026.\n")
    .writes()
    .run();
    // A second NV1.01 figure: a trend to draw and to extend to the deadline.
    k.test(&[
        "record",
        "NV1.01",
        "50",
        "--unit",
        "KP1",
        "--date",
        "25/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout(
        "Đã ghi NV1.01 = 50 vụ cho KP1 ngày 25/06/2026.\n\
Toàn phường: giảm 5% — chưa đạt (Mục tiêu: giảm ≥ 20% so với 2025)\n",
    )
    .writes()
    .run();
    k
}

#[test]
fn snapshots_in_every_format_and_both_languages() {
    let k = with_data();
    for lang in ["vi", "en"] {
        for format in ["text", "md", "csv", "json", "html"] {
            k.test(&[
                "--lang",
                lang,
                "weekly",
                "--as-of",
                "29/06/2026",
                "--format",
                format,
            ])
            .masked()
            .stdout_check(move |out| {
                insta::assert_snapshot!(format!("weekly_{lang}_{format}"), out)
            })
            .writes_nothing()
            .run();
        }
    }
}

#[test]
fn the_week_is_the_monday_to_sunday_before_the_as_of_day() {
    let k = with_data();
    for (as_of, start, end) in [
        ("29/06/2026", "2026-06-22", "2026-06-28"),
        ("01/07/2026", "2026-06-22", "2026-06-28"),
        ("05/07/2026", "2026-06-22", "2026-06-28"),
        ("06/07/2026", "2026-06-29", "2026-07-05"),
    ] {
        let json = k
            .test(&["weekly", "--as-of", as_of, "--format", "json"])
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        assert_eq!(
            (json["week_start"].as_str(), json["week_end"].as_str()),
            (Some(start), Some(end)),
            "{as_of}"
        );
    }
    let json = k
        .test(&["weekly", "--as-of", "29/06/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    let done: Vec<&str> = json["changes"]["tasks_done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task"].as_str().unwrap())
        .collect();
    assert_eq!(done, ["TT1.T04"]);
    assert_eq!(json["changes"]["values"].as_array().unwrap().len(), 2);
    assert_eq!(json["headline"]["days_since_start"], 179);
}

#[test]
fn the_same_week_gives_the_same_bytes_and_stamp_is_opt_in() {
    let k = with_data();
    // The page itself is compared whole by the snapshot test.
    let first = k
        .test(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .stdout_check(|html| assert!(html.starts_with("<!DOCTYPE html>")))
        .writes_nothing()
        .run()
        .stdout;
    k.test(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .stdout(&first)
        .writes_nothing()
        .run();
    k.test(&["weekly", "--as-of", "29/06/2026", "--stamp"])
        .stdout_check(|stamped| {
            assert!(
                stamped.contains("Lập lúc 2026-11-25 08:00 (+00:00)"),
                "{stamped}"
            )
        })
        .writes_nothing()
        .run();
}

#[test]
fn the_html_is_one_self_contained_file() {
    let k = with_data();
    k.test(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .stdout_check(|html| {
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert!(html.contains("<svg"), "an inline chart");
            assert!(
                html.contains("<polyline"),
                "a trend line of an indicator behind its target"
            );
            for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
                assert!(!html.contains(external), "external reference {external}");
            }
        })
        .writes_nothing()
        .run();
}

#[test]
fn out_writes_the_whole_file_or_nothing() {
    let k = with_data();
    let out = k.path("bao-cao.html");
    k.test(&[
        "weekly",
        "--as-of",
        "29/06/2026",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ])
    .writes_nothing()
    .run();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .ends_with("</html>\n"));
    // A folder that does not exist: the command fails and leaves nothing behind.
    let missing = k.path("khong-co/bao-cao.html");
    k.test(&[
        "weekly",
        "--as-of",
        "29/06/2026",
        "--out",
        missing.to_str().unwrap(),
    ])
    .status(3)
    .stderr("Lỗi: Không ghi được <DIR>/khong-co/bao-cao.html: không có tệp hoặc thư mục này\n")
    .writes_nothing()
    .masked()
    .run();
    let leftovers: Vec<_> = std::fs::read_dir(k.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A database that does not exist: exit 4, and no report file.
    let nowhere = Kehoach::new();
    let out = nowhere.path("bao-cao.txt");
    nowhere
        .test(&["weekly", "--out", out.to_str().unwrap()])
        .status(4)
        .stderr("Lỗi: Chưa có cơ sở dữ liệu <DB>: chạy «kehoach init» trước (hoặc chỉ đúng tệp bằng --db)\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(!out.exists());
}

#[test]
fn it_runs_under_an_empty_environment_as_cron_does() {
    let k = with_data();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
        .env_clear()
        .env("KEHOACH_DB", &k.db)
        .args(["weekly", "--as-of", "29/06/2026", "--format", "md"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    // The same report as with the test's usual environment.
    let usual = k
        .test(&["weekly", "--as-of", "29/06/2026", "--format", "md"])
        .stdout_check(|md| assert!(md.starts_with("# BÁO CÁO TUẦN 22/06/2026 – 28/06/2026")))
        .writes_nothing()
        .run();
    assert_eq!(String::from_utf8_lossy(&output.stdout), usual.stdout);
    // Without HOME, KEHOACH_DB or --db there is nowhere to look: a clear exit 4.
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
        .env_clear()
        .arg("weekly")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Lỗi: Không biết đặt cơ sở dữ liệu ở đâu (không có HOME): dùng --db TỆP hoặc đặt KEHOACH_DB\n"
    );
}

/// A city's week holds a quarter of a million values: over 200, the text, Markdown and HTML
/// report count them by indicator instead of listing them; JSON and CSV still list every one.
#[test]
fn a_full_week_is_counted_by_indicator_and_listed_only_in_json_and_csv() {
    let k = Kehoach::new();
    k.test(&["init"])
        .masked()
        .stdout_has(&["Đã nạp"])
        .writes()
        .run();
    let units: Vec<String> = k
        .test(&["plan", "units", "--format", "json"])
        .stdout_json()
        .run()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_string())
        .collect();
    // TT1.01 from every unit on every day of the week of 01/06/2026 (a Monday): 210 values,
    // and two of them corrected on the Sunday.
    let mut csv = String::from("Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\n");
    for day in 1..=7 {
        for unit in &units {
            csv.push_str(&format!("TT1.01;{unit};{day:02}/06/2026;90\n"));
        }
    }
    let file = k.path("tuan.csv");
    std::fs::write(&file, csv).unwrap();
    k.test(&["import", file.to_str().unwrap(), "--as-of", "08/06/2026"])
        .stdout_has(&["210"])
        .writes()
        .run();
    let fix = k.path("sua.csv");
    std::fs::write(
        &fix,
        format!(
            "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị\nTT1.01;{0};07/06/2026;95\nTT1.01;{1};07/06/2026;96\n",
            units[0], units[1]
        ),
    )
    .unwrap();
    k.test(&[
        "import",
        fix.to_str().unwrap(),
        "--correct",
        "--as-of",
        "08/06/2026",
    ])
    .stdout_has(&["2"])
    .writes()
    .run();
    let text = k
        .test(&["weekly", "--as-of", "08/06/2026", "--format", "md"])
        .stdout_has(&[
            "212 số liệu được nhập",
            "212 số liệu trong tuần (quá 200 nên không liệt kê từng số), theo chỉ tiêu:",
            "| TT1.01 | 212 | 2 |",
            // Every unit sent something, as unit_days knows without reading the week's rows.
            "## Đơn vị chưa gửi số liệu trong tuần\n\nMọi đơn vị đều đã gửi số liệu.\n",
        ])
        .writes_nothing()
        .run()
        .stdout;
    assert!(
        !text.contains("| 01/06/2026 | TT1.01 |"),
        "no value listed one by one: {text}"
    );
    let json = k
        .test(&["weekly", "--as-of", "08/06/2026", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(json["changes"]["values"].as_array().unwrap().len(), 212);
}
