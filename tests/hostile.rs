//! Hostile and mistaken files and values (issue #19, and the input edges of #18): each is
//! refused with a message that says where and why, exit 3 (4 for the database), and nothing is
//! written; outputs are whole or absent.

mod common;

use std::time::{Duration, Instant};

use common::{fixture, Kehoach};

const AS_OF: [&str; 2] = ["--as-of", "30/07/2026"];
const HEADER: &str = "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Ghi chú\n";

/// Writes `bytes` as `name` in the test's folder, and returns its path as text.
fn file(k: &Kehoach, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = k.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Imports `path` (with `extra` arguments), expecting `code`, with the test's folder masked
/// in both outputs; the builder checks a refused import wrote nothing.
fn import<'k>(k: &'k Kehoach, path: &str, extra: &[&str], code: i32) -> common::Test<'k> {
    let mut args = vec!["import", path];
    args.extend(extra);
    args.extend(AS_OF);
    k.test(&args).status(code).masked()
}

/// The stderr with the test's folder replaced by <DIR>.
fn stderr(run: &common::Run, k: &Kehoach) -> String {
    run.stderr.replace(k.dir.path().to_str().unwrap(), "<DIR>")
}

#[test]
fn an_unclosed_quote_never_swallows_the_rows_after_it() {
    let k = Kehoach::with_seed("ward.toml");
    let path = file(
        &k,
        "ngoac.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;3;\"never closed\nTT1.02;PA;02/07/2026;4;x\n"),
    );
    let run = import(&k, &path, &[], 3).stderr("Lỗi: <DIR>/ngoac.csv:2: ô mở dấu ngoặc kép ở dòng 2 kéo sang dòng 3, dòng trông như một dòng số liệu riêng: thêm dấu \" đóng ô ở dòng 2\n").run();
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/ngoac.csv:2: ô mở dấu ngoặc kép ở dòng 2 kéo sang dòng 3, dòng trông như một dòng số liệu riêng: thêm dấu \" đóng ô ở dòng 2\n"
    );
    // Open to the end of the file, with nothing after it that looks like a row.
    let path = file(
        &k,
        "ngoac-cuoi.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;3;ok\nTT1.02;PA;02/07/2026;4;\"never closed\n"),
    );
    let run = import(&k, &path, &["--lang", "en"], 3)
        .stderr("Error: <DIR>/ngoac-cuoi.csv:3: the quote opened on line 3 is never closed: add the closing \" to that cell\n")
        .run();
    assert_eq!(
        stderr(&run, &k),
        "Error: <DIR>/ngoac-cuoi.csv:3: the quote opened on line 3 is never closed: add the closing \" to that cell\n"
    );
    // A quoted note over two lines is still read as one cell.
    let path = file(
        &k,
        "hai-dong.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;3;\"hai\ndòng\"\n"),
    );
    import(&k, &path, &[], 0)
        .stdout(
            "<DIR>/hai-dong.csv (UTF-8, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    assert_eq!(k.stored(), ["TT1.02 PA 2026-07-01 3.00 None hai\ndòng"]);
}

#[test]
fn one_stray_byte_leaves_a_utf8_file_utf8_and_is_placed() {
    let k = Kehoach::with_seed("ward.toml");
    let mut bytes = b"Indicator;Unit;Date;Value;Note\n".to_vec();
    bytes.extend("TT1.02;PA;01/07/2026;3;Báo cáo tháng 7\n".as_bytes());
    bytes.extend(b"TT1.02;PA;02/07/2026;4;x\xFFy\n");
    let path = file(&k, "mot-byte.csv", &bytes);
    let run = import(&k, &path, &[], 3).stderr("Lỗi: <DIR>/mot-byte.csv: tệp là UTF-8 nhưng có 1 byte không hợp lệ: dòng 3 cột 25 (0xFF); sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8\n").run();
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/mot-byte.csv: tệp là UTF-8 nhưng có 1 byte không hợp lệ: dòng 3 cột 25 (0xFF); sửa các chỗ đó hoặc lưu lại dạng CSV UTF-8\n"
    );
    // With Vietnamese headers: the byte is named, not the header shown as mojibake.
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend(b"TT1.02;PA;02/07/2026;4;B\xE1o c\xE1o\n");
    let path = file(&k, "tieu-de-viet.csv", &bytes);
    let run = import(&k, &path, &["--lang", "en"], 3)
        .stderr("Error: <DIR>/tieu-de-viet.csv: the file is UTF-8 but has 2 invalid bytes: line 2 column 25 (0xE1), line 2 column 29 (0xE1); fix those places or save again as CSV UTF-8\n")
        .run();
    assert_eq!(
        stderr(&run, &k),
        "Error: <DIR>/tieu-de-viet.csv: the file is UTF-8 but has 2 invalid bytes: line 2 column 25 (0xE1), line 2 column 29 (0xE1); fix those places or save again as CSV UTF-8\n"
    );
    // A real Windows-1258 file is still read as one.
    let cp1258 = b"Ma\xDE chi\xD2 ti\xEAu;\xD0\xF5n vi\xF2;Nga\xECy;Gia\xEC tri\xF2;Ghi chu\xEC\nTT1.02;PA;01/07/2026;3;Ba\xECo ca\xECo\n";
    let path = file(&k, "cp1258.csv", cp1258);
    import(&k, &path, &[], 0)
        .stdout(
            "<DIR>/cp1258.csv (Windows-1258, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    assert_eq!(k.stored(), ["TT1.02 PA 2026-07-01 3.00 None Báo cáo"]);
}

