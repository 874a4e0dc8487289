//! Saving a plan from a seed and reading it back: one function per table each way, which is
//! why it is long.

use super::{day, iso};
use rusqlite::{params, Connection, OptionalExtension};

use crate::plan::{
    Accumulation, Baseline, BaselineAgainst, Checkpoint, Comparator, Content, ContentKind,
    Indicator, IndicatorKind, Phase, Plan, PlanMeta, ReportSettings, Task, Unit, UnitTarget,
};

/// What loading a seed changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SeedChange {
    /// The same seed was already loaded: nothing was written.
    pub unchanged: bool,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    /// Removed from the seed and deleted (they held no data).
    pub removed: Vec<String>,
    /// Removed from the seed but kept, marked retired, because they hold data.
    pub retired: Vec<String>,
}

/// Something the new seed removes that still holds recorded data.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub code: String,
    /// How many measurements or task events hang on it.
    pub records: i64,
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// The `report` column: the seed's `[report]`, and the ward's code under `ward_code` (kept
/// here rather than in a column of its own, so it needs no migration).
fn report_json(report: &ReportSettings, ward_code: Option<&str>) -> String {
    let mut value = serde_json::to_value(report).unwrap_or_else(|_| serde_json::json!({}));
    if let (Some(code), Some(object)) = (ward_code, value.as_object_mut()) {
        object.insert("ward_code".into(), code.into());
    }
    value.to_string()
}

/// The ward's code from the `report` column, if the seed declared one.
fn ward_code_of(report: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(report).ok()?;
    value.get("ward_code")?.as_str().map(str::to_string)
}

fn from_json_list(text: String) -> Vec<String> {
    serde_json::from_str(&text).unwrap_or_default()
}

/// The fingerprint of the seed loaded last, if any.
pub fn fingerprint(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT fingerprint FROM plan WHERE id = 1", [], |r| {
        r.get(0)
    })
    .optional()
}

