//! `kehoach task`: list tasks with their status, and record status changes as events.

use serde::Serialize;

use crate::cli::{TaskChangeArgs, TaskCommand, TaskListArgs, TaskLogArgs, TaskStatusArg};
use crate::commands::{as_of, content_filter, find_task, recorder, unit_filter, Context};
use crate::error::rejected;
use crate::input::text::nfc;
use crate::output::clerk;
use crate::output::i18n;
use crate::output::records::RecordMessage;
use crate::output::reports::ReportMessage;
use crate::output::verdicts::task_event_refused;
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{check_task_event, task_state, TaskAction, TaskEvent, TaskStatus};
use crate::store::records::{insert_task_event, task_events, task_events_of, NewTaskEvent};

/// Runs `task ...`.
pub fn run(context: &Context, command: TaskCommand) -> anyhow::Result<()> {
    match command {
        TaskCommand::List(args) => list(context, args),
        TaskCommand::Log(args) => log(context, args),
        TaskCommand::Start(args) => change(context, args, TaskAction::Start),
        TaskCommand::Done(args) => change(context, args, TaskAction::Done),
        TaskCommand::Reopen(args) => change(context, args, TaskAction::Reopen),
        TaskCommand::Cancel(args) => change(context, args, TaskAction::Cancel),
    }
}

#[derive(Serialize)]
struct TaskRow<'a> {
    code: &'a str,
    content: &'a str,
    phase: u8,
    text: &'a str,
    lead: &'a str,
    cooperating: &'a [String],
    deadline: chrono::NaiveDate,
    status: &'static str,
    done_on: Option<chrono::NaiveDate>,
    /// Days past the deadline: of an open task as of the day, of a done task when it was done.
    days_late: i64,
}

fn list(context: &Context, args: TaskListArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let content = content_filter(&plan, args.content.as_deref())?;
    let unit = unit_filter(&plan, args.unit.as_deref())?;
    let events = task_events(store.conn())?;
    let mut rows = Vec::new();
    for (c, task) in plan.tasks() {
        if content.is_some_and(|only| only.code != c.code)
            || unit.is_some_and(|u| u.code != task.lead)
        {
            continue;
        }
        let (status, done_on) = task_state(
            events.get(&task.code).map(Vec::as_slice).unwrap_or(&[]),
            today,
        );
        let days_late = match (status, done_on) {
            (TaskStatus::Done, Some(on)) => (on - task.deadline).num_days().max(0),
            (TaskStatus::Cancelled, _) => 0,
            _ => (today - task.deadline).num_days().max(0),
        };
        let keep = match args.status {
            None => true,
            Some(TaskStatusArg::Overdue) => {
                !matches!(status, TaskStatus::Done | TaskStatus::Cancelled) && days_late > 0
            }
            Some(TaskStatusArg::NotStarted) => status == TaskStatus::NotStarted,
            Some(TaskStatusArg::InProgress) => status == TaskStatus::InProgress,
            Some(TaskStatusArg::Done) => status == TaskStatus::Done,
            Some(TaskStatusArg::Cancelled) => status == TaskStatus::Cancelled,
        };
        if keep {
            rows.push((
                TaskRow {
                    code: &task.code,
                    content: &c.code,
                    phase: task.phase,
                    text: &task.text,
                    lead: &task.lead,
                    cooperating: &task.cooperating,
                    deadline: task.deadline,
                    status: status.as_str(),
                    done_on,
                    days_late,
                },
                status,
            ));
        }
    }
    if args.format.format == Format::Json {
        let rows: Vec<&TaskRow> = rows.iter().map(|(row, _)| row).collect();
        return output::print(&output::json(&rows));
    }
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::PHASE),
        lang.pick(i18n::TEXT),
        lang.pick(i18n::LEAD),
        lang.pick(i18n::DEADLINE),
        lang.pick(i18n::STATUS),
    ]);
    let mut csv_rows = Vec::new();
    for (row, status) in &rows {
        csv_rows.push(vec![
            row.code.to_string(),
            row.phase.to_string(),
            row.text.to_string(),
            row.lead.to_string(),
            lang.date(row.deadline),
            i18n::task_status(lang, *status).to_string(),
            row.done_on.map(|on| lang.date(on)).unwrap_or_default(),
            if row.days_late > 0 {
                row.days_late.to_string()
            } else {
                String::new()
            },
        ]);
        let mut shown = i18n::task_status(lang, *status).to_string();
        if let Some(on) = row.done_on {
            shown.push_str(&format!(" {}", lang.date(on)));
        }
        if row.days_late > 0 {
            let days = row.days_late;
            let done = *status == TaskStatus::Done;
            let lateness = ReportMessage::TaskLateness { done, days };
            shown.push_str(&format!("\n{}", lateness.render(lang)));
        }
        listing.push(vec![
            row.code.to_string(),
            row.phase.to_string(),
            row.text.to_string(),
            row.lead.to_string(),
            lang.date(row.deadline),
            shown,
        ]);
    }
    let mut csv_headers = listing.headers.clone();
    csv_headers.extend([clerk::DONE_ON, clerk::DAYS_LATE].map(|h| lang.pick(h).to_string()));
    listing.csv = Some((csv_headers, csv_rows));
    output::print(&listing.render(args.format.format))
}

