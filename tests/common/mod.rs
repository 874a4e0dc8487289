//! The test harness: run the real binary against a temporary database and fixture files.

#![allow(dead_code)] // Each test file uses its own part of the harness.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the binary gave back.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the whole output unless the exit code is `code`.
    #[track_caller]
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The JSON on standard output.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary folder with a database path in it, and the binary to run on it.
pub struct Kehoach {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Kehoach {
    /// A new, empty folder; the database does not exist yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("kehoach.db");
        Self { dir, db }
    }

    /// A database loaded with the fixture seed `fixtures/seeds/NAME`.
    pub fn with_seed(name: &str) -> Self {
        let k = Self::new();
        k.test(&["init", "--seed", &fixture(&format!("seeds/{name}"))])
            .stdout_check(|out| assert!(out.starts_with("Đã nạp Kế hoạch "), "{out}"))
            .writes()
            .run();
        k
    }

    /// Runs `kehoach --db DB ARGS...` in a clean environment (no KEHOACH_* from the caller).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
        command
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("KEHOACH_DB")
            .env_remove("KEHOACH_LANG")
            .env("USER", "thuky")
            .env("KEHOACH_NOW", "2026-11-25T08:00:00Z")
            .env("NO_COLOR", "1")
            // Times are shown in local time: the same zone on every machine.
            .env("TZ", "UTC");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().expect("run kehoach");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// A path inside the temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The database file's bytes-independent content: every row of the recorded tables,
    /// for "nothing was written" checks.
    pub fn dump(&self) -> String {
        self.try_dump().expect("dump the database")
    }

    /// [`Kehoach::dump`], or why the database could not be read as kehoach's.
    pub fn try_dump(&self) -> rusqlite::Result<String> {
        let conn = rusqlite::Connection::open(&self.db)?;
        let mut out = String::new();
        for table in [
            "plan",
            "units",
            "contents",
            "phases",
            "indicators",
            "indicator_units",
            "unit_targets",
            "checkpoints",
            "tasks",
            "task_units",
            "measurements",
            "task_events",
            // The kept summaries: a write that fails must not leave them changed either.
            "indicator_days",
            "latest_figures",
            "ward_days",
        ] {
            let query = format!("SELECT * FROM {table} ORDER BY 1, 2");
            let mut statement = match conn.prepare(&query) {
                Ok(statement) => statement,
                // A database of an older version has no summaries yet.
                Err(_) if table.ends_with("_days") || table == "latest_figures" => {
                    out.push_str(&format!("[{table}] absent\n"));
                    continue;
                }
                Err(error) => return Err(error),
            };
            let columns = statement.column_count();
            let rows = statement
                .query_map([], |row| {
                    let cells: Vec<String> = (0..columns)
                        .map(|i| {
                            format!(
                                "{:?}",
                                row.get_ref(i).map(|v| v
                                    .as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|_| format!("{v:?}")))
                            )
                        })
                        .collect();
                    Ok(cells.join("|"))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            out.push_str(&format!("[{table}]\n{}\n", rows.join("\n")));
        }
        Ok(out)
    }

    /// What a run may not change: the dump, or for a file that is not kehoach's database
    /// (another program's, a damaged one) its bytes; `None` when there is no file.
    pub fn state(&self) -> Option<String> {
        if !self.db.exists() {
            return None;
        }
        Some(self.try_dump().unwrap_or_else(|error| {
            let bytes = std::fs::read(&self.db).unwrap_or_default();
            // FNV-1a: enough to tell the bytes changed.
            let hash = bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
            });
            format!(
                "not a kehoach database ({error}): {} bytes, {hash:016x}",
                bytes.len()
            )
        }))
    }

    /// The current measurements: "indicator unit date value numerator note", sorted.
    pub fn stored(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db).expect("open database");
        let mut statement = conn
            .prepare("SELECT indicator, unit, date, value, numerator, coalesce(note, '') FROM current_measurements ORDER BY indicator, unit, date")
            .expect("select");
        statement
            .query_map([], |r| {
                Ok(format!(
                    "{} {} {} {:.2} {:?} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, Option<f64>>(4)?,
                    r.get::<_, String>(5)?
                ))
            })
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    }

    /// How many files the import log holds; `None` without a database (or its log).
    pub fn imports(&self) -> Option<i64> {
        let conn = rusqlite::Connection::open_with_flags(
            &self.db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .ok()?;
        conn.query_row("SELECT count(*) FROM imports", [], |r| r.get(0))
            .ok()
    }

    /// A number from the database (`SELECT count(*) ...`).
    pub fn count(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).expect("open database");
        conn.query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}

