//! Generates the benchmark's data on the fly, the same bytes for the same arguments: a
//! city-scale seed (the embedded plan plus WARDS wards of 7 khu phố each) and, as department
//! CSV files (`;`, decimal commas, dd/mm/yyyy), ROWS measurements and a start and a finish
//! event for every task.
//!
//! cargo run --release --example benchgen -- ROWS OUT_DIR [WARDS]
//! writes OUT_DIR/city.toml, OUT_DIR/measurements-ROWS.csv, OUT_DIR/tasks.csv
//!
//! cargo run --release --example benchgen -- floor CSV DB
//! the floor when the sqlite3 command is missing: the CSV's rows inserted as they are, by one
//! prepared statement in one transaction, into a table with no index and no check.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use chrono::{Duration, NaiveDate};

/// The embedded plan, as the binary has it.
const PLAN: &str = include_str!("../seeds/118-KH-UBND.toml");

/// A small fixed-seed generator (xorshift64*): no dependency, the same sequence everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Indicator {
    code: String,
    kind: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let ["floor", csv, db] = args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        return floor(csv, db);
    }
    let (Some(rows), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: benchgen ROWS OUT_DIR [WARDS]".into());
    };
    let rows: u64 = rows.parse()?;
    let out = PathBuf::from(out);
    let wards: u32 = args.get(2).map_or(Ok(95), |w| w.parse())?;
    std::fs::create_dir_all(&out)?;

    let plan: toml::Value = toml::from_str(PLAN)?;
    let start: NaiveDate = plan["plan"]["start"]
        .as_datetime()
        .ok_or("no plan start")?
        .to_string()
        .parse()?;
    let mut indicators = Vec::new();
    let mut tasks = Vec::new();
    for content in plan["contents"].as_array().ok_or("no contents")? {
        for indicator in content["indicators"].as_array().ok_or("no indicators")? {
            indicators.push(Indicator {
                code: indicator["code"].as_str().unwrap_or_default().to_string(),
                kind: indicator["kind"].as_str().unwrap_or_default().to_string(),
            });
        }
        for task in content["tasks"].as_array().ok_or("no tasks")? {
            tasks.push(task["code"].as_str().unwrap_or_default().to_string());
        }
    }

    // The city: every ward's 7 khu phố as units of the plan.
    let mut seed = String::from(PLAN);
    let mut units = Vec::new();
    for ward in 1..=wards {
        for khu_pho in 1..=7 {
            let code = format!("P{ward:02}KP{khu_pho}");
            let _ = write!(
                seed,
                "\n[[units]]\ncode = \"{code}\"\nname = \"Phường {ward:02} - Khu phố {khu_pho}\"\nparent = \"UBND\"\n"
            );
            units.push(code);
        }
    }
    std::fs::write(out.join("city.toml"), seed)?;

    // Day after day from the plan's start: every indicator of every unit, until ROWS rows.
    let mut random = Random(0x05EE_D118);
    let path = out.join(format!("measurements-{rows}.csv"));
    let mut file = BufWriter::new(std::fs::File::create(&path)?);
    // A flow's value covers a period ("Kỳ"): here the one day it is dated, so none overlaps.
    file.write_all("\u{feff}Mã chỉ tiêu;Đơn vị;Ngày;Giá trị;Ghi chú;Kỳ\r\n".as_bytes())?;
    let mut written = 0;
    let mut day = start;
    'days: loop {
        let date = day.format("%d/%m/%Y").to_string();
        for indicator in &indicators {
            for unit in &units {
                if written == rows {
                    break 'days;
                }
                let value = match indicator.kind.as_str() {
                    "percent" if random.below(3) == 0 => {
                        format!("{},{}", 80 + random.below(20), random.below(10))
                    }
                    "percent" => {
                        let denominator = 50 + random.below(450);
                        let numerator = denominator - random.below(denominator / 5 + 1);
                        format!("{numerator}/{denominator}")
                    }
                    _ => (random.below(40)).to_string(),
                };
                let note = if random.below(50) == 0 {
                    "Báo cáo bổ sung"
                } else {
                    ""
                };
                let flow = matches!(indicator.kind.as_str(), "reduction" | "growth");
                let period = if flow {
                    format!("{date}-{date}")
                } else {
                    String::new()
                };
                writeln!(
                    file,
                    "{};{unit};{date};{value};{note};{period}\r",
                    indicator.code
                )?;
                written += 1;
            }
        }
        day += Duration::days(1);
    }
    file.flush()?;

    // Every task started on the plan's first day and finished within the first 60 days.
    let mut file = BufWriter::new(std::fs::File::create(out.join("tasks.csv"))?);
    file.write_all("\u{feff}Mã nhiệm vụ;Trạng thái;Ngày;Ghi chú\r\n".as_bytes())?;
    for task in &tasks {
        writeln!(
            file,
            "{task};Đang thực hiện;{};\r",
            start.format("%d/%m/%Y")
        )?;
        let done = start + Duration::days(1 + random.below(60) as i64);
        writeln!(
            file,
            "{task};Hoàn thành;{};Đã xong\r",
            done.format("%d/%m/%Y")
        )?;
    }
    file.flush()?;
    eprintln!(
        "{}: {written} rows, {} units, {} indicators, up to {}",
        path.display(),
        units.len(),
        indicators.len(),
        day.format("%d/%m/%Y")
    );
    Ok(())
}

/// Inserts the CSV's rows into a bare table: what SQLite costs before any checking.
fn floor(csv: &str, db: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = rusqlite::Connection::open(db)?;
    conn.execute_batch(
        "CREATE TABLE m (indicator TEXT, unit TEXT, date TEXT, value TEXT, note TEXT, period TEXT)",
    )?;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO m VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_path(csv)?;
        for record in reader.records() {
            let record = record?;
            let cell = |i: usize| record.get(i).unwrap_or("");
            insert.execute([cell(0), cell(1), cell(2), cell(3), cell(4), cell(5)])?;
        }
    }
    tx.commit()?;
    Ok(())
}
