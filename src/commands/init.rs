//! `kehoach init`: create the database and load the plan from a seed, in one transaction.

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::error::{rejected, AppError};
use crate::input::decode::sha256_hex;
use crate::input::seed::{parse_seed, DEFAULT_SEED, DEFAULT_SEED_NAME};
use crate::loc;
use crate::output::{self, i18n::Localized};
use crate::store::plan::{fingerprint, load_plan, orphans, save_plan};
use crate::store::{OpenMode, Store};

/// Runs `init`.
pub fn run(context: &Context, args: InitArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (text, name) = match &args.seed {
        Some(path) => (read_seed(path)?, path.display().to_string()),
        None => (DEFAULT_SEED.to_string(), DEFAULT_SEED_NAME.to_string()),
    };
    let plan = parse_seed(&text, &name)?;
    // The fingerprint is of the plan, not the text: re-spacing a seed changes nothing.
    let seed_fingerprint = sha256_hex(&serde_json::to_vec(&plan)?);
    let mut store = Store::open(&context.db, OpenMode::Create)?;
    let change = store.write(|tx| {
        if fingerprint(tx)?.as_deref() == Some(seed_fingerprint.as_str()) {
            return Ok(None);
        }
        if let Some(old) = load_plan(tx)? {
            let orphans = orphans(tx, &old, &plan)?;
            if !orphans.is_empty() && !args.force {
                let details = orphans
                    .iter()
                    .map(|o| {
                        let (code, records) = (&o.code, o.records);
                        loc!(
                            "{code}: có {records} số liệu/nhật ký",
                            "{code}: holds {records} recorded value(s)/event(s)"
                        )
                    })
                    .collect();
                return Err(AppError::bad_input(loc!(
                    "Tệp {name} bỏ đi những mục đã có số liệu; không ghi gì. Thêm --force để vẫn nạp: các mục này được giữ lại, đánh dấu ngừng dùng, không xóa số liệu:",
                    "{name} drops items that hold recorded data; nothing was written. Add --force to load it anyway: those items are kept, marked retired, their data untouched:"
                ))
                .with_details(details)
                .into());
            }
        }
        Ok(Some(save_plan(tx, &plan, &seed_fingerprint)?))
    })?;
    let db = context.db.display().to_string();
    let (number, contents) = (&plan.meta.number, plan.contents.len());
    let indicators = plan.indicators().count();
    let tasks = plan.tasks().count();
    let units = plan.units.len();
    let mut lines: Vec<Localized> = Vec::new();
    match change {
        None => lines.push(loc!(
            "Kế hoạch {number} đã có trong {db}, không có gì thay đổi.",
            "Plan {number} is already loaded in {db}; nothing changed."
        )),
        Some(change) => {
            lines.push(loc!(
                "Đã nạp Kế hoạch {number} vào {db}: {contents} nội dung, {indicators} chỉ tiêu, {tasks} nhiệm vụ, {units} đơn vị.",
                "Loaded plan {number} into {db}: {contents} contents, {indicators} indicators, {tasks} tasks, {units} units."
            ));
            let list = |codes: &[String]| codes.join(", ");
            let first_load =
                change.changed.is_empty() && change.removed.is_empty() && change.retired.is_empty();
            if !first_load {
                for (codes, vi, en) in [
                    (&change.added, "Thêm mới", "Added"),
                    (&change.changed, "Sửa đổi", "Changed"),
                    (&change.removed, "Bỏ đi", "Removed"),
                    (
                        &change.retired,
                        "Giữ lại, ngừng dùng (có số liệu)",
                        "Kept as retired (they hold data)",
                    ),
                ] {
                    if !codes.is_empty() {
                        let codes = list(codes);
                        lines.push(loc!("{vi}: {codes}", "{en}: {codes}"));
                    }
                }
            }
        }
    }
    let text: String = lines.iter().map(|l| format!("{}\n", l.get(lang))).collect();
    output::print(&text)
}

/// The seed file's text; a missing or unreadable file is rejected input.
fn read_seed(path: &std::path::Path) -> anyhow::Result<String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        rejected(loc!(
            "Không đọc được tệp kế hoạch {shown}: {e}",
            "Cannot read the seed {shown}: {e}"
        ))
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        rejected(loc!(
            "Tệp kế hoạch {shown} không phải UTF-8: lưu lại với mã hóa UTF-8",
            "The seed {shown} is not UTF-8: save it as UTF-8"
        ))
    })
}
