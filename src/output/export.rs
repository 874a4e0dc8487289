//! The city's export: each kind of fact as a dataset of typed columns, written as Parquet or
//! CSV into `DIR/<dataset>/ward=<CODE>/part-0.<ext>`. (Long because it spells out every
//! dataset's columns, the contract below, one by one.)
//!
//! The columns below are a contract with the city's queries (`examples/city/rollup.sql`): a
//! column may be added at the end of a dataset, never renamed, retyped or removed; a change
//! that breaks that raises [`SCHEMA_VERSION`]. `tests/city.rs` holds every dataset's columns
//! to a snapshot, and the README documents each one.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray, TimestampMillisecondArray,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::input::text::escape_spreadsheet_cell;
use crate::plan::compliance::{Item, ItemKind, Moment, Outcome, TaskEvent};
use crate::plan::measure::Measurement;
use crate::plan::Plan;

/// The version of the columns below, written in every row's `schema_version`.
pub const SCHEMA_VERSION: i32 = 1;

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Apache Parquet, Snappy-compressed: DuckDB, Polars, Spark, Trino.
    Parquet,
    /// CSV with `;`, UTF-8 with BOM, ISO dates, decimal points: for Excel.
    Csv,
}

impl ExportFormat {
    /// The files' extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Parquet => "parquet",
            Self::Csv => "csv",
        }
    }
}

/// A column's type, as Parquet and DuckDB see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int32,
    Int64,
    Float64,
    Bool,
    Text,
    /// A calendar day.
    Date,
    /// A moment in UTC, to the second.
    Timestamp,
}

impl ColumnType {
    fn arrow(self) -> DataType {
        match self {
            Self::Int32 => DataType::Int32,
            Self::Int64 => DataType::Int64,
            Self::Float64 => DataType::Float64,
            Self::Bool => DataType::Boolean,
            Self::Text => DataType::Utf8,
            Self::Date => DataType::Date32,
            // Milliseconds: Parquet has no seconds unit, and DuckDB reads an unlabelled INT64.
            Self::Timestamp => DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
        }
    }
}

/// One column of a dataset's contract.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub kind: ColumnType,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: ColumnType) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        nullable: false,
    }
}

const fn opt(name: &'static str, kind: ColumnType) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        nullable: true,
    }
}

use ColumnType::{Bool, Date, Float64, Int32, Int64, Text, Timestamp};

/// The first two columns of every dataset.
const COMMON: [ColumnSpec; 2] = [col("schema_version", Int32), col("ward", Text)];

const PLAN_CONTENTS: &[ColumnSpec] = &[
    col("plan_number", Text),
    col("plan_date", Date),
    col("content", Text),
    col("kind", Text),
    col("title", Text),
    col("lead", Text),
    col("position", Int32),
];

const PLAN_PHASES: &[ColumnSpec] = &[
    col("content", Text),
    col("phase", Int32),
    col("name", Text),
    col("start", Date),
    col("end", Date),
];

const INDICATORS: &[ColumnSpec] = &[
    col("indicator", Text),
    col("content", Text),
    col("text", Text),
    col("kind", Text),
    col("comparator", Text),
    col("target", Float64),
    col("unit_of_measure", Text),
    col("deadline", Date),
    col("lead", Text),
    opt("baseline_year", Int32),
    opt("baseline_value", Float64),
    col("position", Int32),
    // Added with periods: "level" or "flow", and what the baseline stands for.
    col("aggregation", Text),
    opt("baseline_against", Text),
];

const TASKS: &[ColumnSpec] = &[
    col("task", Text),
    col("content", Text),
    col("phase", Int32),
    col("text", Text),
    col("lead", Text),
    opt("output", Text),
    col("deadline", Date),
    col("position", Int32),
];

const UNITS: &[ColumnSpec] = &[
    col("unit", Text),
    col("name", Text),
    opt("parent", Text),
    col("position", Int32),
];

const MEASUREMENTS: &[ColumnSpec] = &[
    col("id", Int64),
    col("indicator", Text),
    col("unit", Text),
    col("date", Date),
    col("value", Float64),
    opt("numerator", Float64),
    opt("denominator", Float64),
    col("baseline", Bool),
    col("revision", Int32),
    col("superseded", Bool),
    opt("note", Text),
    opt("recorded_by", Text),
    opt("recorded_at", Timestamp),
    // Added with periods: a flow's value covers period_start..date.
    opt("period_start", Date),
];

