//! Everything recorded, as the compliance rules read it: the measurements' kept summaries and
//! the task events.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::plan::compliance::TaskEvent;
use crate::plan::summary::Summary;
use crate::plan::Plan;

/// Everything recorded, as the compliance rules read it.
pub struct Recorded {
    pub summaries: HashMap<String, Summary>,
    pub task_events: HashMap<String, Vec<TaskEvent>>,
}

impl Recorded {
    /// The borrowed view the rules take.
    pub fn records(&self) -> crate::plan::compliance::Records<'_> {
        crate::plan::compliance::Records {
            summaries: &self.summaries,
            task_events: &self.task_events,
        }
    }
}

/// The measurements' summaries and all task events: a few thousand rows, whatever the number
/// of measurements.
pub fn recorded(conn: &Connection, plan: &Plan) -> rusqlite::Result<Recorded> {
    Ok(Recorded {
        summaries: super::summaries::load(conn, plan)?,
        task_events: super::records::task_events(conn)?,
    })
}
