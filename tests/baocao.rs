//! `baocao`: the periodic report in the state's layout, as Markdown, HTML and .docx, for
//! fixture data at fixed dates; the header blocks from the seed; a valid, reproducible .docx.

mod common;

use std::io::Read;

use common::{fixture, stable, Kehoach};

/// The ward fixture with the clean CSV and the task file imported, as of 30/06/2026.
fn ward_with_data() -> Kehoach {
    let k = Kehoach::with_seed("ward.toml");
    for file in ["csv/long-clean.csv", "csv/tasks.csv"] {
        k.run(&["import", &fixture(file), "--as-of", "30/06/2026"])
            .expect(0);
    }
    k
}

#[test]
fn the_monthly_report_in_vietnamese_and_english() {
    let k = ward_with_data();
    // As of 01/07/2026 the month just ended is June: everything is judged as of 30/06/2026.
    let vi = k
        .run(&["baocao", "--as-of", "01/07/2026", "--so", "07"])
        .expect(0);
    for expected in [
        "Số: 07/BC-UBND",
        "*Thử Nghiệm, ngày 01 tháng 7 năm 2026*",
        "<b>BÁO CÁO</b><br><b>Kết quả thực hiện Kế hoạch số 99/KH-TEST ngày 1/1/2026 của UBND phường Thử Nghiệm tháng 06/2026</b>",
        "## I. KẾT QUẢ THỰC HIỆN",
        "### 1. TT1 - ",
        "### 2. NV1 - ",
        "**Bảng 1. Kết quả các chỉ tiêu của TT1 đến hết ngày 30/06/2026**",
        // PA 412/450 and PB 40/50 on 15/04: the ward's 452/500.
        "| TT1.01 | ",
        "| 90,4% | - | đạt (15/04/2026) |",
        "## II. ĐÁNH GIÁ CHUNG",
        // Section II sums up section I's tables: TT1.01 and TT1.03 met, TT1.02 and NV1.01 not.
        "Về chỉ tiêu: 2/5 chỉ tiêu đạt mục tiêu (TT1.01, TT1.03); 2 chỉ tiêu chưa đạt (TT1.02, NV1.01); 1 chỉ tiêu chưa có số liệu",
        "## III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "> *[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]*",
    ] {
        assert!(vi.stdout.contains(expected), "missing {expected:?} in\n{}", vi.stdout);
    }
    insta::assert_snapshot!("baocao_month_vi", stable(&vi.stdout, &k));
    let en = k
        .run(&["--lang", "en", "baocao", "--as-of", "01/07/2026"])
        .expect(0);
    assert!(en.stdout.contains("## I. RESULTS"), "{}", en.stdout);
    insta::assert_snapshot!("baocao_month_en", stable(&en.stdout, &k));
}

