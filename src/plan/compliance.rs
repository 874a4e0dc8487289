//! The compliance rules: which items each phase holds, and whether each is met as of a day.
//! (Long with its unit tests, a third of it: each rule is tested beside its code.)
//!
//! An item is a task (due at its deadline), an indicator's checkpoint, or an indicator's final
//! deadline. The rules, as the README states them for a ward official to check by hand:
//! - a task is met when it is done on or before its deadline; done after it, it is late;
//!   not done with the deadline passed, it is overdue; a cancelled task does not count;
//! - an indicator item is met when the figure as of its due date meets the target; met only
//!   later, it is late; not met with the due date passed, it is overdue;
//! - an item due on the as-of day is not yet overdue: the day is still the unit's to use;
//! - an item counts in its phase's figures once its due date has passed, or earlier once met.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::summary::Summary;
use super::{Comparator, Content, Indicator, Plan};

/// What a task event does to the task's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskAction {
    Start,
    Done,
    Reopen,
    Cancel,
}

impl TaskAction {
    /// All actions, for parsing.
    pub const ALL: [TaskAction; 4] = [Self::Start, Self::Done, Self::Reopen, Self::Cancel];

    /// The database's and the command line's name for the action.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Done => "done",
            Self::Reopen => "reopen",
            Self::Cancel => "cancel",
        }
    }

    /// The action named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// A task's status on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

impl TaskStatus {
    /// The stable name used in JSON and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Cancelled => "cancelled",
        }
    }
}

/// One change of a task's status, as stored: never changed afterwards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskEvent {
    pub id: i64,
    pub task: String,
    pub action: TaskAction,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

/// Which statuses an action may follow.
pub fn allowed(action: TaskAction, status: TaskStatus) -> bool {
    use TaskStatus::*;
    match action {
        TaskAction::Start => status == NotStarted,
        TaskAction::Done => matches!(status, NotStarted | InProgress),
        TaskAction::Reopen => matches!(status, Done | Cancelled),
        TaskAction::Cancel => matches!(status, NotStarted | InProgress),
    }
}

/// The status an action leaves a task in.
fn status_after(action: TaskAction) -> TaskStatus {
    match action {
        TaskAction::Start | TaskAction::Reopen => TaskStatus::InProgress,
        TaskAction::Done => TaskStatus::Done,
        TaskAction::Cancel => TaskStatus::Cancelled,
    }
}

/// A task's events in the order they take effect: by the day they describe, then in the
/// order they were recorded.
fn in_effect_order(events: &[TaskEvent]) -> Vec<&TaskEvent> {
    let mut ordered: Vec<&TaskEvent> = events.iter().collect();
    ordered.sort_by_key(|e| (e.date, e.id));
    ordered
}

/// A task's status on `as_of`, and the day it was done if it is done.
///
/// Events are replayed in effect order; an event its status at that point does not allow (a
/// start after the task was done, from a database written before such events were refused)
/// changes nothing.
pub fn task_state(events: &[TaskEvent], as_of: NaiveDate) -> (TaskStatus, Option<NaiveDate>) {
    let mut status = TaskStatus::NotStarted;
    let mut done_on = None;
    for event in in_effect_order(events) {
        if event.date > as_of {
            break;
        }
        if allowed(event.action, status) {
            status = status_after(event.action);
            done_on = (status == TaskStatus::Done).then_some(event.date);
        }
    }
    (status, done_on)
}

/// Why a new task event cannot be added to a task's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskEventConflict {
    /// On its day the task's status does not allow the action.
    NotAllowed { status: TaskStatus },
    /// Allowed on its day, but a later event would then be impossible: `later` on `on`,
    /// which needs a status the new event takes away.
    BreaksLater {
        later: TaskAction,
        on: NaiveDate,
        status: TaskStatus,
    },
}

