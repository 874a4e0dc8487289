//! Reading a file's rows: CSV streamed with its lines tracked, workbooks sheet by sheet,
//! the header found, a template's identity checked.

use super::*;

/// A CSV file: its delimiter sniffed, read as a stream of rows. UTF-8 (nearly every file, and
/// every large one) streams from the disk; UTF-16 and Windows-1258 are decoded whole first.
pub(super) fn import_csv(
    tx: &Transaction,
    path: &Path,
    scan: &Scan,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<SourceInfo> {
    let file = path.display().to_string();
    let file = file.as_str();
    let unreadable = |error: DecodeError| {
        rejected(
            InputRefusal::UnreadableText {
                file: file.to_string(),
                error,
            }
            .into(),
        )
    };
    let cannot_read = |e: std::io::Error| {
        rejected(
            ImportMessage::FileUnreadable {
                path: file.to_string(),
                error: e.to_string(),
            }
            .into(),
        )
    };
    let encoding = settings.encoding.unwrap_or(scan.encoding);
    let mut reader: Box<dyn BufRead> = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            if scan.evidence.invalid > 0 {
                let places = scan.evidence.places.clone();
                let total = scan.evidence.invalid;
                let message: Localized = Message::NotUtf8 { places, total }.into();
                return Err(rejected(message.prefixed(&format!("{file}: "))));
            }
            if scan.has_nul {
                return Err(unreadable(DecodeError::Binary));
            }
            let opened = std::fs::File::open(path).map_err(cannot_read)?;
            let mut reader = std::io::BufReader::with_capacity(1 << 16, opened);
            if reader
                .fill_buf()
                .map_err(cannot_read)?
                .starts_with(b"\xEF\xBB\xBF")
            {
                reader.consume(3);
            }
            Box::new(reader)
        }
        other => {
            let bytes = std::fs::read(path).map_err(cannot_read)?;
            let (text, _) = decode(&bytes, Some(other)).map_err(unreadable)?;
            Box::new(std::io::Cursor::new(text.into_bytes()))
        }
    };
    // The delimiter from the first lines, read ahead without consuming them.
    let head = reader.fill_buf().map_err(cannot_read)?;
    let whole_lines = head
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(head, |end| &head[..end]);
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(whole_lines));
    // Line ends as the file has them, for the --errors file.
    let crlf = head.windows(2).any(|w| w == b"\r\n");
    let (tracked, mut lines) = stream::track(reader, delimiter);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(tracked);
    let progress = progress_bar(scan.size);
    let mut read = 0u64;
    let mut rows = reader.records().map(|record| {
        let record = record.map_err(|e| {
            rejected(
                ImportMessage::CsvBroken {
                    file: file.to_string(),
                    error: e.to_string(),
                }
                .into(),
            )
        })?;
        let position = record.position().map_or(0, |p| p.byte());
        read += 1;
        if read.is_multiple_of(1000) {
            progress.set_position(position);
        }
        let cells: Vec<String> = record.iter().map(nfc).collect();
        let line = lines.line_of(position);
        // A quote left open swallows the rows after it into one cell: refuse, never import
        // one row whose note holds the next ones.
        let swallowed = cells
            .iter()
            .filter(|c| c.contains('\n'))
            .find_map(|c| stream::swallowed_row(c, delimiter));
        if let Some(offset) = swallowed {
            let over = line + offset;
            let file = file.to_string();
            return Err(rejected(
                Message::QuoteSwallowsRow { file, line, over }.into(),
            ));
        }
        Ok::<TextRow, anyhow::Error>((line, cells))
    });
    // The header: the first row that is not blank (with --map, from the mapping's header row).
    let mut found: Option<TextRow> = None;
    for row in rows.by_ref() {
        let (line, cells) = row?;
        let before_header = settings.mapping.is_some_and(|m| line < m.header_row);
        if before_header || is_blank(&cells) {
            continue;
        }
        found = Some((line, cells));
        break;
    }
    let Some((header_line, names)) = found else {
        return Err(rejected(
            ImportMessage::CsvEmpty {
                file: file.to_string(),
            }
            .into(),
        ));
    };
    let layout = sheet_layout(settings, file, header_line, &names)?;
    let place = Place {
        file,
        sheet: None,
        names: &names,
        header_line,
        encoding,
        delimiter,
        crlf,
    };
    read_rows(tx, rows, &layout, &place, settings, import_id, tally)?;
    progress.finish_and_clear();
    if let Some(line) = lines.unclosed_quote() {
        let file = file.to_string();
        return Err(rejected(Message::QuoteNotClosed { file, line }.into()));
    }
    Ok(SourceInfo {
        format: "csv",
        encoding: Some(encoding.name()),
        delimiter: Some(match delimiter {
            b'\t' => "tab".to_string(),
            other => (other as char).to_string(),
        }),
        sheets: Vec::new(),
        layout: layout.name(),
    })
}

