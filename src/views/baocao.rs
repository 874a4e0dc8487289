//! The periodic report (báo cáo định kỳ) on the plan, in the state's layout: which contents it
//! covers and the day each is judged on, and the document itself, section by section, from the
//! one judgement (`plan::compliance::items`), the grid and the overdue rows of `views/`.
//! `output::document` writes it as Markdown, HTML or DOCX.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::output::baocao_text::BaocaoText;
use crate::output::document::{Block, Document};
use crate::output::i18n::{self, Lang};
use crate::output::periods;
use crate::plan::compliance::{items, tally, Item, ItemKind, Moment, Outcome, Records, Split};
use crate::plan::measure::Status;
use crate::plan::period::Period;
use crate::plan::summary::Summary;
use crate::plan::{Content, Plan};
use crate::views::{grid, overdue};

/// What the report covers.
pub enum Scope {
    /// A calendar period before the as-of day: everything judged as of its last day.
    Calendar(Period),
    /// Each content's latest finished phase, judged as of that phase's last day.
    Phases,
}

/// For each content covered: the window the report covers (its last day is the day the
/// content is judged on, at its end), and the window of the period after it.
pub type Judged = BTreeMap<String, (Window, Option<Window>)>;

/// First and last day, both inclusive.
pub type Window = (NaiveDate, NaiveDate);

/// For each content the report covers: the day it is judged on, and the window of the period
/// after (what falls due next). A content with nothing finished yet is left out.
pub fn judgement_days(plan: &Plan, scope: &Scope, today: NaiveDate) -> Judged {
    plan.contents
        .iter()
        .filter_map(|content| match scope {
            Scope::Calendar(period) if period.end >= plan.meta.start => {
                let next = period.next();
                Some((
                    content.code.clone(),
                    ((period.start, period.end), Some((next.start, next.end))),
                ))
            }
            Scope::Calendar(_) => None,
            Scope::Phases => {
                let finished = content.phases.iter().rfind(|p| p.end < today)?;
                let next = content
                    .phases
                    .iter()
                    .find(|p| p.number == finished.number + 1)
                    .map(|p| (p.start, p.end));
                Some((content.code.clone(), ((finished.start, finished.end), next)))
            }
        })
        .collect()
}

/// The report as a document: the heading blocks from the seed, then sections I to III for the
/// contents in `judged`; `number` is the document's number, if the clerk gave one.
pub fn build(
    lang: Lang,
    plan: &Plan,
    records: &Records,
    scope: &Scope,
    judged: &Judged,
    today: NaiveDate,
    number: Option<&str>,
) -> Document {
    // The items of the plan at the end of each day something is judged on: the period is
    // over, so what fell due in it and is not met is missed. Computed once per day.
    let mut by_day: BTreeMap<NaiveDate, Vec<Item>> = BTreeMap::new();
    for ((_, day), _) in judged.values() {
        by_day
            .entry(*day)
            .or_insert_with(|| items(plan, records, Moment::EndOf(*day), Split::Ward));
    }
    let mut body = Body {
        lang,
        plan,
        records,
        scope,
        judged,
        by_day,
        tables: 0,
        blocks: Vec::new(),
        standings: Vec::new(),
    };
    body.opening();
    body.results();
    body.assessment();
    body.next_period();
    header_and_footer(plan, scope, today, number, body.blocks)
}

/// The report's body as it is written, section by section, its tables numbered in order.
struct Body<'a> {
    lang: Lang,
    plan: &'a Plan,
    records: &'a Records<'a>,
    scope: &'a Scope,
    judged: &'a Judged,
    by_day: BTreeMap<NaiveDate, Vec<Item>>,
    tables: usize,
    blocks: Vec<Block>,
    /// Each indicator's code and standing in section I, for the summary in section II.
    standings: Vec<(String, Status)>,
}

