//! An administrative document (văn bản hành chính) laid out per Nghị định 30/2020/NĐ-CP: the
//! issuing body and the national motto side by side, number and symbol, place and date, the
//! document's kind and abstract, the body, then the recipients and the signer side by side.
//! One model, written as `.docx`, Markdown or HTML with the same content.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    Table, TableCell, TableRow, WidthType,
};

use crate::output::html_escape as escape;

/// A part of a document's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading ("I. KẾT QUẢ THỰC HIỆN") or, at level 2, a sub-heading.
    Heading(u8, String),
    Paragraph(String),
    /// A numbered table: its caption, header and rows.
    Table {
        caption: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A marked place for the clerk's own words.
    Placeholder(String),
}

/// A whole document, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The body above the issuer ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG NAI"), if any.
    pub issuer_parent: Option<String>,
    pub issuer: String,
    /// "Số: 12/BC-UBND", or with room left to write the number in.
    pub number: String,
    /// "Tam Phước, ngày 25 tháng 11 năm 2026".
    pub place_date: String,
    /// "BÁO CÁO".
    pub kind: String,
    pub abstract_text: String,
    pub body: Vec<Block>,
    pub recipients: Vec<String>,
    /// The bold lines above the signature: "TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH" when a
    /// deputy signs, then the signer's title.
    pub signer_lines: Vec<String>,
    pub signer_name: String,
}

use crate::output::i18n::{OFFICIAL_MOTTO as MOTTO, OFFICIAL_RECIPIENTS as RECIPIENTS};

/// "- UBND thành phố Đồng Nai;" … "- Lưu: VT, VP.": a semicolon after each, a full stop last.
fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let last = recipients.len().saturating_sub(1);
    recipients
        .iter()
        .enumerate()
        .map(|(i, r)| format!("- {r}{}", if i == last { "." } else { ";" }))
        .collect()
}

/// The longest issuer name kept on one line: about what fits the header's left column at 12 pt.
const ISSUER_LINE: usize = 24;

/// An issuing body's name on as many lines as the header's left column needs, broken between
/// words where the lines come out most even ("ỦY BAN NHÂN DÂN" / "PHƯỜNG TAM PHƯỚC"), so Word
/// does not break it mid-phrase. The decree allows a long name on several lines.
fn name_lines(name: &str) -> Vec<String> {
    let length = name.chars().count();
    if length <= ISSUER_LINE {
        return vec![name.to_string()];
    }
    let breaks = name
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i);
    let best = breaks.min_by_key(|&at| {
        let left = name[..at].chars().count();
        left.max(length - left - 1)
    });
    match best {
        Some(at) => vec![name[..at].to_string(), name[at + 1..].to_string()],
        None => vec![name.to_string()],
    }
}

