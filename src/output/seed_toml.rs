//! The plan written back as a seed (`kehoach plan --format toml`), in the layout of
//! docs/seed-format.md, so that `kehoach init --seed` loads it to the same plan.
//!
//! Format only: the plan comes in as loaded, the text goes out. Every field the loader reads
//! is written, defaults included where leaving them out would change the plan (a task's
//! deadline is always written, since the loader would otherwise take its phase's end).

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::output::i18n::Lang;
use crate::plan::{Content, ContentKind, Indicator, Plan, ReportSettings, Task, Unit};

/// The messages of this area, rendered on demand in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum SeedTomlMessage {
    /// The comment at the head of a written seed.
    Header { number: String, issuer: String },
    /// `--format toml` asked together with a part or a content: a seed is the whole plan.
    WholePlanOnly,
}

impl SeedTomlMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Header { number, issuer }, Lang::Vi) => format!(
                "Kế hoạch {number} của {issuer}, xuất từ cơ sở dữ liệu bằng `kehoach plan --format toml`.\n\
                 Nạp lại bằng `kehoach init --seed TỆP`; định dạng: docs/seed-format.md.\n\
                 Chú thích của tệp kế hoạch gốc không được giữ lại."
            ),
            (Self::Header { number, issuer }, Lang::En) => format!(
                "Plan {number} of {issuer}, written from the database by `kehoach plan --format toml`.\n\
                 Load it with `kehoach init --seed FILE`; the format: docs/seed-format.md.\n\
                 The original seed's comments are not kept."
            ),
            (Self::WholePlanOnly, Lang::Vi) => "--format toml xuất cả kế hoạch thành tệp kế hoạch (seed): \
                 không dùng cùng một phần (indicators, tasks, units, phases) hay --content"
                .to_string(),
            (Self::WholePlanOnly, Lang::En) => "--format toml writes the whole plan as a seed: \
                 it cannot be combined with a part (indicators, tasks, units, phases) or --content"
                .to_string(),
        }
    }
}

/// The whole plan as seed text; `lang` is the language of the heading comment only.
pub fn write(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let header = SeedTomlMessage::Header {
        number: plan.meta.number.clone(),
        issuer: plan.meta.issuer.clone(),
    };
    // A comment may hold no control character but a tab: an issuer's stray one becomes a space.
    let header: String = header
        .render(lang)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    write_meta(&mut out, plan);
    write_report(&mut out, &plan.meta.report);
    for unit in &plan.units {
        write_unit(&mut out, unit);
    }
    for content in &plan.contents {
        write_content(&mut out, content);
    }
    out
}

fn write_meta(out: &mut String, plan: &Plan) {
    let meta = &plan.meta;
    out.push_str("\n[plan]\n");
    field(out, "", "number", &quote(&meta.number));
    field(out, "", "date", &date(meta.date));
    field(out, "", "issuer", &quote(&meta.issuer));
    optional(out, "", "issuer_parent", meta.issuer_parent.as_deref());
    optional(out, "", "place", meta.place.as_deref());
    field(out, "", "title", &quote(&meta.title));
    field(out, "", "start", &date(meta.start));
    field(out, "", "end", &date(meta.end));
    optional(out, "", "signer_title", meta.signer_title.as_deref());
    optional(out, "", "signer_name", meta.signer_name.as_deref());
    if !meta.recipients.is_empty() {
        field(out, "", "recipients", &long_list(&meta.recipients));
    }
    optional(out, "", "ward_code", meta.ward_code.as_deref());
}

fn write_report(out: &mut String, report: &ReportSettings) {
    if *report == ReportSettings::default() {
        return;
    }
    out.push_str("\n[report]\n");
    if let Some(recipients) = &report.recipients {
        field(out, "", "recipients", &long_list(recipients));
    }
    optional(out, "", "authority", report.authority.as_deref());
    optional(out, "", "signs_for", report.signs_for.as_deref());
    optional(out, "", "signer_title", report.signer_title.as_deref());
    optional(out, "", "signer_name", report.signer_name.as_deref());
}

fn write_unit(out: &mut String, unit: &Unit) {
    out.push_str("\n[[units]]\n");
    field(out, "", "code", &quote(&unit.code));
    field(out, "", "name", &quote(&unit.name));
    optional(out, "", "parent", unit.parent.as_deref());
    if !unit.aliases.is_empty() {
        field(out, "", "aliases", &list(&unit.aliases));
    }
}

fn write_content(out: &mut String, content: &Content) {
    out.push_str("\n[[contents]]\n");
    field(out, "", "code", &quote(&content.code));
    let kind = match content.kind {
        ContentKind::Focal => "focal",
        ContentKind::Further => "further",
    };
    field(out, "", "kind", &quote(kind));
    field(out, "", "title", &quote(&content.title));
    field(out, "", "lead", &quote(&content.lead));
    if !content.objectives.is_empty() {
        field(out, "", "objectives", &long_list(&content.objectives));
    }
    const IN: &str = "  ";
    for phase in &content.phases {
        out.push_str(&format!("\n{IN}[[contents.phases]]\n"));
        field(out, IN, "number", &phase.number.to_string());
        field(out, IN, "name", &quote(&phase.name));
        field(out, IN, "start", &date(phase.start));
        field(out, IN, "end", &date(phase.end));
    }
    for indicator in &content.indicators {
        write_indicator(out, indicator);
    }
    for task in &content.tasks {
        write_task(out, task);
    }
}