/// Checks that `action` on `date`, recorded after `events`, leaves a log in which every event
/// is allowed when it takes effect. A command never records an event the replay would ignore.
pub fn check_task_event(
    events: &[TaskEvent],
    action: TaskAction,
    date: NaiveDate,
) -> Result<(), TaskEventConflict> {
    let before = task_state(events, date).0;
    if !allowed(action, before) {
        return Err(TaskEventConflict::NotAllowed { status: before });
    }
    let new = TaskEvent {
        id: i64::MAX,
        task: String::new(),
        action,
        date,
        note: None,
        recorded_by: None,
        recorded_at: String::new(),
    };
    let mut all: Vec<TaskEvent> = events.to_vec();
    all.push(new);
    let mut status = TaskStatus::NotStarted;
    for event in in_effect_order(&all) {
        if !allowed(event.action, status) {
            // Only the new event can make a formerly valid log invalid after its own day.
            if event.id != i64::MAX && event.date >= date {
                return Err(TaskEventConflict::BreaksLater {
                    later: event.action,
                    on: event.date,
                    status,
                });
            }
            continue;
        }
        status = status_after(event.action);
    }
    Ok(())
}

/// The moment a verdict is given for.
///
/// The same item can be "due today, still open" during its last day and "missed" once that
/// day is over: a report on a period that has ended judges at the end of its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "moment", content = "day")]
pub enum Moment {
    /// During day D (`overdue`, `report`, `show` today): what falls due on D is not late yet,
    /// the day is still the unit's to use.
    During(NaiveDate),
    /// At the end of day D, the last day of a period that has ended (`weekly`, `baocao`):
    /// what fell due on or before D and is not met is missed.
    EndOf(NaiveDate),
}

impl Moment {
    /// The last day whose records count.
    pub fn day(self) -> NaiveDate {
        match self {
            Self::During(day) | Self::EndOf(day) => day,
        }
    }

    /// Whether an item due on `due` can no longer be met in time.
    pub fn is_past(self, due: NaiveDate) -> bool {
        match self {
            Self::During(day) => due < day,
            Self::EndOf(day) => due <= day,
        }
    }

    /// Days since `due` was missed: during D it is D - due; at the end of D one day more,
    /// the same count `overdue` gives the next morning.
    pub fn days_past(self, due: NaiveDate) -> i64 {
        match self {
            Self::During(day) => (day - due).num_days(),
            Self::EndOf(day) => (day - due).num_days() + 1,
        }
    }
}

/// Whether an item is a task or an indicator target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Task,
    Indicator,
}

/// Where an item stands on the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Outcome {
    /// Not due yet and not met yet.
    Open,
    /// Met on or before its due date (possibly ahead of it).
    Met { on: NaiveDate },
    /// Met, but after its due date.
    Late { on: NaiveDate },
    /// Due date passed, not met.
    Overdue { days: i64 },
    /// A cancelled task: shown, never counted.
    Cancelled,
}

impl Outcome {
    /// Whether the item counts in its phase's figures on the as-of day.
    pub fn counts(self) -> bool {
        matches!(
            self,
            Self::Met { .. } | Self::Late { .. } | Self::Overdue { .. }
        )
    }
}

/// One thing that must be achieved by a day: a task, a checkpoint or an indicator deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    pub code: String,
    pub content: String,
    pub phase: u8,
    /// The responsible unit (a task's lead, an indicator's lead or the unit of a unit target).
    pub unit: String,
    pub due: NaiveDate,
    pub text: String,
    /// The comparator and target, for indicator items.
    pub target: Option<(Comparator, f64)>,
    pub outcome: Outcome,
}

/// What the rules need besides the plan: the data recorded so far.
pub struct Records<'a> {
    /// What was measured, summarised per indicator (by code).
    pub summaries: &'a HashMap<String, Summary>,
    /// Task events, by task code.
    pub task_events: &'a HashMap<String, Vec<TaskEvent>>,
}

/// Whether indicators with per-unit targets become one item per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// One item per indicator target, held by the lead unit.
    Ward,
    /// One item per unit target where the plan splits the target.
    ByUnit,
}