impl Body<'_> {
    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    fn table(&mut self, caption: String, header: Vec<String>, rows: Vec<Vec<String>>) {
        self.tables += 1;
        self.blocks.push(Block::Table {
            caption: BaocaoText::TableCaption {
                number: self.tables,
                text: caption,
            }
            .render(self.lang),
            header,
            rows,
        });
    }

    /// Column headers in the report's language.
    fn labels(&self, columns: &[(&str, &str)]) -> Vec<String> {
        columns
            .iter()
            .map(|c| self.lang.pick(*c).to_string())
            .collect()
    }

    /// A unit's name, or its code when the plan no longer has it.
    fn unit_name(&self, code: &str) -> String {
        self.plan
            .units
            .iter()
            .find(|u| u.code == code)
            .map_or(code.to_string(), |u| u.name.clone())
    }

    /// The items of a content as of the day it is judged on.
    fn items_of(&self, content: &Content) -> Vec<&Item> {
        self.judged
            .get(&content.code)
            .map_or_else(Vec::new, |((_, day), _)| {
                self.by_day[day]
                    .iter()
                    .filter(|i| i.content == content.code)
                    .collect()
            })
    }

    /// The sentence before section I: which plan, which period, figures as of which day.
    fn opening(&mut self) {
        let meta = &self.plan.meta;
        let period = match self.scope {
            Scope::Calendar(period) => Some(period),
            Scope::Phases => None,
        };
        let line = BaocaoText::Opening {
            plan_number: meta.number.clone(),
            plan_date: meta.date,
            issuer: meta.issuer.clone(),
            period: period.copied(),
        }
        .render(self.lang);
        self.paragraph(line);
    }

    /// I. Each content: its indicators against their targets, and its tasks.
    fn results(&mut self) {
        let lang = self.lang;
        self.heading(1, lang.pick(i18n::BAOCAO_RESULTS));
        let ward = self
            .plan
            .ward()
            .map(|u| u.code.as_str())
            .unwrap_or_default();
        let covered: Vec<&Content> = self
            .plan
            .contents
            .iter()
            .filter(|c| self.judged.contains_key(&c.code))
            .collect();
        for (n, content) in covered.into_iter().enumerate() {
            let ((from, day), _) = self.judged[&content.code];
            self.heading(
                2,
                format!("{}. {} - {}", n + 1, content.code, content.title),
            );
            if let Scope::Phases = self.scope {
                if let Some(phase) = content.phases.iter().find(|p| p.end == day) {
                    let line = BaocaoText::PhaseLine {
                        number: phase.number,
                        name: phase.name.clone(),
                        start: phase.start,
                        end: phase.end,
                    };
                    self.paragraph(line.render(lang));
                }
            }
            let judged_items = self.items_of(content);
            let mut standings = Vec::new();
            let mut rows: Vec<Vec<String>> = Vec::new();
            for indicator in &content.indicators {
                let empty = Summary::default();
                let summary = self
                    .records
                    .summaries
                    .get(&indicator.code)
                    .unwrap_or(&empty);
                let amount = |value: f64| {
                    if indicator.unit_of_measure == "%" {
                        lang.percent(value)
                    } else {
                        format!("{} {}", lang.number(value), indicator.unit_of_measure)
                    }
                };
                // The figure on a day and, for a flow, the same months of the baseline year.
                let figure_on = |on: NaiveDate| {
                    let standing = summary.standing_on(indicator, ward, on, indicator.target);
                    match (&standing.flow, &standing.ward) {
                        (Some(flow), _) => [
                            periods::window_cell(lang, flow, amount),
                            periods::same_period_cell(lang, flow, amount),
                        ],
                        (None, Some(figure)) => [amount(figure.value), "-".to_string()],
                        (None, None) => ["-".to_string(), "-".to_string()],
                    }
                };
                // Every checkpoint and deadline that fell due in the period, met or missed.
                let mut final_in_window = false;
                for item in judged_items.iter().filter(|i| {
                    i.kind == ItemKind::Indicator
                        && i.code == indicator.code
                        && from <= i.due
                        && i.due <= day
                }) {
                    final_in_window |= item.due == indicator.deadline;
                    let target = item.target.map_or(indicator.target, |(_, t)| t);
                    let [reached, same_period] = figure_on(item.due.min(day));
                    rows.push(vec![
                        indicator.code.clone(),
                        indicator.text.clone(),
                        i18n::indicator_target(lang, indicator, target),
                        lang.date(item.due),
                        reached,
                        same_period,
                        i18n::outcome(lang, item.outcome),
                    ]);
                }
                // Where the indicator stands against its final target at the period's end.
                let standing = summary.standing_on(indicator, ward, day, indicator.target);
                standings.push((indicator.code.clone(), standing.status));
                if !final_in_window {
                    let [reached, same_period] = figure_on(day);
                    rows.push(vec![
                        indicator.code.clone(),
                        indicator.text.clone(),
                        i18n::indicator_target(lang, indicator, indicator.target),
                        lang.date(indicator.deadline),
                        reached,
                        same_period,
                        BaocaoText::StandingBeforeDeadline {
                            status: standing.status,
                        }
                        .render(lang),
                    ]);
                }
            }
            self.standings.extend(standings);
            if !rows.is_empty() {
                let caption = BaocaoText::IndicatorsCaption {
                    content: content.code.clone(),
                    day,
                }
                .render(lang);
                let header = self.labels(&i18n::BAOCAO_INDICATOR_COLUMNS);
                self.table(caption, header, rows);
            }
            let line = {
                let tasks: Vec<&Item> = self
                    .items_of(content)
                    .into_iter()
                    .filter(|i| i.kind == ItemKind::Task)
                    .collect();
                let count =
                    |f: fn(&Outcome) -> bool| tasks.iter().filter(|i| f(&i.outcome)).count();
                let overdue: Vec<String> = tasks
                    .iter()
                    .filter(|i| matches!(i.outcome, Outcome::Overdue { .. }))
                    .map(|i| i.code.clone())
                    .collect();
                BaocaoText::TasksLine {
                    on_time: count(|o| matches!(o, Outcome::Met { .. })),
                    late: count(|o| matches!(o, Outcome::Late { .. })),
                    overdue,
                    open: count(|o| matches!(o, Outcome::Open)),
                }
                .render(lang)
            };
            self.paragraph(line);
        }
    }

    /// II. Compliance by phase, the overall rate, what is behind and whose it is.
    fn assessment(&mut self) {
        let lang = self.lang;
        self.heading(1, lang.pick(i18n::BAOCAO_ASSESSMENT));
        // Each content's row judged at the end of its own day, from the same items as section I.
        let covered: Vec<(&Content, Moment)> = self
            .plan
            .contents
            .iter()
            .filter_map(|c| {
                let ((_, day), _) = self.judged.get(&c.code)?;
                Some((c, Moment::EndOf(*day)))
            })
            .collect();
        let judged_items: Vec<Item> = covered
            .iter()
            .flat_map(|(c, _)| self.items_of(c).into_iter().cloned())
            .collect();
        let (rows, totals) = grid::grid_rows(&covered, &judged_items, &[1, 2, 3, 4, 5]);
        let listing = grid::grid_listing(lang, &rows, &totals, false);
        let days: std::collections::BTreeSet<NaiveDate> =
            covered.iter().map(|(_, m)| m.day()).collect();
        let one_day = (days.len() == 1).then(|| days.first().copied()).flatten();
        let caption = BaocaoText::PhasesCaption { day: one_day }.render(lang);
        self.table(caption, listing.headers, listing.rows);
        // The grid's legend: what its marks mean.
        self.blocks
            .extend(listing.notes.into_iter().map(Block::Paragraph));
        // The sentence counts what the grid's total counts: the same tally.
        let overall = BaocaoText::OverallLine {
            tally: tally(&judged_items),
        };
        self.paragraph(overall.render(lang));
        // Each content's overdue items as of the day it is judged on, grouped as `weekly` does.
        let with = |wanted: Status| -> Vec<String> {
            self.standings
                .iter()
                .filter(|(_, status)| *status == wanted)
                .map(|(code, _)| code.clone())
                .collect()
        };
        let line = BaocaoText::IndicatorsLine {
            met: with(Status::Met),
            not_met: with(Status::NotMet),
            total: self.standings.len(),
        }
        .render(lang);
        self.paragraph(line);
        let mut rows = Vec::new();
        for content in &self.plan.contents {
            let Some(((_, day), _)) = self.judged.get(&content.code) else {
                continue;
            };
            rows.extend(overdue::overdue_rows(
                &self.by_day[day],
                Moment::EndOf(*day),
                None,
                |i| i.content == content.code,
            ));
        }
        let behind = overdue::by_unit(rows);
        if behind.is_empty() {
            self.paragraph(lang.pick(i18n::BAOCAO_NOTHING_OVERDUE));
        } else {
            let rows = behind
                .iter()
                .map(|group| {
                    let codes: Vec<&str> = group.items.iter().map(|i| i.code.as_str()).collect();
                    vec![
                        self.unit_name(&group.unit),
                        codes.len().to_string(),
                        codes.join(", "),
                    ]
                })
                .collect();
            let caption = lang.pick(i18n::BAOCAO_OVERDUE_CAPTION).to_string();
            let header = self.labels(&i18n::BAOCAO_OVERDUE_COLUMNS);
            self.table(caption, header, rows);
        }
        self.blocks.push(Block::Placeholder(
            lang.pick(i18n::BAOCAO_ASSESSMENT_PLACEHOLDER).to_string(),
        ));
    }

    /// III. What the plan makes fall due in the next period.
    fn next_period(&mut self) {
        let lang = self.lang;
        self.heading(1, lang.pick(i18n::BAOCAO_NEXT));
        let mut rows = Vec::new();
        for content in &self.plan.contents {
            let Some(((_, day), Some((start, end)))) = self.judged.get(&content.code) else {
                continue;
            };
            for item in self.by_day[day]
                .iter()
                .filter(|i| i.content == content.code)
            {
                if *start <= item.due && item.due <= *end && item.outcome == Outcome::Open {
                    rows.push(vec![
                        item.code.clone(),
                        item.text.clone(),
                        self.unit_name(&item.unit),
                        lang.date(item.due),
                    ]);
                }
            }
        }
        let next = match self.scope {
            Scope::Calendar(period) => Some(period.next()),
            Scope::Phases => None,
        };
        if rows.is_empty() {
            self.paragraph(BaocaoText::NothingNext { next }.render(lang));
        } else {
            let caption = BaocaoText::NextCaption { next }.render(lang);
            let header = self.labels(&i18n::BAOCAO_NEXT_COLUMNS);
            self.table(caption, header, rows);
        }
        self.blocks.push(Block::Placeholder(
            lang.pick(i18n::BAOCAO_NEXT_PLACEHOLDER).to_string(),
        ));
    }
}

