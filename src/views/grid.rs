//! The contents × phases grid: each content's phases with their status and counts, built
//! from judged items, and its table. `report`, `weekly` and `baocao` show the same grid.

use serde::Serialize;

use crate::output::clerk;
use crate::output::i18n::{self, Lang};
use crate::output::Listing;
use crate::plan::compliance::{
    items, phase_status, tally, Item, Moment, PhaseStatus, Records, Split, Tally,
};
use crate::plan::{Content, Plan};

/// One phase of one content (or one unit) in the report.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseCell {
    pub number: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PhaseStatus>,
    #[serde(flatten)]
    pub tally: Tally,
    pub compliance_pct: Option<f64>,
}

/// A row of the report: a content, a unit, or the totals.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub code: String,
    pub title: String,
    pub phases: Vec<PhaseCell>,
    pub total: TotalCell,
}

/// A row's or a column's total.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TotalCell {
    #[serde(flatten)]
    pub tally: Tally,
    pub compliance_pct: Option<f64>,
}

impl TotalCell {
    fn of(tally: Tally) -> Self {
        Self {
            tally,
            compliance_pct: tally.compliance_pct(),
        }
    }
}

/// The whole report, as `report --format json` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: chrono::NaiveDate,
    /// The verdicts are at the end of `as_of` (a period that has ended), not during it.
    pub end_of_day: bool,
    pub contents: Vec<ReportRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<ReportRow>>,
    pub totals: ReportRow,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
}

/// The phases shown: all five, or the one asked for.
pub fn phase_numbers(only: Option<u8>) -> Vec<u8> {
    only.map_or_else(|| (1..=5).collect(), |n| vec![n])
}

/// The row of one content: each phase's status and tally by its own dates.
pub fn content_row(content: &Content, items: &[Item], moment: Moment, phases: &[u8]) -> ReportRow {
    let cells: Vec<PhaseCell> = phases
        .iter()
        .map(|&number| {
            let phase = content.phase(number);
            let t = tally(
                items
                    .iter()
                    .filter(|i| i.content == content.code && i.phase == number),
            );
            PhaseCell {
                number,
                name: phase.map(|p| p.name.clone()),
                start: phase.map(|p| p.start),
                end: phase.map(|p| p.end),
                status: phase.map(|p| phase_status(p.start, p.end, moment)),
                tally: t,
                compliance_pct: t.compliance_pct(),
            }
        })
        .collect();
    let total = sum(cells.iter().map(|c| &c.tally));
    ReportRow {
        code: content.code.clone(),
        title: content.title.clone(),
        phases: cells,
        total: TotalCell::of(total),
    }
}

fn sum<'a>(tallies: impl Iterator<Item = &'a Tally>) -> Tally {
    let mut total = Tally::default();
    for t in tallies {
        total.merge(t);
    }
    total
}

/// A row of counts only (units, totals): no dates, no status.
fn plain_row(
    code: String,
    title: String,
    phases: &[u8],
    select: impl Fn(&Item) -> bool,
    items: &[Item],
) -> ReportRow {
    let cells: Vec<PhaseCell> = phases
        .iter()
        .map(|&number| {
            let t = tally(items.iter().filter(|i| i.phase == number && select(i)));
            PhaseCell {
                number,
                name: None,
                start: None,
                end: None,
                status: None,
                tally: t,
                compliance_pct: t.compliance_pct(),
            }
        })
        .collect();
    let total = sum(cells.iter().map(|c| &c.tally));
    ReportRow {
        code,
        title,
        phases: cells,
        total: TotalCell::of(total),
    }
}

/// The rows of `contents`, each with its phases' status at its own moment, and their total,
/// all counted from `items` (already judged).
pub fn grid_rows(
    contents: &[(&Content, Moment)],
    items: &[Item],
    phases: &[u8],
) -> (Vec<ReportRow>, ReportRow) {
    let rows = contents
        .iter()
        .map(|(c, moment)| content_row(c, items, *moment, phases))
        .collect();
    let shown = |i: &Item| contents.iter().any(|(c, _)| c.code == i.content);
    let totals = plain_row(String::new(), String::new(), phases, shown, items);
    (rows, totals)
}

