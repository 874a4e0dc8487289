//! Every message and label a user can see, in both languages, with example values, in one
//! snapshot a translator can read and review (`snapshots/` beside this file). Each entry is named by
//! its variant or constant, so a change asked for in review can be found in the code.
//!
//! The examples are in the files beside this one, by area; a test checks that every variant of
//! every message enum has one. The labels come from the lists `labels!` makes.

mod coverage;
mod documents;
mod input;
mod records;
mod words;

use chrono::NaiveDate;

use crate::input::date::DateError;
use crate::input::decode::DecodeError;
use crate::input::number::NumberError;
use crate::output::baocao_text::{self, BaocaoText};
use crate::output::clerk::{self, Clerk, UsageError, UsageProblem};
use crate::output::database::{DatabaseFailure, DatabaseMessage};
use crate::output::export_messages::ExportMessage;
use crate::output::import_messages::ImportMessage;
use crate::output::lang::{Lang, Localized};
use crate::output::periods::PeriodMessage;
use crate::output::problems::Message;
use crate::output::records::{Figure, Mark, RecordMessage, Stored};
use crate::output::refusals::InputRefusal;
use crate::output::reports::{PlanRef, ReportMessage};
use crate::output::seed_messages::{SeedChange, SeedMessage};
use crate::output::seed_toml::SeedTomlMessage;
use crate::output::summaries::SummaryMessage;
use crate::output::template_text::{self, Sheet, TemplateText};
use crate::output::verdicts::VerdictMessage;
use crate::output::{labels, periods, protocol, verdicts};
use crate::plan::compliance::{
    Item, ItemKind, Outcome, PhaseStatus, Tally, TaskAction, TaskEventConflict, TaskStatus,
};
use crate::plan::flow::{BaselineBasis, FlowFigure};
use crate::plan::forecast::{AtRisk, Basis, Forecast, RiskReason};
use crate::plan::measure::{Reading, ReadingProblem, Status, Trend};
use crate::plan::period::{Period, PeriodKind};
use crate::plan::validate::Breach;
use crate::plan::{Comparator, ContentKind, IndicatorKind};

use documents::*;
use input::*;
use records::*;
use words::*;

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A message made by a function of the language.
pub(super) fn both(make: impl Fn(Lang) -> String) -> Localized {
    Localized {
        vi: make(Lang::Vi),
        en: make(Lang::En),
    }
}