const TASK_EVENTS: &[ColumnSpec] = &[
    col("id", Int64),
    col("task", Text),
    col("action", Text),
    col("date", Date),
    opt("note", Text),
    opt("recorded_by", Text),
    opt("recorded_at", Timestamp),
];

const VERDICTS: &[ColumnSpec] = &[
    col("as_of", Date),
    col("moment", Text),
    col("kind", Text),
    col("code", Text),
    col("content", Text),
    col("phase", Int32),
    col("unit", Text),
    col("due", Date),
    opt("comparator", Text),
    opt("target", Float64),
    col("state", Text),
    opt("met_on", Date),
    opt("days_overdue", Int32),
    col("counts", Bool),
];

/// Every dataset's name and its own columns (after [`COMMON`]), in the order they are written.
pub const DATASETS: [(&str, &[ColumnSpec]); 8] = [
    ("plan_contents", PLAN_CONTENTS),
    ("plan_phases", PLAN_PHASES),
    ("indicators", INDICATORS),
    ("tasks", TASKS),
    ("units", UNITS),
    ("measurements", MEASUREMENTS),
    ("task_events", TASK_EVENTS),
    ("verdicts", VERDICTS),
];

/// One cell on its way into a column.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    Date(NaiveDate),
    /// Seconds since 1970-01-01 UTC.
    Timestamp(i64),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}
impl From<usize> for Value {
    fn from(v: usize) -> Self {
        Self::Int(v as i64)
    }
}
impl From<u8> for Value {
    fn from(v: u8) -> Self {
        Self::Int(v.into())
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Self::Int(v.into())
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Self::Float(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Self::Bool(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(v.to_string())
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Self::Text(v.clone())
    }
}
impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Self::Date(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// A stored `recorded_at` ("2026-11-25T08:00:00Z") as a timestamp; `Null` if it is not one.
fn timestamp(text: &str) -> Value {
    NaiveDateTime::parse_from_str(text.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S")
        .map_or(Value::Null, |t| Value::Timestamp(t.and_utc().timestamp()))
}

/// A dataset of one ward: its columns' contract and its rows, column by column.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub name: &'static str,
    pub columns: Vec<ColumnSpec>,
    /// `cells[column][row]`.
    cells: Vec<Vec<Value>>,
    ward: String,
}

impl Dataset {
    fn new(name: &'static str, own: &[ColumnSpec], ward: &str) -> Self {
        let columns: Vec<ColumnSpec> = COMMON.iter().chain(own).copied().collect();
        Self {
            name,
            cells: vec![Vec::new(); columns.len()],
            columns,
            ward: ward.to_string(),
        }
    }

    /// Adds a row of the dataset's own columns; `schema_version` and `ward` are filled in.
    fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(
            row.len() + COMMON.len(),
            self.columns.len(),
            "{}",
            self.name
        );
        self.cells[0].push(Value::Int(SCHEMA_VERSION.into()));
        self.cells[1].push(Value::Text(self.ward.clone()));
        for (column, value) in self.cells[COMMON.len()..].iter_mut().zip(row) {
            column.push(value);
        }
    }

    /// How many rows.
    pub fn rows(&self) -> usize {
        self.cells[0].len()
    }

    /// The Arrow schema: what Parquet readers see.
    pub fn schema(&self) -> Schema {
        Schema::new(
            self.columns
                .iter()
                .map(|c| Field::new(c.name, c.kind.arrow(), c.nullable))
                .collect::<Vec<_>>(),
        )
    }

    fn arrow_column(spec: &ColumnSpec, values: &[Value]) -> ArrayRef {
        let int = |v: &Value| match v {
            Value::Int(i) => Some(*i),
            _ => None,
        };
        match spec.kind {
            Int32 => Arc::new(Int32Array::from_iter(
                values.iter().map(|v| int(v).map(|i| i as i32)),
            )),
            Int64 => Arc::new(Int64Array::from_iter(values.iter().map(int))),
            Float64 => Arc::new(Float64Array::from_iter(values.iter().map(|v| match v {
                Value::Float(f) => Some(*f),
                _ => None,
            }))),
            Bool => Arc::new(BooleanArray::from_iter(values.iter().map(|v| match v {
                Value::Bool(b) => Some(*b),
                _ => None,
            }))),
            Text => Arc::new(StringArray::from_iter(values.iter().map(|v| match v {
                Value::Text(t) => Some(t.as_str()),
                _ => None,
            }))),
            Date => Arc::new(Date32Array::from_iter(values.iter().map(|v| match v {
                // Date32 counts days from 1970-01-01 (day 719163 of the common era).
                Value::Date(d) => Some(d.num_days_from_ce() - 719_163),
                _ => None,
            }))),
            Timestamp => Arc::new(
                TimestampMillisecondArray::from_iter(values.iter().map(|v| match v {
                    Value::Timestamp(t) => Some(*t * 1000),
                    _ => None,
                }))
                .with_timezone("UTC"),
            ),
        }
    }

    /// The dataset as one Parquet file (one row group per 64k rows, Snappy).
    pub fn parquet(&self) -> Result<Vec<u8>, parquet::errors::ParquetError> {
        let schema = Arc::new(self.schema());
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter()
            .zip(&self.cells)
            .map(|(spec, values)| Self::arrow_column(spec, values))
            .collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(65_536))
            .build();
        let mut bytes = Vec::new();
        let mut writer = ArrowWriter::try_new(&mut bytes, schema, Some(properties))?;
        writer.write(&batch)?;
        writer.close()?;
        Ok(bytes)
    }

    /// The dataset as CSV for Excel: `;`, UTF-8 with BOM, a header of the column names, ISO
    /// dates and times, decimal points, `true`/`false`, empty for null; text that Excel would
    /// take for a formula is escaped as the other CSV outputs do.
    pub fn csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        writer.write_record(self.columns.iter().map(|c| c.name))?;
        for row in 0..self.rows() {
            writer.write_record(self.cells.iter().map(|column| {
                match &column[row] {
                    Value::Null => String::new(),
                    Value::Int(i) => i.to_string(),
                    Value::Float(f) => f.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Text(t) => escape_spreadsheet_cell(t),
                    Value::Date(d) => d.format("%Y-%m-%d").to_string(),
                    Value::Timestamp(t) => chrono::DateTime::from_timestamp(*t, 0)
                        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                        .unwrap_or_default(),
                }
            }))?;
        }
        writer.into_inner().map_err(|e| e.into_error().into())
    }
}

