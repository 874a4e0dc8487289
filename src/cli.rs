//! The command line, defined once: every flag with its help, parsed into typed values.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::i18n::Lang;
use crate::output::Format;

/// Theo dõi Kế hoạch 118/KH-UBND trên một tệp SQLite (track Plan 118/KH-UBND in one SQLite file).
#[derive(Debug, Parser)]
#[command(name = "kehoach", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Tệp cơ sở dữ liệu (database file); mặc định $KEHOACH_DB, rồi thư mục dữ liệu của người dùng
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "KEHOACH_DB",
        hide_env_values = true
    )]
    pub db: Option<PathBuf>,

    /// Ngôn ngữ hiển thị (language): vi hoặc en; mặc định $KEHOACH_LANG, rồi vi
    #[arg(
        long,
        global = true,
        value_enum,
        env = "KEHOACH_LANG",
        hide_env_values = true
    )]
    pub lang: Option<Lang>,

    /// Độ rộng bảng, tính bằng ký tự (table width); mặc định: màn hình, rồi $COLUMNS, rồi 80
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tạo cơ sở dữ liệu và nạp kế hoạch (create the database and load the plan)
    Init(InitArgs),
    /// Xem kế hoạch đã nạp (show the plan as loaded)
    Plan(PlanArgs),
    /// Nhập một số liệu của chỉ tiêu (record one measurement)
    Record(RecordArgs),
    /// Xem một chỉ tiêu: mục tiêu, số liệu mới nhất, đạt/chưa đạt (show one indicator)
    Show(ShowArgs),
    /// Toàn bộ số liệu đã nhập và đính chính (every value and correction)
    History(HistoryArgs),
    /// Nhiệm vụ: xem và cập nhật trạng thái (tasks: list and change status)
    #[command(subcommand)]
    Task(TaskCommand),
    /// Các việc và chỉ tiêu quá hạn (tasks and indicator checkpoints past due)
    Overdue(OverdueArgs),
    /// Bảng tiến độ theo giai đoạn (phase-by-phase compliance)
    Report(ReportArgs),
    /// Báo cáo tuần cho lãnh đạo, chạy được bằng cron (the weekly report)
    Weekly(WeeklyArgs),
    /// Nhập số liệu và trạng thái nhiệm vụ từ CSV, .xlsx, .ods (import from CSV or workbooks)
    Import(ImportArgs),
    /// Lập mẫu biểu cho đơn vị điền số liệu: .xlsx hoặc .csv (templates for units to fill)
    Template(TemplateArgs),
    /// Báo cáo định kỳ theo thể thức văn bản hành chính: .docx, .md, .html (the periodic report)
    Baocao(BaocaoArgs),
    /// Xuất dữ liệu của phường cho thành phố tổng hợp: Parquet hoặc CSV (export for the city's roll-up)
    Export(ExportArgs),
    /// Kiểm tra tệp cơ sở dữ liệu (integrity check)
    Check(CheckArgs),
    /// Sao lưu khi đang dùng (consistent online backup)
    Backup(BackupArgs),
    /// Tạo tệp gợi ý lệnh cho shell (shell completions)
    Completions(CompletionsArgs),
    /// In trang hướng dẫn man (print the man page)
    Man,
}

/// `init`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Tệp kế hoạch TOML (seed file); mặc định: Kế hoạch 118/KH-UBND có sẵn
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
    /// Cho phép bỏ mục đã có số liệu: mục đó được giữ lại, đánh dấu ngừng dùng (retire items that hold data)
    #[arg(long)]
    pub force: bool,
}

/// What part of the plan to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanPart {
    /// Chỉ tiêu (indicators)
    Indicators,
    /// Nhiệm vụ (tasks)
    Tasks,
    /// Đơn vị (units)
    Units,
    /// Giai đoạn (phases)
    Phases,
}

