//! The weekly report as one self-contained HTML page (inline CSS and SVG, nothing fetched),
//! readable on a 390 px phone (how leaders get it, forwarded on Zalo) and on a desktop.
//!
//! The command hands over the report's Markdown and the charts' numbers; this module knows
//! nothing of how they were worked out.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::output::html_escape as escape;
use crate::output::i18n::{self, Lang};

/// One bar of the compliance chart: a content and its on-time compliance, if any is due.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub code: String,
    pub pct: Option<f64>,
}

/// One indicator's ward figure over time, against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub code: String,
    /// "≥ 95%": the target as the rest of the report writes it.
    pub target_text: String,
    pub target: f64,
    pub series: Vec<(NaiveDate, f64)>,
}

/// The page: the Markdown body (its first line the title) turned into HTML, with the charts
/// after the title.
pub fn render_html(lang: Lang, markdown: &str, bars: &[Bar], trends: &[Trend]) -> String {
    let mut html = String::new();
    let title = escape(
        markdown
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("# "),
    );
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        if lang == Lang::Vi { "vi" } else { "en" }
    );
    html.push_str(&bar_chart(lang, bars));
    for trend in trends.iter().filter(|t| t.series.len() >= 2) {
        html.push_str(&trend_chart(lang, trend));
    }
    html.push_str(&body_html(markdown));
    html.push_str("</body>\n</html>\n");
    html
}

/// The Markdown body, turned into simple HTML: headings, tables (each in its own scrolling
/// box, so a wide one never widens the page), lists, paragraphs.
fn body_html(markdown: &str) -> String {
    let mut html = String::new();
    let mut in_table = false;
    let mut header_row = false;
    for line in markdown.lines().skip(1) {
        if let Some(table_row) = line.strip_prefix('|') {
            if line.starts_with("|---") {
                continue;
            }
            if !in_table {
                html.push_str("<div class=\"table\"><table>\n");
                in_table = true;
                header_row = true;
            }
            let cell_tag = if header_row { "th" } else { "td" };
            header_row = false;
            let cells: String = split_md_row(table_row)
                .iter()
                .map(|c| {
                    let text = escape(c).replace("&lt;br&gt;", "<br>");
                    format!("<{cell_tag}>{text}</{cell_tag}>")
                })
                .collect();
            let _ = writeln!(html, "<tr>{cells}</tr>");
            continue;
        }
        if in_table {
            html.push_str("</table></div>\n");
            in_table = false;
        }
        if let Some(h) = line.strip_prefix("### ") {
            let _ = writeln!(html, "<h3>{}</h3>", escape(h));
        } else if let Some(h) = line.strip_prefix("## ") {
            let _ = writeln!(html, "<h2>{}</h2>", escape(h));
        } else if let Some(item) = line.strip_prefix("- ") {
            let _ = writeln!(html, "<p class=\"item\">{}</p>", escape(item));
        } else if let Some(bold) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            let _ = writeln!(
                html,
                "<p><strong>{}</strong></p>",
                escape(&bold.replace("\\*", "*"))
            );
        } else if !line.trim().is_empty() {
            let _ = writeln!(html, "<p>{}</p>", escape(line));
        }
    }
    if in_table {
        html.push_str("</table></div>\n");
    }
    html
}

/// A Markdown table row's cells, `\|` and `\\` unescaped.
fn split_md_row(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            other => cell.push(other),
        }
    }
    cells
}