/// The variant's name, from its `Debug` form: what a reviewer quotes to find it in the code.
pub(super) fn name_of(message: &impl std::fmt::Debug) -> String {
    let debug = format!("{message:?}");
    debug
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One area of the catalogue: a heading and its entries.
struct Section {
    title: &'static str,
    entries: Vec<(String, Localized)>,
}

impl Section {
    fn new(title: &'static str) -> Self {
        Self {
            title,
            entries: Vec::new(),
        }
    }

    fn add(&mut self, name: impl Into<String>, text: impl Into<Localized>) {
        self.entries.push((name.into(), text.into()));
    }

    /// Messages named by their variant.
    fn messages<M: std::fmt::Debug + Into<Localized>>(mut self, messages: Vec<M>) -> Self {
        for message in messages {
            let name = name_of(&message);
            self.add(name, message);
        }
        self
    }

    fn labels(mut self, labels: &[(&str, (&str, &str))]) -> Self {
        for (name, (vi, en)) in labels {
            self.add(
                *name,
                Localized {
                    vi: vi.to_string(),
                    en: en.to_string(),
                },
            );
        }
        self
    }
}

fn pairs(
    list: &[(&'static str, &'static str)],
    name: &str,
) -> Vec<(String, (&'static str, &'static str))> {
    list.iter()
        .enumerate()
        .map(|(n, pair)| (format!("{name}[{n}]"), *pair))
        .collect()
}

fn sections() -> Vec<Section> {
    let mut other_labels: Vec<(String, (&str, &str))> = Vec::new();
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_OVERDUE_COLUMNS,
        "BAOCAO_OVERDUE_COLUMNS",
    ));
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_INDICATOR_COLUMNS,
        "BAOCAO_INDICATOR_COLUMNS",
    ));
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_NEXT_COLUMNS,
        "BAOCAO_NEXT_COLUMNS",
    ));
    other_labels.push((
        "REASON_COLUMN".into(),
        crate::output::errors_file::REASON_COLUMN,
    ));
    other_labels.extend(pairs(&labels::WEEKLY_CSV_COLUMNS, "WEEKLY_CSV_COLUMNS"));
    let mut words_section = Section::new("Tên các giá trị — The names of values");
    for (name, text) in words() {
        words_section.add(name, text);
    }
    let mut verdicts_section =
        Section::new("Dự báo, rủi ro và kỳ — Verdicts, forecasts and periods");
    for (name, text) in verdict_and_period_messages() {
        verdicts_section.add(name, text);
    }
    let mut clerk_section = Section::new("Văn thư và dòng lệnh — The clerk and the command line");
    for (name, text) in clerk_messages() {
        clerk_section.add(name, text);
    }
    let mut seed_toml = Section::new("Xuất tệp kế hoạch — Writing the plan as a seed");
    for message in [
        SeedTomlMessage::Header {
            number: "118/KH-UBND".into(),
            issuer: "UBND phường Tam Phước".into(),
        },
        SeedTomlMessage::WholePlanOnly,
    ] {
        seed_toml.add(name_of(&message), both(|lang| message.render(lang)));
    }
    let mut official = Section::new(
        "Thể thức văn bản (Nghị định 30/2020/NĐ-CP), tiếng Việt ở mọi ngôn ngữ — The decree's fixed blocks",
    );
    for (name, text) in official_blocks() {
        official.add(
            name,
            Localized {
                vi: text.clone(),
                en: text,
            },
        );
    }
    let mut other = Section::new("Nhãn khác — Other labels");
    for (name, (vi, en)) in other_labels {
        other.add(
            name,
            Localized {
                vi: vi.into(),
                en: en.into(),
            },
        );
    }
    vec![
        Section::new("Ghi số liệu, đính chính, tra cứu — Recording, corrections, look-ups")
            .messages(records()),
        Section::new("Giá trị, ngày, tệp không đọc được — Values, dates and files refused")
            .messages(refusals()),
        Section::new("Dữ liệu và tệp có vấn đề — Problems with input and files")
            .messages(problems()),
        Section::new("Cơ sở dữ liệu, kiểm tra, sao lưu, bảng tổng hợp — The database, check, backup, summaries")
            .messages(database())
            .messages(summaries()),
        Section::new("Nạp kế hoạch (init) — Loading the plan").messages(seed()),
        Section::new("Nhập số liệu (import) — Import").messages(import()),
        Section::new("Báo cáo, quá hạn, báo cáo tuần — Report, overdue, weekly")
            .messages(reports()),
        Section::new("Báo cáo định kỳ (baocao) — The periodic report").messages(baocao()),
        Section::new("Mẫu biểu (template) — Templates").messages(templates()),
        verdicts_section,
        clerk_section,
        Section::new("Xuất dữ liệu — Export").messages(exports()),
        seed_toml,
        words_section,
        Section::new("Nhãn: tiêu đề cột, chú thích — Labels: headers, legends")
            .labels(labels::ALL_LABELS),
        Section::new("Nhãn của báo cáo định kỳ — Labels of the periodic report")
            .labels(baocao_text::BAOCAO_LABELS),
        Section::new("Lời dặn trong mẫu biểu — Template instructions")
            .labels(template_text::TEMPLATE_LABELS),
        other,
        Section::new(
            "Giao thức: tiêu đề mẫu biểu mà import đọc lại (sửa phải giữ import đọc được) — Protocol: template headers import reads back",
        )
        .labels(protocol::PROTOCOL_LABELS),
        official,
    ]
}

/// A message of several lines, its later lines indented under the first; no trailing spaces.
fn indented(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n          ")
        .replace("\n          \n", "\n\n")
}

#[test]
fn every_message_in_both_languages() {
    let mut catalogue = String::from(
        "Mỗi mục: số thứ tự, tên trong mã nguồn, câu tiếng Việt (vi) và tiếng Anh (en); \
         mã, tên tệp, ngày và con số trong câu chỉ là ví dụ.\n\
         Each entry: its number, its name in the code, the Vietnamese (vi) and the English (en); \
         the codes, file names, dates and numbers in it are examples.\n\n",
    );
    // Numbered within each section ("4.12"), so an entry added changes only its section's numbers.
    for (s, section) in sections().into_iter().enumerate() {
        catalogue.push_str(&format!("## {}. {}\n\n", s + 1, section.title));
        for (n, (name, text)) in section.entries.into_iter().enumerate() {
            let number = format!("{}.{}", s + 1, n + 1);
            catalogue.push_str(&format!(
                "{number:>5} {name}\n      vi: {}\n      en: {}\n\n",
                indented(&text.vi),
                indented(&text.en)
            ));
        }
    }
    insta::assert_snapshot!("catalogue", catalogue);
}