/// Builds the report for the selected contents, phases and grouping.
pub fn build(
    plan: &Plan,
    records: &Records,
    moment: Moment,
    only_content: Option<&Content>,
    only_phase: Option<u8>,
    by_unit: bool,
) -> Report {
    let split = if by_unit { Split::ByUnit } else { Split::Ward };
    let all: Vec<Item> = items(plan, records, moment, split)
        .into_iter()
        .filter(|i| only_content.is_none_or(|c| c.code == i.content))
        .collect();
    let phases = phase_numbers(only_phase);
    let shown: Vec<(&Content, Moment)> = plan
        .contents
        .iter()
        .filter(|c| only_content.is_none_or(|only| only.code == c.code))
        .map(|c| (c, moment))
        .collect();
    let (contents, totals) = grid_rows(&shown, &all, &phases);
    let units = by_unit.then(|| {
        plan.units
            .iter()
            .filter(|u| all.iter().any(|i| i.unit == u.code))
            .map(|u| {
                plain_row(
                    u.code.clone(),
                    u.name.clone(),
                    &phases,
                    |i| i.unit == u.code,
                    &all,
                )
            })
            .collect()
    });
    let items = only_content.map(|_| {
        all.into_iter()
            .filter(|i| only_phase.is_none_or(|p| p == i.phase))
            .collect::<Vec<_>>()
    });
    Report {
        as_of: moment.day(),
        end_of_day: matches!(moment, Moment::EndOf(_)),
        contents,
        units,
        totals,
        items,
    }
}

/// "● 3/4", "75%", "⚠ 1" on three short lines, so that seven columns fit 80 characters.
fn cell_text(lang: Lang, status: Option<PhaseStatus>, tally: &Tally) -> String {
    let mark = status
        .map(|s| format!("{} ", phase_mark(s)))
        .unwrap_or_default();
    if tally.items_total == 0 {
        return format!("{mark}—");
    }
    let mut lines = vec![format!("{mark}{}/{}", tally.items_met, tally.items_due)];
    lines.push(
        tally
            .compliance_pct()
            .map(|p| lang.percent(p.round()))
            .unwrap_or_else(|| "–".into()),
    );
    let behind = tally.items_overdue + tally.items_late;
    if behind > 0 {
        lines.push(format!("⚠ {behind}"));
    }
    lines.join("\n")
}

fn phase_mark(status: PhaseStatus) -> &'static str {
    match status {
        PhaseStatus::NotStarted => "○",
        PhaseStatus::Running => "▶",
        PhaseStatus::Finished => "●",
    }
}

/// The contents (or units) x phases table with a totals row and column.
pub fn grid_listing(lang: Lang, rows: &[ReportRow], totals: &ReportRow, by_unit: bool) -> Listing {
    let first = if by_unit {
        lang.pick(i18n::UNIT)
    } else {
        lang.pick(i18n::CONTENT)
    };
    let mut headers = vec![first.to_string()];
    // "GĐ 1" rather than "Giai đoạn 1": five phase columns and a total must fit 80 columns.
    headers.extend(
        totals
            .phases
            .iter()
            .map(|p| format!("{} {}", lang.pick(i18n::PHASE_SHORT), p.number)),
    );
    headers.push(lang.pick(i18n::TOTAL).to_string());
    let mut listing = Listing {
        headers,
        ..Listing::default()
    };
    let mut csv_headers = vec![first.to_string()];
    for phase in &totals.phases {
        let short = format!("{} {}", lang.pick(i18n::PHASE_SHORT), phase.number);
        for part in [
            clerk::GRID_STATUS,
            clerk::GRID_MET,
            clerk::GRID_DUE,
            clerk::GRID_PCT,
        ] {
            csv_headers.push(format!("{short}: {}", lang.pick(part)));
        }
        csv_headers.push(format!("{short}: {}", lang.pick(clerk::GRID_BEHIND)));
    }
    for part in [
        clerk::GRID_MET,
        clerk::GRID_DUE,
        clerk::GRID_PCT,
        clerk::GRID_BEHIND,
    ] {
        csv_headers.push(format!("{}: {}", lang.pick(i18n::TOTAL), lang.pick(part)));
    }
    let mut csv_rows = Vec::new();
    for row in rows.iter().chain(std::iter::once(totals)) {
        let name = if row.code.is_empty() {
            lang.pick(i18n::TOTAL).to_string()
        } else {
            row.code.clone()
        };
        let mut csv_row = vec![name.clone()];
        for phase in &row.phases {
            let status = phase.status.map(|s| clerk::phase_status(lang, s));
            csv_row.push(status.unwrap_or_default().to_string());
            csv_row.extend(csv_tally(lang, &phase.tally));
        }
        csv_row.extend(csv_tally(lang, &row.total.tally));
        csv_rows.push(csv_row);
        let mut cells = vec![name];
        cells.extend(
            row.phases
                .iter()
                .map(|p| cell_text(lang, p.status, &p.tally)),
        );
        cells.push(cell_text(lang, None, &row.total.tally));
        listing.push(cells);
    }
    listing.notes.push(lang.pick(i18n::GRID_LEGEND).to_string());
    listing.csv = Some((csv_headers, csv_rows));
    listing
}

/// A tally as the CSV's four numbers: met on time, due, rate, late or overdue.
fn csv_tally(lang: Lang, tally: &Tally) -> [String; 4] {
    [
        tally.items_met.to_string(),
        tally.items_due.to_string(),
        tally
            .compliance_pct()
            .map(|p| lang.number((p * 10.0).round() / 10.0))
            .unwrap_or_default(),
        (tally.items_overdue + tally.items_late).to_string(),
    ]
}