/// The output format flag, shared by every listing.
#[derive(Debug, Args)]
pub struct FormatArg {
    /// Định dạng (output format)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// The as-of flag, shared by every command whose answer depends on today.
#[derive(Debug, Args)]
pub struct AsOfArg {
    /// Tính đến ngày (as of), dd/mm/yyyy hoặc yyyy-mm-dd; mặc định hôm nay
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub as_of: Option<NaiveDate>,
}

/// `plan`
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Phần cần xem (part); bỏ trống: các nội dung và giai đoạn
    #[arg(value_enum)]
    pub part: Option<PlanPart>,
    /// Chỉ một nội dung (only this content), ví dụ TT1
    #[arg(long, value_name = "C")]
    pub content: Option<String>,
    #[command(flatten)]
    pub as_of: AsOfArg,
    /// Định dạng (output format); toml: cả kế hoạch thành tệp kế hoạch (seed) để nạp lại
    #[arg(long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
}

/// `plan`'s formats: every listing format, and the whole plan written back as a seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// A table for people, wrapped to the terminal.
    Table,
    /// CSV with `;`, UTF-8 with BOM.
    Csv,
    /// JSON: the whole plan, or the part asked for.
    Json,
    /// A Markdown table.
    Md,
    /// The loaded plan as a seed that `init --seed` loads back to the same plan.
    Toml,
}

impl PlanFormat {
    /// The listing format, or `None` for a seed.
    pub fn listing(self) -> Option<Format> {
        match self {
            Self::Table => Some(Format::Table),
            Self::Csv => Some(Format::Csv),
            Self::Json => Some(Format::Json),
            Self::Md => Some(Format::Md),
            Self::Toml => None,
        }
    }
}

/// `record`
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Mã chỉ tiêu (indicator code), ví dụ TT1.01
    pub indicator: String,
    /// Giá trị (value): 95,5  95.5  95,5%  1.234.567  hoặc tử/mẫu 412/450
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// Đơn vị báo cáo (reporting unit); mặc định: đơn vị chủ trì chỉ tiêu
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Ngày của số liệu (date of the figure); mặc định hôm nay
    #[arg(long, value_name = "D", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Ghi chú; bắt buộc khi đính chính (note; the reason of a correction)
    #[arg(long, value_name = "T")]
    pub note: Option<String>,
    /// Người nhập (who records it); mặc định tên người dùng máy
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Đính chính số liệu đã có cùng ngày (correct the value already recorded for that day)
    #[arg(long)]
    pub correct: bool,
    /// Đây là số liệu mốc so sánh, ví dụ năm 2025 (this is the baseline figure)
    #[arg(long)]
    pub baseline: bool,
    /// Kỳ của số liệu cộng dồn: 11/2026, Q4/2026, 2026 hoặc 01/07/2026-15/07/2026
    /// (the period a flow's value covers)
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Xác nhận giá trị dưới 1 cho chỉ tiêu % (confirm a value below 1 for a percentage)
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub as_of: AsOfArg,
}

/// `show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Mã chỉ tiêu (indicator code)
    pub indicator: String,
    #[command(flatten)]
    pub as_of: AsOfArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// `history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Mã chỉ tiêu (indicator code); bỏ trống: tất cả
    pub indicator: Option<String>,
    /// Chỉ đơn vị này (only this unit)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Từ ngày (since)
    #[arg(long, value_name = "D", value_parser = parse_date_arg)]
    pub since: Option<NaiveDate>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// `task ...`
#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Danh sách nhiệm vụ với trạng thái (list tasks with their status)
    List(TaskListArgs),
    /// Bắt đầu thực hiện (mark started)
    Start(TaskChangeArgs),
    /// Hoàn thành (mark done)
    Done(TaskChangeArgs),
    /// Mở lại (reopen)
    Reopen(TaskChangeArgs),
    /// Hủy (cancel)
    Cancel(TaskChangeArgs),
    /// Nhật ký thay đổi của một nhiệm vụ (a task's log)
    Log(TaskLogArgs),
}