#[test]
fn numbers_beyond_exact_and_text_after_a_date_are_refused() {
    let k = Kehoach::with_seed("ward.toml");
    let huge = format!("1{}", "0".repeat(300));
    let path = file(
        &k,
        "so-lon.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;{huge};\nTT1.02;PA;02/07/2026;3;\nTT1.02;PA;03/07/2026;01/07/2026;\nTT1.02;PB;01/07/2026 hoặc 15/07/2026;3;\n"),
    );
    let run = import(&k, &path, &[], 3).stdout("<DIR>/so-lon.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 3   ┆ 1        ┆ 0         ┆ 0          ┆ 2       │\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 4   ┆ 1        ┆ 0         ┆ 0          ┆ 3       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n").stderr("Lỗi: 3 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/so-lon.csv:2:4 (Giá trị): Giá trị «1000000000000000000000000000000000000000…» không hợp lệ: «1000000000000000000000000000000000000000…» quá lớn để lưu chính xác (tối đa 9.007.199.254.740.992)\n  \
<DIR>/so-lon.csv:4:4 (Giá trị): Giá trị «01/07/2026» không hợp lệ: «07/2026» không phải là số (viết ví dụ 95,5 hoặc 1.234)\n  \
<DIR>/so-lon.csv:5:3 (Ngày): ngày «01/07/2026 hoặc 15/07/2026» không hợp lệ: sau ngày 01/07/2026 còn «hoặc 15/07/2026»: mỗi ô (mỗi --date) chỉ ghi một ngày\n").run();
    let text = stderr(&run, &k);
    assert!(
        text.contains("<DIR>/so-lon.csv:2:4 (Giá trị): Giá trị «1000000000000000000000000000000000000000…» không hợp lệ: «1000000000000000000000000000000000000000…» quá lớn để lưu chính xác (tối đa 9.007.199.254.740.992)"),
        "{text}"
    );
    assert!(
        text.contains("<DIR>/so-lon.csv:5:3 (Ngày): ngày «01/07/2026 hoặc 15/07/2026» không hợp lệ: sau ngày 01/07/2026 còn «hoặc 15/07/2026»: mỗi ô (mỗi --date) chỉ ghi một ngày"),
        "{text}"
    );
    // The command line's --date is refused the same way.
    let run = k
        .test(&[
            "record",
            "TT1.02",
            "3",
            "--date",
            "01/07/2026 hoặc 15/07/2026",
        ])
        .status(3)
        .stderr("Lỗi: --date: sau ngày 01/07/2026 còn «hoặc 15/07/2026»: mỗi ô (mỗi --date) chỉ ghi một ngày\n")
        .run();
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("sau ngày 01/07/2026 còn «hoặc 15/07/2026»"),
        "{}",
        run.stderr
    );
    assert_eq!(k.count("SELECT count(*) FROM measurements"), 0);
    let run = k
        .test(&[
            "record",
            "TT1.02",
            "9007199254740993",
            "--date",
            "01/07/2026",
        ])
        .status(3)
        .stderr("Lỗi: Giá trị «9007199254740993» không hợp lệ: «9007199254740993» quá lớn để lưu chính xác (tối đa 9.007.199.254.740.992)\n")
        .run();
    assert!(
        run.stderr.contains("quá lớn để lưu chính xác"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_column_written_twice_is_refused_by_name() {
    let k = Kehoach::with_seed("ward.toml");
    let path = file(
        &k,
        "hai-cot.csv",
        "Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Value\nTT1.02;PA;01/07/2026;3;4\n",
    );
    let run = import(&k, &path, &[], 3).stderr("Lỗi: <DIR>/hai-cot.csv:1: cột «Value» có hai lần (cột 4 và cột 5): xóa hoặc đổi tên một cột\n").run();
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/hai-cot.csv:1: cột «Value» có hai lần (cột 4 và cột 5): xóa hoặc đổi tên một cột\n"
    );
}

#[test]
fn init_refuses_another_programs_database_and_a_negative_version() {
    let k = Kehoach::new();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);")
        .unwrap();
    drop(conn);
    k.test(&["init"])
        .status(4)
        .stderr("Lỗi: <DB> là tệp SQLite của chương trình khác (có bảng invoices): không thêm bảng của kehoach vào đó; chọn tệp khác với --db\n")
        .masked()
        .run();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "kehoach's tables were added");

    let k = Kehoach::new();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("PRAGMA user_version = -5").unwrap();
    drop(conn);
    k.test(&["--lang", "en", "init"])
        .status(4)
        .stderr("Error: <DB> says its schema version is -5, which no kehoach database has: not opened\n")
        .masked()
        .run();
}

/// A workbook with a header and one cell far away, built by rust_xlsxwriter.
fn far_cell_workbook(path: &std::path::Path, row: u32, column: u16) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, name) in ["Mã chỉ tiêu", "Đơn vị", "Ngày", "Giá trị"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    sheet.write_string(row, column, "x").unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn a_small_workbook_with_a_cell_at_xfd1048576_is_refused_fast() {
    let k = Kehoach::with_seed("ward.toml");
    let path = k.path("o-xa.xlsx");
    far_cell_workbook(&path, 1_048_575, 16_383);
    assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
    let started = Instant::now();
    let run = import(&k, path.to_str().unwrap(), &[], 3)
        .stderr("Lỗi: <DIR>/o-xa.xlsx [Sheet1]: có ô ở XFD1048576, ngoài vùng đọc (1000 cột, 1000000 dòng): xóa các ô thừa ở xa bảng số liệu\n")
        .run();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/o-xa.xlsx [Sheet1]: có ô ở XFD1048576, ngoài vùng đọc (1000 cột, 1000000 dòng): xóa các ô thừa ở xa bảng số liệu\n"
    );
}

