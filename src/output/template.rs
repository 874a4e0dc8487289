//! The sheets a unit fills: an `.xlsx` workbook with locked code columns, data validation and
//! a hidden identity sheet, or the same rows as CSV. Their headers are the long layout's, so
//! `import` reads a filled template without a mapping file.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

use crate::input::period::format_period;
use crate::output::i18n::{self, Lang};
use crate::output::periods;
use crate::output::template_text::{Sheet, TemplateText};
use crate::plan::template::{Identity, IndicatorLine, TaskLine, IDENTITY_SHEET};
use crate::plan::{Accumulation, IndicatorKind, Plan};

/// Everything one template holds.
pub struct Template<'p> {
    pub plan: &'p Plan,
    pub identity: Identity,
    /// The unit's name for the title, or the ward's for a template of every unit.
    pub unit_name: String,
    /// The day the template was made (`--as-of`): its period is the last whole one before it.
    pub made: NaiveDate,
    pub indicators: Vec<IndicatorLine<'p>>,
    pub tasks: Vec<TaskLine<'p>>,
}

/// The indicator sheet's columns: (header, width). Values, numerator, denominator and note
/// are the unit's to fill; the period ("Kỳ", a flow's only) comes last, so the columns a
/// department knows keep their places.
fn indicator_columns(lang: Lang) -> [(&'static str, f64); 11] {
    [
        (lang.pick(i18n::TEMPLATE_INDICATOR), 12.0),
        (lang.pick(i18n::TEMPLATE_INDICATOR_TEXT), 60.0),
        (lang.pick(i18n::TEMPLATE_TARGET), 22.0),
        (lang.pick(i18n::TEMPLATE_UNIT_OF_MEASURE), 12.0),
        (lang.pick(i18n::TEMPLATE_UNIT), 10.0),
        (lang.pick(i18n::TEMPLATE_DATE), 12.0),
        (lang.pick(i18n::TEMPLATE_VALUE), 12.0),
        (lang.pick(i18n::TEMPLATE_NUMERATOR), 10.0),
        (lang.pick(i18n::TEMPLATE_DENOMINATOR), 10.0),
        (lang.pick(i18n::TEMPLATE_NOTE), 40.0),
        (periods::TEMPLATE_PERIOD.pick(lang), 14.0),
    ]
}

/// The task sheet's columns: (header, width). The last three are the unit's to fill.
fn task_columns(lang: Lang) -> [(&'static str, f64); 8] {
    [
        (lang.pick(i18n::TEMPLATE_TASK), 12.0),
        (lang.pick(i18n::TEMPLATE_TASK_TEXT), 60.0),
        (lang.pick(i18n::TEMPLATE_PHASE), 9.0),
        (lang.pick(i18n::TEMPLATE_DEADLINE), 12.0),
        (lang.pick(i18n::TEMPLATE_STATUS_NOW), 16.0),
        (lang.pick(i18n::TEMPLATE_STATUS), 18.0),
        (lang.pick(i18n::TEMPLATE_DATE), 12.0),
        (lang.pick(i18n::TEMPLATE_NOTE), 40.0),
    ]
}

/// The statuses a unit may choose; `import` understands each of them.
pub fn status_choices(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick(i18n::TEMPLATE_CHOICE_IN_PROGRESS),
        lang.pick(i18n::TEMPLATE_CHOICE_DONE),
        lang.pick(i18n::TEMPLATE_CHOICE_CANCELLED),
    ]
}

/// The row (0-based) of each sheet's header: a title and a line of instructions sit above it.
const HEADER_ROW: u32 = 3;

/// The indicator rows as text cells, in the indicator sheet's column order.
fn indicator_cells(lang: Lang, template: &Template, line: &IndicatorLine) -> Vec<String> {
    let indicator = line.indicator;
    let target = i18n::indicator_target(
        lang,
        indicator,
        line.unit_target.unwrap_or(indicator.target),
    );
    vec![
        indicator.code.clone(),
        indicator.text.clone(),
        target,
        indicator.unit_of_measure.clone(),
        line.unit.to_string(),
        lang.date(template.identity.period.end),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        // A flow's value covers the template's period; a level's is as of its last day.
        if indicator.accumulation == Accumulation::Flow {
            let period = &template.identity.period;
            format_period((period.start, period.end))
        } else {
            String::new()
        },
    ]
}

/// The task rows as text cells, in the task sheet's column order.
fn task_cells(lang: Lang, line: &TaskLine) -> Vec<String> {
    vec![
        line.task.code.clone(),
        line.task.text.clone(),
        line.task.phase.to_string(),
        lang.date(line.task.deadline),
        i18n::task_status(lang, line.status).to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The template as CSV (`;`, UTF-8 with BOM): the indicator rows, and the task rows apart,
/// since one CSV file holds one layout.
pub fn csv(lang: Lang, template: &Template) -> anyhow::Result<(Vec<u8>, Option<Vec<u8>>)> {
    let indicators = write_csv(
        indicator_columns(lang).iter().map(|c| c.0),
        template
            .indicators
            .iter()
            .map(|line| indicator_cells(lang, template, line)),
    )?;
    let tasks = if template.tasks.is_empty() {
        None
    } else {
        Some(write_csv(
            task_columns(lang).iter().map(|c| c.0),
            template.tasks.iter().map(|line| task_cells(lang, line)),
        )?)
    };
    Ok((indicators, tasks))
}

fn write_csv<'h>(
    header: impl Iterator<Item = &'h str>,
    rows: impl Iterator<Item = Vec<String>>,
) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(
            row.iter()
                .map(|c| crate::input::text::escape_spreadsheet_cell(c)),
        )?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The formats of a template's cells.
struct Formats {
    title: Format,
    note: Format,
    header: Format,
    locked: Format,
    locked_date: Format,
    open: Format,
    open_date: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        let grey = Color::RGB(0xE7E6E6);
        Formats {
            title: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(14)
                .set_bold(),
            note: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(11)
                .set_italic(),
            header: base
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xBDD7EE)),
            locked: base.clone().set_background_color(grey),
            locked_date: base
                .clone()
                .set_background_color(grey)
                .set_num_format("dd/mm/yyyy"),
            open: base.clone().set_unlocked(),
            open_date: base.set_unlocked().set_num_format("dd/mm/yyyy"),
        }
    }
}

