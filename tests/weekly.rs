//! `weekly`: the cron report, in every format, reproducible, self-contained, written whole.

mod common;

use common::{june_data, stable, Kehoach};

fn with_data() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    june_data(&k);
    k.run(&[
        "task",
        "done",
        "TT1.T04",
        "--date",
        "24/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .expect(0);
    // A second NV1.01 figure: a trend to draw and to extend to the deadline.
    k.run(&[
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
    .expect(0);
    k
}

#[test]
fn snapshots_in_every_format_and_both_languages() {
    let k = with_data();
    for lang in ["vi", "en"] {
        for format in ["text", "md", "csv", "json", "html"] {
            let run = k
                .run(&[
                    "--lang",
                    lang,
                    "weekly",
                    "--as-of",
                    "29/06/2026",
                    "--format",
                    format,
                ])
                .expect(0);
            insta::assert_snapshot!(format!("weekly_{lang}_{format}"), stable(&run.stdout, &k));
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
            .run(&["weekly", "--as-of", as_of, "--format", "json"])
            .expect(0)
            .json();
        assert_eq!(
            (json["week_start"].as_str(), json["week_end"].as_str()),
            (Some(start), Some(end)),
            "{as_of}"
        );
    }
    let json = k
        .run(&["weekly", "--as-of", "29/06/2026", "--format", "json"])
        .expect(0)
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
    let first = k
        .run(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .expect(0)
        .stdout;
    let second = k
        .run(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .expect(0)
        .stdout;
    assert_eq!(first, second);
    let stamped = k
        .run(&["weekly", "--as-of", "29/06/2026", "--stamp"])
        .expect(0)
        .stdout;
    assert!(
        stamped.contains("Lập lúc 2026-11-25 08:00 (+00:00)"),
        "{stamped}"
    );
}

#[test]
fn the_html_is_one_self_contained_file() {
    let k = with_data();
    let html = k
        .run(&["weekly", "--as-of", "29/06/2026", "--format", "html"])
        .expect(0)
        .stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "an inline chart");
    assert!(
        html.contains("<polyline"),
        "a trend line of an indicator behind its target"
    );
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "external reference {external}");
    }
}

#[test]
fn out_writes_the_whole_file_or_nothing() {
    let k = with_data();
    let out = k.path("bao-cao.html");
    k.run(&[
        "weekly",
        "--as-of",
        "29/06/2026",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect(0);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .ends_with("</html>\n"));
    // A folder that does not exist: the command fails and leaves nothing behind.
    let missing = k.path("khong-co/bao-cao.html");
    let run = k
        .run(&[
            "weekly",
            "--as-of",
            "29/06/2026",
            "--out",
            missing.to_str().unwrap(),
        ])
        .expect(3);
    assert!(run.stderr.contains("Không ghi được"), "{}", run.stderr);
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
        .run(&["weekly", "--out", out.to_str().unwrap()])
        .expect(4);
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
    assert!(String::from_utf8_lossy(&output.stdout)
        .starts_with("# BÁO CÁO TUẦN 22/06/2026 – 28/06/2026"));
    // Without HOME, KEHOACH_DB or --db there is nowhere to look: a clear exit 4.
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
        .env_clear()
        .arg("weekly")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&output.stderr).contains("dùng --db"));
}