/// A workbook: a filled template (known by its hidden identity sheet), a sheet read by the
/// mapping rules, or every visible sheet whose header is the long layout's.
pub(super) fn import_workbook(
    tx: &Transaction,
    path: &Path,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<SourceInfo> {
    let file = path.display().to_string();
    let mut workbook = Workbook::open(path).map_err(|e| rejected(workbook_error(&file, &e)))?;
    let identity = match settings.mapping {
        None if workbook.has_sheet(IDENTITY_SHEET) => {
            template_identity(tx, &mut workbook, &file, settings.plan)?
        }
        _ => None,
    };
    // A template's rows are its unit's, as of the end of its period, unless told otherwise.
    let settings = match &identity {
        Some(identity) => Settings {
            default_unit: settings.default_unit.or(identity.unit.as_deref()),
            default_date: settings.default_date.or(Some(identity.period.end)),
            ..settings.clone()
        },
        None => settings.clone(),
    };
    let sheets = match settings.mapping.and_then(|m| m.sheet.clone()) {
        Some(sheet) => vec![sheet],
        None if settings.mapping.is_some() => {
            workbook.visible_sheets().into_iter().take(1).collect()
        }
        None => workbook.visible_sheets(),
    };
    let mut read = Vec::new();
    let mut layouts = Vec::new();
    let mut unrecognised: Option<(String, u64, Vec<String>)> = None;
    for sheet in sheets {
        let rows = workbook
            .rows(&sheet)
            .map_err(|e| rejected(workbook_error(&file, &e)))?;
        let label = format!("{file} [{sheet}]");
        let Some((index, header_line, names)) = find_header(&rows, settings.mapping) else {
            if unrecognised.is_none() {
                if let Some((line, cells)) = rows.iter().find(|(_, cells)| !is_blank_cells(cells)) {
                    let names = cells.iter().map(|c| nfc(&c.text(false))).collect();
                    unrecognised = Some((label, *line, names));
                }
            }
            continue;
        };
        let layout = sheet_layout(&settings, &label, header_line, &names)?;
        let dates = layout.date_columns();
        let text_rows = rows[index + 1..].iter().map(|(line, cells)| {
            let texts = cells
                .iter()
                .enumerate()
                .map(|(column, cell)| nfc(&cell.text(dates.contains(&column))))
                .collect();
            Ok::<TextRow, anyhow::Error>((*line, texts))
        });
        let place = Place {
            file: &file,
            sheet: Some(&sheet),
            names: &names,
            header_line,
            encoding: Encoding::Utf8Bom,
            delimiter: b';',
            crlf: false,
        };
        read_rows(tx, text_rows, &layout, &place, &settings, import_id, tally)?;
        layouts.push(layout.name());
        read.push(sheet);
    }
    if read.is_empty() {
        return Err(rejected(match unrecognised {
            Some((label, line, names)) => {
                let found = clip(&names.join(" | "), 200);
                ImportMessage::HeaderNotRecognised {
                    file: label,
                    line,
                    found,
                }
                .into()
            }
            None => ImportMessage::WorkbookEmpty {
                file: file.to_string(),
            }
            .into(),
        }));
    }
    let layout = match (&identity, layouts.as_slice()) {
        (Some(_), _) => "template",
        (None, [one]) => one,
        (None, many) if many.iter().all(|l| *l == many[0]) => many[0],
        (None, _) => "mixed",
    };
    Ok(SourceInfo {
        format: workbook.format,
        encoding: None,
        delimiter: None,
        sheets: read,
        layout,
    })
}

/// The header of a workbook sheet: with mapping rules, the rules' header row (or the first
/// row after it that is not blank); otherwise the first of the top rows that the long layout
/// recognises, so a title and instructions may stand above it. (index in `rows`, line, names)
pub(super) fn find_header(
    rows: &SheetRows,
    mapping: Option<&Mapping>,
) -> Option<(usize, u64, Vec<String>)> {
    let texts =
        |cells: &[Cell]| -> Vec<String> { cells.iter().map(|c| nfc(&c.text(false))).collect() };
    match mapping {
        Some(mapping) => rows
            .iter()
            .enumerate()
            .find(|(_, (line, cells))| *line >= mapping.header_row && !is_blank_cells(cells))
            .map(|(index, (line, cells))| (index, *line, texts(cells))),
        None => rows
            .iter()
            .enumerate()
            .take(20)
            .map(|(index, (line, cells))| (index, *line, texts(cells)))
            .find(|(_, _, names)| long::recognise(names).is_some()),
    }
}

/// Reads a template's identity and refuses one made for another plan or an older version of it.
pub(super) fn template_identity(
    tx: &Transaction,
    workbook: &mut Workbook,
    file: &str,
    plan: &Plan,
) -> anyhow::Result<Option<Identity>> {
    let rows = workbook
        .rows(IDENTITY_SHEET)
        .map_err(|e| rejected(workbook_error(file, &e)))?;
    let pairs: Vec<(String, String)> = rows
        .iter()
        .map(|(_, cells)| {
            let text = |i: usize| cells.get(i).map(|c| c.text(false)).unwrap_or_default();
            (text(0), text(1))
        })
        .collect();
    let Some(identity) = Identity::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    else {
        return Ok(None);
    };
    if identity.layout > TEMPLATE_LAYOUT {
        return Err(rejected(
            ImportMessage::TemplateNewerLayout {
                file: file.to_string(),
                layout: identity.layout,
            }
            .into(),
        ));
    }
    if identity.plan_number != plan.meta.number {
        return Err(rejected(
            ImportMessage::TemplateOtherPlan {
                file: file.to_string(),
                theirs: identity.plan_number.clone(),
                ours: plan.meta.number.clone(),
            }
            .into(),
        ));
    }
    let current = fingerprint(tx)?.unwrap_or_default();
    if identity.plan_version != current {
        return Err(rejected(
            ImportMessage::TemplateOldVersion {
                file: file.to_string(),
                unit: identity.unit.as_deref().unwrap_or("all").to_string(),
                // A template is for the last whole period before its day: the day after this one.
                as_of: identity.period.end + chrono::Days::new(1),
            }
            .into(),
        ));
    }
    Ok(Some(identity))
}

pub(super) fn workbook_error(file: &str, error: &WorkbookError) -> Localized {
    match error {
        WorkbookError::Unreadable(reason) => ImportMessage::WorkbookUnreadable {
            file: file.to_string(),
            reason: reason.to_string(),
        }
        .into(),
        WorkbookError::NoSuchSheet { sheet, sheets } => {
            let (file, sheet, sheets) = (file.to_string(), sheet.clone(), sheets.join(", "));
            ImportMessage::SheetMissing {
                file,
                sheet,
                sheets,
            }
            .into()
        }
        WorkbookError::PartTooLarge { part } => Message::WorkbookPartTooLarge {
            file: file.to_string(),
            part: part.clone(),
            limit_mb: crate::input::workbook::PART_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooLarge => Message::WorkbookTooLarge {
            file: file.to_string(),
            limit_mb: crate::input::workbook::TOTAL_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooManyCells { sheet } => Message::TooManyCells {
            file: file.to_string(),
            sheet: sheet.clone(),
            limit: crate::input::workbook::CELL_LIMIT,
        }
        .into(),
        WorkbookError::TimedOut { seconds } => Message::WorkbookTimedOut {
            file: file.to_string(),
            seconds: *seconds,
        }
        .into(),
        WorkbookError::Damaged => Message::WorkbookDamaged {
            file: file.to_string(),
        }
        .into(),
        WorkbookError::Truncated { part } => Message::WorkbookPartTruncated {
            file: file.to_string(),
            part: part.clone(),
        }
        .into(),
        WorkbookError::OutOfBounds { sheet, cell } => Message::CellOutOfBounds {
            file: file.to_string(),
            sheet: sheet.clone(),
            cell: cell.clone(),
            columns: crate::input::workbook::COLUMN_LIMIT,
            rows: crate::input::workbook::ROW_LIMIT,
        }
        .into(),
    }
}

pub(super) fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

pub(super) fn is_blank_cells(cells: &[Cell]) -> bool {
    cells.iter().all(|c| c.text(false).trim().is_empty())
}

/// How a sheet's header was read: the long layout, or the mapping rules.
pub(super) fn sheet_layout<'m>(
    settings: &Settings<'m>,
    file: &str,
    header_line: u64,
    names: &[String],
) -> anyhow::Result<Sheet<'m>> {
    let duplicate = |name: &str, first: usize, second: usize| {
        let (file, name) = (file.to_string(), name.to_string());
        let (first, second, line) = (first + 1, second + 1, header_line);
        rejected(
            Message::DuplicateColumn {
                file,
                line,
                name,
                first,
                second,
            }
            .into(),
        )
    };
    match settings.mapping {
        Some(mapping) => {
            // A column the rules read, written twice: which one was meant is not known.
            for (index, name) in names.iter().enumerate() {
                let key = fold(name);
                if key.is_empty() || !mapping.columns().iter().any(|c| fold(c) == key) {
                    continue;
                }
                if let Some(second) = names[index + 1..].iter().position(|n| fold(n) == key) {
                    return Err(duplicate(name, index, index + 1 + second));
                }
            }
            let columns = mapping.resolve(names).map_err(|column| {
                rejected(
                    ImportMessage::MappingColumnMissing {
                        file: file.to_string(),
                        line: header_line,
                        found: clip(&names.join(" | "), 200),
                        column,
                    }
                    .into(),
                )
            })?;
            Ok(Sheet::Mapped(mapping, columns))
        }
        None => {
            let header = long::recognise(names).ok_or_else(|| {
                rejected(
                    ImportMessage::HeaderNotRecognised {
                        file: file.to_string(),
                        line: header_line,
                        found: clip(&names.join(" | "), 200),
                    }
                    .into(),
                )
            })?;
            // Two columns for one field ("Giá trị" and "Value"): the second is not ignored.
            for (at, (first, field)) in header.columns.iter().enumerate() {
                if let Some((second, _)) = header.columns[at + 1..].iter().find(|(_, f)| f == field)
                {
                    return Err(duplicate(&names[*second], *first, *second));
                }
            }
            Ok(Sheet::Long(header))
        }
    }
}

/// Where a sheet's problems are placed: the sheet (for a workbook) and its header's names,
/// with what the errors file needs to be written in the input's own layout.
pub(super) struct Place<'a> {
    pub(super) file: &'a str,
    pub(super) sheet: Option<&'a str>,
    pub(super) names: &'a [String],
    pub(super) header_line: u64,
    /// A CSV's encoding and delimiter; a workbook's rows are written as UTF-8 with `;`.
    pub(super) encoding: Encoding,
    pub(super) delimiter: u8,
    /// Whether lines end in CR LF.
    pub(super) crlf: bool,
}