/// The plan as loaded (retired items left out), or `None` before the first `init`.
pub fn load_plan(conn: &Connection) -> rusqlite::Result<Option<Plan>> {
    let meta = conn
        .query_row(
            "SELECT number, date, issuer, issuer_parent, place, title, start, end,
                    signer_title, signer_name, recipients, report FROM plan WHERE id = 1",
            [],
            |r| {
                Ok(PlanMeta {
                    number: r.get(0)?,
                    date: day(r.get(1)?)?,
                    issuer: r.get(2)?,
                    issuer_parent: r.get(3)?,
                    place: r.get(4)?,
                    title: r.get(5)?,
                    start: day(r.get(6)?)?,
                    end: day(r.get(7)?)?,
                    signer_title: r.get(8)?,
                    signer_name: r.get(9)?,
                    recipients: from_json_list(r.get(10)?),
                    report: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
                    ward_code: ward_code_of(&r.get::<_, String>(11)?),
                })
            },
        )
        .optional()?;
    let Some(meta) = meta else { return Ok(None) };
    let units = conn
        .prepare(
            "SELECT code, name, parent, aliases FROM units WHERE retired = 0 ORDER BY position",
        )?
        .query_map([], |r| {
            Ok(Unit {
                code: r.get(0)?,
                name: r.get(1)?,
                parent: r.get(2)?,
                aliases: from_json_list(r.get(3)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut contents = conn
        .prepare(
            "SELECT code, kind, title, lead, objectives FROM contents WHERE retired = 0 ORDER BY position",
        )?
        .query_map([], |r| {
            Ok(Content {
                code: r.get(0)?,
                kind: if r.get::<_, String>(1)? == "focal" { ContentKind::Focal } else { ContentKind::Further },
                title: r.get(2)?,
                lead: r.get(3)?,
                objectives: from_json_list(r.get(4)?),
                phases: Vec::new(),
                indicators: Vec::new(),
                tasks: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for content in &mut contents {
        content.phases = load_phases(conn, &content.code)?;
        content.indicators = load_indicators(conn, &content.code)?;
        content.tasks = load_tasks(conn, &content.code)?;
    }
    Ok(Some(Plan {
        meta,
        units,
        contents,
        index: Default::default(),
    }))
}

fn load_phases(conn: &Connection, content: &str) -> rusqlite::Result<Vec<Phase>> {
    conn.prepare_cached(
        "SELECT number, name, start, end FROM phases WHERE content = ?1 ORDER BY number",
    )?
    .query_map([content], |r| {
        Ok(Phase {
            number: r.get(0)?,
            name: r.get(1)?,
            start: day(r.get(2)?)?,
            end: day(r.get(3)?)?,
        })
    })?
    .collect()
}

fn load_indicators(conn: &Connection, content: &str) -> rusqlite::Result<Vec<Indicator>> {
    let mut indicators = conn
        .prepare_cached(
            "SELECT code, text, kind, comparator, target, unit_of_measure, deadline,
                    baseline_year, baseline_value, note, accumulation, baseline_against
             FROM indicators WHERE content = ?1 AND retired = 0 ORDER BY position",
        )?
        .query_map([content], |r| {
            let baseline_year: Option<i32> = r.get(7)?;
            let kind =
                IndicatorKind::parse(&r.get::<_, String>(2)?).unwrap_or(IndicatorKind::Count);
            Ok(Indicator {
                code: r.get(0)?,
                text: r.get(1)?,
                kind,
                accumulation: Accumulation::parse(&r.get::<_, String>(10)?)
                    .unwrap_or(Accumulation::default_for(kind)),
                comparator: Comparator::parse(&r.get::<_, String>(3)?)
                    .unwrap_or(Comparator::AtLeast),
                target: r.get(4)?,
                unit_of_measure: r.get(5)?,
                deadline: day(r.get(6)?)?,
                responsible: Vec::new(),
                baseline: baseline_year.map(|year| Baseline {
                    year,
                    value: r.get(8).ok().flatten(),
                    against: r
                        .get::<_, String>(11)
                        .ok()
                        .and_then(|a| BaselineAgainst::parse(&a))
                        .unwrap_or(BaselineAgainst::Year),
                }),
                checkpoints: Vec::new(),
                unit_targets: Vec::new(),
                note: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for indicator in &mut indicators {
        indicator.responsible = conn
            .prepare_cached(
                "SELECT unit FROM indicator_units WHERE indicator = ?1 ORDER BY position",
            )?
            .query_map([&indicator.code], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        indicator.checkpoints = conn
            .prepare_cached(
                "SELECT date, target FROM checkpoints WHERE indicator = ?1 ORDER BY date",
            )?
            .query_map([&indicator.code], |r| {
                Ok(Checkpoint {
                    date: day(r.get(0)?)?,
                    target: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        indicator.unit_targets = conn
            .prepare_cached(
                "SELECT unit, target FROM unit_targets WHERE indicator = ?1 ORDER BY position",
            )?
            .query_map([&indicator.code], |r| {
                Ok(UnitTarget {
                    unit: r.get(0)?,
                    target: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(indicators)
}

fn load_tasks(conn: &Connection, content: &str) -> rusqlite::Result<Vec<Task>> {
    let mut tasks = conn
        .prepare_cached(
            "SELECT code, phase, text, lead, output, deadline FROM tasks
             WHERE content = ?1 AND retired = 0 ORDER BY position",
        )?
        .query_map([content], |r| {
            Ok(Task {
                code: r.get(0)?,
                phase: r.get(1)?,
                text: r.get(2)?,
                lead: r.get(3)?,
                cooperating: Vec::new(),
                output: r.get(4)?,
                deadline: day(r.get(5)?)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for task in &mut tasks {
        task.cooperating = conn
            .prepare_cached("SELECT unit FROM task_units WHERE task = ?1 ORDER BY position")?
            .query_map([&task.code], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(tasks)
}

/// Codes the new plan drops that still hold measurements or task events.
pub fn orphans(conn: &Connection, old: &Plan, new: &Plan) -> rusqlite::Result<Vec<Orphan>> {
    let mut orphans = Vec::new();
    for (_, indicator) in old.indicators() {
        if new.indicator(&indicator.code).is_none() {
            let records = count(conn, MEASUREMENTS_OF_INDICATOR, &indicator.code)?;
            if records > 0 {
                orphans.push(Orphan {
                    code: indicator.code.clone(),
                    records,
                });
            }
        }
    }
    for (_, task) in old.tasks() {
        if new.task(&task.code).is_none() {
            let records = count(
                conn,
                "SELECT count(*) FROM task_events WHERE task = ?1",
                &task.code,
            )?;
            if records > 0 {
                orphans.push(Orphan {
                    code: task.code.clone(),
                    records,
                });
            }
        }
    }
    for unit in &old.units {
        if new.unit(&unit.code).is_none() {
            let records = count(conn, MEASUREMENTS_OF_UNIT, &unit.code)?;
            if records > 0 {
                orphans.push(Orphan {
                    code: unit.code.clone(),
                    records,
                });
            }
        }
    }
    Ok(orphans)
}

/// How many measurements an indicator holds: seeks on the day-first key for the days
/// `indicator_days` lists.
const MEASUREMENTS_OF_INDICATOR: &str = "SELECT count(*) FROM indicator_days d
     JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator
     WHERE d.indicator = (SELECT id FROM indicators WHERE code = ?1)";

/// How many measurements a unit holds: a seek per (indicator, day) that holds rows.
const MEASUREMENTS_OF_UNIT: &str = "SELECT count(*) FROM indicator_days d
     CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator
         AND m.unit = (SELECT id FROM units WHERE code = ?1)";

fn count(conn: &Connection, sql: &str, code: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached(sql)?.query_row([code], |r| r.get(0))
}

/// Writes `plan` over what is stored: new items added, changed ones updated, dropped ones
/// deleted, or retired where they hold data. Call [`orphans`] first to refuse or allow that.
pub fn save_plan(
    conn: &Connection,
    plan: &Plan,
    fingerprint: &str,
) -> rusqlite::Result<SeedChange> {
    let old = load_plan(conn)?;
    let mut change = SeedChange::default();
    let now = super::records::now();
    let meta = &plan.meta;
    conn.execute(
        "INSERT INTO plan (id, number, date, issuer, issuer_parent, place, title, start, end,
                           signer_title, signer_name, recipients, report, fingerprint, loaded_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET number = excluded.number, date = excluded.date,
             issuer = excluded.issuer, issuer_parent = excluded.issuer_parent, place = excluded.place,
             title = excluded.title, start = excluded.start, end = excluded.end,
             signer_title = excluded.signer_title, signer_name = excluded.signer_name,
             recipients = excluded.recipients, report = excluded.report,
             fingerprint = excluded.fingerprint,
             loaded_at = excluded.loaded_at",
        params![
            meta.number, iso(meta.date), meta.issuer, meta.issuer_parent, meta.place, meta.title,
            iso(meta.start), iso(meta.end), meta.signer_title, meta.signer_name,
            json_list(&meta.recipients), report_json(&meta.report, meta.ward_code.as_deref()), fingerprint, now
        ],
    )?;

    let note = |change: &mut SeedChange, code: &str, before: Option<bool>| match before {
        None => change.added.push(code.to_string()),
        Some(false) => change.changed.push(code.to_string()),
        Some(true) => {}
    };

    for (position, unit) in plan.units.iter().enumerate() {
        let before = old.as_ref().map(|o| o.unit(&unit.code).map(|u| u == unit));
        note(&mut change, &unit.code, before.flatten());
        conn.execute(
            "INSERT INTO units (id, code, name, parent, aliases, position, retired)
             VALUES ((SELECT coalesce(max(id), 0) + 1 FROM units), ?1, ?2, ?3, ?4, ?5, 0)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent,
                 aliases = excluded.aliases, position = excluded.position, retired = 0",
            params![
                unit.code,
                unit.name,
                unit.parent,
                json_list(&unit.aliases),
                position
            ],
        )?;
    }

    for (position, content) in plan.contents.iter().enumerate() {
        let before = old.as_ref().and_then(|o| o.content(&content.code));
        let same_head = before.is_some_and(|b| {
            b.kind == content.kind
                && b.title == content.title
                && b.lead == content.lead
                && b.objectives == content.objectives
                && b.phases == content.phases
        });
        match before {
            None => change.added.push(content.code.clone()),
            Some(_) if !same_head => change.changed.push(content.code.clone()),
            Some(_) => {}
        }
        conn.execute(
            "INSERT INTO contents (code, kind, title, lead, objectives, position, retired)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
             ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, title = excluded.title,
                 lead = excluded.lead, objectives = excluded.objectives,
                 position = excluded.position, retired = 0",
            params![
                content.code,
                match content.kind {
                    ContentKind::Focal => "focal",
                    ContentKind::Further => "further",
                },
                content.title,
                content.lead,
                json_list(&content.objectives),
                position
            ],
        )?;
        conn.execute("DELETE FROM phases WHERE content = ?1", [&content.code])?;
        for phase in &content.phases {
            conn.execute(
                "INSERT INTO phases (content, number, name, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![content.code, phase.number, phase.name, iso(phase.start), iso(phase.end)],
            )?;
        }
        for (position, indicator) in content.indicators.iter().enumerate() {
            let before = old
                .as_ref()
                .map(|o| o.indicator(&indicator.code).map(|(_, i)| i == indicator));
            note(&mut change, &indicator.code, before.flatten());
            save_indicator(conn, &content.code, indicator, position)?;
        }
        for (position, task) in content.tasks.iter().enumerate() {
            let before = old.as_ref().map(|o| {
                o.task(&task.code)
                    .map(|(c, t)| t == task && c.code == content.code)
            });
            note(&mut change, &task.code, before.flatten());
            save_task(conn, &content.code, task, position)?;
        }
    }

    if let Some(old) = &old {
        drop_missing(conn, old, plan, &mut change)?;
    }
    Ok(change)
}

fn save_indicator(
    conn: &Connection,
    content: &str,
    i: &Indicator,
    position: usize,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO indicators (id, code, content, text, kind, comparator, target, unit_of_measure,
                                 deadline, baseline_year, baseline_value, note, position, retired,
                                 accumulation, baseline_against)
         VALUES ((SELECT coalesce(max(id), 0) + 1 FROM indicators),
                 ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13, ?14)
         ON CONFLICT (code) DO UPDATE SET content = excluded.content, text = excluded.text,
             kind = excluded.kind, comparator = excluded.comparator, target = excluded.target,
             unit_of_measure = excluded.unit_of_measure, deadline = excluded.deadline,
             baseline_year = excluded.baseline_year, baseline_value = excluded.baseline_value,
             note = excluded.note, position = excluded.position, retired = 0,
             accumulation = excluded.accumulation, baseline_against = excluded.baseline_against",
        params![
            i.code,
            content,
            i.text,
            i.kind.as_str(),
            i.comparator.symbol(),
            i.target,
            i.unit_of_measure,
            iso(i.deadline),
            i.baseline.as_ref().map(|b| b.year),
            i.baseline.as_ref().and_then(|b| b.value),
            i.note,
            position,
            i.accumulation.as_str(),
            i.baseline
                .as_ref()
                .map_or(BaselineAgainst::Year, |b| b.against)
                .as_str()
        ],
    )?;
    for table in ["indicator_units", "unit_targets", "checkpoints"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE indicator = ?1"),
            [&i.code],
        )?;
    }
    for (position, unit) in i.responsible.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO indicator_units (indicator, unit, position) VALUES (?1, ?2, ?3)",
            params![i.code, unit, position],
        )?;
    }
    for (position, share) in i.unit_targets.iter().enumerate() {
        conn.execute(
            "INSERT INTO unit_targets (indicator, unit, target, position) VALUES (?1, ?2, ?3, ?4)",
            params![i.code, share.unit, share.target, position],
        )?;
    }
    for checkpoint in &i.checkpoints {
        conn.execute(
            "INSERT INTO checkpoints (indicator, date, target) VALUES (?1, ?2, ?3)",
            params![i.code, iso(checkpoint.date), checkpoint.target],
        )?;
    }
    Ok(())
}

fn save_task(conn: &Connection, content: &str, t: &Task, position: usize) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO tasks (code, content, phase, text, lead, output, deadline, position, retired)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)
         ON CONFLICT (code) DO UPDATE SET content = excluded.content, phase = excluded.phase,
             text = excluded.text, lead = excluded.lead, output = excluded.output,
             deadline = excluded.deadline, position = excluded.position, retired = 0",
        params![
            t.code,
            content,
            t.phase,
            t.text,
            t.lead,
            t.output,
            iso(t.deadline),
            position
        ],
    )?;
    conn.execute("DELETE FROM task_units WHERE task = ?1", [&t.code])?;
    for (position, unit) in t.cooperating.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO task_units (task, unit, position) VALUES (?1, ?2, ?3)",
            params![t.code, unit, position],
        )?;
    }
    Ok(())
}

/// Deletes what the new plan dropped, or marks it retired where recorded data refers to it.
fn drop_missing(
    conn: &Connection,
    old: &Plan,
    new: &Plan,
    change: &mut SeedChange,
) -> rusqlite::Result<()> {
    for (_, indicator) in old.indicators() {
        if new.indicator(&indicator.code).is_some() {
            continue;
        }
        let code = &indicator.code;
        if count(conn, MEASUREMENTS_OF_INDICATOR, code)? > 0 {
            conn.execute("UPDATE indicators SET retired = 1 WHERE code = ?1", [code])?;
            change.retired.push(code.clone());
        } else {
            for table in ["indicator_units", "unit_targets", "checkpoints"] {
                conn.execute(&format!("DELETE FROM {table} WHERE indicator = ?1"), [code])?;
            }
            conn.execute("DELETE FROM indicators WHERE code = ?1", [code])?;
            change.removed.push(code.clone());
        }
    }
    for (_, task) in old.tasks() {
        if new.task(&task.code).is_some() {
            continue;
        }
        let code = &task.code;
        if count(
            conn,
            "SELECT count(*) FROM task_events WHERE task = ?1",
            code,
        )? > 0
        {
            conn.execute("UPDATE tasks SET retired = 1 WHERE code = ?1", [code])?;
            change.retired.push(code.clone());
        } else {
            conn.execute("DELETE FROM task_units WHERE task = ?1", [code])?;
            conn.execute("DELETE FROM tasks WHERE code = ?1", [code])?;
            change.removed.push(code.clone());
        }
    }
    for content in &old.contents {
        if new.content(&content.code).is_some() {
            continue;
        }
        let code = &content.code;
        let kept = count(
            conn,
            "SELECT count(*) FROM indicators WHERE content = ?1",
            code,
        )? + count(conn, "SELECT count(*) FROM tasks WHERE content = ?1", code)?;
        if kept > 0 {
            conn.execute("UPDATE contents SET retired = 1 WHERE code = ?1", [code])?;
            change.retired.push(code.clone());
        } else {
            conn.execute("DELETE FROM phases WHERE content = ?1", [code])?;
            conn.execute("DELETE FROM contents WHERE code = ?1", [code])?;
            change.removed.push(code.clone());
        }
    }
    for unit in &old.units {
        if new.unit(&unit.code).is_some() {
            continue;
        }
        let code = &unit.code;
        let used = count(conn, MEASUREMENTS_OF_UNIT, code)?
            + count(conn, "SELECT count(*) FROM tasks WHERE lead = ?1", code)?
            + count(conn, "SELECT count(*) FROM contents WHERE lead = ?1", code)?
            + count(
                conn,
                "SELECT count(*) FROM indicator_units WHERE unit = ?1",
                code,
            )?
            + count(
                conn,
                "SELECT count(*) FROM unit_targets WHERE unit = ?1",
                code,
            )?
            + count(
                conn,
                "SELECT count(*) FROM task_units WHERE unit = ?1",
                code,
            )?
            + count(
                conn,
                "SELECT count(*) FROM units WHERE parent = ?1 AND retired = 0",
                code,
            )?;
        if used > 0 {
            conn.execute("UPDATE units SET retired = 1 WHERE code = ?1", [code])?;
            change.retired.push(code.clone());
        } else {
            conn.execute("DELETE FROM units WHERE code = ?1", [code])?;
            change.removed.push(code.clone());
        }
    }
    Ok(())
}