// ---- Markdown ----------------------------------------------------------------------------------

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// The document as Markdown: the header and signature blocks as two-column tables.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let mut left = Vec::new();
    if let Some(parent) = &doc.issuer_parent {
        left.push(parent.clone());
    }
    left.push(format!("**{}**", doc.issuer));
    left.push(doc.number.clone());
    let right = [
        format!("**{}**", MOTTO[0]),
        format!("**{}**", MOTTO[1]),
        format!("*{}*", doc.place_date),
    ];
    out.push_str(&format!(
        "| {} | {} |\n|:---:|:---:|\n\n",
        md_cell(&left.join("\n")),
        md_cell(&right.join("\n"))
    ));
    out.push_str(&format!(
        "<p align=\"center\"><b>{}</b><br><b>{}</b></p>\n\n",
        doc.kind, doc.abstract_text
    ));
    for block in &doc.body {
        match block {
            Block::Heading(1, text) => out.push_str(&format!("## {text}\n\n")),
            Block::Heading(_, text) => out.push_str(&format!("### {text}\n\n")),
            Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
            Block::Placeholder(text) => out.push_str(&format!("> *{text}*\n\n")),
            Block::Table {
                caption,
                header,
                rows,
            } => {
                out.push_str(&format!("**{caption}**\n\n"));
                let cells = |row: &[String]| {
                    row.iter()
                        .map(|c| md_cell(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                out.push_str(&format!("| {} |\n", cells(header)));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    out.push_str(&format!("| {} |\n", cells(row)));
                }
                out.push('\n');
            }
        }
    }
    let recipients = recipient_lines(&doc.recipients);
    let bold = |text: &str| {
        if text.is_empty() {
            String::new()
        } else {
            format!("**{text}**")
        }
    };
    let mut signer: Vec<String> = doc.signer_lines.iter().map(|l| bold(l)).collect();
    signer.extend([String::new(), String::new(), bold(&doc.signer_name)]);
    out.push_str(&format!(
        "| {} | {} |\n|:---|:---:|\n",
        md_cell(&format!("***{RECIPIENTS}***\n{}", recipients.join("\n"))),
        md_cell(&signer.join("\n"))
    ));
    crate::output::plain_text(&out).into_owned()
}

// ---- HTML --------------------------------------------------------------------------------------

const STYLE: &str = "@page{size:A4;margin:20mm 15mm 20mm 30mm}\
body{font-family:'Times New Roman',Times,serif;font-size:14pt;max-width:165mm;margin:1rem auto;line-height:1.35}\
table.blocks{width:100%;border-collapse:collapse}table.blocks td{vertical-align:top;text-align:center;width:50%;font-size:13pt}\
.rule{display:block;width:35%;margin:2pt auto;border-top:1px solid #000}\
.title{text-align:center;font-weight:bold;margin:1.2em 0 .8em}\
p{text-align:justify;margin:.3em 0;text-indent:1cm}h2,h3{font-size:14pt;margin:.8em 0 .3em}\
table.data{border-collapse:collapse;width:100%;font-size:12pt;margin:.3em 0 .8em}\
table.data td,table.data th{border:1px solid #000;padding:2pt 4pt;vertical-align:top}\
.caption{font-weight:bold;text-align:center;text-indent:0;margin-top:.6em}\
.placeholder{font-style:italic;color:#555;text-indent:0}\
td.recipients{text-align:left;font-size:11pt}td.recipients b{font-size:12pt}";

/// The document as one HTML page, printable on A4.
pub fn html(doc: &Document) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{} {}</title><style>{STYLE}</style></head><body>\n",
        escape(&doc.kind),
        escape(&doc.abstract_text)
    );
    let lines = |name: &str| {
        name_lines(name)
            .iter()
            .map(|l| escape(l))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let parent = doc
        .issuer_parent
        .as_ref()
        .map(|p| format!("{}<br>", lines(p)))
        .unwrap_or_default();
    out.push_str(&format!(
        "<table class=\"blocks\"><tr><td>{parent}<b>{}</b><span class=\"rule\"></span>{}</td>\
         <td><b>{}</b><br><b>{}</b><span class=\"rule\"></span><i>{}</i></td></tr></table>\n",
        lines(&doc.issuer),
        escape(&doc.number),
        MOTTO[0],
        MOTTO[1],
        escape(&doc.place_date)
    ));
    out.push_str(&format!(
        "<div class=\"title\">{}<br>{}<span class=\"rule\"></span></div>\n",
        escape(&doc.kind),
        escape(&doc.abstract_text)
    ));
    for block in &doc.body {
        match block {
            Block::Heading(1, text) => out.push_str(&format!("<h2>{}</h2>\n", escape(text))),
            Block::Heading(_, text) => out.push_str(&format!("<h3>{}</h3>\n", escape(text))),
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Placeholder(text) => {
                out.push_str(&format!("<p class=\"placeholder\">{}</p>\n", escape(text)))
            }
            Block::Table {
                caption,
                header,
                rows,
            } => {
                out.push_str(&format!(
                    "<p class=\"caption\">{}</p>\n<table class=\"data\"><tr>",
                    escape(caption)
                ));
                for cell in header {
                    out.push_str(&format!("<th>{}</th>", escape(cell)));
                }
                out.push_str("</tr>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", escape(cell).replace('\n', "<br>")));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    let recipients: String = recipient_lines(&doc.recipients)
        .iter()
        .map(|r| format!("<br>{}", escape(r)))
        .collect();
    let signer: String = doc
        .signer_lines
        .iter()
        .map(|l| format!("<b>{}</b><br>", escape(l)))
        .collect();
    out.push_str(&format!(
        "<table class=\"blocks\"><tr><td class=\"recipients\"><b><i>{RECIPIENTS}</i></b>{recipients}</td>\
         <td>{signer}<br><br><br><b>{}</b></td></tr></table>\n</body></html>\n",
        escape(&doc.signer_name)
    ));
    out
}

// ---- .docx -------------------------------------------------------------------------------------

/// Sizes in half-points, lengths in twentieths of a point (twips), as Word counts them.
const BODY: usize = 28; // 14 pt
const HEADER: usize = 24; // 12 pt: the issuer's and the motto's first line
const TABLE_TEXT: usize = 24; // 12 pt
const RECIPIENT_TEXT: usize = 22; // 11 pt
const A4: (u32, u32) = (11906, 16838);
/// 30 mm left, 15 mm right, 20 mm top and bottom.
const MARGINS: (i32, i32, i32, i32) = (1134, 850, 1134, 1701);
const TEXT_WIDTH: usize = 9355;
/// The issuer's column in the header table; the motto has the rest.
const ISSUER_WIDTH: usize = 3900;

fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(crate::output::plain_text(text))
        .size(size)
}

fn line(text: &str, size: usize, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size))
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

