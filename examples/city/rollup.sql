-- The city's roll-up of every ward's `kehoach export --format parquet`, on DuckDB.
-- Run it from the export folder (the one holding verdicts/, measurements/, ...):
--   cd EXPORT && duckdb < path/to/rollup.sql
--   cd EXPORT && python3 path/to/rollup.py
-- Every figure comes from the wards' own verdicts (the judgement their `kehoach report` shows);
-- nothing here re-applies the plan's rules. Columns are documented in the README (schema 1).

-- The datasets, every ward at once (each file also holds its ward in the `ward` column).
CREATE OR REPLACE VIEW verdicts AS SELECT * FROM read_parquet('verdicts/*/*.parquet', union_by_name = true);
CREATE OR REPLACE VIEW plan_phases AS SELECT * FROM read_parquet('plan_phases/*/*.parquet', union_by_name = true);
CREATE OR REPLACE VIEW plan_contents AS SELECT * FROM read_parquet('plan_contents/*/*.parquet', union_by_name = true);
CREATE OR REPLACE VIEW indicators AS SELECT * FROM read_parquet('indicators/*/*.parquet', union_by_name = true);
CREATE OR REPLACE VIEW measurements AS SELECT * FROM read_parquet('measurements/*/*.parquet', union_by_name = true);
CREATE OR REPLACE VIEW task_events AS SELECT * FROM read_parquet('task_events/*/*.parquet', union_by_name = true);

-- 1. Compliance, ward x content x phase: the cells of each ward's `kehoach report`
--    (items due, met on time, late, overdue; compliance = met on time / due).
CREATE OR REPLACE VIEW compliance AS
SELECT p.ward, p.content, p.phase,
       count(v.code) FILTER (WHERE v.state <> 'cancelled') AS items_total,
       count(v.code) FILTER (WHERE v.counts) AS items_due,
       count(v.code) FILTER (WHERE v.state = 'met') AS items_met,
       count(v.code) FILTER (WHERE v.state = 'late') AS items_late,
       count(v.code) FILTER (WHERE v.state = 'overdue') AS items_overdue,
       100.0 * count(v.code) FILTER (WHERE v.state = 'met')
             / nullif(count(v.code) FILTER (WHERE v.counts), 0) AS compliance_pct
FROM plan_phases p
LEFT JOIN verdicts v ON v.ward = p.ward AND v.content = p.content AND v.phase = p.phase
GROUP BY p.ward, p.content, p.phase;

-- 2. Each ward's whole plan, ranked: best compliance first, then fewest overdue.
CREATE OR REPLACE VIEW ward_ranking AS
SELECT ward,
       any_value(as_of) AS as_of,
       count(*) FILTER (WHERE counts) AS items_due,
       count(*) FILTER (WHERE state = 'met') AS items_met,
       count(*) FILTER (WHERE state = 'overdue') AS items_overdue,
       round(100.0 * count(*) FILTER (WHERE state = 'met')
             / nullif(count(*) FILTER (WHERE counts), 0), 1) AS compliance_pct,
       rank() OVER (ORDER BY 100.0 * count(*) FILTER (WHERE state = 'met')
                            / nullif(count(*) FILTER (WHERE counts), 0) DESC NULLS LAST,
                            count(*) FILTER (WHERE state = 'overdue')) AS rank
FROM verdicts
GROUP BY ward;

-- 3. Silent wards: nothing recorded (no figure, no task event) in the 30 days before the day
--    their export judged, or nothing at all.
CREATE OR REPLACE VIEW silent_wards AS
WITH last_seen AS (
    SELECT ward, max(date) AS last_day FROM (
        SELECT ward, date FROM measurements WHERE NOT baseline
        UNION ALL
        SELECT ward, date FROM task_events
    ) GROUP BY ward
), judged AS (
    SELECT ward, max(as_of) AS as_of FROM verdicts GROUP BY ward
)
SELECT j.ward, j.as_of, s.last_day,
       CASE WHEN s.last_day IS NULL THEN NULL ELSE date_diff('day', s.last_day, j.as_of) END AS days_silent
FROM judged j LEFT JOIN last_seen s USING (ward)
WHERE s.last_day IS NULL OR date_diff('day', s.last_day, j.as_of) > 30;

-- 4. The indicators the city tracks across wards: for each code, how many wards have a target
--    due, met it on time, missed it; and how many wards report it at all.
CREATE OR REPLACE VIEW indicators_across_wards AS
WITH judged AS (
    SELECT code,
           count(DISTINCT ward) AS wards,
           count(DISTINCT ward) FILTER (WHERE counts) AS wards_due,
           count(DISTINCT ward) FILTER (WHERE state = 'met') AS wards_met,
           count(DISTINCT ward) FILTER (WHERE state = 'overdue') AS wards_overdue
    FROM verdicts WHERE kind = 'indicator' GROUP BY code
), reported AS (
    SELECT indicator AS code, count(DISTINCT ward) AS wards_reporting, max(date) AS last_figure
    FROM measurements WHERE NOT superseded AND NOT baseline GROUP BY indicator
)
SELECT j.*, coalesce(r.wards_reporting, 0) AS wards_reporting, r.last_figure
FROM judged j LEFT JOIN reported r USING (code);

-- The four tables.
SELECT ward, content,
       max(CASE WHEN phase = 1 THEN printf('%d/%d', items_met, items_due) END) AS "GĐ 1",
       max(CASE WHEN phase = 2 THEN printf('%d/%d', items_met, items_due) END) AS "GĐ 2",
       max(CASE WHEN phase = 3 THEN printf('%d/%d', items_met, items_due) END) AS "GĐ 3",
       max(CASE WHEN phase = 4 THEN printf('%d/%d', items_met, items_due) END) AS "GĐ 4",
       max(CASE WHEN phase = 5 THEN printf('%d/%d', items_met, items_due) END) AS "GĐ 5",
       round(100.0 * sum(items_met) / nullif(sum(items_due), 0), 1) AS compliance_pct
FROM compliance c
JOIN plan_contents pc USING (ward, content)
GROUP BY ward, content, pc.position ORDER BY ward, pc.position;

SELECT * FROM ward_ranking ORDER BY rank, ward;

SELECT * FROM silent_wards ORDER BY days_silent DESC NULLS FIRST, ward;

SELECT i.code, left(x.text, 60) AS text, i.wards, i.wards_due, i.wards_met, i.wards_overdue,
       i.wards_reporting, i.last_figure
FROM indicators_across_wards i
LEFT JOIN (SELECT indicator, any_value(text) AS text FROM indicators GROUP BY indicator) x
       ON x.indicator = i.code
ORDER BY i.wards_overdue DESC, i.code;