/// The blocks around the body, from the seed: issuer, number, place and date, abstract,
/// recipients and signer. They stay Vietnamese: the document is a Vietnamese state document.
fn header_and_footer(
    plan: &Plan,
    scope: &Scope,
    today: NaiveDate,
    number: Option<&str>,
    body: Vec<Block>,
) -> Document {
    let meta = &plan.meta;
    let report = &meta.report;
    let period = match scope {
        Scope::Calendar(period) => Some(period),
        Scope::Phases => None,
    };
    Document {
        issuer_parent: meta.issuer_parent.clone(),
        issuer: i18n::official_issuer(&meta.issuer),
        number: i18n::baocao_number(number),
        place_date: i18n::official_place_date(meta.place.as_deref().unwrap_or(&meta.issuer), today),
        kind: i18n::BAOCAO_KIND.to_string(),
        abstract_text: i18n::baocao_abstract(&meta.number, meta.date, &meta.issuer, period),
        body,
        recipients: report
            .recipients
            .clone()
            .unwrap_or_else(|| meta.recipients.clone()),
        signer_lines: [
            report
                .authority
                .clone()
                .or_else(|| Some(i18n::DEFAULT_AUTHORITY.to_string())),
            report.signs_for.clone(),
            report
                .signer_title
                .clone()
                .or_else(|| meta.signer_title.clone())
                .or_else(|| Some(i18n::DEFAULT_SIGNER_TITLE.to_string())),
        ]
        .into_iter()
        .flatten()
        .collect(),
        signer_name: report
            .signer_name
            .clone()
            .or_else(|| meta.signer_name.clone())
            .unwrap_or_default(),
    }
}