fn bold_line(text: &str, size: usize, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size).bold())
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// A short rule under a block's last line: an empty, 6 pt high paragraph whose bottom border
/// is the line, `length` twips long, centred in a column `width` twips wide (a real rule that
/// Word and LibreOffice draw at any zoom, not a row of box-drawing characters).
fn rule(width: usize, length: usize) -> Paragraph {
    let side = (width.saturating_sub(length) / 2) as i32;
    let mut paragraph = Paragraph::new()
        .size(2)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(100)
                .line(120)
                .line_rule(LineSpacingType::Exact),
        );
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(0),
        ),
    );
    paragraph
}

/// The header of every page but the first: the page number, centred in the top margin
/// (Nghị định 30/2020/NĐ-CP, the page number from page 2 on).
fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .size(BODY)
            .align(AlignmentType::Center),
    )
}

/// Two borderless columns: the header's issuer and motto, the footer's recipients and signer.
fn two_blocks(left: Vec<Paragraph>, right: Vec<Paragraph>, split: usize) -> Table {
    let cell = |paragraphs: Vec<Paragraph>, width: usize| {
        paragraphs
            .into_iter()
            .fold(TableCell::new(), |cell, p| cell.add_paragraph(p))
            .width(width, WidthType::Dxa)
            .clear_all_border()
    };
    Table::new(vec![TableRow::new(vec![
        cell(left, split),
        cell(right, TEXT_WIDTH - split),
    ])])
    .set_grid(vec![split, TEXT_WIDTH - split])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .clear_all_border()
}

/// Column widths: each wide enough for its longest word (a code is never broken), the rest of
/// the line shared in proportion to how long the columns' texts are.
fn column_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    const PER_CHARACTER: usize = 115; // twips, 12 pt Times New Roman, a little generous
    const PADDING: usize = 230;
    let cells = |column: usize| {
        std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .filter_map(move |row| row.get(column))
    };
    let longest = |column: usize, split: fn(&str) -> Vec<&str>| {
        cells(column)
            .flat_map(|cell| split(cell))
            .map(|part| part.chars().count())
            .max()
            .unwrap_or(0)
    };
    let columns = header.len();
    let minimum: Vec<usize> = (0..columns)
        .map(|c| longest(c, |t| t.split_whitespace().collect()) * PER_CHARACTER + PADDING)
        .collect();
    let weight: Vec<usize> = (0..columns)
        .map(|c| longest(c, |t| t.split('\n').collect()).clamp(4, 60))
        .collect();
    let spare = TEXT_WIDTH.saturating_sub(minimum.iter().sum());
    let total_weight: usize = weight.iter().sum::<usize>().max(1);
    minimum
        .iter()
        .zip(&weight)
        .map(|(min, w)| min + spare * w / total_weight)
        .collect()
}

fn data_table(header: &[String], rows: &[Vec<String>]) -> Table {
    let widths = column_widths(header, rows);
    let cell = |text: &str, bold: bool, width: usize| {
        let paragraphs = text.split('\n').map(|part| {
            let r = run(part, TABLE_TEXT);
            Paragraph::new()
                .add_run(if bold { r.bold() } else { r })
                .line_spacing(LineSpacing::new().before(0).after(0))
        });
        paragraphs
            .fold(TableCell::new(), |cell, p| cell.add_paragraph(p))
            .width(width, WidthType::Dxa)
    };
    let row = |cells: &[String], bold: bool| {
        TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .map(|(text, width)| cell(text, bold, *width))
                .collect(),
        )
    };
    let mut table_rows = vec![row(header, true)];
    table_rows.extend(rows.iter().map(|r| row(r, false)));
    Table::new(table_rows)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The document as a `.docx` package. The same document gives the same bytes: the creation
