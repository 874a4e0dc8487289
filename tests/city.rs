//! `export`: three ward databases with known data exported into one folder, read back with
//! the parquet crate (row counts, sums, the verdicts against each ward's own `report`), the
//! schema held to a snapshot, a re-export replacing only its ward, CSV for Excel, every refusal;
//! and, with the PyPI `duckdb` module (always on CI), examples/city/rollup.sql run over the
//! folder, its compliance table equal to each ward's `report --format json`.

mod common;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type};
use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use common::{fixture, stable, Kehoach};

const AS_OF: &str = "31/12/2026";
const DATASETS: [&str; 8] = [
    "plan_contents",
    "plan_phases",
    "indicators",
    "tasks",
    "units",
    "measurements",
    "task_events",
    "verdicts",
];

/// Ward TN01 (its seed declares the code): the data of tests/report.rs, whose figures are
/// worked out by hand there; 7 task events, 10 measurements and 1 correction.
fn ward_one() -> Kehoach {
    let k = Kehoach::with_seed("ward-coded.toml");
    common::hand_worked_data(&k);
    k
}

/// Ward TN02 (the same plan, code given by --ward): one task done, two figures.
fn ward_two() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    k.test(&[
        "task",
        "done",
        "TT1.T01",
        "--date",
        "20/02/2026",
        "--as-of",
        AS_OF,
    ])
    .stdout("Nhiệm vụ TT1.T01: hoàn thành ngày 20/02/2026.\n")
    .writes()
    .run();
    for (value, unit, date) in [("4", "PA", "10/05/2026"), ("1", "PB", "10/06/2026")] {
        let recorded = format!("Đã ghi TT1.02 = {value} sáng kiến cho {unit} ngày {date}.\n");
        k.test(&[
            "record", "TT1.02", value, "--unit", unit, "--date", date, "--as-of", AS_OF,
        ])
        .stdout_check(move |out| assert!(out.starts_with(&recorded), "{out}"))
        .writes()
        .run();
    }
    k
}

/// Ward TN03: the plan and nothing recorded (a silent ward).
fn ward_three() -> Kehoach {
    Kehoach::with_seed("ward.toml")
}

fn export<'k>(k: &'k Kehoach, out: &Path, ward: Option<&str>, format: &str) -> common::Test<'k> {
    let out = out.display().to_string();
    let mut args = vec![
        "export", "--format", format, "--out", &out, "--as-of", AS_OF,
    ];
    // `--ward=CODE`, so that a code starting with '-' reaches the command's own check.
    let ward = ward.map(|w| format!("--ward={w}"));
    args.extend(ward.as_deref());
    k.test(&args)
}

/// The three wards exported into one folder.
fn city() -> (tempfile::TempDir, [Kehoach; 3]) {
    let out = tempfile::tempdir().unwrap();
    let wards = [ward_one(), ward_two(), ward_three()];
    // The folder is not the ward's own, so its path is not masked: the first line is compared.
    let exported = |ward: &str, rows: usize| {
        let first = format!(
            "Đã xuất 8 tập dữ liệu ({rows} dòng) của phường {ward} vào {}\n",
            out.path().display()
        );
        move |stdout: &str| assert!(stdout.starts_with(&first), "{stdout}")
    };
    export(&wards[0], out.path(), None, "parquet")
        .stdout_check(exported("TN01", 71))
        .writes_nothing()
        .run();
    export(&wards[1], out.path(), Some("TN02"), "parquet")
        .stdout_check(exported("TN02", 56))
        .writes_nothing()
        .run();
    export(&wards[2], out.path(), Some("TN03"), "parquet")
        .stdout_check(exported("TN03", 53))
        .writes_nothing()
        .run();
    (out, wards)
}

fn part(out: &Path, dataset: &str, ward: &str, ext: &str) -> PathBuf {
    out.join(dataset)
        .join(format!("ward={ward}"))
        .join(format!("part-0.{ext}"))
}