#[test]
fn a_zip_bomb_is_refused_by_its_size_before_it_is_read() {
    use std::io::Write;
    let k = Kehoach::with_seed("ward.toml");
    let plain = k.path("thuong.xlsx");
    far_cell_workbook(&plain, 1, 0);
    // The same workbook, its shared strings grown to 300 MB of one string (300 kB zipped).
    let bomb = k.path("bom.xlsx");
    let mut source = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for index in 0..source.len() {
        let entry = source.by_index_raw(index).unwrap();
        if entry.name().is_ok_and(|n| n == "xl/sharedStrings.xml") {
            continue;
        }
        out.raw_copy_file(entry).unwrap();
    }
    out.start_file("xl/sharedStrings.xml", options).unwrap();
    out.write_all(b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>")
        .unwrap();
    let chunk = vec![b'A'; 1 << 20];
    for _ in 0..300 {
        out.write_all(&chunk).unwrap();
    }
    out.write_all(b"</t></si></sst>").unwrap();
    out.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2_000_000);
    let started = Instant::now();
    let run = import(&k, bomb.to_str().unwrap(), &[], 3)
        .stderr("Lỗi: <DIR>/bom.xlsx: phần «xl/sharedStrings.xml» của bảng tính giải nén ra hơn 256 MB: không đọc (bảng tính bị hỏng hoặc độc hại)\n")
        .run();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/bom.xlsx: phần «xl/sharedStrings.xml» của bảng tính giải nén ra hơn 256 MB: không đọc (bảng tính bị hỏng hoặc độc hại)\n"
    );
    assert!(!run.stderr.contains("AAAAAAAA"));
}

#[test]
fn long_text_is_cut_in_messages_and_long_notes_are_refused() {
    let k = Kehoach::with_seed("ward.toml");
    let code = "X".repeat(160_000);
    let path = file(
        &k,
        "ma-dai.csv",
        format!("{HEADER}{code};PA;01/07/2026;3;\n"),
    );
    let started = Instant::now();
    let run = import(&k, &path, &[], 3).stdout("<DIR>/ma-dai.csv (UTF-8, «;»): không ghi gì\n\
┌─────────────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã              ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞═════════════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ XXXXXXXXXXXXXXX ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ XXXXXXXXXXXXXXX ┆        ┆     ┆          ┆           ┆            ┆         │\n\
│ XXXXXXXXXX…     ┆        ┆     ┆          ┆           ┆            ┆         │\n\
│ Tổng            ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└─────────────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n").stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/ma-dai.csv:2:1 (Mã chỉ tiêu): Chỉ tiêu XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX… không tồn tại; xem danh sách bằng «kehoach plan indicators»\n").run();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        run.stderr.len() < 1_000,
        "{} bytes of error",
        run.stderr.len()
    );
    assert!(
        run.stderr
            .contains(&format!("Chỉ tiêu {}…", "X".repeat(40))),
        "{}",
        run.stderr
    );

    // 20,000 bad rows: the first 50 listed, the rest counted.
    let mut text = HEADER.to_string();
    for i in 0..20_000 {
        text.push_str(&format!("ZZ{i};PA;01/07/2026;3;\n"));
    }
    let path = file(&k, "nhieu-loi.csv", text);
    let started = Instant::now();
    import(&k, &path, &[], 3)
        .stdout_check(|out| {
            // 2,000 codes counted apart, the other 18,000 together.
            assert!(out.starts_with("<DIR>/nhieu-loi.csv (UTF-8, «;»): không ghi gì\n"));
            assert_eq!(out.lines().count(), 1 + 3 + 2_000 + 2 + 1, "{out}");
            assert!(out.contains("\n│ …      ┆        ┆ 18000 ┆ 0        ┆ 0         ┆ 0          ┆ 18000   │\n"));
            assert!(out.contains("\n│ Tổng   ┆        ┆ 20000 ┆ 0        ┆ 0         ┆ 0          ┆ 20000   │\n"));
        })
        .stderr_check(|err| {
            assert!(err.starts_with("Lỗi: 20000 dòng bị từ chối;"), "{err}");
            assert!(err.contains("\n  <DIR>/nhieu-loi.csv:2:1 (Mã chỉ tiêu): Chỉ tiêu ZZ0 không tồn tại; xem danh sách bằng «kehoach plan indicators»\n"));
            assert_eq!(err.lines().count(), 1 + 50 + 1);
            assert!(
                err.ends_with("  … và 19950 lỗi khác (toàn bộ: dùng --errors TỆP.csv)\n"),
                "{err}"
            );
        })
        .run();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );

    let note = "n".repeat(2_001);
    let run = k
        .test(&[
            "record",
            "TT1.02",
            "3",
            "--date",
            "01/07/2026",
            "--note",
            &note,
        ])
        .status(3)
        .stderr("Lỗi: ghi chú dài 2001 ký tự, quá 2000 ký tự: rút gọn lại\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: ghi chú dài 2001 ký tự, quá 2000 ký tự: rút gọn lại\n"
    );
    let path = file(
        &k,
        "ghi-chu-dai.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;3;{note}\n"),
    );
    let run = import(&k, &path, &[], 3).stdout("<DIR>/ghi-chu-dai.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n").stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/ghi-chu-dai.csv:2: ghi chú dài 2001 ký tự, quá 2000 ký tự: rút gọn lại\n").run();
    assert!(
        run.stderr.contains("ghi chú dài 2001 ký tự"),
        "{}",
        run.stderr
    );
}