/// date is the document's own day and the zip entries carry no clock time.
pub fn docx(doc: &Document, created: chrono::NaiveDate) -> anyhow::Result<Vec<u8>> {
    let stamp = format!("{}T00:00:00Z", created.format("%Y-%m-%d"));
    let mut issuer = Vec::new();
    for parent in doc.issuer_parent.iter().flat_map(|p| name_lines(p)) {
        issuer.push(line(&parent, HEADER, AlignmentType::Center));
    }
    for name in name_lines(&doc.issuer) {
        issuer.push(bold_line(&name, HEADER, AlignmentType::Center));
    }
    issuer.push(rule(ISSUER_WIDTH, 1300));
    issuer.push(line(&doc.number, 26, AlignmentType::Center));
    let motto = vec![
        bold_line(MOTTO[0], HEADER, AlignmentType::Center),
        bold_line(MOTTO[1], 26, AlignmentType::Center),
        rule(TEXT_WIDTH - ISSUER_WIDTH, 2900),
        Paragraph::new()
            .add_run(run(&doc.place_date, BODY).italic())
            .align(AlignmentType::Center),
    ];
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGINS.0)
                .right(MARGINS.1)
                .bottom(MARGINS.2)
                .left(MARGINS.3),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .east_asia("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(BODY)
        // Created and modified on the as-of day (docx-rs would write 1970 as modified).
        .created_at(&stamp)
        .updated_at(&stamp)
        // Page 1 has no number; every other page has it centred in the top margin.
        .header(page_number_header())
        .first_header(Header::new())
        .title_pg()
        .add_table(two_blocks(issuer, motto, ISSUER_WIDTH))
        .add_paragraph(Paragraph::new())
        .add_paragraph(bold_line(&doc.kind, BODY, AlignmentType::Center))
        .add_paragraph(bold_line(&doc.abstract_text, BODY, AlignmentType::Center))
        .add_paragraph(rule(TEXT_WIDTH, 1800));
    for block in &doc.body {
        docx = match block {
            Block::Heading(_, text) => docx.add_paragraph(
                Paragraph::new()
                    .add_run(run(text, BODY).bold())
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(120).after(60)),
            ),
            Block::Paragraph(text) => docx.add_paragraph(
                Paragraph::new()
                    .add_run(run(text, BODY))
                    .align(AlignmentType::Both)
                    .line_spacing(LineSpacing::new().before(0).after(60)),
            ),
            Block::Placeholder(text) => docx.add_paragraph(
                Paragraph::new()
                    .add_run(run(text, BODY).italic())
                    .line_spacing(LineSpacing::new().before(60).after(60)),
            ),
            Block::Table {
                caption,
                header,
                rows,
            } => docx
                .add_paragraph(
                    bold_line(caption, TABLE_TEXT, AlignmentType::Center).keep_next(true),
                )
                .add_table(data_table(header, rows))
                .add_paragraph(Paragraph::new()),
        };
    }
    let mut recipients =
        vec![Paragraph::new().add_run(run(RECIPIENTS, TABLE_TEXT).bold().italic())];
    recipients.extend(
        recipient_lines(&doc.recipients)
            .iter()
            .map(|r| line(r, RECIPIENT_TEXT, AlignmentType::Left)),
    );
    let mut signer: Vec<Paragraph> = doc
        .signer_lines
        .iter()
        .map(|l| bold_line(l, BODY, AlignmentType::Center))
        .collect();
    signer.extend(
        (0..4).map(|_| Paragraph::new().add_run(Run::new().add_break(BreakType::TextWrapping))),
    );
    signer.push(bold_line(&doc.signer_name, BODY, AlignmentType::Center));
    docx = docx
        .add_paragraph(Paragraph::new())
        .add_table(two_blocks(recipients, signer, 4700));
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes)?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::name_lines;

    #[test]
    fn a_long_issuer_name_is_broken_where_its_lines_are_most_even() {
        assert_eq!(
            name_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG NAI"),
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐỒNG NAI"]
        );
        assert_eq!(
            name_lines("ỦY BAN NHÂN DÂN PHƯỜNG TAM PHƯỚC"),
            ["ỦY BAN NHÂN DÂN", "PHƯỜNG TAM PHƯỚC"]
        );
        assert_eq!(name_lines("VĂN PHÒNG HĐND-UBND"), ["VĂN PHÒNG HĐND-UBND"]);
    }
}
