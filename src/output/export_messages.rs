//! Messages of `kehoach export` and of the seed's `ward_code`: typed values in, a sentence in
//! either language out.

use crate::output::clerk::count;
use crate::output::lang::Lang;

/// Everything `export` (and the seed's `ward_code`) tells the user.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportMessage {
    /// A ward code (`--ward` or the seed's `ward_code`) that cannot name a folder.
    BadWardCode {
        code: String,
    },
    /// Neither `--ward` nor the seed names the ward.
    NoWardCode,
    /// `--out` names a file, not a folder.
    OutIsFile {
        path: String,
    },
    /// A file or folder of the export could not be written.
    CannotWrite {
        path: String,
        error: String,
    },
    /// The export is done: how many datasets, for which ward, where.
    Exported {
        ward: String,
        datasets: usize,
        rows: usize,
        dir: String,
    },
    /// Column headers of the summary table.
    DatasetHeader,
    RowsHeader,
    FileHeader,
}

impl ExportMessage {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::BadWardCode { code }, Lang::Vi) => format!(
                "mã phường «{code}» không dùng được: chỉ gồm chữ cái không dấu, chữ số, '_' hoặc '-' \
                 (1 đến 32 ký tự, bắt đầu bằng chữ hoặc số), ví dụ 26041 hoặc TAMPHUOC"
            ),
            (Self::BadWardCode { code }, Lang::En) => format!(
                "ward code «{code}» cannot be used: only ASCII letters, digits, '_' or '-' \
                 (1 to 32 characters, starting with a letter or digit), e.g. 26041 or TAMPHUOC"
            ),
            (Self::NoWardCode, Lang::Vi) => "Chưa biết mã phường để đặt tên phần dữ liệu (ward=MÃ): \
                 thêm --ward MÃ, hoặc khai ward_code = \"MÃ\" trong mục [plan] của tệp kế hoạch rồi chạy lại init --seed."
                .into(),
            (Self::NoWardCode, Lang::En) => "The ward's code, which names its partition (ward=CODE), is not known: \
                 add --ward CODE, or declare ward_code = \"CODE\" in the seed's [plan] and run init --seed again."
                .into(),
            (Self::OutIsFile { path }, Lang::Vi) => {
                format!("--out phải là một thư mục, nhưng {path} là một tệp.")
            }
            (Self::OutIsFile { path }, Lang::En) => {
                format!("--out must be a folder, but {path} is a file.")
            }
            (Self::CannotWrite { path, error }, Lang::Vi) => {
                format!("Không ghi được {path}: {error}")
            }
            (Self::CannotWrite { path, error }, Lang::En) => {
                format!("Cannot write {path}: {error}")
            }
            (
                Self::Exported {
                    ward,
                    datasets,
                    rows,
                    dir,
                },
                Lang::Vi,
            ) => format!("Đã xuất {datasets} tập dữ liệu ({rows} dòng) của phường {ward} vào {dir}"),
            (
                Self::Exported {
                    ward,
                    datasets,
                    rows,
                    dir,
                },
                Lang::En,
            ) => format!(
                "Exported {} ({}) of ward {ward} to {dir}",
                count(Lang::En, *datasets as i64, ("", "dataset"), ("", "datasets")),
                count(Lang::En, *rows as i64, ("", "row"), ("", "rows"))
            ),
            (Self::DatasetHeader, Lang::Vi) => "Tập dữ liệu".into(),
            (Self::DatasetHeader, Lang::En) => "Dataset".into(),
            (Self::RowsHeader, Lang::Vi) => "Số dòng".into(),
            (Self::RowsHeader, Lang::En) => "Rows".into(),
            (Self::FileHeader, Lang::Vi) => "Tệp".into(),
            (Self::FileHeader, Lang::En) => "File".into(),
        }
    }
}

crate::output::lang::in_both_languages!(ExportMessage);