#[test]
fn what_a_person_types_is_read_as_they_meant_or_asked_about() {
    let k = Kehoach::with_seed("ward.toml");
    let record = |args: &[&str]| {
        let mut all = vec!["record"];
        all.extend(args);
        all.extend(["--date", "01/07/2026"]);
        k.test(&all)
    };
    let run = record(&["NV1.02", "9 5"])
        .status(3)
        .stderr("Lỗi: Giá trị «9 5» không hợp lệ: «9 5»: dấu cách chỉ dùng để nhóm từng ba chữ số (1 234 567); viết một số, ví dụ 95 hoặc 9,5\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: Giá trị «9 5» không hợp lệ: «9 5»: dấu cách chỉ dùng để nhóm từng ba chữ số (1 234 567); viết một số, ví dụ 95 hoặc 9,5\n"
    );
    record(&["NV1.02", "12 34"])
        .status(3)
        .stderr("Lỗi: Giá trị «12 34» không hợp lệ: «12 34»: dấu cách chỉ dùng để nhóm từng ba chữ số (1 234 567); viết một số, ví dụ 95 hoặc 9,5\n")
        .run();
    record(&["TT1.02", "1 234", "--unit", "KP1"])
        .stdout(
            "Đã ghi TT1.02 = 1.234 sáng kiến cho KP1 ngày 01/07/2026.\n\
Toàn phường: 1.234 sáng kiến — đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
        )
        .run();
    let run = record(&["NV1.02", "0,955"])
        .status(3)
        .stderr("Lỗi: «0,955» cho chỉ tiêu tính theo %: có phải 95,5%? Ghi 95,5%, hoặc thêm --yes nếu đúng là 0,955%\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: «0,955» cho chỉ tiêu tính theo %: có phải 95,5%? Ghi 95,5%, hoặc thêm --yes nếu đúng là 0,955%\n"
    );
    let run = record(&["NV1.02", "0,955", "--lang", "en"])
        .status(3)
        .stderr("Error: \"0,955\" for a percentage indicator: did you mean 95.5%? Write 95.5%, or add --yes if it really is 0,955%\n")
        .run();
    assert_eq!(
        run.stderr,
        "Error: \"0,955\" for a percentage indicator: did you mean 95.5%? Write 95.5%, or add --yes if it really is 0,955%\n"
    );
    record(&["NV1.02", "0,5%"])
        .stdout(
            "Đã ghi NV1.02 = 0,5% cho PA ngày 01/07/2026.\n\
Toàn phường: 0,5% — chưa đạt (Mục tiêu: ≥ 100%)\n",
        )
        .run();
    record(&["NV1.02", "0,955", "--unit", "PB", "--yes"])
        .stdout(
            "Đã ghi NV1.02 = 0,96% cho PB ngày 01/07/2026.\n\
Toàn phường: 0,73% — chưa đạt (Mục tiêu: ≥ 100%)\n",
        )
        .run();
    let run = record(&["TT1.02", "2.5"])
        .status(3)
        .stderr("Lỗi: TT1.02 đếm số sáng kiến: «2.5» không phải số nguyên\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: TT1.02 đếm số sáng kiến: «2.5» không phải số nguyên\n"
    );
    let run = record(&["TT1.02", "4", "--unit", "PB", "--correct", "--note", "sửa"])
        .status(3)
        .stderr("Lỗi: TT1.02 của PB ngày 01/07/2026 chưa có số liệu để đính chính: kiểm tra lại ngày, hoặc bỏ --correct để ghi số liệu đầu tiên\n")
        .run();
    assert_eq!(
        run.stderr,
        "Lỗi: TT1.02 của PB ngày 01/07/2026 chưa có số liệu để đính chính: kiểm tra lại ngày, hoặc bỏ --correct để ghi số liệu đầu tiên\n"
    );
    assert_eq!(
        k.stored(),
        [
            "NV1.02 PA 2026-07-01 0.50 None ",
            "NV1.02 PB 2026-07-01 0.95 None ",
            "TT1.02 KP1 2026-07-01 1234.00 None ",
        ]
    );
    // In a file, the question is the same; a "%" in the cell answers it.
    let path = file(
        &k,
        "phan-so.csv",
        format!("{HEADER}NV1.02;KP1;01/07/2026;0,955;\n"),
    );
    let run = import(&k, &path, &[], 3).stdout("<DIR>/phan-so.csv (UTF-8, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.02 ┆ KP1    ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n").stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/phan-so.csv:2:4 (Giá trị): «0,955» cho chỉ tiêu tính theo %: có phải 95,5%? Ghi 95,5%, hoặc 0,955% nếu đúng là dưới 1%\n").run();
    assert!(
        run.stderr.contains("«0,955» cho chỉ tiêu tính theo %: có phải 95,5%? Ghi 95,5%, hoặc 0,955% nếu đúng là dưới 1%"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_dry_run_fails_as_the_import_would_and_a_second_import_says_nothing_changed() {
    let k = Kehoach::with_seed("ward.toml");
    let bad = file(
        &k,
        "loi.csv",
        format!("{HEADER}TT1.02;PA;01/07/2026;abc;\n"),
    );
    let run = import(&k, &bad, &["--dry-run"], 3)
        .stdout("<DIR>/loi.csv (UTF-8, «;»): chạy thử, không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
<DIR>/loi.csv:2:4 (Giá trị): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)\n")
        .stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/loi.csv:2:4 (Giá trị): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)\n")
        .run();
    assert!(
        run.stdout.contains("chạy thử, không ghi gì"),
        "{}",
        run.stdout
    );
    import(&k, &bad, &["--dry-run", "--skip-invalid"], 0)
        .stdout("<DIR>/loi.csv (UTF-8, «;»): chạy thử, không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
<DIR>/loi.csv:2:4 (Giá trị): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)\n")
        .run();
    let good = file(&k, "dung.csv", format!("{HEADER}TT1.02;PA;01/07/2026;3;\n"));
    import(&k, &good, &["--dry-run"], 0)
        .stdout(
            "<DIR>/dung.csv (UTF-8, «;»): chạy thử, không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    let first = import(&k, &good, &[], 0)
        .stdout(
            "<DIR>/dung.csv (UTF-8, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    assert!(first.stdout.contains("): đã ghi\n"), "{}", first.stdout);
    let again = import(&k, &good, &[], 0)
        .stdout(
            "<DIR>/dung.csv (UTF-8, «;»): không có gì thay đổi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 0        ┆ 1         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
Tệp này đã được nhập trước đây: không có gì thay đổi.\n",
        )
        .run();
    assert!(
        again.stdout.contains("): không có gì thay đổi\n"),
        "{}",
        again.stdout
    );
    let again = import(&k, &good, &["--lang", "en"], 0)
        .stdout(
            "<DIR>/dung.csv (UTF-8, «;»): nothing changed\n\
┌────────┬──────┬──────┬──────────┬───────────┬───────────┬──────────┐\n\
│ Code   ┆ Unit ┆ Read ┆ Imported ┆ Unchanged ┆ Corrected ┆ Rejected │\n\
╞════════╪══════╪══════╪══════════╪═══════════╪═══════════╪══════════╡\n\
│ TT1.02 ┆ PA   ┆ 1    ┆ 0        ┆ 1         ┆ 0         ┆ 0        │\n\
│ Total  ┆      ┆ 1    ┆ 0        ┆ 1         ┆ 0         ┆ 0        │\n\
└────────┴──────┴──────┴──────────┴───────────┴───────────┴──────────┘\n\
This file was imported before: nothing changed.\n",
        )
        .run();
    assert!(
        again.stdout.contains("): nothing changed\n"),
        "{}",
        again.stdout
    );
}

#[test]
fn the_errors_file_goes_back_and_forth_in_the_inputs_own_layout() {
    let k = Kehoach::with_seed("ward.toml");
    // Windows-1258, tab-separated, as a department's Excel wrote it.
    let mut text = "Mã chỉ tiêu\tĐơn vị\tNgày\tGiá trị\tGhi chú\n".to_string();
    text.push_str("TT1.02\tPA\t01/07/2026\t3\tđúng\n");
    text.push_str("TT1.02\tPC\t02/07/2026\t4\tđơn vị sai\n");
    text.push_str("TT1.02\tPB\t02/07/2026\t=1+1\tcông thức\n");
    let bytes = encode_cp1258(&text);
    let input = file(&k, "phong-ban.csv", &bytes);
    let errors = k.path("loi.csv");
    let errors_arg = errors.to_str().unwrap();
    import(&k, &input, &["--skip-invalid", "--errors", errors_arg], 0)
        .stdout("<DIR>/phong-ban.csv (Windows-1258, «tab»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ PA     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ TT1.02 ┆ PC     ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 3   ┆ 1        ┆ 0         ┆ 0          ┆ 2       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n\
<DIR>/phong-ban.csv:3:2 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n\
<DIR>/phong-ban.csv:4:4 (Giá trị): Giá trị «=1+1» không hợp lệ: «=1+1» là công thức: lưu bảng tính dạng giá trị, không phải công thức\n")
        .run();
    let written = std::fs::read(&errors).unwrap();
    let (decoded, _, _) = encoding_rs::WINDOWS_1258.decode(&written);
    let decoded: String =
        unicode_normalization::UnicodeNormalization::nfc(decoded.as_ref()).collect();
    assert_eq!(
        decoded,
        "Mã chỉ tiêu\tĐơn vị\tNgày\tGiá trị\tGhi chú\tLý do từ chối (kehoach)\n\
TT1.02\tPC\t02/07/2026\t4\tđơn vị sai\tphong-ban.csv:3:2 (Đơn vị): Đơn vị PC không tồn tại (có phải PA, PB, KP1?); xem danh sách bằng «kehoach plan units»\n\
TT1.02\tPB\t02/07/2026\t'=1+1\tcông thức\tphong-ban.csv:4:4 (Giá trị): Giá trị «=1+1» không hợp lệ: «=1+1» là công thức: lưu bảng tính dạng giá trị, không phải công thức\n"
    );
    // Not overwritten without --force.
    let run = import(&k, &input, &["--skip-invalid", "--errors", errors_arg], 3)
        .stderr("Lỗi: <DIR>/loi.csv đã tồn tại: chọn tên khác, hoặc thêm --force để ghi đè\n")
        .run();
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/loi.csv đã tồn tại: chọn tên khác, hoặc thêm --force để ghi đè\n"
    );
    // The department fixes the cells in place and sends the file back: it imports, the
    // reason column ignored.
    let fixed = decoded.replace("\tPC\t", "\tKP1\t").replace("'=1+1", "5");
    let back = file(&k, "sua.csv", encode_cp1258(&fixed));
    import(&k, &back, &[], 0)
        .stdout(
            "<DIR>/sua.csv (Windows-1258, «tab»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ TT1.02 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ TT1.02 ┆ PB     ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 2   ┆ 2        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    assert_eq!(
        k.stored(),
        [
            "TT1.02 KP1 2026-07-02 4.00 None đơn vị sai",
            "TT1.02 PA 2026-07-01 3.00 None đúng",
            "TT1.02 PB 2026-07-02 5.00 None công thức",
        ]
    );
    // No temporary file is left beside it.
    let left: Vec<String> = std::fs::read_dir(k.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".kehoach-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Text as Excel on a Vietnamese PC writes it: Windows-1258, tone marks apart.
fn encode_cp1258(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        let mut one = [0u8; 4];
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(c.encode_utf8(&mut one));
        if !unmappable {
            out.extend_from_slice(&bytes);
            continue;
        }
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let parts: Vec<char> =
            unicode_normalization::UnicodeNormalization::nfd(c.to_string().as_str()).collect();
        let base: String = parts.iter().filter(|p| !tones.contains(p)).collect();
        let base: String =
            unicode_normalization::UnicodeNormalization::nfc(base.as_str()).collect();
        let tone: String = parts.iter().filter(|p| tones.contains(p)).collect();
        let spelled = format!("{base}{tone}");
        let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&spelled);
        out.extend_from_slice(&bytes);
    }
    out
}

#[test]
fn notes_never_reach_a_terminal_or_a_page_as_markup_or_escape_codes() {
    let k = Kehoach::with_seed("ward.toml");
    k.test(&[
        "record",
        "TT1.02",
        "3",
        "--date",
        "01/07/2026",
        "--note",
        "<script>alert(1)</script><img src=x onerror=alert(2)> \u{1b}[31mđỏ\u{1b}[0m\u{7}",
    ])
    .stdout(
        "Đã ghi TT1.02 = 3 sáng kiến cho PA ngày 01/07/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
    )
    .writes()
    .run();
    let md = k
        .test(&["history", "TT1.02", "--format", "md"])
        .stdout("| Ngày | Chỉ tiêu | Đơn vị | Giá trị | Lần | Ghi chú | Người nhập, lúc |\n\
|---|---|---|---|---|---|---|\n\
| 01/07/2026 | TT1.02 | PA | 3 | 1 | &lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)> đỏ | thuky<br><TIME> (+00:00) |\n")
        .writes_nothing()
        .masked()
        .run();
    assert!(!md.stdout.contains("<script>"), "{}", md.stdout);
    assert!(!md.stdout.contains("<img"), "{}", md.stdout);
    assert!(
        md.stdout.contains("&lt;script>alert(1)&lt;/script>&lt;img"),
        "{}",
        md.stdout
    );
    for format in ["table", "csv", "md"] {
        k.test(&["history", "TT1.02", "--format", format])
            .stdout_check(|out| {
                assert!(!out.contains('\u{1b}'), "{out}");
                assert!(!out.contains('\u{7}'), "{out}");
                assert!(out.contains("đỏ"), "{out}");
            })
            .writes_nothing()
            .run();
    }
}

#[test]
fn outputs_are_whole_or_absent_and_only_regular_files_are_replaced() {
    let k = Kehoach::with_seed("ward.toml");
    // A folder (or a device) in the way is refused, not replaced.
    let folder = k.path("bao-cao");
    std::fs::create_dir(&folder).unwrap();
    let run = k
        .test(&[
            "weekly",
            "--as-of",
            "30/07/2026",
            "--out",
            folder.to_str().unwrap(),
        ])
        .status(3)
        .stderr("Lỗi: <DIR>/bao-cao không phải là tệp thường (thư mục, thiết bị, ống dẫn): không ghi đè; chọn tên tệp khác\n")
        .writes_nothing()
        .masked()
        .run();
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/bao-cao không phải là tệp thường (thư mục, thiết bị, ống dẫn): không ghi đè; chọn tên tệp khác\n"
    );
    #[cfg(unix)]
    {
        let fifo = k.path("ong");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            k.test(&[
                "weekly",
                "--as-of",
                "30/07/2026",
                "--out",
                fifo.to_str().unwrap(),
            ])
            .status(3)
            .stderr("Lỗi: <DIR>/ong không phải là tệp thường (thư mục, thiết bị, ống dẫn): không ghi đè; chọn tên tệp khác\n")
            .writes_nothing()
            .masked()
        .run();
            assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        }
    }
    // A leftover of a killed run (its process gone) is removed by the next run.
    let target = k.path("tuan.html");
    let leftover = k.path(".tuan.html.kehoach-999999999-0-0.tmp");
    std::fs::write(&leftover, "half").unwrap();
    // Two runs at once, Markdown and HTML, onto the same file: it is one or the other whole.
    let children: Vec<_> = (0..6)
        .map(|i| {
            let format = if i % 2 == 0 { "md" } else { "html" };
            std::process::Command::new(assert_cmd::cargo::cargo_bin("kehoach"))
                .args([
                    "--db",
                    k.db.to_str().unwrap(),
                    "weekly",
                    "--as-of",
                    "30/07/2026",
                ])
                .args(["--format", format, "--out", target.to_str().unwrap()])
                .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert_eq!(stderr, "");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    }
    let written = std::fs::read_to_string(&target).unwrap();
    let html =
        written.trim_start().starts_with("<!DOCTYPE") || written.trim_start().starts_with("<html");
    if html {
        assert!(written.trim_end().ends_with("</html>"), "{written}");
        assert_eq!(written.matches("<html").count(), 1);
    } else {
        assert!(
            !written.contains("<html"),
            "half Markdown, half HTML:\n{written}"
        );
    }
    assert!(!leftover.exists(), "the leftover of a killed run stayed");
    let left: Vec<String> = std::fs::read_dir(k.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".kehoach-") || n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
use std::os::unix::fs::FileTypeExt;

#[test]
fn a_unit_code_that_is_not_a_plain_identifier_is_refused_in_the_seed() {
    let k = Kehoach::new();
    let seed = std::fs::read_to_string(fixture("seeds/ward.toml")).unwrap();
    let seed = seed
        .replace("code = \"KP2\"", "code = \"/../../ESCAPED\"")
        .replace("\"KP2\"", "\"/../../ESCAPED\"");
    let path = file(&k, "seed.toml", seed);
    let run = k
        .test(&["init", "--seed", &path])
        .status(3)
        .stderr("Lỗi: Tệp kế hoạch <DIR>/seed.toml không hợp lệ (1 lỗi); chưa ghi gì vào cơ sở dữ liệu:\n  \
<DIR>/seed.toml:37:8: mã «/../../ESCAPED» chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 32 ký tự), ví dụ KP1\n")
        .masked()
        .run();
    assert!(
        run.stderr.contains("mã «/../../ESCAPED» chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 32 ký tự), ví dụ KP1"),
        "{}",
        run.stderr
    );
    assert!(!k.db.exists() || k.count("SELECT count(*) FROM units") == 0);
}

#[test]
fn a_control_character_never_breaks_a_docx() {
    let k = Kehoach::with_seed("ward.toml");
    let out = k.path("bao-cao.docx");
    let run = k
        .test(&[
            "baocao",
            "--as-of",
            "30/07/2026",
            "--so",
            "25\u{1}",
            "--out",
            out.to_str().unwrap(),
        ])
        .status(0)
        .writes_nothing()
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(!xml.contains('\u{1}'));
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the .docx XML is not well-formed: {e}"),
        }
    }
}