fn log(context: &Context, args: TaskLogArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let (_, task) = find_task(&plan, &args.task)?;
    let events: Vec<TaskEvent> = task_events_of(store.conn(), &task.code)?;
    if args.format.format == Format::Json {
        return output::print(&output::json(&events));
    }
    let mut listing = Listing::new(&[
        lang.pick(i18n::DATE),
        lang.pick(i18n::ACTION),
        lang.pick(i18n::NOTE),
        lang.pick(i18n::RECORDED),
    ]);
    listing.title = Some(format!("{} — {}", task.code, task.text));
    let mut csv_rows = Vec::new();
    for e in &events {
        let (by, at) = (e.recorded_by.as_deref(), &e.recorded_at);
        let row = vec![
            lang.date(e.date),
            i18n::task_action(lang, e.action).to_string(),
            e.note.clone().unwrap_or_default(),
        ];
        let mut csv_row = row.clone();
        csv_row.extend([clerk::who(lang, by), clerk::local_time(at)]);
        csv_rows.push(csv_row);
        let mut row = row;
        row.push(crate::views::history::recorded(lang, by, at));
        listing.push(row);
    }
    let mut csv_headers = listing.headers[..3].to_vec();
    csv_headers.extend([clerk::RECORDED_BY, clerk::RECORDED_AT].map(|h| lang.pick(h).to_string()));
    listing.csv = Some((csv_headers, csv_rows));
    output::print(&listing.render(args.format.format))
}

fn change(context: &Context, args: TaskChangeArgs, action: TaskAction) -> anyhow::Result<()> {
    let lang = context.lang;
    let (mut store, plan) = context.open_plan()?;
    let (_, task) = find_task(&plan, &args.task)?;
    let today = as_of(args.as_of.as_of);
    let date = args.date.unwrap_or(today);
    crate::entry::check_date(&plan, date, today, false).map_err(rejected)?;
    let code = task.code.clone();
    let note = args
        .note
        .as_deref()
        .map(|n| nfc(n.trim()))
        .filter(|n| !n.is_empty());
    store.write(|tx| {
        let events = task_events_of(tx, &code)?;
        // Checked against the whole log, not only the day: an event the replay would ignore
        // must be refused, never reported as done.
        check_task_event(&events, action, date)
            .map_err(|conflict| rejected(task_event_refused(&code, action, date, &conflict)))?;
        insert_task_event(
            tx,
            &NewTaskEvent {
                task: code.clone(),
                action,
                date,
                note: note.clone(),
                recorded_by: recorder(args.by.clone()),
                import_id: None,
            },
        )?;
        Ok(())
    })?;
    let (day, deadline) = (date, task.deadline);
    let changed = RecordMessage::TaskChanged { code, action, day };
    let mut text = changed.render(lang);
    if action == TaskAction::Done && date > task.deadline {
        let days = (date - task.deadline).num_days();
        text.push_str(&RecordMessage::TaskDoneLate { days, deadline }.render(lang));
    }
    text.push('\n');
    output::print(&text)
}
