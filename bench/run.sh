#!/usr/bin/env bash
# kehoach's benchmark: city-scale data generated on the fly (fixed seed, nothing large in the
# repository), imported and reported on, side by side with SQLite's own floor.
#
#   bench/run.sh           100k, 1M and 3M rows; writes BENCHMARKS.md (several minutes)
#   bench/run.sh --quick   a few thousand rows, to check the harness works (CI); writes
#                          target/bench/BENCHMARKS-quick.md
#   bench/run.sh --city    only the city's roll-up (95 wards exported, DuckDB over them);
#                          replaces that section of BENCHMARKS.md
#
# Needs only the Rust toolchain. Uses sqlite3 for the floor and GNU time for peak memory when
# they are there, and says so when they are not.
set -euo pipefail
cd "$(dirname "$0")/.."

CITY_ONLY=false
if [ "${1:-}" = "--quick" ]; then
    SIZES=(2000 20000)
    RUNS=3
    OUT=target/bench/BENCHMARKS-quick.md
    CITY_WARDS=3
    CITY_ROWS=1000
elif [ "${1:-}" = "--city" ]; then
    # Only the city's roll-up; its section of BENCHMARKS.md is replaced, the rest kept.
    CITY_ONLY=true
    SIZES=()
    RUNS=5
    OUT=BENCHMARKS.md
    CITY_WARDS=95
    CITY_ROWS=10000
else
    SIZES=(100000 1000000 3000000)
    RUNS=5
    OUT=BENCHMARKS.md
    CITY_WARDS=95
    CITY_ROWS=10000
fi
AS_OF=25/11/2026
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$(dirname "$OUT")"

cargo build --release --quiet --bin kehoach --example benchgen
K=target/release/kehoach
GEN=target/release/examples/benchgen

# The median wall time, in milliseconds, of RUNS runs of a command.
median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

# "SECONDS MAX_RSS_MB" of one run: the wall time to the millisecond (GNU time's own is to the
# hundredth, too coarse for a daily append of some 40 ms), the peak memory by GNU time ("n/a"
# without it).
timed() {
    local start end kb=n/a
    start=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null
        kb=$(cat "$WORK/time")
    else
        "$@" >/dev/null
    fi
    end=$(date +%s%N)
    local seconds
    seconds=$(awk "BEGIN {printf \"%.3f\", ($end - $start) / 1e9}")
    if [ "$kb" = n/a ]; then echo "$seconds n/a"; else echo "$seconds $((kb / 1024))"; fi
}

# The floor: sqlite3's own .import into a bare table, else a bare prepared-statement insert.
floor() {
    local csv=$1 db=$2
    rm -f "$db"
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$db" "CREATE TABLE m (indicator TEXT, unit TEXT, date TEXT, value TEXT, note TEXT, period TEXT);"
        timed sqlite3 "$db" ".mode csv" ".separator ;" ".import $csv m"
    else
        timed "$GEN" floor "$csv" "$db"
    fi
}