/// Horizontal bars of each content's on-time compliance, with a 0–100% axis.
fn bar_chart(lang: Lang, bars: &[Bar]) -> String {
    // Plot from x = 40 to 340 (100%); the value after each bar; the axis below. The drawing is
    // 400 units wide, so that its 13 px text stays about that size on a 390 px phone.
    let (left, right, row) = (40.0, 340.0, 26.0);
    let axis_y = 8.0 + row * bars.len() as f64;
    let height = axis_y + 22.0;
    let caption = escape(lang.pick(i18n::ON_TIME_COMPLIANCE_BY_CONTENT));
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>{caption}</figcaption>\n<svg viewBox=\"0 0 400 {height}\" role=\"img\" aria-label=\"{caption}\">\n"
    );
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = left + tick / 100.0 * (right - left);
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"4\" y2=\"{axis_y}\" class=\"grid\"/><text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            axis_y + 16.0,
            escape(&lang.percent(tick))
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = 8.0 + row * i as f64;
        let value = bar.pct.unwrap_or(0.0).clamp(0.0, 100.0);
        let width = value / 100.0 * (right - left);
        let shown = bar
            .pct
            .map(|p| lang.percent((p * 10.0).round() / 10.0))
            .unwrap_or_else(|| "–".into());
        let _ = writeln!(
            svg,
            "<text class=\"label\" x=\"0\" y=\"{text_y:.1}\">{code}</text><rect x=\"{left}\" y=\"{y:.1}\" width=\"{track:.1}\" height=\"16\" class=\"track\"/><rect x=\"{left}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"16\" class=\"bar\"/><text class=\"value\" x=\"{value_x}\" y=\"{text_y:.1}\">{shown}</text>",
            text_y = y + 13.0,
            code = escape(&bar.code),
            track = right - left,
            value_x = right + 8.0,
            shown = escape(&shown),
        );
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// One indicator's ward figure over time: the title above the chart (never on it), values on
/// the left axis, the target's dashed line labelled at its right end, dates along the bottom.
fn trend_chart(lang: Lang, trend: &Trend) -> String {
    let (width, height) = (400.0, 170.0);
    let (left, right, top, bottom) = (48.0, 392.0, 22.0, 140.0);
    let first = trend.series.first().map(|p| p.0).unwrap_or_default();
    let last = trend.series.last().map(|p| p.0).unwrap_or(first);
    let span = ((last - first).num_days().max(1)) as f64;
    let values = trend.series.iter().map(|p| p.1).chain([trend.target]);
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // A little room above and below, so that neither the line nor the target touch an edge.
    let pad = ((high - low) * 0.1).max(1.0);
    let (low, high) = (low - pad, high + pad);
    let x = |date: NaiveDate| left + (date - first).num_days() as f64 / span * (right - left);
    let y = |value: f64| top + (high - value) / (high - low) * (bottom - top);
    let caption = format!(
        "{} — {}",
        trend.code,
        lang.pick(i18n::WARD_FIGURE_OVER_TIME)
    );
    let caption = escape(&caption);
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>{caption}</figcaption>\n<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{caption}\">\n"
    );
    // The value axis: its lowest, middle and highest values.
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{bottom}\" class=\"axis\"/><line x1=\"{left}\" x2=\"{right}\" y1=\"{bottom}\" y2=\"{bottom}\" class=\"axis\"/>"
    );
    for value in [low, (low + high) / 2.0, high] {
        let _ = writeln!(
            svg,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y(value) + 4.0,
            escape(&lang.number((value * 10.0).round() / 10.0))
        );
    }
    let target_y = y(trend.target);
    let points: Vec<String> = trend
        .series
        .iter()
        .map(|(date, value)| format!("{:.1},{:.1}", x(*date), y(*value)))
        .collect();
    // The target's label sits above its line when there is room, below it otherwise.
    let label_y = if target_y - 6.0 >= top + 4.0 {
        target_y - 6.0
    } else {
        target_y + 16.0
    };
    let target_label = format!("{} {}", lang.pick(i18n::TARGET), trend.target_text);
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" x2=\"{right}\" y1=\"{target_y:.1}\" y2=\"{target_y:.1}\" class=\"target\"/><text class=\"target-label\" x=\"{right}\" y=\"{label_y:.1}\" text-anchor=\"end\">{}</text>",
        escape(&target_label)
    );
    let _ = writeln!(
        svg,
        "<polyline points=\"{}\" class=\"line\"/>",
        points.join(" ")
    );
    for (date, value) in &trend.series {
        let _ = writeln!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" class=\"point\"/>",
            x(*date),
            y(*value)
        );
    }
    let _ = writeln!(
        svg,
        "<text class=\"tick\" x=\"{left}\" y=\"{:.1}\">{}</text><text class=\"tick\" x=\"{right}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        bottom + 18.0,
        lang.date(first),
        bottom + 18.0,
        lang.date(last)
    );
    svg.push_str("</svg></figure>\n");
    svg
}

/// Phone first: text wraps, each table scrolls inside its own box, charts scale to the width;
/// on a desktop the page is a readable column. Print keeps the A4 page of the office.
const CSS: &str = "*{box-sizing:border-box}
body{font-family:'Times New Roman',serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111;line-height:1.4;overflow-wrap:break-word}
h1{font-size:1.3rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.5rem}h3{font-size:1rem}
div.table{max-width:100%;overflow-x:auto;margin:.5rem 0}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #999;padding:.2rem .4rem;vertical-align:top;text-align:left;min-width:3.5rem}
th{font-weight:bold;background:#eee}
figure.chart{margin:1rem 0;max-width:32rem}figure.chart figcaption{font-weight:bold;margin-bottom:.3rem}
figure.chart svg{display:block;width:100%;height:auto;font-size:13px}
.track{fill:#eee}.bar{fill:#2a6f97}.grid{stroke:#ddd}.axis{stroke:#777}.tick{fill:#444;font-size:12px}
.line{fill:none;stroke:#2a6f97;stroke-width:2}.point{fill:#2a6f97}.target{stroke:#c0392b;stroke-dasharray:6 4}.target-label{fill:#c0392b}
p.item{margin:.2rem 0 .2rem 1rem}
@media (max-width:30rem){body{padding:0 .5rem}table{font-size:.8rem}}
@media print{@page{size:A4;margin:2cm 1.5cm 2cm 3cm}body{max-width:none}div.table{overflow:visible}}
";
