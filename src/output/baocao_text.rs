//! The periodic report (`baocao`): its headings, table columns and placeholders, and its
//! sentences as typed messages rendered in either language. The decree's fixed blocks (motto,
//! "Số:", place and date, abstract) are in `protocol.rs`.

use chrono::NaiveDate;

use crate::output::labels;
use crate::output::lang::say;
use crate::output::lang::Lang;
use crate::output::periods::period_name;
use crate::plan::compliance::Tally;
use crate::plan::measure::Status;
use crate::plan::period::Period;

// ---- Headings, columns and placeholders -----------------------------------------------------------

crate::output::lang::labels! {
    BAOCAO_LABELS;

    BAOCAO_RESULTS = ("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS");
    BAOCAO_ASSESSMENT = ("II. ĐÁNH GIÁ CHUNG", "II. OVERALL ASSESSMENT");
    BAOCAO_NEXT = ("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "III. TASKS FOR THE NEXT PERIOD");
    BAOCAO_NEXT_PHASE = ("giai đoạn tiếp theo", "the next phase");
    BAOCAO_NOTHING_OVERDUE = (
        "Không có nhiệm vụ hay chỉ tiêu nào quá hạn.",
        "No task or indicator is overdue.",
    );
    BAOCAO_OVERDUE_CAPTION = ("Việc quá hạn theo đơn vị chủ trì", "Overdue items by lead unit");
    BAOCAO_ASSESSMENT_PLACEHOLDER = (
        "[Văn phòng HĐND-UBND bổ sung: những kết quả nổi bật; tồn tại, hạn chế và nguyên nhân; đơn vị làm tốt, đơn vị còn chậm.]",
        "[To be written by the Office: notable results; shortcomings and their causes; units that did well, units that are behind.]",
    );
    BAOCAO_NEXT_PLACEHOLDER = (
        "[Văn phòng HĐND-UBND bổ sung: giải pháp, kiến nghị, đề xuất.]",
        "[To be written by the Office: measures, recommendations, proposals.]",
    );
}

/// The columns of section II's table of overdue items by lead unit.
pub const BAOCAO_OVERDUE_COLUMNS: [(&str, &str); 3] =
    [("Đơn vị", "Unit"), ("Số việc", "Items"), ("Mã", "Codes")];
/// The columns of a content's indicator table in section I.
pub const BAOCAO_INDICATOR_COLUMNS: [(&str, &str); 7] = [
    ("Mã", "Code"),
    ("Chỉ tiêu", "Indicator"),
    ("Mục tiêu", "Target"),
    ("Hạn", "Deadline"),
    ("Kết quả", "Reached"),
    ("Cùng kỳ", "Same period before"),
    ("Đánh giá", "Assessment"),
];
/// The columns of section III's table of what falls due next.
pub const BAOCAO_NEXT_COLUMNS: [(&str, &str); 4] = [
    ("Mã", "Code"),
    ("Nội dung", "Item"),
    ("Chủ trì", "Lead"),
    ("Hạn", "Due"),
];

/// A sentence or caption of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum BaocaoText {
    /// The first sentence: the plan it answers to, the period (or each content's latest finished
    /// phase) and the day its figures stand on.
    Opening {
        plan_number: String,
        plan_date: NaiveDate,
        issuer: String,
        period: Option<Period>,
    },
    /// "Bảng 3. …".
    TableCaption { number: usize, text: String },
    /// The caption of a content's indicator table.
    IndicatorsCaption { content: String, day: NaiveDate },
    /// The phase a content is reported at, in a report by phase.
    PhaseLine {
        number: u8,
        name: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// The tasks of a content in one sentence.
    TasksLine {
        on_time: usize,
        late: usize,
        overdue: Vec<String>,
        open: usize,
    },
    /// The phase grid's caption: judged at the end of one day, or each content at the end of
    /// its own latest finished phase.
    PhasesCaption { day: Option<NaiveDate> },
    /// The overall rate under the phase grid, from the grid's own total.
    OverallLine { tally: Tally },
    /// An indicator's standing against its final target before that target falls due.
    StandingBeforeDeadline { status: Status },
    /// What went well and what is behind among the indicators of section I.
    IndicatorsLine {
        met: Vec<String>,
        not_met: Vec<String>,
        total: usize,
    },
    /// The caption of section III's table: the next period, or the next phase.
    NextCaption { next: Option<Period> },
    /// Section III when nothing falls due in the next period (or phase).
    NothingNext { next: Option<Period> },
    /// `baocao --out` with an extension it cannot write.
    OutUnknown { path: String },
    /// A report period that ended before the plan began.
    BeforePlan { period: Period, start: NaiveDate },
    /// `--period phase` before any phase has ended.
    NoPhaseEnded { today: NaiveDate },
}

impl BaocaoText {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        use BaocaoText::*;
        let next_name = |next: &Option<Period>| match next {
            Some(period) => period_name(lang, period),
            None => lang.pick(BAOCAO_NEXT_PHASE).to_string(),
        };
        match self {
            Opening { plan_number, plan_date, issuer, period } => {
                // As in the abstract: "ngày 30/5/2026".
                let date = plan_date.format("%-d/%-m/%Y");
                match period {
                    Some(p) => say!(lang,
                        "Thực hiện Kế hoạch số {plan_number} ngày {date}, {issuer} báo cáo kết quả thực hiện {name} (từ ngày {start} đến ngày {end}) như sau:",
                        "Under Plan No. {plan_number} of {date}, {issuer} reports the results for {name} ({start} to {end}) as follows:",
                        name = period_name(lang, p),
                        start = lang.date(p.start),
                        end = lang.date(p.end)
                    ),
                    None => say!(lang,
                        "Thực hiện Kế hoạch số {plan_number} ngày {date}, {issuer} báo cáo kết quả thực hiện đến hết giai đoạn vừa kết thúc của từng nội dung (số liệu tính đến ngày kết thúc giai đoạn, ghi ở từng nội dung) như sau:",
                        "Under Plan No. {plan_number} of {date}, {issuer} reports the results up to the end of each content's latest finished phase (figures as of that day, given under each content) as follows:"
                    ),
                }
            }
            TableCaption { number, text } => say!(lang, "Bảng {number}. {text}", "Table {number}. {text}"),
            IndicatorsCaption { content, day } => say!(lang,
                "Kết quả các chỉ tiêu của {content} đến hết ngày {day}",
                "{content}'s indicators at the end of {day}",
                day = lang.date(*day)
            ),
            PhaseLine { number, name, start, end } => say!(lang,
                "Giai đoạn {number} ({name}): {start} - {end}.",
                "Phase {number} ({name}): {start} - {end}.",
                start = lang.date(*start),
                end = lang.date(*end)
            ),
            TasksLine { on_time, late, overdue, open } => say!(lang,
                "Nhiệm vụ: {on_time} hoàn thành đúng hạn, {late} hoàn thành trễ hạn, {count} quá hạn chưa hoàn thành{codes}, {open} chưa đến hạn.",
                "Tasks: {on_time} done on time, {late} done late, {count} overdue{codes}, {open} not yet due.",
                count = overdue.len(),
                codes = if overdue.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", overdue.join(", "))
                }
            ),
            PhasesCaption { day: Some(day) } => say!(lang,
                "Tỷ lệ hoàn thành theo nội dung và giai đoạn, đến hết ngày {day}",
                "Compliance by content and phase, at the end of {day}",
                day = lang.date(*day)
            ),
            PhasesCaption { day: None } => say!(lang,
                "Tỷ lệ hoàn thành theo nội dung và giai đoạn, mỗi nội dung đến hết giai đoạn vừa kết thúc",
                "Compliance by content and phase, each content at the end of its latest finished phase"
            ),
            OverallLine { tally } => {
                let (met, due, late, overdue) =
                    (tally.items_met, tally.items_due, tally.items_late, tally.items_overdue);
                match tally.compliance_pct() {
                    Some(pct) => say!(lang,
                        "Tính chung, {met}/{due} nhiệm vụ và chỉ tiêu đã đến hạn đạt đúng hạn ({rate}); {late} đạt nhưng trễ hạn; {overdue} quá hạn chưa đạt.",
                        "Overall, {met} of {due} tasks and indicator targets due {were} met on time ({rate}); {late} {late_were} met late; {overdue} {are} overdue.",
                        rate = lang.percent((pct * 10.0).round() / 10.0),
                        were = agree(met, "was", "were"),
                        late_were = agree(late, "was", "were"),
                        are = agree(overdue, "is", "are")
                    ),
                    None => say!(lang,
                        "Chưa có nhiệm vụ hay chỉ tiêu nào đến hạn.",
                        "No task or indicator target is due yet."
                    ),
                }
            }
            StandingBeforeDeadline { status } => say!(lang,
                "chưa đến hạn; hiện {now}",
                "not yet due; now {now}",
                now = labels::status(lang, *status)
            ),
            IndicatorsLine { met, not_met, total } => {
                let list = |codes: &[String]| {
                    if codes.is_empty() {
                        lang.pick(("không có", "none")).to_string()
                    } else {
                        codes.join(", ")
                    }
                };
                let unknown = total - met.len() - not_met.len();
                let (m, n) = (met.len(), not_met.len());
                let (met, not_met) = (list(met), list(not_met));
                say!(lang,
                    "Về chỉ tiêu: {m}/{total} chỉ tiêu đạt mục tiêu ({met}); {n} chỉ tiêu chưa đạt ({not_met}); {unknown} chỉ tiêu chưa có số liệu hoặc mốc so sánh.",
                    "Indicators: {m} of {total} {meet} ({met}); {n} {do_not} ({not_met}); {unknown} {have} no figure or baseline yet.",
                    meet = agree(m, "meets its target", "meet their target"),
                    do_not = agree(n, "does not", "do not"),
                    have = agree(unknown, "has", "have")
                )
            }
            NextCaption { next } => say!(lang,
                "Nhiệm vụ và chỉ tiêu đến hạn trong {name}",
                "Tasks and indicator targets due in {name}",
                name = next_name(next)
            ),
            NothingNext { next } => say!(lang,
                "Không có nhiệm vụ hay chỉ tiêu nào đến hạn trong {name}.",
                "No task or indicator target falls due in {name}.",
                name = next_name(next)
            ),
            OutUnknown { path } => say!(lang,
                "Không biết ghi báo cáo ra {path}: dùng tên tệp .docx, .md hoặc .html",
                "Cannot write the report to {path}: use a .docx, .md or .html file name"
            ),
            BeforePlan { period, start } => say!(lang,
                "Kỳ báo cáo {period} kết thúc trước khi kế hoạch bắt đầu ({start}): chọn --as-of muộn hơn hoặc một kỳ khác",
                "The report period {period} ends before the plan began ({start}): choose a later --as-of or another period",
                period = crate::output::periods::period_text(lang, period),
                start = lang.date(*start)
            ),
            NoPhaseEnded { today } => say!(lang,
                "Đến ngày {today} chưa có giai đoạn nào kết thúc: chưa có gì để báo cáo theo giai đoạn",
                "No phase has ended by {today}: nothing to report by phase yet",
                today = lang.date(*today)
            ),
        }
    }
}

crate::output::lang::in_both_languages!(BaocaoText);

/// The English verb that agrees with a count: "1 is", "2 are".
fn agree(n: usize, one: &'static str, other: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        other
    }
}