/// Every item of the plan with its outcome at `moment`, in plan order.
///
/// This is the one judgement: every document (report, overdue, weekly, baocao, show) counts
/// what it shows from these items, never for itself.
pub fn items(plan: &Plan, records: &Records, moment: Moment, split: Split) -> Vec<Item> {
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    let mut items = Vec::new();
    for content in &plan.contents {
        for task in &content.tasks {
            let events = records
                .task_events
                .get(&task.code)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let outcome = task_outcome(events, task.deadline, moment);
            items.push(Item {
                kind: ItemKind::Task,
                code: task.code.clone(),
                content: content.code.clone(),
                phase: task.phase,
                unit: task.lead.clone(),
                due: task.deadline,
                text: task.text.clone(),
                target: None,
                outcome,
            });
        }
        for indicator in &content.indicators {
            let empty = Summary::default();
            let summary = records.summaries.get(&indicator.code).unwrap_or(&empty);
            indicator_items(content, indicator, ward, summary, moment, split, &mut items);
        }
    }
    items
}

fn task_outcome(events: &[TaskEvent], deadline: NaiveDate, moment: Moment) -> Outcome {
    match task_state(events, moment.day()) {
        (TaskStatus::Cancelled, _) => Outcome::Cancelled,
        (TaskStatus::Done, Some(on)) if on <= deadline => Outcome::Met { on },
        (TaskStatus::Done, Some(on)) => Outcome::Late { on },
        _ if moment.is_past(deadline) => Outcome::Overdue {
            days: moment.days_past(deadline),
        },
        _ => Outcome::Open,
    }
}

/// The due dates and targets of an indicator: each checkpoint, then the deadline.
fn targets(indicator: &Indicator) -> Vec<(NaiveDate, f64)> {
    let mut targets: Vec<(NaiveDate, f64)> = indicator
        .checkpoints
        .iter()
        .map(|c| (c.date, c.target))
        .collect();
    if !targets.iter().any(|(d, _)| *d == indicator.deadline) {
        targets.push((indicator.deadline, indicator.target));
    }
    targets.sort_by_key(|(d, _)| *d);
    targets
}

fn indicator_items(
    content: &Content,
    indicator: &Indicator,
    ward: &str,
    summary: &Summary,
    moment: Moment,
    split: Split,
    items: &mut Vec<Item>,
) {
    let phase_of = |day: NaiveDate| {
        content
            .phase_on(day)
            .or(content.phases.last())
            .map(|p| p.number)
            .unwrap_or(1)
    };
    let by_unit = split == Split::ByUnit && !indicator.unit_targets.is_empty();
    for (due, target) in targets(indicator) {
        if by_unit {
            for unit_target in &indicator.unit_targets {
                // A unit's share scales with the checkpoint like the ward's target does.
                let share = if indicator.target != 0.0 {
                    unit_target.target * target / indicator.target
                } else {
                    unit_target.target
                };
                let unit = unit_target.unit.as_str();
                let days = summary.unit_days(unit, moment.day());
                let figure_on = |day: NaiveDate| summary.unit_figure_on(unit, day);
                let outcome = judge(indicator.comparator, share, due, moment, &days, figure_on);
                items.push(indicator_item(
                    content,
                    indicator,
                    &unit_target.unit,
                    due,
                    share,
                    phase_of(due),
                    outcome,
                ));
            }
        } else {
            let figure_on = |day: NaiveDate| {
                let standing = summary.standing_on(indicator, ward, day, target);
                standing.achieved
            };
            let days: Vec<NaiveDate> = summary.measured_days(moment.day()).collect();
            let outcome = judge(indicator.comparator, target, due, moment, &days, figure_on);
            items.push(indicator_item(
                content,
                indicator,
                indicator.lead(),
                due,
                target,
                phase_of(due),
                outcome,
            ));
        }
    }
}

