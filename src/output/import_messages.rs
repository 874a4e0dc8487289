//! Messages of `import`: mapping rules, files and workbooks that cannot be read, headers not
//! recognised, templates from another plan, rows refused, and where in a workbook a row is.
//! Typed values in, a sentence in either language out.

use chrono::NaiveDate;

use crate::output::clerk;
use crate::output::lang::say;
use crate::output::lang::Lang;

/// Everything `import` says, but the problems shared with other commands (`problems.rs`) and
/// the reasons a value or a date is refused (`refusals.rs`, `records.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportMessage {
    /// Mapping rules that are not valid TOML for a mapping.
    RulesInvalid { path: String, message: String },
    /// Mapping rules that say nowhere where the values are.
    RulesWithoutValue { path: String },
    /// A rules file that cannot be read.
    RulesUnreadable { path: String, error: String },
    /// A file that cannot be read.
    FileUnreadable { path: String, error: String },
    /// A CSV without a header row.
    CsvEmpty { file: String },
    /// A CSV the reader cannot parse.
    CsvBroken { file: String, error: String },
    /// A header that names no known layout.
    HeaderNotRecognised {
        file: String,
        line: u64,
        found: String,
    },
    /// A mapping naming a column the header lacks.
    MappingColumnMissing {
        file: String,
        line: u64,
        found: String,
        column: String,
    },
    /// A workbook the reader cannot open.
    WorkbookUnreadable { file: String, reason: String },
    /// The mapping's sheet is not in the workbook.
    SheetMissing {
        file: String,
        sheet: String,
        sheets: String,
    },
    /// A workbook with nothing in it.
    WorkbookEmpty { file: String },
    /// A template made for another plan.
    TemplateOtherPlan {
        file: String,
        theirs: String,
        ours: String,
    },
    /// A template made before the plan was amended; `as_of` is the day to make a new one for.
    TemplateOldVersion {
        file: String,
        unit: String,
        as_of: NaiveDate,
    },
    /// A template made by a newer kehoach.
    TemplateNewerLayout { file: String, layout: u32 },
    /// A required cell that is empty: its name, from the labels' `CELL_*`.
    CellMissing { cell: (&'static str, &'static str) },
    /// A row without an indicator code.
    IndicatorMissing,
    /// Mapping rules without a date, and no --date.
    MappingWithoutDate,
    /// A mapped row without a date.
    DateMissing,
    /// An import refused because of bad rows (listed under it).
    RowsRejected { count: u64 },
    /// The rows left blank, skipped.
    RowsBlank { count: i64 },
    /// Where a workbook row's problem is: "so-lieu.xlsx [Chỉ tiêu] ô G7 (Giá trị)".
    CellPlace {
        file: String,
        sheet: String,
        /// The column's letters, when the problem is in one cell.
        column: Option<String>,
        row: u64,
        field: Option<String>,
    },
}

