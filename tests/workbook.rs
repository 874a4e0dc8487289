//! `template` and workbook `import`: the sheet a unit is handed, filled in as a department
//! would and read back; department workbooks (.xlsx, .ods) with and without mapping rules; and
//! every rejection of the CSV path, on a workbook.

mod common;

use std::io::Read;

use calamine::{open_workbook_auto, Data, DataType, Reader, SheetVisible};
use common::{fixture, stable, Kehoach};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const AS_OF: [&str; 2] = ["--as-of", "30/06/2026"];

fn run<'k>(k: &'k Kehoach, command: &str, args: &[&str]) -> common::Test<'k> {
    let mut all = vec![command];
    all.extend(args);
    all.extend(AS_OF);
    k.test(&all)
}

/// The text of one part of an .xlsx package.
fn part(path: &std::path::Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// A value a department types into a cell.
enum Typed {
    Number(f64),
    Text(&'static str),
    Date(u16, u8, u8),
}

/// Fills a template as a department's spreadsheet program would save it: every sheet and cell
/// kept (the hidden identity sheet too), the given cells typed in. (sheet, row, column): 1-based.
fn fill(template: &std::path::Path, out: &std::path::Path, typed: &[(&str, u32, u16, Typed)]) {
    let mut source = open_workbook_auto(template).unwrap();
    let sheets = source.sheets_metadata().to_vec();
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in &sheets {
        let range = source.worksheet_range(&sheet.name).unwrap();
        let out_sheet = workbook.add_worksheet();
        out_sheet.set_name(&sheet.name).unwrap();
        if sheet.visible != SheetVisible::Visible {
            out_sheet.set_hidden(true);
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (row0 + r as u32, (col0 as usize + c) as u16);
                match cell {
                    Data::String(s) => {
                        out_sheet.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        out_sheet.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(i) => {
                        out_sheet.write_number(r, c, *i as f64).unwrap();
                    }
                    Data::DateTime(d) => {
                        out_sheet
                            .write_number_with_format(r, c, d.as_f64(), &date)
                            .unwrap();
                    }
                    _ => {}
                }
            }
        }
        for (name, row, column, value) in typed {
            if *name != sheet.name {
                continue;
            }
            let (r, c) = (row - 1, column - 1);
            match value {
                Typed::Number(n) => out_sheet.write_number(r, c, *n).unwrap(),
                Typed::Text(t) => out_sheet.write_string(r, c, *t).unwrap(),
                Typed::Date(y, m, d) => out_sheet
                    .write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                        &date,
                    )
                    .unwrap(),
            };
        }
    }
    workbook.save(out).unwrap();
}

/// A date cell as dd/mm/yyyy.
fn day(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => {
            let (y, m, d, ..) = d.to_ymd_hms_milli();
            format!("{d:02}/{m:02}/{y}")
        }
        other => format!("not a date: {other:?}"),
    }
}