fn indicator_item(
    content: &Content,
    indicator: &Indicator,
    unit: &str,
    due: NaiveDate,
    target: f64,
    phase: u8,
    outcome: Outcome,
) -> Item {
    Item {
        kind: ItemKind::Indicator,
        code: indicator.code.clone(),
        content: content.code.clone(),
        phase,
        unit: unit.to_string(),
        due,
        text: indicator.text.clone(),
        target: Some((indicator.comparator, target)),
        outcome,
    }
}

/// Judges a target due on `due` at `moment`, given the days something was measured (up to the
/// moment's day) and the figure on any day.
///
/// Met: the figure on the due day (or on the moment's day, if earlier) meets the target.
/// Open: not met and not past due. Late: past due, met since. Overdue: past due, not met.
fn judge(
    comparator: Comparator,
    target: f64,
    due: NaiveDate,
    moment: Moment,
    days: &[NaiveDate],
    figure_on: impl Fn(NaiveDate) -> Option<f64>,
) -> Outcome {
    let as_of = moment.day();
    let meets = |day: NaiveDate| figure_on(day).is_some_and(|f| comparator.holds(f, target));
    // The first measured day from which the target held, for the Met/Late date.
    let first_meeting = |from: Option<NaiveDate>, to: NaiveDate| {
        days.iter()
            .copied()
            .filter(|d| from.is_none_or(|f| *d > f) && *d <= to)
            .find(|d| meets(*d))
    };
    let last_day = due.min(as_of);
    if meets(last_day) {
        let on = first_meeting(None, last_day).unwrap_or(last_day);
        return Outcome::Met { on };
    }
    if !moment.is_past(due) {
        return Outcome::Open;
    }
    if meets(as_of) {
        let on = first_meeting(Some(due), as_of).unwrap_or(as_of);
        return Outcome::Late { on };
    }
    Outcome::Overdue {
        days: moment.days_past(due),
    }
}

/// Where a phase stands on the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseStatus {
    NotStarted,
    Running,
    Finished,
}

/// The phase's status at `moment`: finished once its last day is over.
pub fn phase_status(start: NaiveDate, end: NaiveDate, moment: Moment) -> PhaseStatus {
    if moment.day() < start {
        PhaseStatus::NotStarted
    } else if !moment.is_past(end) {
        PhaseStatus::Running
    } else {
        PhaseStatus::Finished
    }
}

/// Counts of items in a group (a phase of a content, a unit, a total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Every item, whatever its state (cancelled tasks excluded).
    pub items_total: usize,
    /// Items that count so far: due date passed, or already met.
    pub items_due: usize,
    /// Items met on time.
    pub items_met: usize,
    /// Items met after their due date.
    pub items_late: usize,
    /// Items past due and not met.
    pub items_overdue: usize,
}

impl Tally {
    /// Adds one item to the counts.
    pub fn add(&mut self, outcome: Outcome) {
        if outcome == Outcome::Cancelled {
            return;
        }
        self.items_total += 1;
        if outcome.counts() {
            self.items_due += 1;
        }
        match outcome {
            Outcome::Met { .. } => self.items_met += 1,
            Outcome::Late { .. } => self.items_late += 1,
            Outcome::Overdue { .. } => self.items_overdue += 1,
            Outcome::Open | Outcome::Cancelled => {}
        }
    }

    /// Adds another tally's counts.
    pub fn merge(&mut self, other: &Tally) {
        self.items_total += other.items_total;
        self.items_due += other.items_due;
        self.items_met += other.items_met;
        self.items_late += other.items_late;
        self.items_overdue += other.items_overdue;
    }

    /// Items met on time over items due, in percent; `None` when nothing is due yet.
    pub fn compliance_pct(&self) -> Option<f64> {
        (self.items_due > 0).then(|| self.items_met as f64 / self.items_due as f64 * 100.0)
    }
}