/// Checks and records every row after the header, tallying what each did.
pub(super) fn read_rows(
    tx: &Transaction,
    rows: impl Iterator<Item = anyhow::Result<TextRow>>,
    layout: &Sheet,
    place: &Place,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<()> {
    // The first sheet read sets the errors file's layout, rows or not; a later sheet with
    // another header writes it only above a rejected row of its own.
    if let Some(errors) = tally.errors.as_deref_mut().filter(|e| e.layout.is_none()) {
        errors.header(place)?;
    }
    let mut above: BTreeMap<usize, String> = BTreeMap::new();
    for row in rows {
        let (line, mut cells) = row?;
        if is_blank(&cells) {
            continue;
        }
        let results: Vec<((String, String), Result<RowOutcome, RowError>)> = match layout {
            Sheet::Long(header) => {
                let row = match header.layout {
                    Layout::Measurements => {
                        measurement_row(tx, header, &cells, settings, import_id)
                    }
                    Layout::TaskStatuses => task_row(tx, header, &cells, settings, import_id),
                };
                vec![(row_key(header, &cells), row)]
            }
            Sheet::Mapped(mapping, columns) => {
                if mapping.skips(&cells) {
                    continue;
                }
                fill_down(mapping, columns, &mut cells, &mut above);
                mapped_entries(mapping, columns, &cells, settings)
                    .into_iter()
                    .map(|(key, entry)| {
                        (
                            key,
                            entry.and_then(|e| record_entry(tx, &e, settings, import_id)),
                        )
                    })
                    .collect()
            }
        };
        tally.counts.rows_read += 1;
        for (key, row) in results {
            if matches!(row, Ok(RowOutcome::Blank)) {
                tally.counts.blank += 1;
                continue;
            }
            // 200,000 unknown codes must not make a 200,000-row summary: past the limit, new
            // codes are counted together under "…".
            let key = if tally.by_code.len() < BY_CODE_KEPT || tally.by_code.contains_key(&key) {
                key
            } else {
                ("…".to_string(), String::new())
            };
            let entry = tally.by_code.entry(key).or_default();
            entry.rows_read += 1;
            let counts = &mut tally.counts;
            match row {
                Ok(RowOutcome::Imported) => {
                    counts.imported += 1;
                    entry.imported += 1;
                }
                Ok(RowOutcome::Unchanged) => {
                    counts.unchanged += 1;
                    entry.unchanged += 1;
                }
                Ok(RowOutcome::Corrected) => {
                    counts.corrected += 1;
                    entry.corrected += 1;
                }
                Ok(RowOutcome::Blank) => {}
                Err((column, message)) => {
                    counts.rejected += 1;
                    entry.rejected += 1;
                    let problem = Problem {
                        sheet: place.sheet.map(str::to_string),
                        line,
                        column: column.map(|c| c + 1),
                        field: column
                            .and_then(|c| place.names.get(c))
                            .map(|name| clip(name, ECHO_LIMIT)),
                        reason_vi: message.vi,
                        reason_en: message.en,
                    };
                    if let Some(errors) = tally.errors.as_deref_mut() {
                        errors.row(place, &cells, &problem)?;
                    }
                    if tally.problems.len() < PROBLEMS_KEPT {
                        tally.problems.push(problem);
                    } else {
                        tally.problems_more += 1;
                    }
                }
            }
        }
    }
    Ok(())
}

/// A progress bar over the file's bytes, drawn only on a terminal and for files worth it.
pub(super) fn progress_bar(bytes: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if bytes < 1_000_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(bytes);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// How the rows of a file are read.
pub(super) enum Sheet<'m> {
    /// The long layout, recognised by its header.
    Long(Header),
    /// A department's own layout, read by its mapping rules (column name → index).
    Mapped(&'m Mapping, BTreeMap<String, usize>),
}

impl Sheet<'_> {
    /// The layout's name in the summary.
    pub(super) fn name(&self) -> &'static str {
        match self {
            Sheet::Long(header) if header.layout == Layout::TaskStatuses => "task_statuses",
            Sheet::Long(_) => "measurements",
            Sheet::Mapped(..) => "mapped",
        }
    }

    /// The columns that hold dates, where a workbook's bare number is a date serial.
    pub(super) fn date_columns(&self) -> Vec<usize> {
        match self {
            Sheet::Long(header) => header.column(Field::Date).into_iter().collect(),
            Sheet::Mapped(mapping, columns) => match &mapping.date {
                Some(Source::Column(name)) => columns.get(name).copied().into_iter().collect(),
                _ => Vec::new(),
            },
        }
    }
}

/// Blank cells of the `fill_down` columns take the value above them (merged cells).
pub(super) fn fill_down(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &mut Vec<String>,
    above: &mut BTreeMap<usize, String>,
) {
    for name in &mapping.fill_down {
        let index = columns[name];
        if cells.len() <= index {
            cells.resize(index + 1, String::new());
        }
        if cells[index].trim().is_empty() {
            if let Some(value) = above.get(&index) {
                cells[index] = value.clone();
            }
        } else {
            above.insert(index, cells[index].clone());
        }
    }
}