/// The template as an `.xlsx` workbook. Same template, same bytes.
pub fn xlsx(lang: Lang, template: &Template) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let made = template.identity.period.end;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(lang.pick(i18n::TEMPLATE_SHEET_INDICATORS))
            .set_author("kehoach")
            .set_creation_datetime(&excel_date(made)?),
    );
    indicator_sheet(workbook.add_worksheet(), lang, template, &formats)?;
    if !template.tasks.is_empty() {
        task_sheet(workbook.add_worksheet(), lang, template, &formats)?;
    }
    let identity = workbook.add_worksheet();
    identity.set_name(IDENTITY_SHEET)?;
    for (row, (key, value)) in template.identity.pairs().iter().enumerate() {
        identity.write_string(row as u32, 0, *key)?;
        identity.write_string(row as u32, 1, value)?;
    }
    identity.set_hidden(true);
    workbook.save_to_buffer()
}

fn excel_date(day: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)
}

/// Names a sheet and writes its title, its line of instructions and its header.
fn begin_sheet(
    sheet: &mut Worksheet,
    lang: Lang,
    template: &Template,
    formats: &Formats,
    (name, what): ((&str, &str), Sheet),
    instructions: &str,
    columns: &[(&str, f64)],
) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick(name))?;
    let title = TemplateText::Title {
        sheet: what,
        plan: template.plan.meta.number.clone(),
        unit: template.unit_name.clone(),
        period: template.identity.period,
    }
    .render(lang);
    let last = columns.len() as u16 - 1;
    sheet.merge_range(0, 0, 0, last, &title, &formats.title)?;
    sheet.merge_range(1, 0, 1, last, instructions, &formats.note)?;
    sheet.set_row_height(1, 30)?;
    // The period rule, said on the sheet itself: why the date is what it is.
    let rule = crate::output::clerk::Clerk::TemplatePeriod {
        period: template.identity.period,
        made: template.made,
    };
    sheet.merge_range(2, 0, 2, last, &rule.render(lang), &formats.note)?;
    sheet.set_row_height(2, 30)?;
    for (column, (header, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, column as u16, *header, &formats.header)?;
        sheet.set_column_width(column as u16, *width)?;
    }
    Ok(())
}

