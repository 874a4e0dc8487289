"""Runs rollup.sql with the PyPI `duckdb` module (pip install duckdb) and prints its tables.

    cd EXPORT && python3 path/to/examples/city/rollup.py

The wheel has Parquet support built in and needs no network once installed.
"""
import pathlib
import sys

import duckdb

sql = (pathlib.Path(__file__).parent / "rollup.sql").read_text(encoding="utf-8")
connection = duckdb.connect()
for statement in duckdb.extract_statements(sql):
    result = connection.execute(statement)
    if result.description and statement.type == duckdb.StatementType.SELECT:
        columns = [d[0] for d in result.description]
        rows = result.fetchall()
        widths = [max(len(str(c)), *(len(str(r[i])) for r in rows)) if rows else len(str(c))
                  for i, c in enumerate(columns)]
        line = lambda cells: " | ".join(str(v).ljust(w) for v, w in zip(cells, widths))
        print(line(columns))
        print("-+-".join("-" * w for w in widths))
        for row in rows:
            print(line(["" if v is None else v for v in row]))
        print()
sys.stdout.flush()