/// The absolute path of `fixtures/NAME`.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Output with the parts that change from run to run (temporary paths, clock times) masked.
pub fn stable(text: &str, k: &Kehoach) -> String {
    let mut text = text.replace(&k.db.display().to_string(), "<DB>");
    text = text.replace(&k.dir.path().display().to_string(), "<DIR>");
    text = text.replace(env!("CARGO_MANIFEST_DIR"), "<REPO>");
    mask_times(&text)
}

/// Replaces "2026-11-25 04:42" / "2026-11-25T04:42:52Z" clock stamps with <TIME>.
fn mask_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let digits = |s: &[char]| s.iter().all(|c| c.is_ascii_digit());
    while i < chars.len() {
        // YYYY-MM-DD?HH:MM
        if i + 16 <= chars.len()
            && digits(&chars[i..i + 4])
            && chars[i + 4] == '-'
            && digits(&chars[i + 5..i + 7])
            && chars[i + 7] == '-'
            && digits(&chars[i + 8..i + 10])
            && (chars[i + 10] == ' ' || chars[i + 10] == 'T')
            && digits(&chars[i + 11..i + 13])
            && chars[i + 13] == ':'
            && digits(&chars[i + 14..i + 16])
        {
            let mut end = i + 16;
            if end + 3 <= chars.len() && chars[end] == ':' && digits(&chars[end + 1..end + 3]) {
                end += 3;
            }
            if end < chars.len() && chars[end] == 'Z' {
                end += 1;
            }
            out.push_str("<TIME>");
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Whether the tests run in CI (`CI=true`), where a missing outside program is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The LibreOffice command, where it is installed; tests that need it say they skipped, except
/// in CI (`CI=true`), where `.ci/run` installs it and its absence fails the test.
pub fn libreoffice() -> Option<&'static str> {
    let found = ["soffice", "libreoffice"].into_iter().find(|program| {
        std::process::Command::new(program)
            .arg("--version")
            .output()
            .is_ok()
    });
    assert!(
        found.is_some() || !in_ci(),
        "CI=true but LibreOffice (soffice) cannot run: .ci/run installs it from Debian's packages"
    );
    found
}

/// The Chromium command, where it is installed; in CI (`CI=true`) its absence fails the test.
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|program| {
            std::process::Command::new(program)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    assert!(
        found.is_some() || !in_ci(),
        "CI=true but Chromium cannot run: .ci/run installs it from Debian's packages"
    );
    found
}

/// The test ward's tasks and figures whose report is worked out by hand in tests/report.rs
/// (7 task events, 10 measurements and 1 correction), as of 31/12/2026; tests/city.rs
/// exports the same data.
pub fn hand_worked_data(k: &Kehoach) {
    let at = ["--as-of", "31/12/2026"];
    let task = |action: &str, code: &str, date: &str| {
        let mut args = vec!["task", action, code, "--date", date];
        args.extend(at);
        let said = format!("Nhiệm vụ {code}: ");
        k.test(&args)
            .stdout_check(move |out| assert!(out.starts_with(&said), "{out}"))
            .writes()
            .run();
    };
    task("done", "TT1.T01", "20/02/2026"); // due 28/02: met
    task("done", "TT1.T02", "20/02/2026"); // due 15/02: late
    task("start", "TT1.T03", "05/03/2026"); // due 30/04: never done
    task("done", "TT1.T04", "30/04/2026"); // due 30/04: met on the day
    task("cancel", "TT1.T06", "01/08/2026"); // does not count
    task("done", "TT1.T07", "15/10/2026"); // due 31/12: met early
    task("done", "NV1.T01", "31/03/2026"); // due 31/03: met
    let record = |indicator: &str, value: &str, unit: &str, date: &str| {
        let mut args = vec!["record", indicator, value, "--unit", unit, "--date", date];
        args.extend(at);
        let said = format!("Đã ghi {indicator} = ");
        k.test(&args)
            .stdout_check(move |out| assert!(out.starts_with(&said), "{out}"))
            .writes()
            .run();
    };
    record("TT1.01", "412/450", "PA", "15/04/2026");
    record("TT1.01", "40/50", "PB", "15/04/2026"); // ward 452/500 = 90,4%
    record("TT1.01", "30/50", "PB", "20/06/2026"); // ward 442/500 = 88,4%
    record("TT1.02", "2", "PA", "10/05/2026");
    record("TT1.02", "2", "PB", "10/06/2026");
    record("TT1.02", "3", "PA", "20/09/2026"); // ward 3 + 2 = 5
    record("TT1.03", "2,5%", "PB", "10/10/2026");
    record("NV1.01", "40", "KP1", "20/10/2026");
    record("NV1.01", "45", "KP2", "20/10/2026"); // 85 vs 100: down 15%
    k.test(&[
        "record",
        "NV1.01",
        "35",
        "--unit",
        "KP2",
        "--date",
        "20/10/2026",
        "--correct",
        "--note",
        "KP2 báo lại",
        "--as-of",
        "31/12/2026",
    ])
    .stdout_check(|out| assert!(out.starts_with("Đã đính chính NV1.01 của KP2 "), "{out}"))
    .writes()
    .run(); // 75 vs 100: down 25%
    record("NV1.02", "96", "PA", "28/11/2026");
}

/// June's figures of the test ward (the clean CSV and the task file) and PB's 44/50 of
/// 25/06/2026: the data the weekly report's tests are written against.
pub fn june_data(k: &Kehoach) {
    k.test(&[
        "import",
        &fixture("csv/long-clean.csv"),
        &fixture("csv/tasks.csv"),
        "--as-of",
        "30/06/2026",
    ])
    .stdout_check(|out| assert_eq!(out.matches("): đã ghi\n").count(), 2, "{out}"))
    .writes()
    .run();
    k.test(&[
        "record",
        "TT1.01",
        "44/50",
        "--unit",
        "PB",
        "--date",
        "25/06/2026",
        "--as-of",
        "30/06/2026",
    ])
    .stdout_check(|out| {
        assert!(
            out.starts_with("Đã ghi TT1.01 = 88% (44/50) cho PB "),
            "{out}"
        )
    })
    .writes()
    .run();
}

/// What a run's output must be.
enum Expect {
    Exactly(String),
    Contains(Vec<String>),
    /// Checked by the test's own function, which panics when the output is wrong.
    Check(Box<dyn Fn(&str)>),
}

/// What a run may do to the database.
#[derive(Clone, Copy, PartialEq)]
enum Writes {
    /// A successful run may write; a failing one must not.
    Default,
    /// Nothing may change, even on success (a dry run, a report).
    Nothing,
    /// Not compared: a known change that should not happen, named where it is allowed.
    Unchecked,
    /// The dump must differ afterwards.
    Something,
}

/// A run described as `just`'s tests describe one: the arguments, then what the status,
/// standard output and standard error must be, and whether the database may change. Every
/// part is checked: output not described must be empty, and a failing run must leave the
/// database as it was.
///
/// ```ignore
/// k.test(&["record", "TT3.05", "5"]).status(3).stderr("Lỗi: …\n").run();
/// ```
pub struct Test<'k> {
    k: &'k Kehoach,
    args: Vec<String>,
    env: Vec<(String, String)>,
    status: i32,
    stdout: Expect,
    stderr: Expect,
    masked: bool,
    masks: Vec<(String, String)>,
    writes: Writes,
}