fn indicator_sheet(
    sheet: &mut Worksheet,
    lang: Lang,
    template: &Template,
    formats: &Formats,
) -> Result<(), XlsxError> {
    begin_sheet(
        sheet,
        lang,
        template,
        formats,
        (i18n::TEMPLATE_SHEET_INDICATORS, Sheet::Indicators),
        lang.pick(i18n::TEMPLATE_INDICATOR_INSTRUCTIONS),
        &indicator_columns(lang),
    )?;
    let day = excel_date(template.identity.period.end)?;
    for (index, line) in template.indicators.iter().enumerate() {
        let row = HEADER_ROW + 1 + index as u32;
        let cells = indicator_cells(lang, template, line);
        for (column, text) in cells.iter().enumerate().take(5) {
            sheet.write_string_with_format(row, column as u16, text, &formats.locked)?;
        }
        sheet.write_string_with_format(row, 10, &cells[10], &formats.locked)?;
        sheet.write_datetime_with_format(row, 5, &day, &formats.locked_date)?;
        let ratio = line.indicator.kind == IndicatorKind::Percent;
        for column in 6..=9u16 {
            let fillable = column == 6 || column == 9 || ratio;
            let format = if fillable {
                &formats.open
            } else {
                &formats.locked
            };
            sheet.write_blank(row, column, format)?;
        }
        let value_rule = if line.indicator.unit_of_measure == "%" {
            DataValidationRule::Between(0.0, 100.0)
        } else {
            DataValidationRule::GreaterThanOrEqualTo(0.0)
        };
        sheet.add_data_validation(row, 6, row, 6, &number_validation(lang, value_rule)?)?;
        if ratio {
            sheet.add_data_validation(
                row,
                7,
                row,
                8,
                &number_validation(lang, DataValidationRule::GreaterThanOrEqualTo(0.0))?,
            )?;
        }
    }
    finish(sheet)
}

fn task_sheet(
    sheet: &mut Worksheet,
    lang: Lang,
    template: &Template,
    formats: &Formats,
) -> Result<(), XlsxError> {
    begin_sheet(
        sheet,
        lang,
        template,
        formats,
        (i18n::TEMPLATE_SHEET_TASKS, Sheet::Tasks),
        &TemplateText::TaskInstructions {
            end: template.identity.period.end,
        }
        .render(lang),
        &task_columns(lang),
    )?;
    let choices = status_choices(lang);
    let status_rule = DataValidation::new()
        .allow_list_strings(&choices)?
        .set_error_title(lang.pick(i18n::TEMPLATE_STATUS))?
        .set_error_message(lang.pick(i18n::TEMPLATE_STATUS_ERROR))?;
    let (start, end) = (
        excel_date(template.plan.meta.start)?,
        excel_date(template.identity.period.end)?,
    );
    let date_rule = DataValidation::new()
        .allow_date(DataValidationRule::Between(start, end))
        .set_error_title(lang.pick(i18n::TEMPLATE_DATE))?
        .set_error_message(lang.pick(i18n::TEMPLATE_DATE_ERROR))?;
    for (index, line) in template.tasks.iter().enumerate() {
        let row = HEADER_ROW + 1 + index as u32;
        for (column, text) in task_cells(lang, line).iter().enumerate().take(5) {
            sheet.write_string_with_format(row, column as u16, text, &formats.locked)?;
        }
        sheet.write_blank(row, 5, &formats.open)?;
        sheet.write_blank(row, 6, &formats.open_date)?;
        sheet.write_blank(row, 7, &formats.open)?;
    }
    if !template.tasks.is_empty() {
        let last = HEADER_ROW + template.tasks.len() as u32;
        sheet.add_data_validation(HEADER_ROW + 1, 5, last, 5, &status_rule)?;
        sheet.add_data_validation(HEADER_ROW + 1, 6, last, 6, &date_rule)?;
    }
    finish(sheet)
}

fn number_validation(
    lang: Lang,
    rule: DataValidationRule<f64>,
) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_decimal_number(rule)
        .set_error_title(lang.pick(i18n::TEMPLATE_VALUE))?
        .set_error_message(lang.pick(i18n::TEMPLATE_NUMBER_ERROR))
}

/// Freezes the header and protects the sheet: only the unit's own columns can be edited.
fn finish(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.protect();
    Ok(())
}
