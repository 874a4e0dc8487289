-- A flow's new period must not overlap another of the same indicator, unit and baseline; the
-- check reads every period of that unit from the new one's first day on. With the period's
-- first day in the index, it reads the index alone: before, each later row was also looked up
-- in the table, and a month's file imported again read some thirty rows for each flow row.
DROP INDEX measurements_periods;
CREATE INDEX measurements_periods ON measurements (indicator, unit, baseline, day, period_start)
    WHERE period_start IS NOT NULL;