/// Tallies `items` into one count.
pub fn tally<'a>(items: impl IntoIterator<Item = &'a Item>) -> Tally {
    let mut tally = Tally::default();
    for item in items {
        tally.add(item.outcome);
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn event(id: i64, action: TaskAction, date: &str) -> TaskEvent {
        TaskEvent {
            id,
            task: "T".into(),
            action,
            date: day(date),
            note: None,
            recorded_by: None,
            recorded_at: String::new(),
        }
    }

    #[test]
    fn a_task_due_on_the_as_of_day_is_not_overdue() {
        let deadline = day("2026-05-31");
        assert_eq!(
            task_outcome(&[], deadline, Moment::During(day("2026-05-31"))),
            Outcome::Open
        );
        assert_eq!(
            task_outcome(&[], deadline, Moment::During(day("2026-06-01"))),
            Outcome::Overdue { days: 1 }
        );
    }

    #[test]
    fn done_late_is_late_and_done_on_the_deadline_is_met() {
        let deadline = day("2026-05-31");
        let on_time = [event(1, TaskAction::Done, "2026-05-31")];
        assert_eq!(
            task_outcome(&on_time, deadline, Moment::During(day("2026-07-01"))),
            Outcome::Met {
                on: day("2026-05-31")
            }
        );
        let late = [
            event(1, TaskAction::Start, "2026-05-01"),
            event(2, TaskAction::Done, "2026-06-02"),
        ];
        assert_eq!(
            task_outcome(&late, deadline, Moment::During(day("2026-07-01"))),
            Outcome::Late {
                on: day("2026-06-02")
            }
        );
        // Seen before it was done, the same task was overdue.
        assert_eq!(
            task_outcome(&late, deadline, Moment::During(day("2026-06-01"))),
            Outcome::Overdue { days: 1 }
        );
    }

    #[test]
    fn events_replay_by_date_then_recording_order() {
        let events = [
            event(1, TaskAction::Done, "2026-06-10"),
            event(2, TaskAction::Reopen, "2026-06-10"),
            event(3, TaskAction::Start, "2026-06-01"),
        ];
        assert_eq!(
            task_state(&events, day("2026-06-30")),
            (TaskStatus::InProgress, None)
        );
        assert_eq!(
            task_state(&events, day("2026-06-05")),
            (TaskStatus::InProgress, None)
        );
        assert_eq!(
            task_state(&events, day("2026-05-05")),
            (TaskStatus::NotStarted, None)
        );
    }

    #[test]
    fn cancelled_tasks_do_not_count() {
        let mut tally = Tally::default();
        tally.add(Outcome::Cancelled);
        tally.add(Outcome::Open);
        tally.add(Outcome::Met {
            on: day("2026-01-01"),
        });
        tally.add(Outcome::Late {
            on: day("2026-01-01"),
        });
        tally.add(Outcome::Overdue { days: 3 });
        assert_eq!(
            tally,
            Tally {
                items_total: 4,
                items_due: 3,
                items_met: 1,
                items_late: 1,
                items_overdue: 1
            }
        );
        assert!((tally.compliance_pct().unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(Tally::default().compliance_pct(), None);
    }

    #[test]
    fn at_the_end_of_the_due_day_an_unmet_item_is_missed() {
        let deadline = day("2026-05-31");
        assert_eq!(
            task_outcome(&[], deadline, Moment::During(deadline)),
            Outcome::Open
        );
        assert_eq!(
            task_outcome(&[], deadline, Moment::EndOf(deadline)),
            Outcome::Overdue { days: 1 }
        );
        // Done on the day: met, whichever way the day is looked at.
        let done = [event(1, TaskAction::Done, "2026-05-31")];
        assert_eq!(
            task_outcome(&done, deadline, Moment::EndOf(deadline)),
            Outcome::Met { on: deadline }
        );
        // Done the day after is not seen at the end of the due day.
        let next_day = [event(1, TaskAction::Done, "2026-06-01")];
        assert_eq!(
            task_outcome(&next_day, deadline, Moment::EndOf(deadline)),
            Outcome::Overdue { days: 1 }
        );
        let (start, end) = (day("2026-05-30"), deadline);
        assert_eq!(
            phase_status(start, end, Moment::EndOf(end)),
            PhaseStatus::Finished
        );
    }

    #[test]
    fn an_indicator_judged_at_the_end_of_its_checkpoint() {
        let figure = |d: NaiveDate| (d >= day("2026-12-05")).then_some(96.0);
        let due = day("2026-11-30");
        let measured = [day("2026-12-05")];
        let judged = |moment| judge(Comparator::AtLeast, 95.0, due, moment, &measured, figure);
        assert_eq!(judged(Moment::During(due)), Outcome::Open);
        assert_eq!(judged(Moment::EndOf(due)), Outcome::Overdue { days: 1 });
        assert_eq!(
            judged(Moment::EndOf(day("2026-12-31"))),
            Outcome::Late {
                on: day("2026-12-05")
            }
        );
    }

    #[test]
    fn an_event_that_would_break_a_later_one_is_refused() {
        let started = [event(1, TaskAction::Start, "2026-11-03")];
        // Done before the start: the start would then follow a done task.
        assert_eq!(
            check_task_event(&started, TaskAction::Done, day("2026-11-02")),
            Err(TaskEventConflict::BreaksLater {
                later: TaskAction::Start,
                on: day("2026-11-03"),
                status: TaskStatus::Done
            })
        );
        assert_eq!(
            check_task_event(&started, TaskAction::Done, day("2026-11-03")),
            Ok(())
        );
        // Reopen before it was done; cancel of a done task.
        let done = [
            event(1, TaskAction::Start, "2026-11-01"),
            event(2, TaskAction::Done, "2026-11-05"),
        ];
        assert_eq!(
            check_task_event(&done, TaskAction::Reopen, day("2026-11-04")),
            Err(TaskEventConflict::NotAllowed {
                status: TaskStatus::InProgress
            })
        );
        assert_eq!(
            check_task_event(&done, TaskAction::Cancel, day("2026-11-06")),
            Err(TaskEventConflict::NotAllowed {
                status: TaskStatus::Done
            })
        );
        assert_eq!(
            check_task_event(&done, TaskAction::Reopen, day("2026-11-06")),
            Ok(())
        );
        // A cancel before a later done: the done would follow a cancelled task.
        assert!(matches!(
            check_task_event(&done, TaskAction::Cancel, day("2026-11-02")),
            Err(TaskEventConflict::BreaksLater { .. })
        ));
    }

    #[test]
    fn an_event_the_log_does_not_allow_changes_nothing() {
        // Written before such events were refused: a start after the task was done.
        let log = [
            event(1, TaskAction::Done, "2026-11-02"),
            event(2, TaskAction::Start, "2026-11-03"),
        ];
        assert_eq!(
            task_state(&log, day("2026-11-30")),
            (TaskStatus::Done, Some(day("2026-11-02")))
        );
    }

    #[test]
    fn phase_boundaries_are_inclusive() {
        let (start, end) = (day("2026-06-01"), day("2026-12-31"));
        assert_eq!(
            phase_status(start, end, Moment::During(day("2026-05-31"))),
            PhaseStatus::NotStarted
        );
        assert_eq!(
            phase_status(start, end, Moment::During(start)),
            PhaseStatus::Running
        );
        assert_eq!(
            phase_status(start, end, Moment::During(end)),
            PhaseStatus::Running
        );
        assert_eq!(
            phase_status(start, end, Moment::During(day("2027-01-01"))),
            PhaseStatus::Finished
        );
    }

    /// The measured days of `readings` (date, value), and the figure on any day: the latest
    /// value on or before it.
    fn figures<'r>(
        readings: &'r [(&'r str, f64)],
    ) -> (Vec<NaiveDate>, impl Fn(NaiveDate) -> Option<f64> + 'r) {
        let days = readings.iter().map(|(d, _)| day(d)).collect();
        let figure_on = move |on: NaiveDate| {
            readings
                .iter()
                .filter(|(d, _)| day(d) <= on)
                .max_by_key(|(d, _)| day(d))
                .map(|(_, v)| *v)
        };
        (days, figure_on)
    }

    #[test]
    fn judge_tells_met_open_late_and_overdue_and_from_which_day() {
        // 70 on 10/06, 85 on 20/06, 95 on 15/07; at least 90 due on 30/06.
        let readings = [
            ("2026-06-10", 70.0),
            ("2026-06-20", 85.0),
            ("2026-07-15", 95.0),
        ];
        let (days, figure_on) = figures(&readings);
        let due = day("2026-06-30");
        let at = |target: f64, moment: Moment| {
            judge(Comparator::AtLeast, target, due, moment, &days, &figure_on)
        };
        let during = |d: &str| Moment::During(day(d));
        assert_eq!(at(90.0, during("2026-06-25")), Outcome::Open);
        // The due day itself is still the unit's to use; the end of it is not.
        assert_eq!(at(90.0, during("2026-06-30")), Outcome::Open);
        let end = Moment::EndOf(day("2026-06-30"));
        assert_eq!(at(90.0, end), Outcome::Overdue { days: 1 });
        assert_eq!(
            at(90.0, during("2026-07-10")),
            Outcome::Overdue { days: 10 }
        );
        let on = day("2026-07-15");
        assert_eq!(at(90.0, during("2026-07-31")), Outcome::Late { on });
        // Met by the due day: from the first measured day it held, not the due day.
        let on = day("2026-06-20");
        assert_eq!(at(80.0, during("2026-07-31")), Outcome::Met { on });
        // Met ahead of the due day, as of a day before it.
        assert_eq!(at(80.0, during("2026-06-25")), Outcome::Met { on });
        // Nothing measured: overdue once past due, with no figure to be late with.
        let none = |_: NaiveDate| None;
        let overdue = judge(
            Comparator::AtLeast,
            90.0,
            due,
            during("2026-07-02"),
            &[],
            none,
        );
        assert_eq!(overdue, Outcome::Overdue { days: 2 });
    }

    #[test]
    fn a_figure_that_met_its_target_and_fell_back_is_judged_on_the_due_day() {
        // 95 on 10/06 (met), 80 on 25/06 (not), due 30/06: the due day's figure decides.
        let readings = [("2026-06-10", 95.0), ("2026-06-25", 80.0)];
        let (days, figure_on) = figures(&readings);
        let moment = Moment::During(day("2026-07-05"));
        let outcome = judge(
            Comparator::AtLeast,
            90.0,
            day("2026-06-30"),
            moment,
            &days,
            figure_on,
        );
        assert_eq!(outcome, Outcome::Overdue { days: 5 });
    }

    #[test]
    fn targets_are_the_checkpoints_then_the_deadline_in_date_order() {
        let mut indicator = crate::plan::Indicator {
            code: "X".into(),
            text: String::new(),
            kind: crate::plan::IndicatorKind::Percent,
            accumulation: crate::plan::Accumulation::Level,
            comparator: Comparator::AtLeast,
            target: 90.0,
            unit_of_measure: "%".into(),
            deadline: day("2026-12-31"),
            responsible: vec!["PA".into()],
            baseline: None,
            checkpoints: vec![
                crate::plan::Checkpoint {
                    date: day("2026-09-30"),
                    target: 85.0,
                },
                crate::plan::Checkpoint {
                    date: day("2026-06-30"),
                    target: 80.0,
                },
            ],
            unit_targets: vec![],
            note: None,
        };
        let expected = vec![
            (day("2026-06-30"), 80.0),
            (day("2026-09-30"), 85.0),
            (day("2026-12-31"), 90.0),
        ];
        assert_eq!(targets(&indicator), expected);
        // A checkpoint on the deadline is the deadline's item: not counted twice.
        indicator.checkpoints.push(crate::plan::Checkpoint {
            date: day("2026-12-31"),
            target: 88.0,
        });
        let expected = vec![
            (day("2026-06-30"), 80.0),
            (day("2026-09-30"), 85.0),
            (day("2026-12-31"), 88.0),
        ];
        assert_eq!(targets(&indicator), expected);
    }
}