/// `task list`
#[derive(Debug, Args)]
pub struct TaskListArgs {
    /// Chỉ một nội dung (only this content)
    #[arg(long, value_name = "C")]
    pub content: Option<String>,
    /// Chỉ đơn vị chủ trì này (only tasks this unit leads)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Chỉ trạng thái này (only this status)
    #[arg(long, value_enum, value_name = "S")]
    pub status: Option<TaskStatusArg>,
    #[command(flatten)]
    pub as_of: AsOfArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// A task status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskStatusArg {
    /// Chưa bắt đầu (chua-bat-dau)
    #[value(alias = "chua-bat-dau", alias = "chưa-bắt-đầu")]
    NotStarted,
    /// Đang làm (dang-lam)
    #[value(alias = "dang-lam", alias = "đang-làm", alias = "dang-thuc-hien")]
    InProgress,
    /// Hoàn thành (hoan-thanh)
    #[value(alias = "hoan-thanh", alias = "hoàn-thành", alias = "xong")]
    Done,
    /// Hủy (huy)
    #[value(alias = "huy", alias = "hủy", alias = "huỷ")]
    Cancelled,
    /// Quá hạn (qua-han): past its deadline and not done
    #[value(alias = "qua-han", alias = "quá-hạn")]
    Overdue,
}

/// `task start|done|reopen|cancel`
#[derive(Debug, Args)]
pub struct TaskChangeArgs {
    /// Mã nhiệm vụ (task code), ví dụ TT1.T01
    pub task: String,
    /// Ngày (date of the change); mặc định hôm nay
    #[arg(long, value_name = "D", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Ghi chú (note)
    #[arg(long, value_name = "T")]
    pub note: Option<String>,
    /// Người nhập (who)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    #[command(flatten)]
    pub as_of: AsOfArg,
}

/// `task log`
#[derive(Debug, Args)]
pub struct TaskLogArgs {
    /// Mã nhiệm vụ (task code)
    pub task: String,
    #[command(flatten)]
    pub format: FormatArg,
}

/// `overdue`
#[derive(Debug, Args)]
pub struct OverdueArgs {
    /// Chỉ đơn vị này (only this unit)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Chỉ nội dung này (only this content)
    #[arg(long, value_name = "C")]
    pub content: Option<String>,
    /// Thêm các việc đến hạn trong N ngày tới (add what falls due in the next N days)
    #[arg(long, value_name = "N")]
    pub due_within: Option<u32>,
    /// Thêm các việc có nguy cơ trễ hạn theo dự báo hoặc tiến độ (add items at risk)
    #[arg(long)]
    pub at_risk: bool,
    #[command(flatten)]
    pub as_of: AsOfArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// `report`
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Xem chi tiết một nội dung (drill down into one content)
    #[arg(long, value_name = "C")]
    pub content: Option<String>,
    /// Chỉ giai đoạn này (only this phase), 1..5
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub phase: Option<u8>,
    /// Theo đơn vị chịu trách nhiệm (by responsible unit)
    #[arg(long, value_enum, value_name = "unit")]
    pub by: Option<ReportBy>,
    #[command(flatten)]
    pub as_of: AsOfArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// How `report` groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportBy {
    /// Theo đơn vị (by responsible unit)
    Unit,
}

/// `weekly`
#[derive(Debug, Args)]
pub struct WeeklyArgs {
    /// Định dạng (format): text, md, html, csv (bảng tiến độ), json
    #[arg(long, value_enum, default_value_t = WeeklyFormat::Text)]
    pub format: WeeklyFormat,
    /// Ghi vào tệp (write to this file, whole or not at all)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Ghi thời điểm lập báo cáo (add the time it was made; otherwise the same data give the same bytes)
    #[arg(long)]
    pub stamp: bool,
    #[command(flatten)]
    pub as_of: AsOfArg,
}

