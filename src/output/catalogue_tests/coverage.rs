//! Every variant of every message enum has an example in the catalogue.

use super::*;

/// Which variants of `$type` the examples show; a variant added without an example fails the
/// test, and one added without a line here does not compile (the match is exhaustive).
macro_rules! assert_every_variant {
    ($examples:expr, $type:ident { $($variant:ident),* $(,)? }) => {{
        let names = [$(stringify!($variant)),*];
        let shown: std::collections::HashSet<&str> = $examples
            .into_iter()
            .map(|example| match example {
                $($type::$variant { .. } => stringify!($variant),)*
            })
            .collect();
        for name in names {
            assert!(
                shown.contains(name),
                "the catalogue has no example of {}::{name}",
                stringify!($type)
            );
        }
    }};
}

#[test]
fn the_catalogue_has_an_example_of_every_variant() {
    assert_every_variant!(
        problems(),
        Message {
            BadSpaces,
            TooLarge,
            TrailingText,
            NotUtf8,
            QuoteNotClosed,
            QuoteSwallowsRow,
            DuplicateColumn,
            ForeignDatabase,
            UnknownSchemaVersion,
            WorkbookPartTooLarge,
            WorkbookTimedOut,
            WorkbookDamaged,
            WorkbookPartTruncated,
            WorkbookTooLarge,
            TooManyCells,
            CellOutOfBounds,
            NoteTooLong,
            FractionForPercent,
            CountNotWhole,
            NothingToCorrect,
            NothingChanged,
            NotARegularFile,
            WouldOverwrite,
            FileUnwritable,
            MoreProblems,
            BackupTimedOut,
            BackupDamaged,
            BackupChecked,
            NotAnIdentifier,
        }
    );
    assert_every_variant!(
        refusals(),
        InputRefusal {
            InvalidValue,
            InvalidDate,
            UnreadableText,
            Date
        }
    );
    let errors = refusals();
    let numbers = errors.iter().filter_map(|r| match r {
        InputRefusal::InvalidValue { error, .. } => Some(error),
        _ => None,
    });
    assert_every_variant!(
        numbers,
        NumberError {
            Empty,
            ExcelError,
            Formula,
            NotANumber,
            BadGrouping,
            DenominatorZero,
            Negative,
            BadSpaces,
            TooLarge,
        }
    );
    let dates = errors.iter().filter_map(|r| match r {
        InputRefusal::InvalidDate { error, .. } => Some(error),
        _ => None,
    });
    assert_every_variant!(
        dates,
        DateError {
            Empty,
            NotADate,
            NoSuchDay,
            NoSuchMonth,
            TwoDigitYear,
            ExcelSerial,
            TrailingText,
        }
    );
    let bytes = errors.iter().filter_map(|r| match r {
        InputRefusal::UnreadableText { error, .. } => Some(error),
        _ => None,
    });
    assert_every_variant!(
        bytes,
        DecodeError {
            InvalidUtf8,
            OddUtf16,
            Binary
        }
    );
    assert_every_variant!(
        records(),
        RecordMessage {
            UnknownIndicator,
            UnknownTask,
            UnknownUnit,
            UnknownContent,
            DateInFuture,
            DateOutsidePlan,
            Reading,
            AlreadyRecorded,
            ValueDiffers,
            CorrectionNeedsNote,
            Stored,
            TaskChanged,
            TaskDoneLate,
            StatusNotUnderstood,
        }
    );
    let readings = records().into_iter().filter_map(|r| match r {
        RecordMessage::Reading { problem, .. } => Some(problem),
        _ => None,
    });
    assert_every_variant!(
        readings,
        ReadingProblem {
            OverHundred,
            Negative,
            NumeratorOverDenominator,
            ZeroDenominator,
            NotARate,
        }
    );
    assert_every_variant!(
        database(),
        DatabaseMessage {
            IsFolder,
            Missing,
            CannotCreateFolder,
            NewerSchema,
            NotInitialised,
            NoPlan,
            NoPlace,
            Failure,
            BackupDone,
            BackupFailed,
            BackupExists,
            CheckFailed,
            CheckPassed,
            RecordOutsidePlan,
            BrokenReference,
            MissingReference,
            SqliteProblem,
            ValuesWithoutPlan,
        }
    );
    let failures = database().into_iter().filter_map(|m| match m {
        DatabaseMessage::Failure { kind, .. } => Some(kind),
        _ => None,
    });
    assert_every_variant!(
        failures,
        DatabaseFailure {
            Unreadable,
            Busy,
            NotADatabase,
            ReadOnly,
            CannotOpen,
            Corrupt,
            DiskFull,
            Other,
        }
    );
    assert_every_variant!(
        seed(),
        SeedMessage {
            Breach,
            Rejected,
            NotUtf8,
            Unreadable,
            Toml,
            ContentKindInvalid,
            IndicatorKindInvalid,
            ComparatorInvalid,
            BaselineNeeded,
            PlanLoaded,
            PlanUnchanged,
            Changes,
            DropsData,
            Orphan,
        }
    );
    let breaches = seed().into_iter().filter_map(|m| match m {
        SeedMessage::Breach(breach) => Some(breach),
        _ => None,
    });
    assert_every_variant!(
        breaches,
        Breach {
            DuplicateCode,
            NotAnIdentifier,
            UnknownUnit,
            NoWard,
            SeveralWards,
            PhaseCount,
            PhaseNumber,
            PhaseStartAfterEnd,
            PhasesOverlap,
            TaskPhase,
            OutsidePlan,
            PlanStartAfterEnd,
            NotANumber,
            Blank,
            SignerMark,
            DeputyWithoutTitle,
        }
    );
    assert_every_variant!(
        import(),
        ImportMessage {
            RulesInvalid,
            RulesWithoutValue,
            RulesUnreadable,
            FileUnreadable,
            CsvEmpty,
            CsvBroken,
            HeaderNotRecognised,
            MappingColumnMissing,
            WorkbookUnreadable,
            SheetMissing,
            WorkbookEmpty,
            TemplateOtherPlan,
            TemplateOldVersion,
            TemplateNewerLayout,
            CellMissing,
            IndicatorMissing,
            MappingWithoutDate,
            DateMissing,
            RowsRejected,
            RowsBlank,
            CellPlace,
        }
    );
    assert_every_variant!(
        reports(),
        ReportMessage {
            ReportTitle,
            OverdueTitle,
            Upcoming,
            TaskLateness,
            WeeklyTitle,
            WeeklyHeadline,
            WeeklyChanges,
            WeeklyTaskDone,
        }
    );
    assert_every_variant!(
        baocao(),
        BaocaoText {
            Opening,
            TableCaption,
            IndicatorsCaption,
            PhaseLine,
            TasksLine,
            PhasesCaption,
            OverallLine,
            StandingBeforeDeadline,
            IndicatorsLine,
            NextCaption,
            NothingNext,
            OutUnknown,
            BeforePlan,
            NoPhaseEnded,
        }
    );
    assert_every_variant!(
        templates(),
        TemplateText {
            Title,
            TaskInstructions,
            Written,
            UnitsWithoutWork,
            UnitWithoutWork,
            OutUnknown,
        }
    );
    assert_every_variant!(
        clerk(),
        Clerk {
            ReportExists,
            TemplatePeriod,
            TemplateBeforePlan
        }
    );
    let usage = usage_errors().into_iter().map(|error| error.problem);
    assert_every_variant!(
        usage,
        UsageProblem {
            InvalidValue,
            BadValue,
            UnknownSubcommand,
            UnknownArgument,
            Missing,
            Conflict,
            Unexpected,
            Other,
        }
    );
    assert_every_variant!(
        exports(),
        ExportMessage {
            BadWardCode,
            NoWardCode,
            OutIsFile,
            CannotWrite,
            Exported,
            DatasetHeader,
            RowsHeader,
            FileHeader,
        }
    );
    assert_every_variant!(
        summaries(),
        SummaryMessage {
            Mismatch,
            Repaired,
            Making,
            OlderValuesOmitted,
            WeekCounted
        }
    );
    assert_every_variant!(
        verdicts(),
        VerdictMessage {
            TaskEventRefused,
            WeekBeforePlan
        }
    );
    assert_every_variant!(
        period_messages(),
        PeriodMessage {
            AggregationInvalid,
            AgainstInvalid,
            PeriodInvalid,
            PeriodNeeded,
            PeriodNotForLevel,
            PeriodNotOver,
            PeriodOverlaps,
        }
    );
}