/// The row (1-based) of a code in a sheet's first column.
fn row_of(path: &std::path::Path, sheet: &str, code: &str) -> u32 {
    let mut workbook = open_workbook_auto(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    let (row0, _) = range.start().unwrap();
    range
        .rows()
        .position(|row| row.first().and_then(|c| c.get_string()) == Some(code))
        .map(|i| row0 + i as u32 + 1)
        .unwrap_or_else(|| panic!("{code} not in {sheet}"))
}

#[test]
fn a_template_filled_by_a_department_imports_and_a_second_time_changes_nothing() {
    let k = Kehoach::with_seed("ward.toml");
    let template = k.path("mau-PA.xlsx");
    let made = run(
        &k,
        "template",
        &["--unit", "PA", "--out", template.to_str().unwrap()],
    )
    .stdout("Đã ghi <DIR>/mau-PA.xlsx: mẫu của PA, 3 chỉ tiêu, 3 nhiệm vụ\n")
    .masked()
    .writes_nothing()
    .run();
    assert_eq!(
        stable(&made.stdout, &k),
        "Đã ghi <DIR>/mau-PA.xlsx: mẫu của PA, 3 chỉ tiêu, 3 nhiệm vụ\n"
    );

    // What the unit sees: its indicators (TT1.01 responsible, TT1.02 its own target of 3,
    // NV1.02), its open tasks, the period's last day, and a hidden identity sheet.
    let mut workbook = open_workbook_auto(&template).unwrap();
    let sheets: Vec<(String, SheetVisible)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    assert_eq!(
        sheets,
        [
            ("Chỉ tiêu".to_string(), SheetVisible::Visible),
            ("Nhiệm vụ".to_string(), SheetVisible::Visible),
            ("_kehoach".to_string(), SheetVisible::Hidden),
        ]
    );
    let indicators = workbook.worksheet_range("Chỉ tiêu").unwrap();
    let header: Vec<String> = indicators
        .rows()
        .nth(3)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Mã chỉ tiêu",
            "Nội dung chỉ tiêu",
            "Chỉ tiêu đề ra",
            "Đơn vị tính",
            "Đơn vị",
            "Ngày",
            "Giá trị",
            "Tử số",
            "Mẫu số",
            "Ghi chú",
            "Kỳ"
        ]
    );
    let rows: Vec<String> = indicators
        .rows()
        .skip(4)
        .map(|r| format!("{} {} {} {}", r[0], r[2], r[4], day(&r[5])))
        .collect();
    assert_eq!(
        rows,
        [
            "TT1.01 ≥ 90% PA 31/05/2026",
            "TT1.02 ≥ 3 sáng kiến PA 31/05/2026",
            "NV1.02 ≥ 100% PA 31/05/2026",
        ]
    );
    let identity = workbook.worksheet_range("_kehoach").unwrap();
    let unit_row = identity.rows().find(|r| r[0] == "unit").unwrap();
    assert_eq!(unit_row[1].to_string(), "PA");
    // Locked code columns on a protected sheet, numbers and a status list validated.
    let sheet1 = part(&template, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("<sheetProtection"), "{sheet1}");
    assert!(sheet1.contains(r#"type="decimal""#) && sheet1.contains("<formula2>100</formula2>"));
    let sheet2 = part(&template, "xl/worksheets/sheet2.xml");
    assert!(
        sheet2.contains(r#"type="list""#) && sheet2.contains("Hoàn thành"),
        "{sheet2}"
    );

    // The department types its figures in, marks a task done, and saves.
    let filled = k.path("mau-PA-da-dien.xlsx");
    let tt101 = row_of(&template, "Chỉ tiêu", "TT1.01");
    let tt102 = row_of(&template, "Chỉ tiêu", "TT1.02");
    let task = row_of(&template, "Nhiệm vụ", "TT1.T04");
    fill(
        &template,
        &filled,
        &[
            ("Chỉ tiêu", tt101, 8, Typed::Number(412.0)),
            ("Chỉ tiêu", tt101, 9, Typed::Number(450.0)),
            ("Chỉ tiêu", tt102, 7, Typed::Number(2.0)),
            ("Chỉ tiêu", tt102, 10, Typed::Text("Quý II")),
            ("Nhiệm vụ", task, 6, Typed::Text("Hoàn thành")),
            ("Nhiệm vụ", task, 7, Typed::Date(2026, 6, 25)),
        ],
    );
    let first = run(
        &k,
        "import",
        &[filled.to_str().unwrap(), "--format", "json"],
    )
    .stdout_json()
    .writes()
    .run()
    .json();
    assert_eq!(
        (
            first[0]["layout"].as_str(),
            first[0]["imported"].as_i64(),
            first[0]["blank"].as_i64()
        ),
        (Some("template"), Some(3), Some(3))
    );
    assert_eq!(
        k.stored(),
        [
            "TT1.01 PA 2026-05-31 91.56 Some(412.0) ",
            "TT1.02 PA 2026-05-31 2.00 None Quý II",
        ]
    );
    let history = k
        .test(&["history", "TT1.02", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(history[0]["note"], "Quý II");
    let log = k
        .test(&["task", "log", "TT1.T04", "--format", "json"])
        .stdout_json()
        .writes_nothing()
        .run()
        .json();
    assert_eq!(log[0]["date"], "2026-06-25");

    let dump = k.dump();
    let again = run(
        &k,
        "import",
        &[filled.to_str().unwrap(), "--format", "json"],
    )
    .stdout_json()
    .writes_nothing()
    .run()
    .json();
    assert_eq!(
        (
            again[0]["imported"].as_i64(),
            again[0]["unchanged"].as_i64()
        ),
        (Some(0), Some(3))
    );
    assert_eq!(k.dump(), dump, "a second import changes nothing");
}

#[test]
fn libreoffice_opens_a_template_and_saves_it_back_still_a_template() {
    let Some(office) = common::libreoffice() else {
        eprintln!(
            "note: LibreOffice not installed; the template was not opened in it (CI fails here)"
        );
        return;
    };
    let k = Kehoach::with_seed("ward.toml");
    let template = k.path("mau-PA.xlsx");
    run(
        &k,
        "template",
        &["--unit", "PA", "--out", template.to_str().unwrap()],
    )
    .stdout("Đã ghi <DIR>/mau-PA.xlsx: mẫu của PA, 3 chỉ tiêu, 3 nhiệm vụ\n")
    .masked()
    .writes_nothing()
    .run();
    // LibreOffice opens it and saves it again, as a department using it would: still a
    // template kehoach knows (the hidden identity sheet kept), every row still there.
    let resaved = k.path("libreoffice");
    let converted = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&resaved)
        .arg(&template)
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let summary = run(
        &k,
        "import",
        &[
            resaved.join("mau-PA.xlsx").to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .stdout_json()
    .writes_nothing()
    .run()
    .json();
    assert_eq!(
        (summary[0]["layout"].as_str(), summary[0]["blank"].as_i64()),
        (Some("template"), Some(6))
    );
}

#[test]
fn the_same_template_twice_is_the_same_bytes() {
    let k = Kehoach::with_seed("ward.toml");
    let (a, b) = (k.path("a.xlsx"), k.path("b.xlsx"));
    run(
        &k,
        "template",
        &["--unit", "PB", "--out", a.to_str().unwrap()],
    )
    .stdout("Đã ghi <DIR>/a.xlsx: mẫu của PB, 3 chỉ tiêu, 1 nhiệm vụ\n")
    .masked()
    .writes_nothing()
    .run();
    run(
        &k,
        "template",
        &["--unit", "PB", "--out", b.to_str().unwrap()],
    )
    .stdout("Đã ghi <DIR>/b.xlsx: mẫu của PB, 3 chỉ tiêu, 1 nhiệm vụ\n")
    .masked()
    .writes_nothing()
    .run();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn a_template_of_an_older_plan_version_is_refused() {
    let k = Kehoach::with_seed("ward.toml");
    let template = k.path("mau.xlsx");
    run(
        &k,
        "template",
        &["--unit", "PA", "--out", template.to_str().unwrap()],
    )
    .stdout("Đã ghi <DIR>/mau.xlsx: mẫu của PA, 3 chỉ tiêu, 3 nhiệm vụ\n")
    .masked()
    .writes_nothing()
    .run();
    let filled = k.path("mau-da-dien.xlsx");
    let row = row_of(&template, "Chỉ tiêu", "TT1.02");
    fill(
        &template,
        &filled,
        &[("Chỉ tiêu", row, 7, Typed::Number(2.0))],
    );
    k.test(&["init", "--seed", &fixture("seeds/ward-amended.toml")])
        .stdout(
            "Đã nạp Kế hoạch 99/KH-TEST vào <DB>: 2 nội dung, 5 chỉ tiêu, 13 nhiệm vụ, 5 đơn vị.\n\
Thêm mới: TT1.T08\n\
Sửa đổi: TT1.01, TT1.T05\n",
        )
        .masked()
        .writes()
        .run();
    let dump = k.dump();
    let refused = run(&k, "import", &[filled.to_str().unwrap()])
        .status(3)
        .stderr("Lỗi: <DIR>/mau-da-dien.xlsx: mẫu này lập theo một phiên bản cũ của kế hoạch (trước khi kế hoạch được nạp lại); các chỉ tiêu có thể đã đổi. Lập mẫu mới bằng «kehoach template --unit PA --as-of 01/06/2026» và gửi lại đơn vị\n")
        .masked()
        .run();
    assert_eq!(
        stable(&refused.stderr, &k),
        "Lỗi: <DIR>/mau-da-dien.xlsx: mẫu này lập theo một phiên bản cũ của kế hoạch (trước khi kế hoạch được nạp lại); các chỉ tiêu có thể đã đổi. Lập mẫu mới bằng «kehoach template --unit PA --as-of 01/06/2026» và gửi lại đơn vị\n"
    );
    assert_eq!(k.dump(), dump, "nothing may be written");
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}

#[test]
fn one_template_per_unit_into_a_folder_named_for_mail() {
    let k = Kehoach::with_seed("ward.toml");
    let dir = k.path("mau-bieu/");
    let made = run(
        &k,
        "template",
        &[
            "--unit",
            "all",
            "--period",
            "week",
            "--out",
            dir.to_str().unwrap(),
        ],
    )
    .stdout(
        "Đã ghi <DIR>/mau-bieu/mau-bieu-PA-2026-W26.xlsx: mẫu của PA, 3 chỉ tiêu, 3 nhiệm vụ\n\
Đã ghi <DIR>/mau-bieu/mau-bieu-PB-2026-W26.xlsx: mẫu của PB, 3 chỉ tiêu, 2 nhiệm vụ\n\
Đã ghi <DIR>/mau-bieu/mau-bieu-KP1-2026-W26.xlsx: mẫu của KP1, 1 chỉ tiêu, 2 nhiệm vụ\n\
Đã ghi <DIR>/mau-bieu/mau-bieu-KP2-2026-W26.xlsx: mẫu của KP2, 1 chỉ tiêu, 1 nhiệm vụ\n\
Không lập mẫu cho các đơn vị không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở: UBND\n",
    )
    .masked()
    .writes_nothing()
    .run();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "mau-bieu-KP1-2026-W26.xlsx",
            "mau-bieu-KP2-2026-W26.xlsx",
            "mau-bieu-PA-2026-W26.xlsx",
            "mau-bieu-PB-2026-W26.xlsx",
        ]
    );
    assert!(
        made.stdout.ends_with("Không lập mẫu cho các đơn vị không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở: UBND\n"),
        "{}",
        made.stdout
    );
}

#[test]
fn a_csv_template_is_the_long_layout_and_imports_once_filled() {
    let k = Kehoach::with_seed("ward.toml");
    let out = k.path("mau-KP1.csv");
    run(
        &k,
        "template",
        &["--unit", "KP1", "--out", out.to_str().unwrap()],
    )
    .stdout(
        "Đã ghi <DIR>/mau-KP1.csv: mẫu của KP1, 1 chỉ tiêu, 0 nhiệm vụ\n\
Đã ghi <DIR>/mau-KP1-nhiem-vu.csv: mẫu của KP1, 0 chỉ tiêu, 2 nhiệm vụ\n",
    )
    .masked()
    .writes_nothing()
    .run();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        text,
        "\u{feff}Mã chỉ tiêu;Nội dung chỉ tiêu;Chỉ tiêu đề ra;Đơn vị tính;Đơn vị;Ngày;Giá trị;Tử số;Mẫu số;Ghi chú;Kỳ\n\
         NV1.01;Kéo giảm vụ vi phạm so với năm 2025;giảm ≥ 20% so với 2025;vụ;KP1;31/05/2026;;;;;\n"
    );
    std::fs::write(&out, text.replace(";31/05/2026;;;;", ";31/05/2026;38;;;")).unwrap();
    run(&k, "import", &[out.to_str().unwrap()])
        .stdout(
            "<DIR>/mau-KP1.csv (UTF-8 BOM, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .masked()
        .run();
    assert_eq!(k.stored(), ["NV1.01 KP1 2026-05-31 38.00 None "]);
}

#[test]
fn template_refuses_what_it_cannot_make() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--out", "bao-cao.pdf"],
            "Lỗi: Không biết ghi mẫu ra bao-cao.pdf: dùng tên tệp .xlsx hoặc .csv, hoặc một thư mục (kết thúc bằng /) khi --unit all\n",
        ),
        (
            &["--unit", "all"],
            "Lỗi: Không biết ghi mẫu ra -: dùng tên tệp .xlsx hoặc .csv, hoặc một thư mục (kết thúc bằng /) khi --unit all\n",
        ),
        (
            &["--unit", "UBND"],
            "Lỗi: Đơn vị UBND không có chỉ tiêu phải báo cáo hay nhiệm vụ đang mở trong kỳ này: không có gì để lập mẫu\n",
        ),
    ];
    for (args, message) in cases {
        run(&k, "template", args).status(3).stderr(message).run();
    }
    assert!(!std::path::Path::new("bao-cao.pdf").exists());
    assert_eq!(k.dump(), dump);
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
fn department_workbooks_give_the_same_rows_as_their_csv() {
    // Real dates, dates as text, a date serial that lost its format, a percent-formatted 2,5%,
    // under a title line: the rows of csv/long-clean.csv.
    for (file, format) in [("long-clean.xlsx", "xlsx"), ("long-clean.ods", "ods")] {
        let k = Kehoach::with_seed("ward.toml");
        let summary = run(
            &k,
            "import",
            &[&fixture(&format!("workbooks/{file}")), "--format", "json"],
        )
        .stdout_json()
        .writes()
        .run()
        .json();
        assert_eq!(summary[0]["format"], format, "{file}");
        assert_eq!(summary[0]["sheets"][0], "Số liệu", "{file}");
        assert_eq!(summary[0]["imported"], 7, "{file}");
        assert_eq!(k.stored(), CLEAN, "{file}");
    }
}

#[test]
fn department_workbooks_are_read_with_mapping_rules_on_their_sheet() {
    for file in ["khu-pho-vi-pham.xlsx", "khu-pho-vi-pham.ods"] {
        let k = Kehoach::with_seed("ward.toml");
        let rules = fixture("maps/khu-pho-vi-pham-workbook.toml");
        let args = [fixture(&format!("workbooks/{file}")), "--map".into(), rules];
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let summary = run(&k, "import", &[&args[..], &["--format", "json"]].concat())
            .stdout_json()
            .writes()
            .run()
            .json();
        assert_eq!(
            (
                summary[0]["layout"].as_str(),
                summary[0]["imported"].as_i64()
            ),
            (Some("mapped"), Some(2)),
            "{file}"
        );
        assert_eq!(
            k.stored(),
            [
                "NV1.01 KP1 2026-06-20 40.00 None ",
                "NV1.01 KP2 2026-06-20 45.00 None "
            ],
            "{file}"
        );
        let again = run(&k, "import", &[&args[..], &["--format", "json"]].concat())
            .stdout_json()
            .writes_nothing()
            .run()
            .json();
        assert_eq!(again[0]["unchanged"], 2, "{file}");
    }
}

#[test]
fn a_bad_row_in_a_workbook_is_placed_by_its_cell_and_nothing_is_written() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    let run_ = run(&k, "import", &[&fixture("workbooks/long-bad-row.xlsx")])
        .status(3)
        .stdout("<REPO>/fixtures/workbooks/long-bad-row.xlsx (xlsx: Số liệu): không ghi gì\n\
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
        .stderr("Lỗi: 3 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n")
        .masked()
        .run();
    assert_eq!(
        stable(&run_.stderr, &k),
        "Lỗi: 3 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n"
    );
    assert_eq!(k.dump(), dump, "nothing may be written");
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);

    // The dry run writes nothing either, and fails as the import would; --skip-invalid keeps
    // the good rows and lists the rest.
    run(
        &k,
        "import",
        &[&fixture("workbooks/long-bad-row.xlsx"), "--dry-run"],
    )
    .status(3)
    .stdout("<REPO>/fixtures/workbooks/long-bad-row.xlsx (xlsx: Số liệu): chạy thử, không ghi gì\n\
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
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n")
    .stderr("Lỗi: 3 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n  \
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n")
    .masked()
        .run();
    assert_eq!(k.dump(), dump);
    let errors = k.path("loi.csv");
    run(
        &k,
        "import",
        &[
            &fixture("workbooks/long-bad-row.xlsx"),
            "--skip-invalid",
            "--errors",
            errors.to_str().unwrap(),
        ],
    )
    .stdout("<REPO>/fixtures/workbooks/long-bad-row.xlsx (xlsx: Số liệu): đã ghi\n\
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
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n\
<REPO>/fixtures/workbooks/long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n")
    .masked()
        .run();
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 3);
    let written = stable(&std::fs::read_to_string(&errors).unwrap(), &k);
    assert_eq!(
        written,
        "\u{feff}Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Lý do từ chối (kehoach)\n\
TT1.02;PA;2026-05-10;#DIV/0!;long-bad-row.xlsx [Số liệu] ô D4 (Giá trị): Giá trị «#DIV/0!» không hợp lệ: ô có lỗi Excel #DIV/0!, không phải số\n\
TT1.02;PC;2026-06-10;2;\"long-bad-row.xlsx [Số liệu] ô B5 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\"\n\
TT1.03;PB;31/02/2026;2,5;long-bad-row.xlsx [Số liệu] ô C6 (Ngày): ngày «31/02/2026» không hợp lệ: ngày 31/02/2026 không có trên lịch\n"
    );
}

/// A long-layout workbook of text rows, as a department would type it.
fn long_workbook(path: &std::path::Path, rows: &[[&str; 5]]) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    workbook.save(path).unwrap();
}

#[test]
fn a_changed_workbook_needs_correct_and_keeps_the_old_value() {
    let k = Kehoach::with_seed("ward.toml");
    run(&k, "import", &[&fixture("workbooks/long-clean.xlsx")])
        .stdout(
            "<REPO>/fixtures/workbooks/long-clean.xlsx (xlsx: Số liệu): đã ghi\n\
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
    // Phòng B sends its sheet again with TT1.02 changed from 2 to 3.
    let changed = k.path("phong-b-gui-lai.xlsx");
    long_workbook(
        &changed,
        &[
            ["Mã chỉ tiêu", "Đơn vị", "Ngày", "Giá trị", "Ghi chú"],
            ["TT1.02", "PB", "10/06/2026", "3", "Phòng B gửi lại"],
        ],
    );
    let dump = k.dump();
    let refused = run(&k, "import", &[changed.to_str().unwrap()])
        .status(3)
        .stdout("<DIR>/phong-b-gui-lai.xlsx (xlsx: Sheet1): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/phong-b-gui-lai.xlsx [Sheet1] ô D2 (Giá trị): TT1.02 của PB ngày 10/06/2026 đã có giá trị 2, tệp ghi 3: dùng --correct nếu đây là số liệu đính chính\n")
        .masked()
        .run();
    assert!(
        refused
            .stderr
            .contains("phong-b-gui-lai.xlsx [Sheet1] ô D2 (Giá trị): "),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("--correct"), "{}", refused.stderr);
    assert_eq!(k.dump(), dump, "nothing may be written");
    let corrected = run(
        &k,
        "import",
        &[changed.to_str().unwrap(), "--correct", "--format", "json"],
    )
    .stdout_json()
    .writes()
    .run()
    .json();
    assert_eq!(corrected[0]["corrected"], 1);
    let kept = k.count(
        "SELECT count(*) FROM measurements m JOIN indicators i ON i.id = m.indicator
         JOIN units u ON u.id = m.unit WHERE i.code = 'TT1.02' AND u.code = 'PB' AND m.value IN (2, 3)",
    );
    assert_eq!(kept, 2, "the old value stays beside the correction");
}

#[test]
fn workbooks_that_cannot_be_read_are_refused_cleanly() {
    let k = Kehoach::with_seed("ward.toml");
    let not_a_workbook = k.path("gia.xlsx");
    std::fs::write(&not_a_workbook, "Mã chỉ tiêu;Giá trị\n").unwrap();
    let unknown_header = k.path("danh-ba.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Họ tên").unwrap();
    sheet.write_string(0, 1, "Số điện thoại").unwrap();
    workbook.save(&unknown_header).unwrap();
    let empty = k.path("trong.xlsx");
    Workbook::new().save(&empty).unwrap();
    let wrong_sheet = k.path("sai-trang.toml");
    std::fs::write(
        &wrong_sheet,
        "sheet = \"Tháng 6\"\nindicator = { column = \"Mã CT\" }\nvalue = { column = \"KP 1\" }\n",
    )
    .unwrap();
    let wrong_column = k.path("sai-cot.toml");
    std::fs::write(
        &wrong_column,
        "sheet = \"Vi phạm\"\nheader_row = 3\nindicator = { column = \"Mã chỉ tiêu\" }\nvalue = { column = \"KP 1\" }\n",
    )
    .unwrap();
    let vi_pham = fixture("workbooks/khu-pho-vi-pham.xlsx");
    let cases: [(Vec<&str>, &str); 5] = [
        (
            vec![not_a_workbook.to_str().unwrap()],
            "gia.xlsx: không đọc được bảng tính (",
        ),
        (
            vec![unknown_header.to_str().unwrap()],
            "danh-ba.xlsx [Sheet1]:1: không nhận ra dòng tiêu đề «Họ tên | Số điện thoại»",
        ),
        (
            vec![empty.to_str().unwrap()],
            "trong.xlsx: bảng tính trống, không trang nào có dòng tiêu đề",
        ),
        (
            vec![&vi_pham, "--map", wrong_sheet.to_str().unwrap()],
            "khu-pho-vi-pham.xlsx: không có trang «Tháng 6»; các trang có: Ghi chú, Vi phạm",
        ),
        (
            vec![&vi_pham, "--map", wrong_column.to_str().unwrap()],
            "khu-pho-vi-pham.xlsx [Vi phạm]:3: dòng tiêu đề «STT | Mã CT | Chỉ tiêu | KP 1 | KP 2 | Cộng» không có cột «Mã chỉ tiêu»",
        ),
    ];
    for (args, message) in cases {
        let message = message.to_string();
        run(&k, "import", &args)
            .status(3)
            .stderr_check(move |err| {
                assert!(err.starts_with("Lỗi: ") && err.contains(&message), "{err}")
            })
            .run();
    }
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
    assert_eq!(k.count("SELECT count(*) FROM imports"), 0);
}

#[test]
fn english_templates_have_english_headers_that_import_the_same() {
    let k = Kehoach::with_seed("ward.toml");
    let out = k.path("template-PB.xlsx");
    k.test(&[
        "--lang",
        "en",
        "template",
        "--unit",
        "PB",
        "--out",
        out.to_str().unwrap(),
        "--as-of",
        "30/06/2026",
    ])
    .stdout("Wrote <DIR>/template-PB.xlsx: PB's template, 3 indicators, 1 task\n")
    .writes_nothing()
    .masked()
    .run();
    let workbook = open_workbook_auto(&out).unwrap();
    assert_eq!(workbook.sheet_names()[..2], ["Indicators", "Tasks"]);
    let filled = k.path("filled.xlsx");
    let row = row_of(&out, "Indicators", "TT1.03");
    fill(&out, &filled, &[("Indicators", row, 7, Typed::Number(2.5))]);
    run(&k, "import", &[filled.to_str().unwrap()])
        .stdout(
            "<DIR>/filled.xlsx (xlsx: Indicators, Tasks): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.03 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 4   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
3 dòng để trống giá trị (hoặc trạng thái): bỏ qua\n",
        )
        .masked()
        .writes()
        .run();
    assert_eq!(k.stored(), ["TT1.03 PB 2026-05-31 2.50 None "]);
}