fn write_indicator(out: &mut String, indicator: &Indicator) {
    const IN: &str = "  ";
    out.push_str(&format!("\n{IN}[[contents.indicators]]\n"));
    field(out, IN, "code", &quote(&indicator.code));
    field(out, IN, "text", &quote(&indicator.text));
    field(out, IN, "kind", &quote(indicator.kind.as_str()));
    // Written only where it differs from the kind's default, so older seeds keep their text.
    if indicator.accumulation != crate::plan::Accumulation::default_for(indicator.kind) {
        field(
            out,
            IN,
            "aggregation",
            &quote(indicator.accumulation.as_str()),
        );
    }
    field(out, IN, "comparator", &quote(indicator.comparator.symbol()));
    field(out, IN, "target", &number(indicator.target));
    field(
        out,
        IN,
        "unit_of_measure",
        &quote(&indicator.unit_of_measure),
    );
    field(out, IN, "deadline", &date(indicator.deadline));
    field(out, IN, "responsible", &list(&indicator.responsible));
    if let Some(baseline) = &indicator.baseline {
        let value = baseline
            .value
            .map(|v| format!(", value = {}", number(v)))
            .unwrap_or_default();
        let against = match baseline.against {
            crate::plan::BaselineAgainst::Year => String::new(),
            other => format!(", against = {}", quote(other.as_str())),
        };
        let text = format!("{{ year = {}{value}{against} }}", baseline.year);
        field(out, IN, "baseline", &text);
    }
    if !indicator.checkpoints.is_empty() {
        let items: Vec<String> = indicator
            .checkpoints
            .iter()
            .map(|c| {
                let (day, target) = (date(c.date), number(c.target));
                format!("{{ date = {day}, target = {target} }}")
            })
            .collect();
        field(out, IN, "checkpoints", &format!("[{}]", items.join(", ")));
    }
    if !indicator.unit_targets.is_empty() {
        let items: Vec<String> = indicator
            .unit_targets
            .iter()
            .map(|u| {
                let (unit, target) = (quote(&u.unit), number(u.target));
                format!("{{ unit = {unit}, target = {target} }}")
            })
            .collect();
        field(out, IN, "unit_targets", &format!("[{}]", items.join(", ")));
    }
    optional(out, IN, "note", indicator.note.as_deref());
}

fn write_task(out: &mut String, task: &Task) {
    const IN: &str = "  ";
    out.push_str(&format!("\n{IN}[[contents.tasks]]\n"));
    field(out, IN, "code", &quote(&task.code));
    field(out, IN, "phase", &task.phase.to_string());
    field(out, IN, "text", &quote(&task.text));
    field(out, IN, "lead", &quote(&task.lead));
    if !task.cooperating.is_empty() {
        field(out, IN, "cooperating", &list(&task.cooperating));
    }
    optional(out, IN, "output", task.output.as_deref());
    field(out, IN, "deadline", &date(task.deadline));
}

/// One `key = value` line, indented like the seeds people write.
fn field(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = writeln!(out, "{indent}{key} = {value}");
}

/// The line of an optional text field, nothing when it is absent.
fn optional(out: &mut String, indent: &str, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        field(out, indent, key, &quote(value));
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped, the rest as is.
pub fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            '\u{8}' => quoted.push_str("\\b"),
            '\u{c}' => quoted.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Codes on one line: `["TTPVHCC", "KP1"]`.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Sentences one a line, as the embedded seed writes its objectives and recipients.
fn long_list(items: &[String]) -> String {
    let mut text = String::from("[\n");
    for item in items {
        let _ = writeln!(text, "    {},", quote(item));
    }
    text.push(']');
    text
}

/// A TOML date (`2026-05-30`), which the loader reads as it reads the seeds people write.
fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A number as the loader reads it back to the same `f64`: whole numbers without a decimal
/// part (`90`), others in Rust's shortest exact form (`1.5`, `1e-7`).
pub fn number(value: f64) -> String {
    if value.is_nan() {
        "nan".into()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.into()
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        // `-0.0` is written `-0.0` so the sign survives; other whole numbers as integers.
        if value == 0.0 && value.is_sign_negative() {
            "-0.0".into()
        } else {
            format!("{}", value as i64)
        }
    } else {
        // Debug keeps a decimal point or an exponent, as TOML floats need.
        format!("{value:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Probe {
        text: String,
        value: f64,
    }

    fn read_back(text: &str, value: f64) -> Probe {
        let doc = format!("text = {}\nvalue = {}\n", quote(text), number(value));
        toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"))
    }

    #[test]
    fn strings_come_back_as_written() {
        for text in [
            "",
            "Củng cố và xử lý \"điểm nghẽn\"",
            "C:\\đường\\dẫn",
            "hai\ndòng\r\nvà\ttab",
            "ký tự \u{1} \u{7f} \u{8} \u{c}",
            "'nháy đơn' và ''' ba lần",
            "# không phải chú thích",
            "emoji 🙂 và chữ Hán 漢",
        ] {
            assert_eq!(read_back(text, 0.0).text, text);
        }
    }

    #[test]
    fn numbers_come_back_to_the_same_float() {
        for value in [
            0.0,
            -0.0,
            1.0,
            90.0,
            95.5,
            0.1,
            1.0 / 3.0,
            1e-7,
            1e15,
            1e21,
            -2.5,
            123456.789,
        ] {
            let back = read_back("", value).value;
            assert_eq!(back.to_bits(), value.to_bits(), "{value}");
        }
        assert_eq!(number(90.0), "90");
        assert_eq!(number(95.5), "95.5");
        assert!(read_back("", f64::NAN).value.is_nan());
        assert_eq!(read_back("", f64::INFINITY).value, f64::INFINITY);
    }
}