/// What one ward's export is made from: the plan, every stored row, and the verdicts of the
/// one judgement (`compliance::items`) at `moment`.
pub struct WardFacts<'a> {
    pub ward: &'a str,
    pub plan: &'a Plan,
    /// Every measurement revision, with whether a later one replaced it.
    pub measurements: &'a [(Measurement, bool)],
    pub task_events: &'a [TaskEvent],
    pub moment: Moment,
    pub verdicts: &'a [Item],
}

fn dataset(name: &'static str, ward: &str) -> Dataset {
    let own = DATASETS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[][..], |(_, columns)| *columns);
    Dataset::new(name, own, ward)
}

macro_rules! row {
    ($($value:expr),* $(,)?) => { vec![$(Value::from($value)),*] };
}

/// The eight datasets of one ward, in [`DATASETS`] order.
pub fn datasets(facts: &WardFacts) -> Vec<Dataset> {
    let ward = facts.ward;
    let plan = facts.plan;
    let mut contents = dataset("plan_contents", ward);
    let mut phases = dataset("plan_phases", ward);
    let mut indicators = dataset("indicators", ward);
    let mut tasks = dataset("tasks", ward);
    for (position, content) in plan.contents.iter().enumerate() {
        let kind = match content.kind {
            crate::plan::ContentKind::Focal => "focal",
            crate::plan::ContentKind::Further => "further",
        };
        contents.push(row![
            &plan.meta.number,
            plan.meta.date,
            &content.code,
            kind,
            &content.title,
            &content.lead,
            position + 1,
        ]);
        for phase in &content.phases {
            phases.push(row![
                &content.code,
                phase.number,
                &phase.name,
                phase.start,
                phase.end
            ]);
        }
        for (position, indicator) in content.indicators.iter().enumerate() {
            indicators.push(row![
                &indicator.code,
                &content.code,
                &indicator.text,
                indicator.kind.as_str(),
                indicator.comparator.symbol(),
                indicator.target,
                &indicator.unit_of_measure,
                indicator.deadline,
                indicator.lead(),
                indicator.baseline.as_ref().map(|b| b.year),
                indicator.baseline.as_ref().and_then(|b| b.value),
                position + 1,
                indicator.accumulation.as_str(),
                indicator.baseline.as_ref().map(|b| b.against.as_str()),
            ]);
        }
        for (position, task) in content.tasks.iter().enumerate() {
            tasks.push(row![
                &task.code,
                &content.code,
                task.phase,
                &task.text,
                &task.lead,
                task.output.as_ref(),
                task.deadline,
                position + 1,
            ]);
        }
    }
    let mut units = dataset("units", ward);
    for (position, unit) in plan.units.iter().enumerate() {
        units.push(row![
            &unit.code,
            &unit.name,
            unit.parent.as_ref(),
            position + 1
        ]);
    }
    let mut measurements = dataset("measurements", ward);
    for (m, superseded) in facts.measurements {
        let mut cells = row![
            m.id,
            &m.indicator,
            &m.unit,
            m.date,
            m.value,
            m.numerator,
            m.denominator,
            m.baseline,
            m.revision,
            *superseded,
            m.note.as_ref(),
            m.recorded_by.as_ref(),
        ];
        cells.push(timestamp(&m.recorded_at));
        cells.push(m.period_start.into());
        measurements.push(cells);
    }
    let mut events = dataset("task_events", ward);
    for e in facts.task_events {
        let mut cells = row![
            e.id,
            &e.task,
            e.action.as_str(),
            e.date,
            e.note.as_ref(),
            e.recorded_by.as_ref(),
        ];
        cells.push(timestamp(&e.recorded_at));
        events.push(cells);
    }
    let mut verdicts = dataset("verdicts", ward);
    let moment = match facts.moment {
        Moment::During(_) => "during",
        Moment::EndOf(_) => "end_of",
    };
    for item in facts.verdicts {
        let (state, met_on, days) = match item.outcome {
            Outcome::Open => ("open", None, None),
            Outcome::Met { on } => ("met", Some(on), None),
            Outcome::Late { on } => ("late", Some(on), None),
            Outcome::Overdue { days } => ("overdue", None, Some(days)),
            Outcome::Cancelled => ("cancelled", None, None),
        };
        let kind = match item.kind {
            ItemKind::Task => "task",
            ItemKind::Indicator => "indicator",
        };
        verdicts.push(row![
            facts.moment.day(),
            moment,
            kind,
            &item.code,
            &item.content,
            item.phase,
            &item.unit,
            item.due,
            item.target.map(|(c, _)| c.symbol()),
            item.target.map(|(_, t)| t),
            state,
            met_on,
            days,
            item.outcome.counts(),
        ]);
    }
    vec![
        contents,
        phases,
        indicators,
        tasks,
        units,
        measurements,
        events,
        verdicts,
    ]
}