#[test]
fn backup_copies_one_snapshot_while_others_write_and_checks_the_copy() {
    let k = Kehoach::with_seed("ward.toml");
    // The user's own X.partial is never taken over.
    let target = k.path("sao-luu.db");
    let users = k.path("sao-luu.partial");
    std::fs::write(&users, "the user's file").unwrap();
    // Another process commits steadily while the backup runs.
    let writer_db = k.db.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_writer = std::sync::Arc::clone(&stop);
    let writer = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&writer_db).unwrap();
        conn.busy_timeout(Duration::from_secs(5)).unwrap();
        let mut commits = 0;
        while !stop_writer.load(std::sync::atomic::Ordering::Relaxed) {
            conn.execute(
                "INSERT INTO imports (file_name, sha256, rows_read, imported, unchanged, corrected, rejected, recorded_at) VALUES ('x', 'y', 0, 0, 0, 0, 0, '2026-01-01')",
                [],
            )
            .unwrap();
            commits += 1;
        }
        commits
    });
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    let run = k
        .test(&["backup", target.to_str().unwrap()])
        .status(0)
        .stdout(
            "Đã sao lưu vào <DIR>/sao-luu.db.\n\
Bản sao đã được kiểm tra toàn vẹn (PRAGMA integrity_check): không có lỗi.\n",
        )
        .masked()
        .run();
    let took = started.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let commits = writer.join().unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(
        commits > 10,
        "the writer did not overlap: {commits} commits"
    );
    assert_eq!(std::fs::read_to_string(&users).unwrap(), "the user's file");
    let copy = rusqlite::Connection::open(&target).unwrap();
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");

    // A damaged database: the backup says so and leaves no file behind.
    let damaged = Kehoach::with_seed("ward.toml");
    let conn = rusqlite::Connection::open(&damaged.db).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE").unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&damaged.db).unwrap();
    let page = 4096;
    for byte in bytes.iter_mut().skip(page * 3).take(page * 4) {
        *byte = 0x5A;
    }
    std::fs::write(&damaged.db, bytes).unwrap();
    let copy = damaged.path("hong.db");
    let run = damaged
        .test(&["backup", copy.to_str().unwrap()])
        .status(4)
        .stderr("Lỗi: Cơ sở dữ liệu <DB> bị hỏng: khôi phục từ bản sao lưu (xem README)\n")
        .masked()
        .run();
    assert_eq!(run.code, 4, "{}\n{}", run.stdout, run.stderr);
    if copy.exists() {
        assert!(run.stderr.contains("kiểm tra toàn vẹn"), "{}", run.stderr);
    }
    let left: Vec<String> = std::fs::read_dir(damaged.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".kehoach-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn reading_commands_work_on_a_database_in_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let k = Kehoach::with_seed("ward.toml");
    k.test(&["record", "TT1.02", "3", "--date", "01/07/2026"])
        .stdout(
            "Đã ghi TT1.02 = 3 sáng kiến cho PA ngày 01/07/2026.\n\
Toàn phường: 3 sáng kiến — chưa đạt (Mục tiêu: ≥ 5 sáng kiến)\n",
        )
        .writes()
        .run();
    let folder = k.path("chi-doc");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("chung.db");
    // A copy without its -wal and -shm, as a shared folder holds it.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute("VACUUM INTO ?1", [db.to_str().unwrap()])
        .unwrap();
    drop(conn);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL").unwrap();
    drop(conn);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || {
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).ok();
    };
    // Root writes anywhere: the commands then run as "nobody" (setpriv), for whom the folder
    // is read-only as it is for a clerk.
    let as_root = std::fs::write(folder.join("thu"), "x").is_ok();
    if as_root {
        std::fs::remove_file(folder.join("thu")).ok();
        std::fs::set_permissions(k.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("kehoach");
    let run_on = |args: &[&str]| {
        let mut command = if as_root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        command
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
            .output()
            .unwrap()
    };
    for args in [
        &["report", "--as-of", "30/07/2026"][..],
        &["overdue", "--as-of", "30/07/2026"],
        &["show", "TT1.02", "--as-of", "30/07/2026"],
        &["check"],
    ] {
        let output = run_on(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
        assert!(!output.stdout.is_empty(), "{args:?}");
    }
    let output = run_on(&["record", "TT1.02", "4", "--date", "02/07/2026"]);
    restore();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(db.to_str().unwrap()), "{stderr}");
    assert!(!stderr.contains("kehoach.db"), "{stderr}");
}

#[test]
fn the_errors_file_of_a_mapped_layout_keeps_its_header_line_and_imports_back() {
    let k = Kehoach::with_seed("ward.toml");
    let rules = fixture("maps/khu-pho-vi-pham.toml");
    let original = std::fs::read_to_string(fixture("csv/khu-pho-vi-pham.csv")).unwrap();
    let bad = original.replacen(";40;45;85\r\n", ";40;abc;85\r\n", 1);
    assert_ne!(bad, original);
    let input = file(&k, "khu-pho.csv", &bad);
    let errors = k.path("loi-khu-pho.csv");
    let extra = ["--map", &rules, "--errors", errors.to_str().unwrap()];
    let run = import(&k, &input, &extra, 3).stdout("<DIR>/khu-pho.csv (UTF-8 BOM, «;»): không ghi gì\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ NV1.01 ┆ KP2    ┆ 1   ┆ 0        ┆ 0         ┆ 0          ┆ 1       │\n\
│ Tổng   ┆        ┆ 2   ┆ 1        ┆ 0         ┆ 0          ┆ 1       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n").stderr("Lỗi: 1 dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):\n  \
<DIR>/khu-pho.csv:4:5 (KP 2): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)\n").run();
    assert!(run.stderr.contains("«abc»"), "{}", run.stderr);
    let written = std::fs::read_to_string(&errors).unwrap();
    assert_eq!(
        written,
        "\u{feff}\r\n\r\nSTT;Mã CT;Chỉ tiêu;KP 1;KP 2;Cộng;Lý do từ chối (kehoach)\r\n\
1;NV1.01;Số vụ vi phạm cư trú, ma túy, PCCC;40;abc;85;khu-pho.csv:4:5 (KP 2): Giá trị «abc» không hợp lệ: «abc» không phải là số (viết ví dụ 95,5 hoặc 1.234)\r\n"
    );
    let fixed = file(&k, "sua-khu-pho.csv", written.replace(";abc;", ";45;"));
    import(&k, &fixed, &["--map", &rules], 0)
        .stdout(
            "<DIR>/sua-khu-pho.csv (UTF-8 BOM, «;»): đã ghi\n\
┌────────┬────────┬─────┬──────────┬───────────┬────────────┬─────────┐\n\
│ Mã     ┆ Đơn vị ┆ Đọc ┆ Nhập mới ┆ Không đổi ┆ Đính chính ┆ Từ chối │\n\
╞════════╪════════╪═════╪══════════╪═══════════╪════════════╪═════════╡\n\
│ NV1.01 ┆ KP1    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ NV1.01 ┆ KP2    ┆ 1   ┆ 1        ┆ 0         ┆ 0          ┆ 0       │\n\
│ Tổng   ┆        ┆ 1   ┆ 2        ┆ 0         ┆ 0          ┆ 0       │\n\
└────────┴────────┴─────┴──────────┴───────────┴────────────┴─────────┘\n",
        )
        .run();
    assert_eq!(
        k.stored(),
        [
            "NV1.01 KP1 2026-06-20 40.00 None ",
            "NV1.01 KP2 2026-06-20 45.00 None ",
        ]
    );
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_is_caught_as_it_expands() {
    use std::io::Write;
    let k = Kehoach::with_seed("ward.toml");
    let plain = k.path("thuong.xlsx");
    far_cell_workbook(&plain, 1, 0);
    let mut source = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..source.len() {
        let entry = source.by_index_raw(index).unwrap();
        if entry.name().is_ok_and(|n| n == "xl/sharedStrings.xml") {
            continue;
        }
        out.raw_copy_file(entry).unwrap();
    }
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    out.start_file("xl/sharedStrings.xml", options).unwrap();
    out.write_all(b"<sst><si><t>").unwrap();
    let chunk = vec![b'A'; 1 << 20];
    for _ in 0..300 {
        out.write_all(&chunk).unwrap();
    }
    out.write_all(b"</t></si></sst>").unwrap();
    let mut bytes = out.finish().unwrap().into_inner();
    // The part's headers now say it expands to 100 bytes.
    let name = b"xl/sharedStrings.xml";
    let patch = |bytes: &mut Vec<u8>, signature: &[u8], size_at: usize, name_at: usize| {
        let mut start = 0;
        while let Some(found) = bytes[start..]
            .windows(4)
            .position(|w| w == signature)
            .map(|p| p + start)
        {
            if bytes[found + name_at..].starts_with(name) {
                bytes[found + size_at..found + size_at + 4].copy_from_slice(&100u32.to_le_bytes());
            }
            start = found + 4;
        }
    };
    patch(&mut bytes, b"PK\x01\x02", 24, 46);
    patch(&mut bytes, b"PK\x03\x04", 22, 30);
    let bomb = file(&k, "bom-noi-doi.xlsx", &bytes);
    let started = Instant::now();
    let run = import(&k, &bomb, &[], 3).stderr("Lỗi: <DIR>/bom-noi-doi.xlsx: không đọc được bảng tính (File is larger than its declared uncompressed size). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại\n").run();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/bom-noi-doi.xlsx: không đọc được bảng tính (File is larger than its declared uncompressed size). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại\n"
    );
}

/// Found by fuzzing: calamine's .ods reader looped for ever on a content.xml that ends inside
/// its table; a 2 kB file hung `import`.
#[test]
fn an_ods_cut_inside_its_table_is_refused_not_hung() {
    use std::io::{Read, Write};
    let k = Kehoach::with_seed("ward.toml");
    let mut source =
        zip::ZipArchive::new(std::fs::File::open(fixture("workbooks/long-clean.ods")).unwrap())
            .unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "content.xml" {
            let text = String::from_utf8(content).unwrap();
            let cut = text.find("</table:table>").unwrap();
            content = text.as_bytes()[..cut].to_vec();
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        out.start_file(name, options).unwrap();
        out.write_all(&content).unwrap();
    }
    let path = file(&k, "cat-cut.ods", out.finish().unwrap().into_inner());
    let started = Instant::now();
    let run = import(&k, &path, &[], 3).stderr("Lỗi: <DIR>/cat-cut.ods: phần «content.xml» của bảng tính bị cắt cụt (kết thúc khi các thẻ chưa đóng): mở bằng LibreOffice, lưu lại rồi nhập lại\n").run();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stderr(&run, &k),
        "Lỗi: <DIR>/cat-cut.ods: phần «content.xml» của bảng tính bị cắt cụt (kết thúc khi các thẻ chưa đóng): mở bằng LibreOffice, lưu lại rồi nhập lại\n"
    );
}

/// Whatever else makes the workbook reader loop, `import` answers: the reading is given up
/// after a time limit (here 0 s, so any workbook is over it).
#[test]
fn a_workbook_that_takes_too_long_to_read_is_given_up() {
    let k = Kehoach::with_seed("ward.toml");
    let dump = k.dump();
    k
        .test_env(
            &[
                "import",
                &fixture("workbooks/long-clean.xlsx"),
                "--as-of",
                "30/07/2026",
            ],
            &[("KEHOACH_WORKBOOK_TIMEOUT_S", "0")],
        )
        .status(3)
        .stderr("Lỗi: <REPO>/fixtures/workbooks/long-clean.xlsx: đọc bảng tính quá 0 giây: bỏ qua (tệp hỏng, hoặc quá lớn: tách thành nhiều tệp)\n")
        .masked()
        .run();

    assert_eq!(k.dump(), dump);
}