/// A ward's dataset as the parquet crate reads it back.
fn read(out: &Path, dataset: &str, ward: &str) -> RecordBatch {
    let file = File::open(part(out, dataset, ward, "parquet")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
    // A test's file is one row group: one batch, or none when the dataset is empty.
    assert!(
        batches.len() <= 1,
        "{dataset} {ward}: {} batches",
        batches.len()
    );
    batches
        .into_iter()
        .next()
        .unwrap_or_else(|| RecordBatch::new_empty(schema))
}

fn floats(batch: &RecordBatch, column: &str) -> Vec<Option<f64>> {
    let array = batch.column_by_name(column).unwrap();
    array.as_primitive::<Float64Type>().iter().collect()
}

fn ints(batch: &RecordBatch, column: &str) -> Vec<Option<i32>> {
    let array = batch.column_by_name(column).unwrap();
    array.as_primitive::<Int32Type>().iter().collect()
}

fn bools(batch: &RecordBatch, column: &str) -> Vec<bool> {
    let array = batch.column_by_name(column).unwrap();
    array.as_boolean().iter().map(Option::unwrap).collect()
}

fn texts(batch: &RecordBatch, column: &str) -> Vec<String> {
    let array = batch.column_by_name(column).unwrap();
    array
        .as_string::<i32>()
        .iter()
        .map(|t| t.unwrap_or_default().to_string())
        .collect()
}

fn report(k: &Kehoach) -> serde_json::Value {
    k.test(&["report", "--as-of", AS_OF, "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json()
}

#[test]
fn three_wards_exported_into_one_folder_read_back_with_their_numbers() {
    let (out, wards) = city();
    let codes = ["TN01", "TN02", "TN03"];
    for (k, ward) in wards.iter().zip(codes) {
        for dataset in DATASETS {
            let batch = read(out.path(), dataset, ward);
            assert!(texts(&batch, "ward").iter().all(|w| w == ward), "{dataset}");
            assert!(
                ints(&batch, "schema_version").iter().all(|v| *v == Some(1)),
                "{dataset}"
            );
        }
        // The plan's datasets: the test plan's 2 contents x 5 phases, 5 units.
        assert_eq!(read(out.path(), "plan_contents", ward).num_rows(), 2);
        assert_eq!(read(out.path(), "plan_phases", ward).num_rows(), 10);
        assert_eq!(read(out.path(), "units", ward).num_rows(), 5);
        let plan = k
            .test(&["plan", "--format", "json"])
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        let count = |key: &str| -> usize {
            plan["contents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[key].as_array().unwrap().len())
                .sum()
        };
        assert_eq!(
            read(out.path(), "indicators", ward).num_rows(),
            count("indicators")
        );
        assert_eq!(read(out.path(), "tasks", ward).num_rows(), count("tasks"));

        // The verdicts are the ward's own report: items due and met, in total and per cell.
        let verdicts = read(out.path(), "verdicts", ward);
        let report = report(k);
        let counts = bools(&verdicts, "counts");
        let states = texts(&verdicts, "state");
        let due = counts.iter().filter(|c| **c).count();
        let met = states.iter().filter(|s| *s == "met").count();
        assert_eq!(due as u64, report["totals"]["total"]["items_due"], "{ward}");
        assert_eq!(met as u64, report["totals"]["total"]["items_met"], "{ward}");
        let contents = texts(&verdicts, "content");
        let phases = ints(&verdicts, "phase");
        for row in report["contents"].as_array().unwrap() {
            for cell in row["phases"].as_array().unwrap() {
                let here = |i: usize| {
                    contents[i] == row["code"].as_str().unwrap()
                        && phases[i] == Some(cell["number"].as_i64().unwrap() as i32)
                };
                let cell_due = (0..counts.len()).filter(|&i| here(i) && counts[i]).count();
                let cell_met = (0..counts.len())
                    .filter(|&i| here(i) && states[i] == "met")
                    .count();
                assert_eq!(cell_due as u64, cell["items_due"], "{ward} {row} {cell}");
                assert_eq!(cell_met as u64, cell["items_met"], "{ward} {row} {cell}");
            }
        }
    }

    // Ward TN01: 11 stored measurement rows (one a correction), 7 task events.
    let m = read(out.path(), "measurements", "TN01");
    assert_eq!(m.num_rows(), 11);
    let superseded = bools(&m, "superseded");
    let values = floats(&m, "value");
    let numerators = floats(&m, "numerator");
    assert_eq!(superseded.iter().filter(|s| **s).count(), 1);
    // The replaced value is KP2's 45 for NV1.01, corrected to 35.
    let replaced: Vec<f64> = (0..m.num_rows())
        .filter(|&i| superseded[i])
        .map(|i| values[i].unwrap())
        .collect();
    assert_eq!(replaced, [45.0]);
    // 412 + 40 + 30: the ratio figures' numerators.
    assert_eq!(numerators.iter().flatten().sum::<f64>(), 482.0);
    // The current values sum as the database sums them.
    let current: f64 = (0..m.num_rows())
        .filter(|&i| !superseded[i])
        .map(|i| values[i].unwrap())
        .sum();
    let stored = wards[0]
        .count("SELECT CAST(round(sum(value) * 1000) AS INTEGER) FROM current_measurements");
    assert_eq!((current * 1000.0).round() as i64, stored);
    assert_eq!(read(out.path(), "task_events", "TN01").num_rows(), 7);
    let actions = texts(&read(out.path(), "task_events", "TN01"), "action");
    assert_eq!(actions.iter().filter(|a| *a == "done").count(), 5);

    // Ward TN02: two figures (4 + 1), one task event; TN03: nothing.
    let m = read(out.path(), "measurements", "TN02");
    assert_eq!(m.num_rows(), 2);
    assert_eq!(floats(&m, "value").iter().flatten().sum::<f64>(), 5.0);
    assert_eq!(read(out.path(), "task_events", "TN02").num_rows(), 1);
    assert_eq!(read(out.path(), "measurements", "TN03").num_rows(), 0);
    assert_eq!(read(out.path(), "task_events", "TN03").num_rows(), 0);

    // The three wards hold the same plan, so as many verdict rows each.
    let rows: Vec<usize> = codes
        .iter()
        .map(|w| read(out.path(), "verdicts", w).num_rows())
        .collect();
    assert!(rows.iter().all(|r| *r == rows[0] && *r > 0), "{rows:?}");

    // Nothing half-written is left beside the files.
    let mut leftovers = Vec::new();
    visit(out.path(), &mut |p| {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("part-0.") {
            leftovers.push(name);
        }
    });
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn visit(dir: &Path, each: &mut dyn FnMut(&Path)) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, each);
        } else {
            each(&path);
        }
    }
}

/// The schema is a contract: each dataset's columns and types, as a Parquet reader sees them.
#[test]
fn each_dataset_keeps_its_columns_and_types() {
    let k = ward_two();
    let out = tempfile::tempdir().unwrap();
    export(&k, out.path(), Some("TN02"), "parquet")
        .mask(&out.path().display().to_string(), "<OUT>")
        .stdout(
            "Đã xuất 8 tập dữ liệu (56 dòng) của phường TN02 vào <OUT>\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <OUT>/plan_contents/ward=TN02/part-0.par │\n\
│               ┆         ┆ quet                                               │\n\
│ plan_phases   ┆ 10      ┆ <OUT>/plan_phases/ward=TN02/part-0.parqu │\n\
│               ┆         ┆ et                                                 │\n\
│ indicators    ┆ 5       ┆ <OUT>/indicators/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ tasks         ┆ 12      ┆ <OUT>/tasks/ward=TN02/part-0.parquet     │\n\
│ units         ┆ 5       ┆ <OUT>/units/ward=TN02/part-0.parquet     │\n\
│ measurements  ┆ 2       ┆ <OUT>/measurements/ward=TN02/part-0.parq │\n\
│               ┆         ┆ uet                                                │\n\
│ task_events   ┆ 1       ┆ <OUT>/task_events/ward=TN02/part-0.parqu │\n\
│               ┆         ┆ et                                                 │\n\
│ verdicts      ┆ 19      ┆ <OUT>/verdicts/ward=TN02/part-0.parquet  │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .run();
    for dataset in DATASETS {
        let file = File::open(part(out.path(), dataset, "TN02", "parquet")).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let columns: Vec<String> = builder
            .schema()
            .fields()
            .iter()
            .map(|f| {
                let null = if f.is_nullable() { " NULL" } else { "" };
                format!("{}: {}{null}", f.name(), f.data_type())
            })
            .collect();
        insta::assert_snapshot!(format!("schema_{dataset}"), columns.join("\n"));
    }
}

#[test]
fn a_ward_exported_again_replaces_only_its_own_partition() {
    let (out, wards) = city();
    let other = std::fs::read(part(out.path(), "measurements", "TN02", "parquet")).unwrap();
    wards[0]
        .test(&[
            "record",
            "TT1.03",
            "3",
            "--unit",
            "PB",
            "--date",
            "01/12/2026",
            "--as-of",
            AS_OF,
        ])
        .stdout(
            "Đã ghi TT1.03 = 3% cho PB ngày 01/12/2026.\n\
Toàn phường: 3% — chưa đạt (Mục tiêu: < 3%)\n",
        )
        .writes()
        .run();
    export(&wards[0], out.path(), None, "parquet")
        .mask(&out.path().display().to_string(), "<OUT>")
        .stdout(
            "Đã xuất 8 tập dữ liệu (72 dòng) của phường TN01 vào <OUT>\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <OUT>/plan_contents/ward=TN01/part-0.par │\n\
│               ┆         ┆ quet                                               │\n\
│ plan_phases   ┆ 10      ┆ <OUT>/plan_phases/ward=TN01/part-0.parqu │\n\
│               ┆         ┆ et                                                 │\n\
│ indicators    ┆ 5       ┆ <OUT>/indicators/ward=TN01/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ tasks         ┆ 12      ┆ <OUT>/tasks/ward=TN01/part-0.parquet     │\n\
│ units         ┆ 5       ┆ <OUT>/units/ward=TN01/part-0.parquet     │\n\
│ measurements  ┆ 12      ┆ <OUT>/measurements/ward=TN01/part-0.parq │\n\
│               ┆         ┆ uet                                                │\n\
│ task_events   ┆ 7       ┆ <OUT>/task_events/ward=TN01/part-0.parqu │\n\
│               ┆         ┆ et                                                 │\n\
│ verdicts      ┆ 19      ┆ <OUT>/verdicts/ward=TN01/part-0.parquet  │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .run();
    assert_eq!(read(out.path(), "measurements", "TN01").num_rows(), 12);
    assert_eq!(
        std::fs::read(part(out.path(), "measurements", "TN02", "parquet")).unwrap(),
        other
    );
    assert_eq!(read(out.path(), "measurements", "TN03").num_rows(), 0);
}

#[test]
fn the_summary_names_each_dataset_and_its_rows_in_both_languages() {
    let k = ward_two();
    let out = k.path("city");
    let vi = export(&k, &out, Some("TN02"), "parquet")
        .stdout(
            "Đã xuất 8 tập dữ liệu (56 dòng) của phường TN02 vào <DIR>/city\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <DIR>/city/plan_contents/ward=TN02/part- │\n\
│               ┆         ┆ 0.parquet                                          │\n\
│ plan_phases   ┆ 10      ┆ <DIR>/city/plan_phases/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ indicators    ┆ 5       ┆ <DIR>/city/indicators/ward=TN02/part-0.p │\n\
│               ┆         ┆ arquet                                             │\n\
│ tasks         ┆ 12      ┆ <DIR>/city/tasks/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ units         ┆ 5       ┆ <DIR>/city/units/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ measurements  ┆ 2       ┆ <DIR>/city/measurements/ward=TN02/part-0 │\n\
│               ┆         ┆ .parquet                                           │\n\
│ task_events   ┆ 1       ┆ <DIR>/city/task_events/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ verdicts      ┆ 19      ┆ <DIR>/city/verdicts/ward=TN02/part-0.par │\n\
│               ┆         ┆ quet                                               │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .masked()
        .run();
    let vi = stable(&vi.stdout, &k);
    assert!(vi.starts_with("Đã xuất 8 tập dữ liệu ("), "{vi}");
    assert!(vi.contains("của phường TN02 vào <DIR>/city"), "{vi}");
    assert!(vi.contains("│ measurements  ┆ 2 "), "{vi}");
    let en = k
        .test(&[
            "--lang",
            "en",
            "export",
            "--format",
            "csv",
            "--out",
            &out.display().to_string(),
            "--ward",
            "TN02",
            "--as-of",
            AS_OF,
        ])
        .stdout(
            "Exported 8 datasets (56 rows) of ward TN02 to <DIR>/city\n\
┌───────────────┬──────┬───────────────────────────────────────────────────────┐\n\
│ Dataset       ┆ Rows ┆ File                                                  │\n\
╞═══════════════╪══════╪═══════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2    ┆ <DIR>/city/plan_contents/ward=TN02/part-0.c │\n\
│               ┆      ┆ sv                                                    │\n\
│ plan_phases   ┆ 10   ┆ <DIR>/city/plan_phases/ward=TN02/part-0.csv │\n\
│ indicators    ┆ 5    ┆ <DIR>/city/indicators/ward=TN02/part-0.csv  │\n\
│ tasks         ┆ 12   ┆ <DIR>/city/tasks/ward=TN02/part-0.csv       │\n\
│ units         ┆ 5    ┆ <DIR>/city/units/ward=TN02/part-0.csv       │\n\
│ measurements  ┆ 2    ┆ <DIR>/city/measurements/ward=TN02/part-0.cs │\n\
│               ┆      ┆ v                                                     │\n\
│ task_events   ┆ 1    ┆ <DIR>/city/task_events/ward=TN02/part-0.csv │\n\
│ verdicts      ┆ 19   ┆ <DIR>/city/verdicts/ward=TN02/part-0.csv    │\n\
└───────────────┴──────┴───────────────────────────────────────────────────────┘\n",
        )
        .writes_nothing()
        .masked()
        .run();
    let en = stable(&en.stdout, &k);
    assert!(en.starts_with("Exported 8 datasets ("), "{en}");
    assert!(en.contains("of ward TN02 to <DIR>/city"), "{en}");
}

#[test]
fn csv_has_the_same_layout_and_columns_for_excel() {
    let k = ward_one();
    let out = k.path("csv");
    export(&k, &out, None, "csv")
        .stdout(
            "Đã xuất 8 tập dữ liệu (71 dòng) của phường TN01 vào <DIR>/csv\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <DIR>/csv/plan_contents/ward=TN01/part-0 │\n\
│               ┆         ┆ .csv                                               │\n\
│ plan_phases   ┆ 10      ┆ <DIR>/csv/plan_phases/ward=TN01/part-0.c │\n\
│               ┆         ┆ sv                                                 │\n\
│ indicators    ┆ 5       ┆ <DIR>/csv/indicators/ward=TN01/part-0.cs │\n\
│               ┆         ┆ v                                                  │\n\
│ tasks         ┆ 12      ┆ <DIR>/csv/tasks/ward=TN01/part-0.csv     │\n\
│ units         ┆ 5       ┆ <DIR>/csv/units/ward=TN01/part-0.csv     │\n\
│ measurements  ┆ 11      ┆ <DIR>/csv/measurements/ward=TN01/part-0. │\n\
│               ┆         ┆ csv                                                │\n\
│ task_events   ┆ 7       ┆ <DIR>/csv/task_events/ward=TN01/part-0.c │\n\
│               ┆         ┆ sv                                                 │\n\
│ verdicts      ┆ 19      ┆ <DIR>/csv/verdicts/ward=TN01/part-0.csv  │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .masked()
        .run();
    for dataset in DATASETS {
        assert!(part(&out, dataset, "TN01", "csv").is_file(), "{dataset}");
    }
    let bytes = std::fs::read(part(&out, "measurements", "TN01", "csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "schema_version;ward;id;indicator;unit;date;value;numerator;denominator;baseline;revision;superseded;note;recorded_by;recorded_at;period_start"
    );
    assert_eq!(lines.len(), 12);
    assert!(
        lines.contains(&"1;TN01;1;TT1.01;PA;2026-04-15;91.55555555555556;412;450;false;1;false;;thuky;2026-11-25T08:00:00Z;"),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1;TN01;") && l.contains(";35;;;false;2;false;KP2 báo lại;")),
        "{text}"
    );
}

#[test]
fn the_seed_declares_the_ward_code_and_writes_it_back() {
    let k = Kehoach::with_seed("ward-coded.toml");
    let toml = k
        .test(&["plan", "--format", "toml"])
        .stdout_read()
        .writes_nothing()
        .run()
        .stdout;
    assert!(toml.contains("\nward_code = \"TN01\"\n"), "{toml}");
    // Loaded again from what it wrote, the plan is the same: init changes nothing.
    let written = k.path("written.toml");
    std::fs::write(&written, &toml).unwrap();
    let again = k
        .test(&[
            "--lang",
            "en",
            "init",
            "--seed",
            &written.display().to_string(),
        ])
        .stdout("Plan 99/KH-TEST is already loaded in <DB>; nothing changed.\n")
        .masked()
        .run();
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
}

#[test]
fn without_a_ward_code_export_is_refused_and_writes_nothing() {
    let k = ward_two();
    let out = k.path("city");
    let dump = k.dump();
    let run = export(&k, &out, None, "parquet")
        .status(3)
        .stderr("Lỗi: Chưa biết mã phường để đặt tên phần dữ liệu (ward=MÃ): thêm --ward MÃ, hoặc khai ward_code = \"MÃ\" trong mục [plan] của tệp kế hoạch rồi chạy lại init --seed.\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: Chưa biết mã phường để đặt tên phần dữ liệu (ward=MÃ): thêm --ward MÃ, hoặc khai ward_code = \"MÃ\" trong mục [plan] của tệp kế hoạch rồi chạy lại init --seed.\n"
    );
    let run = k
        .test(&[
            "--lang",
            "en",
            "export",
            "--format",
            "parquet",
            "--out",
            &out.display().to_string(),
        ])
        .status(3)
        .stderr("Error: The ward's code, which names its partition (ward=CODE), is not known: add --ward CODE, or declare ward_code = \"CODE\" in the seed's [plan] and run init --seed again.\n")
        .writes_nothing()
        .run();
    assert_eq!(
        run.stderr,
        "Error: The ward's code, which names its partition (ward=CODE), is not known: add --ward CODE, or declare ward_code = \"CODE\" in the seed's [plan] and run init --seed again.\n"
    );
    assert!(!out.exists());
    assert_eq!(k.dump(), dump);
}

#[test]
fn a_ward_code_that_cannot_name_a_folder_is_refused() {
    let k = ward_two();
    let out = k.path("city");
    for code in ["TN 02", "../TN02", "ward=2", "phường2", "-TN02", ""] {
        export(&k, &out, Some(code), "parquet")
            .status(3)
            .stderr(&format!("Lỗi: mã phường «{code}» không dùng được: chỉ gồm chữ cái không dấu, chữ số, '_' hoặc '-' (1 đến 32 ký tự, bắt đầu bằng chữ hoặc số), ví dụ 26041 hoặc TAMPHUOC\n"))
            .run();
    }
    let run = k
        .test(&[
            "--lang",
            "en",
            "export",
            "--format",
            "csv",
            "--out",
            &out.display().to_string(),
            "--ward",
            "TN/02",
        ])
        .status(3)
        .stderr("Error: ward code «TN/02» cannot be used: only ASCII letters, digits, '_' or '-' (1 to 32 characters, starting with a letter or digit), e.g. 26041 or TAMPHUOC\n")
        .writes_nothing()
        .run();
    assert_eq!(
        run.stderr,
        "Error: ward code «TN/02» cannot be used: only ASCII letters, digits, '_' or '-' (1 to 32 characters, starting with a letter or digit), e.g. 26041 or TAMPHUOC\n"
    );
    assert!(!out.exists());
}

#[test]
fn an_out_that_is_a_file_is_refused() {
    let k = ward_two();
    let out = k.path("city.parquet");
    std::fs::write(&out, "x").unwrap();
    let run = export(&k, &out, Some("TN02"), "parquet")
        .status(3)
        .stderr("Lỗi: --out phải là một thư mục, nhưng <DIR>/city.parquet là một tệp.\n")
        .masked()
        .run();
    assert_eq!(
        stable(&run.stderr, &k),
        "Lỗi: --out phải là một thư mục, nhưng <DIR>/city.parquet là một tệp.\n"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"x");
}

#[test]
fn a_seed_with_a_bad_ward_code_is_refused_at_its_line_and_column() {
    let k = Kehoach::new();
    let seed = fixture("seeds/invalid/ward-code.toml");
    let run = k
        .test(&["init", "--seed", &seed])
        .status(3)
        .stderr("Lỗi: Tệp kế hoạch <REPO>/fixtures/seeds/invalid/ward-code.toml không hợp lệ (1 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  \
<REPO>/fixtures/seeds/invalid/ward-code.toml:15:13: mã phường «phường 1» không dùng được: chỉ gồm chữ cái không dấu, chữ số, '_' hoặc '-' (1 đến 32 ký tự, bắt đầu bằng chữ hoặc số), ví dụ 26041 hoặc TAMPHUOC\n")
        .masked()
        .run();
    let stderr = stable(&run.stderr, &k).replace("<REPO>/fixtures/seeds/invalid/", "");
    assert_eq!(
        stderr,
        "Lỗi: Tệp kế hoạch ward-code.toml không hợp lệ (1 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  ward-code.toml:15:13: mã phường «phường 1» không dùng được: chỉ gồm chữ cái không dấu, chữ số, '_' hoặc '-' (1 đến 32 ký tự, bắt đầu bằng chữ hoặc số), ví dụ 26041 hoặc TAMPHUOC\n"
    );
    assert!(!k.db.exists());
}

/// (ward, content, phase) of the roll-up's compliance table.
type CellKey = (String, String, i64);
/// (items due, items met, compliance %) of one cell.
type CellFigures = (u64, u64, Option<f64>);

/// Whether `python3` can import duckdb; on CI it must.
fn duckdb_python() -> bool {
    let available = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if std::env::var("CI").as_deref() == Ok("true") {
        assert!(
            available,
            "CI=true but python3 cannot import duckdb (.ci/run installs it)"
        );
    }
    available
}

/// The roll-up on the real engine: examples/city/rollup.sql over the three wards, each ward's
/// compliance per content and phase, and in total, equal to its own `report --format json`.
#[test]
fn the_duckdb_rollup_equals_each_wards_own_report() {
    if !duckdb_python() {
        eprintln!("skipped: python3 cannot import duckdb (pip install duckdb)");
        return;
    }
    let (out, wards) = city();
    let sql = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/city/rollup.sql");
    let script = r#"
import duckdb, json, sys
connection = duckdb.connect()
for statement in duckdb.extract_statements(open(sys.argv[1], encoding="utf-8").read()):
    connection.execute(statement)
cells = connection.execute("SELECT ward, content, phase, items_due, items_met, compliance_pct FROM compliance ORDER BY ALL").fetchall()
ranking = connection.execute("SELECT ward, items_due, items_met, rank FROM ward_ranking ORDER BY ward").fetchall()
silent = connection.execute("SELECT ward FROM silent_wards ORDER BY ward").fetchall()
types = dict(connection.execute("SELECT column_name, column_type FROM (DESCRIBE measurements)").fetchall())
print(json.dumps({"cells": cells, "ranking": ranking, "silent": silent, "types": types}, default=str))
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&sql)
        .current_dir(out.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut cells: BTreeMap<CellKey, CellFigures> = BTreeMap::new();
    for cell in result["cells"].as_array().unwrap() {
        cells.insert(
            (
                cell[0].as_str().unwrap().into(),
                cell[1].as_str().unwrap().into(),
                cell[2].as_i64().unwrap(),
            ),
            (
                cell[3].as_u64().unwrap(),
                cell[4].as_u64().unwrap(),
                cell[5].as_f64(),
            ),
        );
    }
    let mut compared = 0;
    for (k, ward) in wards.iter().zip(["TN01", "TN02", "TN03"]) {
        let report = report(k);
        for row in report["contents"].as_array().unwrap() {
            for cell in row["phases"].as_array().unwrap() {
                let key = (
                    ward.to_string(),
                    row["code"].as_str().unwrap().to_string(),
                    cell["number"].as_i64().unwrap(),
                );
                let (due, met, pct) = cells[&key];
                assert_eq!(due, cell["items_due"], "{key:?}");
                assert_eq!(met, cell["items_met"], "{key:?}");
                match (pct, cell["compliance_pct"].as_f64()) {
                    (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{key:?} {a} {b}"),
                    (a, b) => assert_eq!(a, b, "{key:?}"),
                }
                compared += 1;
            }
        }
        let ranking = result["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[0] == ward)
            .unwrap();
        assert_eq!(ranking[1], report["totals"]["total"]["items_due"], "{ward}");
        assert_eq!(ranking[2], report["totals"]["total"]["items_met"], "{ward}");
    }
    assert_eq!(compared, 3 * 2 * 5);
    // DuckDB reads the columns with their own types, not as numbers to decode.
    let types = &result["types"];
    assert_eq!(types["date"], "DATE");
    assert_eq!(types["recorded_at"], "TIMESTAMP WITH TIME ZONE");
    assert_eq!(types["superseded"], "BOOLEAN");
    assert_eq!(types["value"], "DOUBLE");
    assert_eq!(cells.len(), 3 * 2 * 5);
    // TN03 has recorded nothing at all: the roll-up names it silent.
    assert!(
        result["silent"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w[0] == "TN03"),
        "{}",
        result["silent"]
    );
}

/// A file that cannot be written (here a partition's folder is a file) fails the export (exit 1)
/// before anything is renamed: the ward's other datasets keep their old files, and no
/// half-written file is left beside them.
#[test]
fn a_failed_export_leaves_the_old_partition_as_it_was() {
    let k = ward_two();
    let out = k.path("city");
    export(&k, &out, Some("TN02"), "parquet")
        .stdout(
            "Đã xuất 8 tập dữ liệu (56 dòng) của phường TN02 vào <DIR>/city\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <DIR>/city/plan_contents/ward=TN02/part- │\n\
│               ┆         ┆ 0.parquet                                          │\n\
│ plan_phases   ┆ 10      ┆ <DIR>/city/plan_phases/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ indicators    ┆ 5       ┆ <DIR>/city/indicators/ward=TN02/part-0.p │\n\
│               ┆         ┆ arquet                                             │\n\
│ tasks         ┆ 12      ┆ <DIR>/city/tasks/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ units         ┆ 5       ┆ <DIR>/city/units/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ measurements  ┆ 2       ┆ <DIR>/city/measurements/ward=TN02/part-0 │\n\
│               ┆         ┆ .parquet                                           │\n\
│ task_events   ┆ 1       ┆ <DIR>/city/task_events/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ verdicts      ┆ 19      ┆ <DIR>/city/verdicts/ward=TN02/part-0.par │\n\
│               ┆         ┆ quet                                               │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .masked()
        .run();
    let before = std::fs::read(part(&out, "measurements", "TN02", "parquet")).unwrap();
    k.test(&[
        "record",
        "TT1.02",
        "2",
        "--unit",
        "PA",
        "--date",
        "01/12/2026",
        "--as-of",
        AS_OF,
    ])
    .stdout(
        "Đã ghi TT1.02 = 2 sáng kiến cho PA ngày 01/12/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
    )
    .writes()
    .run();
    let blocked = out.join("verdicts").join("ward=TN02");
    std::fs::remove_dir_all(&blocked).unwrap();
    std::fs::write(&blocked, "not a folder").unwrap();
    let run = export(&k, &out, Some("TN02"), "parquet")
        .status(1)
        .stderr("Lỗi: Không ghi được <DIR>/city/verdicts/ward=TN02/part-0.parquet: tệp đã có\n")
        .masked()
        .run();
    let stderr = stable(&run.stderr, &k);
    assert!(
        stderr.starts_with("Lỗi: Không ghi được <DIR>/city/verdicts/ward=TN02/part-0.parquet: "),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(part(&out, "measurements", "TN02", "parquet")).unwrap(),
        before
    );
    let mut leftovers = Vec::new();
    visit(&out, &mut |p| {
        if p.to_string_lossy().ends_with(".tmp") {
            leftovers.push(p.display().to_string());
        }
    });
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The README documents every column of every dataset, in the dataset's own rows of its table.
#[test]
fn the_readme_documents_every_column() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let k = ward_two();
    let out = k.path("city");
    export(&k, &out, Some("TN02"), "parquet")
        .stdout(
            "Đã xuất 8 tập dữ liệu (56 dòng) của phường TN02 vào <DIR>/city\n\
┌───────────────┬─────────┬────────────────────────────────────────────────────┐\n\
│ Tập dữ liệu   ┆ Số dòng ┆ Tệp                                                │\n\
╞═══════════════╪═════════╪════════════════════════════════════════════════════╡\n\
│ plan_contents ┆ 2       ┆ <DIR>/city/plan_contents/ward=TN02/part- │\n\
│               ┆         ┆ 0.parquet                                          │\n\
│ plan_phases   ┆ 10      ┆ <DIR>/city/plan_phases/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ indicators    ┆ 5       ┆ <DIR>/city/indicators/ward=TN02/part-0.p │\n\
│               ┆         ┆ arquet                                             │\n\
│ tasks         ┆ 12      ┆ <DIR>/city/tasks/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ units         ┆ 5       ┆ <DIR>/city/units/ward=TN02/part-0.parque │\n\
│               ┆         ┆ t                                                  │\n\
│ measurements  ┆ 2       ┆ <DIR>/city/measurements/ward=TN02/part-0 │\n\
│               ┆         ┆ .parquet                                           │\n\
│ task_events   ┆ 1       ┆ <DIR>/city/task_events/ward=TN02/part-0. │\n\
│               ┆         ┆ parquet                                            │\n\
│ verdicts      ┆ 19      ┆ <DIR>/city/verdicts/ward=TN02/part-0.par │\n\
│               ┆         ┆ quet                                               │\n\
└───────────────┴─────────┴────────────────────────────────────────────────────┘\n",
        )
        .masked()
        .run();
    for dataset in DATASETS {
        // The dataset's first row, and the rows after it that leave the dataset cell empty.
        let mut rows = readme
            .lines()
            .skip_while(|l| !l.starts_with(&format!("| `{dataset}` |")));
        let mut documented = String::from(rows.next().unwrap_or_default());
        for row in rows.take_while(|l| l.starts_with("| | ")) {
            documented.push_str(row);
        }
        let schema = read(&out, dataset, "TN02").schema();
        for field in schema.fields().iter().skip(2) {
            assert!(
                documented.contains(&format!("`{}`", field.name())),
                "README: {dataset}.{} is not documented",
                field.name()
            );
        }
    }
}