impl ImportMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use ImportMessage::*;
        match self {
            RulesInvalid { path, message } => say!(lang,
                "Tệp quy tắc {path} không hợp lệ: {message}",
                "The rules file {path} is not valid: {message}"
            ),
            RulesWithoutValue { path } => say!(lang,
                "Tệp quy tắc {path} không nói giá trị nằm ở đâu: thêm value = {{ column = \"...\" }} hoặc [fan_out]",
                "The rules file {path} says nowhere where the values are: add value = {{ column = \"...\" }} or [fan_out]"
            ),
            RulesUnreadable { path, error } => say!(lang,
                "Không đọc được tệp quy tắc {path}: {error}",
                "Cannot read the rules file {path}: {error}"
            ),
            FileUnreadable { path, error } => say!(lang,
                "Không đọc được tệp {path}: {error}",
                "Cannot read {path}: {error}"
            ),
            CsvEmpty { file } => say!(lang,
                "{file}: tệp trống, không có dòng tiêu đề",
                "{file}: the file is empty, no header row"
            ),
            CsvBroken { file, error } => say!(lang, "{file}: CSV hỏng: {error}", "{file}: broken CSV: {error}"),
            HeaderNotRecognised { file, line, found } => say!(lang,
                "{file}:{line}: không nhận ra dòng tiêu đề «{found}». Cần các cột: Mã chỉ tiêu; Đơn vị; Ngày; Giá trị (hoặc Mã nhiệm vụ; Trạng thái; Ngày), hoặc một tệp quy tắc --map",
                "{file}:{line}: header not recognised \"{found}\". Expected columns: indicator; unit; date; value (or task; status; date), or a --map rules file"
            ),
            MappingColumnMissing { file, line, found, column } => say!(lang,
                "{file}:{line}: dòng tiêu đề «{found}» không có cột «{column}» mà tệp quy tắc nêu: kiểm tra header_row và tên cột",
                "{file}:{line}: the header \"{found}\" has no column \"{column}\" that the rules name: check header_row and the column names"
            ),
            WorkbookUnreadable { file, reason } => say!(lang,
                "{file}: không đọc được bảng tính ({reason}). Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại",
                "{file}: the workbook cannot be read ({reason}). Open it in Excel or LibreOffice, save it as .xlsx and import again"
            ),
            SheetMissing { file, sheet, sheets } => say!(lang,
                "{file}: không có trang «{sheet}»; các trang có: {sheets}",
                "{file}: no sheet \"{sheet}\"; the sheets are: {sheets}"
            ),
            WorkbookEmpty { file } => say!(lang,
                "{file}: bảng tính trống, không trang nào có dòng tiêu đề",
                "{file}: the workbook is empty, no sheet has a header row"
            ),
            TemplateOtherPlan { file, theirs, ours } => say!(lang,
                "{file}: mẫu này lập cho Kế hoạch {theirs}, cơ sở dữ liệu đang theo dõi Kế hoạch {ours}",
                "{file}: this template is for plan {theirs}; the database tracks plan {ours}"
            ),
            TemplateOldVersion { file, unit, as_of } => say!(lang,
                "{file}: mẫu này lập theo một phiên bản cũ của kế hoạch (trước khi kế hoạch được nạp lại); các chỉ tiêu có thể đã đổi. Lập mẫu mới bằng «kehoach template --unit {unit} --as-of {as_of}» và gửi lại đơn vị",
                "{file}: this template was made from an older version of the plan (before it was reloaded); its indicators may have changed. Make a new one with \"kehoach template --unit {unit} --as-of {as_of}\" and send it to the unit again",
                as_of = lang.date(*as_of)
            ),
            TemplateNewerLayout { file, layout } => say!(lang,
                "{file}: mẫu này do một phiên bản kehoach mới hơn lập (kiểu mẫu {layout}); hãy cập nhật kehoach",
                "{file}: this template was made by a newer kehoach (layout {layout}); update kehoach"
            ),
            CellMissing { cell } => say!(lang, "thiếu {name}", "{name} is missing", name = lang.pick(*cell)),
            IndicatorMissing => say!(lang, "thiếu mã chỉ tiêu", "the indicator code is missing"),
            MappingWithoutDate => say!(lang,
                "thiếu ngày: thêm date vào tệp quy tắc hoặc dùng --date",
                "no date: add date to the rules or use --date"
            ),
            DateMissing => say!(lang, "thiếu ngày", "the date is missing"),
            RowsRejected { count } => say!(lang,
                "{count} dòng bị từ chối; tệp có lỗi không được nhập, chưa ghi gì từ tệp đó. Sửa các dòng dưới đây rồi nhập lại (hoặc dùng --skip-invalid để nhập các dòng đúng):",
                "{rows} rejected; a file with errors is not imported, nothing of it was written. Fix the rows below and import again (or use --skip-invalid to import the good rows):",
                rows = clerk::count(lang, *count as i64, ("dòng", "row"), ("dòng", "rows"))
            ),
            RowsBlank { count } => say!(lang,
                "{count} dòng để trống giá trị (hoặc trạng thái): bỏ qua",
                "{rows} with no value (or status): skipped",
                rows = clerk::count(lang, *count, ("dòng", "row"), ("dòng", "rows"))
            ),
            CellPlace { file, sheet, column, row, field } => {
                let field = field.as_ref().map(|f| format!(" ({f})")).unwrap_or_default();
                match column {
                    Some(column) => say!(lang,
                        "{file} [{sheet}] ô {column}{row}{field}",
                        "{file} [{sheet}] cell {column}{row}{field}"
                    ),
                    None => say!(lang, "{file} [{sheet}] dòng {row}", "{file} [{sheet}] row {row}"),
                }
            }
        }
    }
}

crate::output::lang::in_both_languages!(ImportMessage);