# The median of "SECONDS MB" lines, by seconds.
median_of() {
    printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# "SECONDS MAX_RSS_MB" of the median of RUNS runs of a command that writes to $WORK/copy.db,
# a fresh copy of the database $1 each time: a write timed once is at the mercy of one run.
on_copies() {
    local db=$1
    shift
    local results=()
    for _ in $(seq "$RUNS"); do
        rm -f "$WORK/copy.db"*
        cp "$db" "$WORK/copy.db"
        # On disk before the clock starts: else the command's own fsync writes the whole copy
        # out, which weighs on both sides and flatters the ratio.
        sync "$WORK/copy.db"
        results+=("$(timed "$@")")
    done
    rm -f "$WORK/copy.db"*
    median_of "${results[@]}"
}

# A file of the next whole day after the last day of $1: the daily append's data, cut from
# the generator's longer file $2 (the same rows a department would send the next day).
next_day_file() {
    local base=$1 longer=$2 out=$3
    local last
    last=$(tail -n 1 "$base" | cut -d';' -f3)
    awk -F';' -v last="$last" '
        NR == 1 { print; next }
        $3 == last { seen = 1; next }
        seen && day == "" { day = $3 }
        seen && $3 == day { print; next }
        seen && day != "" && $3 != day { exit }
    ' "$longer" >"$out"
}

# EXPLAIN QUERY PLAN of the statements a report and an import run most, on the database $1.
query_plans() {
    local db=$1
    command -v sqlite3 >/dev/null || return 0
    local indicator unit
    indicator=$(sqlite3 "$db" "SELECT id FROM indicators WHERE code = 'TT1.01'")
    unit=$(sqlite3 "$db" "SELECT id FROM units ORDER BY id DESC LIMIT 1")
    while IFS='|' read -r what sql; do
        echo "- $what:"
        echo '  ```'
        sqlite3 "$db" "EXPLAIN QUERY PLAN $sql" | sed 's/^/  /'
        echo '  ```'
    done <<SQL
import: the stored value of a row's key|SELECT revision, value FROM measurements WHERE day = '2026-06-20' AND indicator = $indicator AND unit = $unit AND baseline = 0 ORDER BY revision DESC LIMIT 1
import: a flow's stored periods from a back-dated period's first day on|SELECT m.period_start, m.day FROM indicator_days d CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator WHERE d.indicator = $indicator AND d.day >= '2026-06-01' AND m.unit = $unit AND m.baseline = 0 AND m.period_start IS NOT NULL ORDER BY d.day
reports: every indicator's ward figure on each measured day|SELECT i.code, w.day, w.figure FROM ward_days w JOIN indicators i ON i.id = w.indicator ORDER BY w.indicator, w.day
summaries: one indicator's rows from a day on|SELECT m.day, m.unit, m.value FROM indicator_days d JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator WHERE d.indicator = $indicator AND d.day >= '2026-06-20' ORDER BY d.day, m.unit, m.baseline, m.revision
weekly: a week counted|SELECT indicator, sum(rows), sum(corrections) FROM indicator_days WHERE day BETWEEN '2026-06-15' AND '2026-06-21' GROUP BY indicator
history --unit: one unit's rows|SELECT m.day, m.value FROM indicator_days d CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator WHERE m.unit = $unit
SQL
}

# The city's roll-up: one generated ward (the embedded plan, 7 khu phố, CITY_ROWS measurements,
# every task started and done) exported as CITY_WARDS wards (the same ward under as many codes,
# so every partition is as large as a real one), then examples/city/rollup.sql on DuckDB over
# them. Writes its section to $WORK/city.md.
city_bench() {
    local dir="$WORK/city" db="$WORK/city/ward.db" export="$WORK/city/export"
    mkdir -p "$dir"
    echo "== city: $CITY_WARDS wards of $CITY_ROWS measurements" >&2
    "$GEN" "$CITY_ROWS" "$dir" 1 2>&1 | sed 's/^/   /' >&2
    "$K" --db "$db" init --seed "$dir/city.toml" >/dev/null
    "$K" --db "$db" import "$dir/measurements-$CITY_ROWS.csv" --as-of "$AS_OF" >/dev/null
    "$K" --db "$db" import "$dir/tasks.csv" --as-of "$AS_OF" >/dev/null
    local start end
    start=$(date +%s%N)
    for ward in $(seq -f 'W%03g' "$CITY_WARDS"); do
        "$K" --db "$db" export --format parquet --out "$export" --ward "$ward" --as-of "$AS_OF" >/dev/null
    done
    end=$(date +%s%N)
    local export_s per_ward_ms size_mb one_mb
    export_s=$(awk "BEGIN {printf \"%.1f\", ($end - $start) / 1e9}")
    per_ward_ms=$(((end - start) / 1000000 / CITY_WARDS))
    read -r _ one_mb < <(timed "$K" --db "$db" export --format parquet --out "$export" --ward W001 --as-of "$AS_OF")
    size_mb=$(du -sk "$export" | awk '{printf "%.1f", $1 / 1024}')
    local rollup_ms="n/a" queries_ms="n/a" engine="no duckdb module for python3: roll-up not timed"
    if python3 -c 'import duckdb' 2>/dev/null; then
        engine="DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)') (PyPI wheel)"
        rollup_ms=$(cd "$export" && median_ms python3 "$OLDPWD/examples/city/rollup.py")
        # The statements alone, without Python's start-up and the module's import.
        queries_ms=$(cd "$export" && python3 - "$OLDPWD/examples/city/rollup.sql" "$RUNS" <<'PY'
import sys, time, duckdb
sql = open(sys.argv[1], encoding="utf-8").read()
times = []
for _ in range(int(sys.argv[2])):
    connection = duckdb.connect()
    start = time.perf_counter()
    for statement in duckdb.extract_statements(sql):
        connection.execute(statement).fetchall()
    times.append((time.perf_counter() - start) * 1000)
print(round(sorted(times)[len(times) // 2]))
PY
)
    fi
    local measurements verdicts
    measurements=$((CITY_WARDS * CITY_ROWS))
    verdicts=$(python3 -c 'import duckdb' 2>/dev/null && (cd "$export" && python3 -c "import duckdb; print(duckdb.sql(\"SELECT count(*) FROM read_parquet('verdicts/*/*.parquet')\").fetchall()[0][0])") || echo n/a)
    {
        echo "## City roll-up (issue 21)"
        echo
        echo "Measured by \`bench/run.sh${1:+ $1}\` on $(date -u +%Y-%m-%d), $(nproc) cores, $engine."
        echo "One generated ward (the embedded plan and 7 khu phố, $CITY_ROWS measurements, every task"
        echo "started and done) exported $CITY_WARDS times under codes W001.., so each partition is a real"
        echo "ward's size; then \`examples/city/rollup.sql\` over the folder (the four tables: compliance"
        echo "ward × content × phase, ranking, silent wards, indicators across wards). \`--as-of $AS_OF\`."
        echo
        echo "| wards | measurement rows | verdict rows | export, all wards | export, per ward | export peak memory | Parquet on disk | roll-up (\`rollup.py\`, wall) | roll-up queries alone |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        echo "| $CITY_WARDS | $measurements | $verdicts | $export_s s | $per_ward_ms ms | $one_mb MB | $size_mb MB | $rollup_ms ms | $queries_ms ms |"
        echo
    } >"$WORK/city.md"
    rm -rf "$dir"
}

if [ "$CITY_ONLY" = true ]; then
    city_bench --city
    # Keep everything but an older city section, then append the new one.
    awk '/^## City roll-up/ {skip = 1; next} /^## / {skip = 0} skip {next}
         /^$/ {blank++; next} {for (; blank > 0; blank--) print ""; print}' "$OUT" >"$WORK/rest.md"
    cp "$WORK/rest.md" "$OUT"
    { echo; cat "$WORK/city.md"; } >>"$OUT"
    echo "wrote the city section of $OUT" >&2
    exit 0
fi

ROWS_TABLE=""
APPEND_TABLE=""
REPORT_TABLE=""
MEMORY_TABLE=""
PLANS=""
START_MS=""
for size in "${SIZES[@]}"; do
    echo "== $size rows" >&2
    # One more day and a half of rows than the base: the next whole day is the daily append.
    longer=$((size + 60000))
    "$GEN" "$longer" "$WORK" 2>&1 | sed 's/^/   /' >&2
    csv="$WORK/measurements-$size.csv"
    head -n $((size + 1)) "$WORK/measurements-$longer.csv" >"$csv"
    next_day_file "$csv" "$WORK/measurements-$longer.csv" "$WORK/next-day.csv"
    rm -f "$WORK/measurements-$longer.csv"
    day_rows=$(($(wc -l <"$WORK/next-day.csv") - 1))
    db="$WORK/kehoach-$size.db"
    rm -f "$db"*
    # The median of RUNS imports, each into a new database; the last one's is kept.
    runs=()
    for _ in $(seq "$RUNS"); do
        rm -f "$db"*
        "$K" --db "$db" init --seed "$WORK/city.toml" >/dev/null
        runs+=("$(timed "$K" --db "$db" import "$csv" --as-of "$AS_OF" --format json)")
    done
    read -r import_s import_mb < <(median_of "${runs[@]}")
    "$K" --db "$db" import "$WORK/tasks.csv" --as-of "$AS_OF" >/dev/null
    imported=$("$K" --db "$db" history --format csv | tail -n +2 | wc -l)
    [ "$imported" -eq "$size" ] || { echo "imported $imported rows of $size" >&2; exit 1; }
    runs=()
    for _ in $(seq "$RUNS"); do
        runs+=("$(floor "$csv" "$WORK/floor.db")")
    done
    read -r floor_s _ < <(median_of "${runs[@]}")
    ratio=$(awk "BEGIN {if ($floor_s < 0.01) print \"–\"; else printf \"%.1fx\", $import_s / $floor_s}")
    ROWS_TABLE+="| $size | $import_s s | $import_mb MB | $floor_s s | $ratio |"$'\n'

    # The next day's file onto the database, and the same file again (nothing new in it).
    read -r append_s append_mb < <(on_copies "$db" "$K" --db "$WORK/copy.db" import "$WORK/next-day.csv" --as-of "$AS_OF" --format json)
    # Its floor: sqlite3's .import of it into the bare table that holds the base file.
    floor_append_s=n/a
    if command -v sqlite3 >/dev/null; then
        read -r floor_append_s _ < <(on_copies "$WORK/floor.db" sqlite3 "$WORK/copy.db" ".mode csv" ".separator ;" ".import $WORK/next-day.csv m")
    fi
    "$K" --db "$db" import "$WORK/next-day.csv" --as-of "$AS_OF" >/dev/null
    read -r again_s again_mb < <(timed "$K" --db "$db" import "$csv" --as-of "$AS_OF" --format json)
    append_ratio=$(awk -v a="$append_s" -v f="$floor_append_s" 'BEGIN {if (f == "n/a" || f < 0.005) print "–"; else printf "%.1fx", a / f}')
    again_ratio=$(awk "BEGIN {if ($floor_s < 0.01) print \"–\"; else printf \"%.1fx\", $again_s / $floor_s}")
    APPEND_TABLE+="| $size | $day_rows | $append_s s | $floor_append_s s | $append_ratio | $again_s s | $again_ratio | $again_mb MB |"$'\n'

    # A week full of data: the last whole week of the generated days.
    last=$(tail -n 1 "$csv" | cut -d';' -f3)
    full_week=$(date -d "$(echo "$last" | awk -F/ '{print $3"-"$2"-"$1}') + 1 day" +%d/%m/%Y)
    report_ms=$(median_ms "$K" --db "$db" report --as-of "$AS_OF")
    overdue_ms=$(median_ms "$K" --db "$db" overdue --as-of "$AS_OF")
    weekly_ms=$(median_ms "$K" --db "$db" weekly --format html --as-of "$AS_OF")
    # Fewer rows than a whole week of the plan's days hold no full week: nothing to time.
    if "$K" --db "$db" weekly --format html --as-of "$full_week" >/dev/null 2>&1; then
        weekly_full_ms="$(median_ms "$K" --db "$db" weekly --format html --as-of "$full_week") ms"
        read -r _ weekly_mb < <(timed "$K" --db "$db" weekly --format html --as-of "$full_week")
        weekly_mb="$weekly_mb MB"
    else
        weekly_full_ms="no whole week"
        weekly_mb="–"
    fi
    plan_ms=$(median_ms "$K" --db "$db" plan)
    REPORT_TABLE+="| $size | $report_ms ms | $overdue_ms ms | $weekly_ms ms | $weekly_full_ms | $plan_ms ms |"$'\n'
    read -r _ report_mb < <(timed "$K" --db "$db" report --as-of "$AS_OF")
    read -r _ overdue_mb < <(timed "$K" --db "$db" overdue --as-of "$AS_OF")
    read -r _ baocao_mb < <(timed "$K" --db "$db" baocao --as-of "$AS_OF")
    read -r _ show_mb < <(timed "$K" --db "$db" show TT1.01 --as-of "$AS_OF")
    MEMORY_TABLE+="| $size | $report_mb MB | $overdue_mb MB | $weekly_mb | $baocao_mb MB | $show_mb MB |"$'\n'
    if [ "$size" = "${SIZES[1]:-${SIZES[0]}}" ]; then
        PLANS=$(query_plans "$db")
        START_MS=$(median_ms "$K" --version)
    fi
    rm -f "$db"* "$csv" "$WORK"/floor*.db "$WORK/next-day.csv"
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`bench/run.sh$([ "$OUT" = BENCHMARKS.md ] || echo ' --quick')\` on $(date -u +%Y-%m-%d):"
    echo "$(nproc) cores ($cpu), $memory, $(rustc --version),"
    echo "$(command -v sqlite3 >/dev/null && echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)" || echo 'no sqlite3 (floor: bare prepared inserts)'),"
    echo "$([ -x /usr/bin/time ] && echo 'peak memory by GNU time' || echo 'no GNU time: peak memory not measured')."
    echo
    echo "Data: the embedded plan (54 indicators, 85 tasks) over a city seed of 95 wards × 7 khu phố"
    echo "(665 more units), one row per indicator, unit and day from 30/05/2026, as long-format CSV"
    echo "with \`;\`, decimal commas, ratios \`412/450\` and dd/mm/yyyy dates (\`examples/benchgen.rs\`,"
    echo "fixed seed); a start and a finish event for every task. \`--as-of $AS_OF\`."
    echo
    echo "## Import"
    echo
    echo "\`kehoach import FILE\` with every check on (indicator, unit, date in the plan and not in the"
    echo "future, value by the indicator's kind, a stored value compared, one transaction, the kept"
    echo "summaries brought up to date), against \`sqlite3 .import\` of the same file into a bare table"
    echo "(the floor); each the median of $RUNS runs into a new database, wall time to the millisecond."
    echo
    echo "| rows | import | peak memory | floor (bare) | import / floor |"
    echo "|---:|---:|---:|---:|---:|"
    printf '%s' "$ROWS_TABLE"
    echo
    echo "The next day's file (every indicator and unit, one day) imported onto the database, against"
    echo "\`sqlite3 .import\` of it onto the floor's table, each the median of $RUNS runs on fresh copies"
    echo "of the database; then the whole first file again (nothing new: every row compared with its"
    echo "stored value), against the first file's floor."
    echo
    echo "| rows held | day's rows | daily append | its floor | append / floor | same file again | again / floor | its peak memory |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s' "$APPEND_TABLE"
    echo
    echo "## Reports on the imported database"
    echo
    echo "Median of $RUNS runs, wall time of the whole process (start-up included; a no-op run,"
    echo "\`kehoach --version\`, takes ${START_MS:-n/a} ms). \`weekly\` at $AS_OF holds an empty week; \"a full"
    echo "week\" is the last whole week of the generated days (every indicator and unit, every day)."
    echo
    echo "| rows | \`report\` | \`overdue\` | \`weekly --format html\` | the same, a full week | \`plan\` |"
    echo "|---:|---:|---:|---:|---:|---:|"
    printf '%s' "$REPORT_TABLE"
    echo
    echo "Peak memory (GNU time):"
    echo
    echo "| rows | \`report\` | \`overdue\` | \`weekly --format html\`, a full week | \`baocao\` | \`show\` |"
    echo "|---:|---:|---:|---:|---:|---:|"
    printf '%s' "$MEMORY_TABLE"
    echo
    echo "## Query plans"
    echo
    echo "On the 1M-row database (\`EXPLAIN QUERY PLAN\`):"
    echo
    printf '%s\n' "$PLANS"
    echo
    cat bench/notes.md
} >"$OUT"
city_bench "${1:-}"
{ echo; cat "$WORK/city.md"; } >>"$OUT"
echo "wrote $OUT" >&2