/// `template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Đơn vị (unit), hoặc «all»: mỗi đơn vị một mẫu; bỏ trống: một mẫu chung cho mọi đơn vị
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Chỉ một nội dung (only this content), ví dụ TT1
    #[arg(long, value_name = "C")]
    pub content: Option<String>,
    /// Kỳ báo cáo (period): tuần hoặc tháng trọn vẹn gần nhất kết thúc trước ngày --as-of; số liệu tính đến ngày cuối kỳ
    #[arg(long, value_enum, default_value_t = TemplatePeriod::Month)]
    pub period: TemplatePeriod,
    #[command(flatten)]
    pub as_of: AsOfArg,
    /// Ghi vào tệp .xlsx hoặc .csv, hoặc vào thư mục DIR/ (một tệp mỗi đơn vị); mặc định: CSV ra màn hình
    #[arg(long, value_name = "FILE|DIR/")]
    pub out: Option<PathBuf>,
}

/// `baocao`
#[derive(Debug, Args)]
pub struct BaocaoArgs {
    /// Kỳ báo cáo (period): kỳ trọn vẹn gần nhất kết thúc trước ngày --as-of
    #[arg(long, value_enum, default_value_t = BaocaoPeriod::Month)]
    pub period: BaocaoPeriod,
    #[command(flatten)]
    pub as_of: AsOfArg,
    /// Số của báo cáo (number), ví dụ 25 hoặc 25/BC-UBND; bỏ trống: để chỗ điền tay
    #[arg(long, value_name = "SỐ")]
    pub so: Option<String>,
    /// Ghi vào tệp .docx, .md hoặc .html; mặc định: Markdown ra màn hình
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Ghi đè tệp --out đã có (overwrite an existing --out file)
    #[arg(long)]
    pub force: bool,
}

/// A periodic report's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BaocaoPeriod {
    /// Tháng trước, thang (the previous month)
    #[value(alias = "thang", alias = "tháng")]
    Month,
    /// Quý trước, quy (the previous quarter)
    #[value(alias = "quy", alias = "quý")]
    Quarter,
    /// 6 tháng trước, 6-thang (the previous half-year)
    #[value(
        alias = "6-thang",
        alias = "6-tháng",
        alias = "nua-nam",
        alias = "nửa-năm"
    )]
    Half,
    /// Năm trước, nam (the previous year)
    #[value(alias = "nam", alias = "năm")]
    Year,
    /// Giai đoạn vừa kết thúc của từng nội dung, giai-doan (each content's latest finished phase)
    #[value(alias = "giai-doan", alias = "giai-đoạn")]
    Phase,
}

/// A template's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplatePeriod {
    /// Tuần, thứ Hai đến Chủ nhật, tuan (week, Monday to Sunday)
    #[value(alias = "tuan", alias = "tuần")]
    Week,
    /// Tháng, thang (calendar month)
    #[value(alias = "thang", alias = "tháng")]
    Month,
}

/// The weekly report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WeeklyFormat {
    Text,
    Md,
    Html,
    Csv,
    Json,
}

/// `import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Các tệp CSV (dấu phân cách ; , hoặc tab; UTF-8, UTF-16 hoặc Windows-1258) hoặc bảng tính .xlsx, .xls, .ods
    #[arg(value_name = "FILE", required_unless_present = "log")]
    pub files: Vec<PathBuf>,
    /// Chỉ kiểm tra, không ghi gì (validate only, write nothing)
    #[arg(long)]
    pub dry_run: bool,
    /// Tệp quy tắc cho bảng tính theo mẫu riêng của phòng ban (mapping rules for a department layout)
    #[arg(long, value_name = "RULES")]
    pub map: Option<PathBuf>,
    /// Đơn vị cho các dòng không ghi đơn vị (unit for rows without one)
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Ngày cho các dòng không ghi ngày (date for rows without one)
    #[arg(long, value_name = "D", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Ghi các dòng bị từ chối kèm lý do vào tệp CSV này (write rejected rows with the reason)
    #[arg(long, value_name = "OUT.csv")]
    pub errors: Option<PathBuf>,
    /// Ghi đè tệp --errors đã có (replace an existing --errors file)
    #[arg(long)]
    pub force: bool,
    /// Nhập các dòng hợp lệ, báo các dòng lỗi (import the good rows, report the rest)
    #[arg(long)]
    pub skip_invalid: bool,
    /// Cho phép đính chính số liệu đã có (allow corrections of stored values)
    #[arg(long)]
    pub correct: bool,
    /// Mã hóa của tệp (file encoding): utf-8, utf-16le, utf-16be, windows-1258; mặc định tự nhận
    #[arg(long, value_name = "NAME", value_parser = parse_encoding_arg)]
    pub encoding: Option<crate::input::decode::Encoding>,
    /// Người nhập (who imports)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Xem nhật ký các lần nhập (list past imports)
    #[arg(long)]
    pub log: bool,
    #[command(flatten)]
    pub as_of: AsOfArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Parses an encoding name.
