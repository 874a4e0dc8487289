//! `kehoach check` and `kehoach backup`: is the file sound, and a consistent copy of it.

use std::path::Path;

use crate::commands::Context;
use crate::error::AppError;
use crate::loc;
use crate::output::i18n::Localized;
use crate::output::{self};
use crate::plan::validate::validate;
use crate::store::maintenance;

/// Runs `check`: SQLite's own checks, then the plan's rules on what is stored.
pub fn check(context: &Context) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let mut problems: Vec<Localized> = Vec::new();
    for line in maintenance::integrity_check(store.conn())? {
        problems.push(loc!("SQLite: {line}", "SQLite: {line}"));
    }
    for (table, row, parent) in maintenance::foreign_key_check(store.conn())? {
        problems.push(loc!(
            "bảng {table}, dòng {row}: tham chiếu tới {parent} không tồn tại",
            "table {table}, row {row}: refers to a missing {parent}"
        ));
    }
    for problem in validate(&plan) {
        let breach = crate::output::i18n::breach(&problem.breach);
        problems.push(breach.prefixed(&format!("{:?}: ", problem.at)));
    }
    let (start, end) = (plan.meta.start, plan.meta.end);
    for (what, code, date) in maintenance::records_outside(store.conn(), start, end)? {
        let day = crate::output::i18n::Lang::Vi.date(date);
        problems.push(loc!(
            "{what} {code} ngày {day} nằm ngoài thời gian của kế hoạch",
            "{what} {code} dated {day} is outside the plan's span"
        ));
    }
    if problems.is_empty() {
        let db = context.db.display().to_string();
        let counts = maintenance::counts(store.conn())?;
        let (m, e) = counts;
        return output::print(&format!(
            "{}\n",
            loc!(
                "{db}: không có lỗi ({m} số liệu, {e} nhật ký nhiệm vụ).",
                "{db}: no problems ({m} measurements, {e} task events)."
            )
            .get(lang)
        ));
    }
    let count = problems.len();
    Err(AppError::database(loc!(
        "Kiểm tra thấy {count} lỗi trong cơ sở dữ liệu; khôi phục từ bản sao lưu nếu cần (xem README):",
        "The check found {count} problem(s) in the database; restore from a backup if needed (see the README):"
    ))
    .with_details(problems)
    .into())
}

/// Runs `backup FILE`: SQLite's online backup into a temporary file, renamed when complete.
pub fn backup(context: &Context, target: &Path) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, _) = context.open_plan()?;
    let shown = target.display().to_string();
    if target.exists() {
        return Err(AppError::bad_input(loc!(
            "{shown} đã tồn tại: chọn tên khác (không ghi đè bản sao lưu cũ)",
            "{shown} already exists: choose another name (an old backup is never overwritten)"
        ))
        .into());
    }
    maintenance::backup_to(store.conn(), target).map_err(|e| {
        AppError::database(loc!(
            "Không sao lưu được vào {shown}: {e}",
            "Cannot back up to {shown}: {e}"
        ))
    })?;
    output::print(&format!(
        "{}\n",
        loc!("Đã sao lưu vào {shown}.", "Backed up to {shown}.").get(lang)
    ))
}