impl Kehoach {
    /// A run to describe, then check with [`Test::run`].
    pub fn test(&self, args: &[&str]) -> Test<'_> {
        Test {
            k: self,
            args: args.iter().map(|a| a.to_string()).collect(),
            env: Vec::new(),
            status: 0,
            stdout: Expect::Exactly(String::new()),
            stderr: Expect::Exactly(String::new()),
            masked: false,
            masks: Vec::new(),
            writes: Writes::Default,
        }
    }
}

impl Kehoach {
    /// A run with extra environment variables, to describe and check like [`Kehoach::test`].
    pub fn test_env(&self, args: &[&str], env: &[(&str, &str)]) -> Test<'_> {
        env.iter()
            .fold(self.test(args), |test, (key, value)| test.env(key, value))
    }
}

impl Test<'_> {
    /// The exit status (0 unless said).
    pub fn status(mut self, status: i32) -> Self {
        self.status = status;
        self
    }

    /// An environment variable for this run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Compares both outputs with the temporary folder, the repository and clock times
    /// masked (see [`stable`]).
    pub fn masked(mut self) -> Self {
        self.masked = true;
        self
    }

    /// Replaces `text` (a folder of the test's own, outside the temporary one) by `tag` in
    /// both outputs before they are compared.
    pub fn mask(mut self, text: &str, tag: &str) -> Self {
        self.masks.push((text.to_string(), tag.to_string()));
        self
    }

    /// Standard output, exactly.
    pub fn stdout(mut self, text: &str) -> Self {
        self.stdout = Expect::Exactly(text.to_string());
        self
    }

    /// Standard output holds each of `parts`.
    pub fn stdout_has(mut self, parts: &[&str]) -> Self {
        self.stdout = Expect::Contains(parts.iter().map(|p| p.to_string()).collect());
        self
    }

    /// Standard output passes `check` (which panics when it does not).
    pub fn stdout_check(mut self, check: impl Fn(&str) + 'static) -> Self {
        self.stdout = Expect::Check(Box::new(check));
        self
    }

    /// Standard output is checked by the test itself, from the returned [`Run`] (a table
    /// measured, a CSV parsed, a report compared with another).
    pub fn stdout_read(self) -> Self {
        self.stdout_check(|_| {})
    }

    /// Standard output is JSON; the test reads it from the returned [`Run`].
    pub fn stdout_json(self) -> Self {
        self.stdout_check(|out| {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
                panic!("not JSON ({e}):\n{out}");
            }
        })
    }

    /// Standard error, exactly.
    pub fn stderr(mut self, text: &str) -> Self {
        self.stderr = Expect::Exactly(text.to_string());
        self
    }

    /// Standard error holds each of `parts`.
    pub fn stderr_has(mut self, parts: &[&str]) -> Self {
        self.stderr = Expect::Contains(parts.iter().map(|p| p.to_string()).collect());
        self
    }

    /// Standard error passes `check` (which panics when it does not).
    pub fn stderr_check(mut self, check: impl Fn(&str) + 'static) -> Self {
        self.stderr = Expect::Check(Box::new(check));
        self
    }

    /// The database must be as it was, even though the run succeeds.
    pub fn writes_nothing(mut self) -> Self {
        self.writes = Writes::Nothing;
        self
    }

    /// The database is not compared: for a known fault, whose `reason` the call names, so it
    /// can be found and removed when the fault is fixed.
    pub fn known_write(mut self, reason: &str) -> Self {
        assert!(!reason.is_empty());
        self.writes = Writes::Unchecked;
        self
    }

    /// The database must have changed.
    pub fn writes(mut self) -> Self {
        self.writes = Writes::Something;
        self
    }

    /// Runs and checks status, both outputs and, for a failing run, that nothing was written.
    #[track_caller]
    pub fn run(self) -> Run {
        let before = self.k.state();
        let imports_before = self.k.imports();
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let mut run = self.k.run_env(&args, &env);
        for (text, tag) in &self.masks {
            run.stdout = run.stdout.replace(text, tag);
            run.stderr = run.stderr.replace(text, tag);
        }
        if self.masked {
            run.stdout = stable(&run.stdout, self.k);
            run.stderr = stable(&run.stderr, self.k);
        }
        let context = format!(
            "kehoach {}\nstatus {}\nstdout:\n{}\nstderr:\n{}",
            args.join(" "),
            run.code,
            run.stdout,
            run.stderr
        );
        assert_eq!(run.code, self.status, "status of {context}");
        for (name, expected, actual) in [
            ("stdout", &self.stdout, &run.stdout),
            ("stderr", &self.stderr, &run.stderr),
        ] {
            match expected {
                Expect::Exactly(text) => assert_eq!(actual, text, "{name} of {context}"),
                Expect::Contains(parts) => {
                    for part in parts {
                        assert!(
                            actual.contains(part.as_str()),
                            "{name} lacks {part:?} in {context}"
                        );
                    }
                }
                Expect::Check(check) => check(actual),
            }
        }
        let after = self.k.state();
        let compared = self.writes != Writes::Unchecked;
        if compared && (self.status != 0 || self.writes == Writes::Nothing) {
            assert_eq!(after, before, "the database changed: {context}");
        }
        if self.status != 0 {
            let imports = self.k.imports();
            assert_eq!(
                imports, imports_before,
                "a refused run logged an import: {context}"
            );
        }
        if self.writes == Writes::Something {
            assert_ne!(after, before, "nothing was written: {context}");
        }
        run
    }
}