fn parse_encoding_arg(text: &str) -> Result<crate::input::decode::Encoding, String> {
    crate::input::decode::parse_encoding_name(text)
        .ok_or_else(|| format!("mã hóa không hỗ trợ / unsupported encoding: {text} (utf-8, utf-16le, utf-16be, windows-1258)"))
}

/// `check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Tính lại các bảng tổng hợp từ số liệu đã ghi (make the kept summaries again from the
    /// recorded values)
    #[arg(long)]
    pub repair: bool,
}

/// `backup`
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Tệp sao lưu mới (the new backup file); không ghi đè tệp đã có
    pub file: PathBuf,
}

/// `completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell, elvish
    pub shell: clap_complete::Shell,
}

/// A command-line date that is not a day: bad data (exit 3), not a usage error, so `main`
/// finds it behind clap's error and says why in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct DateArgError {
    pub text: String,
    pub error: crate::input::date::DateError,
}

impl std::fmt::Display for DateArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            &crate::output::refusals::InputRefusal::Date(self.error.clone()).render(Lang::En),
        )
    }
}

impl std::error::Error for DateArgError {}

/// `export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Định dạng tệp (file format)
    #[arg(long, value_enum)]
    pub format: crate::output::export::ExportFormat,
    /// Thư mục xuất (output folder): DIR/<tập dữ liệu>/ward=<MÃ>/part-0.parquet
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Mã phường (ward code); mặc định ward_code trong [plan] của tệp kế hoạch
    #[arg(long, value_name = "CODE")]
    pub ward: Option<String>,
    #[command(flatten)]
    pub as_of: AsOfArg,
}

/// Parses a command-line date: dd/mm/yyyy or ISO.
fn parse_date_arg(text: &str) -> Result<NaiveDate, DateArgError> {
    crate::input::date::parse_date(text).map_err(|error| DateArgError {
        text: text.to_string(),
        error,
    })
}

/// The environment variables that stand for flags: (the flag's id, the variable).
const FLAG_VARIABLES: [(&str, &str); 2] = [("db", "KEHOACH_DB"), ("lang", "KEHOACH_LANG")];

/// Parses the command line. A variable that is set but empty (`KEHOACH_LANG=`) means not set,
/// as in a shell: clap would take it as an empty value and refuse every command.
pub fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    for (flag, variable) in FLAG_VARIABLES {
        if std::env::var_os(variable).is_some_and(|value| value.is_empty()) {
            command = command.mut_arg(flag, |arg| arg.env(None::<&'static str>));
        }
    }
    let mut matches = command.try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|error| error.format(&mut Cli::command()))
}

/// The language asked for before clap has parsed anything (its errors must be in it too):
/// `--lang X` or `--lang=X` anywhere before `--`, else `$KEHOACH_LANG`, else Vietnamese.
pub fn prescan_lang(args: &[std::ffi::OsString]) -> Lang {
    let parse = |text: &str| match text.trim().to_ascii_lowercase().as_str() {
        "en" => Some(Lang::En),
        "vi" => Some(Lang::Vi),
        _ => None,
    };
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            if let Some(lang) = words.next().and_then(|w| parse(&w)) {
                return lang;
            }
        } else if let Some(lang) = word.strip_prefix("--lang=").and_then(parse) {
            return lang;
        }
    }
    std::env::var("KEHOACH_LANG")
        .ok()
        .and_then(|l| parse(&l))
        .unwrap_or_default()
}