#[test]
fn the_header_and_signature_blocks_come_from_the_seed() {
    let k = Kehoach::new();
    k.run(&["init"]).expect(0);
    let md = k.run(&["baocao", "--as-of", "25/11/2026"]).expect(0).stdout;
    for expected in [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG NAI<br>**ỦY BAN NHÂN DÂN PHƯỜNG TAM PHƯỚC**<br>Số:        /BC-UBND",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Tam Phước, ngày 25 tháng 11 năm 2026*",
        "Kết quả thực hiện Kế hoạch số 118/KH-UBND ngày 30/5/2026 của UBND phường Tam Phước tháng 10/2026",
        // As of 25/11/2026 the month reported is October, its first to its last day.
        "UBND phường Tam Phước báo cáo kết quả thực hiện tháng 10/2026 (từ ngày 01/10/2026 đến ngày 31/10/2026) như sau:",
        // The seed's [report] recipients, not the plan's.
        "***Nơi nhận:***<br>- UBND thành phố Đồng Nai (b/c);<br>- TT.Đảng ủy phường (b/c);",
        "- Chủ tịch, các PCT.UBND phường;<br>- Lưu: VT, VP. |",
        "**TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Vũ Quốc Thái**",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(
        !md.contains("Tuyệt"),
        "the plan's own recipients stay the plan's"
    );
    // Every content of the plan has its section.
    for (n, code) in ["TT1", "TT2", "TT3", "NV1", "NV2", "NV3", "NV4"]
        .iter()
        .enumerate()
    {
        assert!(md.contains(&format!("### {}. {code} - ", n + 1)), "{code}");
    }
}

/// The ward's seed with a `[report]` of its own: the report's recipients and a deputy signing.
const REPORT_TABLE: &str = r#"
[report]
recipients = ["Thường trực Đảng ủy phường (b/c)", "UBND thành phố (b/c)", "Lưu: VT, VP"]
signs_for = "KT. CHỦ TỊCH"
signer_title = "PHÓ CHỦ TỊCH"
signer_name = "Nguyễn Văn A"
"#;

/// A seed written into the test's folder: fixtures/seeds/ward.toml with `extra` after it.
fn ward_seed_with(k: &Kehoach, extra: &str) -> String {
    let ward = std::fs::read_to_string(fixture("seeds/ward.toml")).unwrap();
    let path = k.path("ward-report.toml");
    std::fs::write(&path, format!("{ward}{extra}")).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_seeds_report_table_addresses_and_signs_the_report() {
    let k = Kehoach::new();
    k.run(&["init", "--seed", &ward_seed_with(&k, REPORT_TABLE)])
        .expect(0);
    let md = k.run(&["baocao", "--as-of", "01/07/2026"]).expect(0).stdout;
    let footer = "| ***Nơi nhận:***<br>- Thường trực Đảng ủy phường (b/c);<br>- UBND thành phố (b/c);<br>- Lưu: VT, VP. \
         | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br>**Nguyễn Văn A** |";
    assert!(md.contains(footer), "missing {footer:?} in\n{md}");
    // Stored with the plan, and shown in the plan's JSON.
    let plan = k.run(&["plan", "--format", "json"]).expect(0).json();
    assert_eq!(plan["plan"]["report"]["signs_for"], "KT. CHỦ TỊCH");
    // The .docx carries the same blocks.
    let out = k.path("bc.docx");
    k.run(&[
        "baocao",
        "--as-of",
        "01/07/2026",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect(0);
    let (_, document) = unzip(&std::fs::read(&out).unwrap(), "word/document.xml");
    for expected in [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "- Lưu: VT, VP.",
    ] {
        assert!(
            document.contains(expected),
            "missing {expected:?} in the .docx"
        );
    }
}

#[test]
fn a_report_table_that_breaks_the_decree_is_refused_where_it_is_wrong() {
    let k = Kehoach::new();
    let seed = ward_seed_with(
        &k,
        "\n[report]\nrecipients = [\"UBND thành phố\", \" \"]\nauthority = \"ỦY BAN NHÂN DÂN\"\nsigns_for = \"KT. CHỦ TỊCH\"\n",
    );
    let run = k.run(&["init", "--seed", &seed]).expect(3);
    let stderr = stable(&run.stderr, &k).replace("<DIR>/", "");
    assert_eq!(
        stderr,
        "Lỗi: Tệp kế hoạch ward-report.toml không hợp lệ (3 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n\
         \x20 ward-report.toml:247:14: không được để trống: ghi nội dung hoặc bỏ hẳn mục này\n\
         \x20 ward-report.toml:248:13: «ỦY BAN NHÂN DÂN» phải bắt đầu bằng «TM.» (Nghị định 30/2020/NĐ-CP), ví dụ «TM. ỦY BAN NHÂN DÂN»\n\
         \x20 ward-report.toml:249:13: có signs_for (người ký thay) thì phải có signer_title của người ký, ví dụ «PHÓ CHỦ TỊCH»\n"
    );
    assert!(!k.db.exists(), "nothing written");
}

#[test]
fn a_database_from_before_the_report_table_is_migrated_and_reports_as_the_plan() {
    let k = Kehoach::new();
    // A database written by schema version 3, taken back to the schema as it was before
    // migrations/002-report.sql: the report's recipients are then the plan's.
    std::fs::copy(common::fixture("databases/v3.db"), &k.db).unwrap();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch(
        "ALTER TABLE plan DROP COLUMN report;
         ALTER TABLE indicators DROP COLUMN accumulation;
         ALTER TABLE indicators DROP COLUMN baseline_against;
         ALTER TABLE measurements DROP COLUMN period_start;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let md = k.run(&["baocao", "--as-of", "01/07/2026"]).expect(0).stdout;
    assert!(
        md.contains(
            "| ***Nơi nhận:***<br>- UBND thành phố Đồng Nai;<br>- TT.Đảng ủy phường;<br>\
             - TT.HĐND phường;<br>- Ban Xây dựng đảng;<br>- TT.Đảng ủy UBND phường;<br>\
             - TT.MTTQVN phường;<br>- Chủ tịch, các PCT.UBND phường;<br>\
             - Chánh, Phó CVP.HĐND-UBND phường;<br>- Các đơn vị, phòng ban trực thuộc UBND phường;<br>\
             - Công an, Quân sự phường;<br>- Trạm y tế, Các trường học;<br>- Lưu: VT, VP (Tuyệt). | \
             **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Vũ Quốc Thái** |"
        ),
        "{md}"
    );
    assert_eq!(k.count("PRAGMA user_version"), 4);
    assert_eq!(k.count("SELECT count(*) FROM plan WHERE report = '{}'"), 1);
}

/// The entries of a zip package and the text of one of them.
fn unzip(bytes: &[u8], name: &str) -> (Vec<String>, String) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    (names, text)
}

#[test]
fn the_docx_is_a_valid_package_with_the_same_bytes_every_time() {
    let k = Kehoach::new();
    k.run(&["init"]).expect(0);
    let (a, b) = (k.path("bao-cao.docx"), k.path("lan-hai.docx"));
    for path in [&a, &b] {
        k.run(&[
            "baocao",
            "--as-of",
            "25/11/2026",
            "--so",
            "25",
            "--out",
            path.to_str().unwrap(),
        ])
        .expect(0);
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "same data, same bytes");
    let (names, document) = unzip(&bytes, "word/document.xml");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    // The XML parses from start to end.
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Text(t) => text.push_str(&t.into_inner()),
            _ => {}
        }
    }
    for expected in [
        // The issuing body on two even lines, each its own paragraph.
        "THÀNH PHỐ ĐỒNG NAIỦY BAN NHÂN DÂNPHƯỜNG TAM PHƯỚC",
        "Số: 25/BC-UBND",
        "BÁO CÁO",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "Vũ Quốc Thái",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // A4, the margins of the rules, Times New Roman.
    assert!(document.contains(r#"w:w="11906" w:h="16838""#), "A4");
    assert!(document.contains(r#"w:left="1701""#) && document.contains(r#"w:right="850""#));
    let (_, styles) = unzip(&bytes, "word/styles.xml");
    assert!(styles.contains("Times New Roman"));

    // Where LibreOffice is installed, it converts the report to PDF without complaint.
    let Some(office) = common::libreoffice() else {
        eprintln!(
            "note: LibreOffice not installed; the PDF conversion was not tried (CI fails here)"
        );
        return;
    };
    let converted = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(k.path(""))
        .arg(&a)
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    let pdf = std::fs::read(k.path("bao-cao.pdf")).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn markdown_and_html_carry_the_same_content() {
    let k = ward_with_data();
    let (md, html) = (k.path("bc.md"), k.path("bc.html"));
    for path in [&md, &html] {
        k.run(&[
            "baocao",
            "--as-of",
            "01/07/2026",
            "--out",
            path.to_str().unwrap(),
        ])
        .expect(0);
    }
    let md = std::fs::read_to_string(md).unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    for caption in md.lines().filter(|l| l.starts_with("**Bảng ")) {
        let caption = caption.trim_matches('*');
        assert!(html.contains(caption), "{caption} missing from the HTML");
    }
    assert!(html.contains("@page{size:A4"));
}

#[test]
fn what_the_report_cannot_be_made_of_is_refused_and_nothing_written() {
    let k = ward_with_data();
    let dump = k.dump();
    let pdf = k.path("bc.pdf");
    let docx = k.path("bc.docx");
    let cases: [(Vec<&str>, i32, &str); 6] = [
        (vec!["--period", "weekly"], 2, "giá trị 'weekly' không dùng được"),
        (
            vec!["--as-of", "31/02/2026"],
            3,
            "Lỗi: --as-of: ngày 31/02/2026 không có trên lịch\n",
        ),
        (
            vec!["--out", pdf.to_str().unwrap()],
            3,
            "Lỗi: Không biết ghi báo cáo ra <DIR>/bc.pdf: dùng tên tệp .docx, .md hoặc .html\n",
        ),
        (
            vec!["--as-of", "15/01/2026"],
            3,
            "Lỗi: Kỳ báo cáo tháng 12/2025 (01/12/2025 - 31/12/2025) kết thúc trước khi kế hoạch bắt đầu (01/01/2026): chọn --as-of muộn hơn hoặc một kỳ khác\n",
        ),
        (
            vec!["--as-of", "15/01/2026", "--out", docx.to_str().unwrap()],
            3,
            "Lỗi: Kỳ báo cáo tháng 12/2025 (01/12/2025 - 31/12/2025) kết thúc trước khi kế hoạch bắt đầu (01/01/2026): chọn --as-of muộn hơn hoặc một kỳ khác\n",
        ),
        (
            vec!["--period", "phase", "--as-of", "10/01/2026"],
            3,
            "Lỗi: Đến ngày 10/01/2026 chưa có giai đoạn nào kết thúc: chưa có gì để báo cáo theo giai đoạn\n",
        ),
    ];
    for (args, code, message) in cases {
        let mut all = vec!["baocao"];
        all.extend(&args);
        let refused = k.run(&all).expect(code);
        let stderr = stable(&refused.stderr, &k);
        if code == 3 {
            assert_eq!(stderr, message, "{args:?}");
        } else {
            assert!(stderr.contains(message), "{args:?}: {stderr}");
        }
    }
    assert!(!pdf.exists() && !docx.exists(), "no file written");
    assert_eq!(k.dump(), dump, "nothing may be written");
}

#[test]
fn the_phase_report_judges_each_content_at_its_own_phase_end() {
    let k = ward_with_data();
    let md = k
        .run(&["baocao", "--period", "phase", "--as-of", "01/07/2026"])
        .expect(0)
        .stdout;
    // TT1's phase 3 ended 30/06; NV1's phases have their own dates.
    assert!(md.contains("Giai đoạn 3 ("), "{md}");
    assert!(md.contains("giai đoạn vừa kết thúc"), "{md}");
}

#[test]
fn the_period_is_the_last_whole_one_ending_before_the_as_of_day() {
    let k = Kehoach::with_seed("ward.toml");
    let cases = [
        // The as-of day belongs to the current period, even on its last day.
        (
            "month",
            "31/07/2026",
            "tháng 06/2026 (từ ngày 01/06/2026 đến ngày 30/06/2026)",
            "tháng 07/2026",
        ),
        (
            "month",
            "01/08/2026",
            "tháng 07/2026 (từ ngày 01/07/2026 đến ngày 31/07/2026)",
            "tháng 08/2026",
        ),
        (
            "quarter",
            "15/07/2026",
            "quý II/2026 (từ ngày 01/04/2026 đến ngày 30/06/2026)",
            "quý III/2026",
        ),
        (
            "half",
            "15/07/2026",
            "6 tháng đầu năm 2026 (từ ngày 01/01/2026 đến ngày 30/06/2026)",
            "6 tháng cuối năm 2026",
        ),
        (
            "year",
            "2027-01-05",
            "năm 2026 (từ ngày 01/01/2026 đến ngày 31/12/2026)",
            "năm 2027",
        ),
    ];
    for (period, as_of, covered, next) in cases {
        let md = k
            .run(&["baocao", "--period", period, "--as-of", as_of])
            .expect(0)
            .stdout;
        let opening = format!("báo cáo kết quả thực hiện {covered} như sau:");
        assert!(
            md.contains(&opening),
            "{period} {as_of}: {opening:?} in\n{md}"
        );
        assert!(
            md.contains(&format!("đến hạn trong {next}")),
            "{period} {as_of}: next period {next:?} in\n{md}"
        );
    }
}