/// Where a ward's file of a dataset goes: `DIR/<dataset>/ward=<CODE>/part-0.<ext>`.
pub fn partition_file(out: &Path, dataset: &str, ward: &str, format: ExportFormat) -> PathBuf {
    out.join(dataset)
        .join(format!("ward={ward}"))
        .join(format!("part-0.{}", format.extension()))
}

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct WriteFailure {
    pub path: PathBuf,
    pub error: String,
}

/// Writes each `(path, bytes)` beside its place (a hidden `.tmp` file that no `*.parquet` glob
/// matches), syncs them all, and only then renames each over the old file: a reader sees a
/// ward's old partition or its new one, and a failure before the renames leaves the old
/// files as they were.
pub fn replace_files(files: &[(PathBuf, Vec<u8>)]) -> Result<(), WriteFailure> {
    let fail = |path: &Path, error: std::io::Error| WriteFailure {
        path: path.to_path_buf(),
        error: error.to_string(),
    };
    let mut staged: Vec<(PathBuf, &PathBuf)> = Vec::new();
    let cleanup = |staged: &[(PathBuf, &PathBuf)]| {
        for (temporary, _) in staged {
            let _ = fs::remove_file(temporary);
        }
    };
    for (path, bytes) in files {
        let folder = path.parent().unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("part");
        let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = fs::create_dir_all(folder)
            .and_then(|()| File::create(&temporary))
            .and_then(|mut file| {
                file.write_all(bytes)?;
                file.sync_all()
            });
        if let Err(error) = written {
            let _ = fs::remove_file(&temporary);
            cleanup(&staged);
            return Err(fail(path, error));
        }
        staged.push((temporary, path));
    }
    for (index, (temporary, path)) in staged.iter().enumerate() {
        if let Err(error) = fs::rename(temporary, path) {
            cleanup(&staged[index..]);
            return Err(fail(path, error));
        }
        // The rename itself is made durable by syncing its folder (not possible on Windows).
        if let Some(folder) = path.parent() {
            let _ = File::open(folder).and_then(|f| f.sync_all());
        }
    }
    Ok(())
}
