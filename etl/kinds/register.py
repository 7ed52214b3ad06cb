"""The UMKM register (kind `umkm_register`): the record-level register of businesses, read by
DuckDB, so that a file of millions of rows streams from disk into the warehouse without ever
being held in Python; personal-data columns are never staged (etl/kinds/register_staging.py).

The same stages as every other file, set-based: each distinct raw value of the area, sector,
platform, scale and date columns is parsed once in Python with the same parsers, alias tables and
checks as every other file (etl/cells.py, etl/areas.py, etl/validate.py; sector and platform map
to the closed vocabularies of etl/aliases.py); DuckDB joins the answers back onto the rows, finds
every bad cell and inserts the rows without one (etl/sql/register/: one grouping by id,
repeated_ids.sql; one pass for the lines that may have a bad cell, suspects.sql; their rejects,
rejects.sql; the insert, insert.sql; no id stored twice, ids_stored_twice.sql, from the same
grouping). Every reject also carries the business's umkm_id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from etl import cells, paths, personal, plausible, pseudonym, validate
from etl.aliases import norm
from etl.columns import Reject, missing_columns
from etl.kinds.register_staging import BY_DISTINCT, Staged, clean_distinct, stage
from etl.load import Citations, Context, CountError, Kind, Loaded
from etl.personal import holds_letters
from etl.read import CONTROL, shown
from warehouse import reasons

if TYPE_CHECKING:
    from etl.manifest import FileEntry

REQUIRED = ("umkm_id", "area_code", "sector", "scale", "registered_on")
OPTIONAL = ("onboarded_on", "platform")
# the SQL parameter that names each column in a reject -> the register column it is
HEADER_PARAMS = {
    "umkm_id": "umkm_id",
    "area": "area_code",
    "sector": "sector",
    "scale": "scale",
    "registered": "registered_on",
    "onboarded": "onboarded_on",
    "platform": "platform",
}
SCALES = {
    "mikro": "mikro", "usaha mikro": "mikro", "micro": "mikro",
    "kecil": "kecil", "usaha kecil": "kecil", "small": "kecil",
    "menengah": "menengah", "usaha menengah": "menengah", "medium": "menengah",
}  # fmt: skip


def load(con, path: Path, entry: FileEntry, ctx: Context) -> Loaded:
    """The register's rows staged (register_staging), its distinct values parsed and checked, its
    bad cells rejected and the other rows inserted into umkm, all in the open database."""
    citations = Citations(entry)
    staged = stage(con, path, entry, ctx, KIND.wanted)
    staged_rows = con.execute("select count(*) from register_input").fetchone()[0]
    rows_read = staged_rows + len(staged.rejects)  # one reject per row the parser refused
    if any(c not in staged.headers for c in REQUIRED):
        numbers = [
            r[0] for r in con.execute("select line from register_input order by 1").fetchall()
        ]
        faults = missing_columns(REQUIRED, staged.headers, staged.header_line, numbers, ctx.columns)
        return Loaded(
            "umkm", None, citations.rows, staged.rejects + faults, rows_read, 0, rows_read,
            staged.warnings,
        )  # fmt: skip
    row_rejects, loaded, rejected = _validate_and_insert(con, staged, ctx, citations.file_source())
    return Loaded(
        "umkm", None, citations.rows, staged.rejects + row_rejects, rows_read, loaded,
        rejected + len(staged.rejects), staged.warnings, figures_loaded=loaded,
    )  # fmt: skip


def _validate_and_insert(con, staged: Staged, ctx: Context, source_id: str):
    """Rejects for every bad cell, then every row without one into umkm: (rejects, rows loaded,
    rows rejected)."""
    staged.warnings += _parse_distinct(con, ctx, staged.levels.get("area_code"), staged.headers)
    if staged.derived == "name":  # the id needs the kecamatan: now it is known
        secret = pseudonym.key(ctx.aliases.parent)
        con.create_function(
            "pulih_name_id", lambda k, code: pseudonym.from_name(secret, k, code), [str, str], str
        )
        con.execute(
            "update register_rows as i set umkm_id = pulih_name_id(i.name_key, a.code) "
            "from area_map as a where a.raw = i.area_raw"
        )
        con.remove_function("pulih_name_id")
    headers = {f"h_{key}": staged.headers.get(col, col) for key, col in HEADER_PARAMS.items()}
    # the templates of the reasons rejects.sql gives (warehouse/reasons.py)
    headers |= {
        f"k_{name.lower()}": getattr(reasons, name)
        for name in ("CONTROL", "EMPTY", "ID_EMPTY", "PERSONAL_ID", "ID_AGAIN", "ONBOARDED_BEFORE",
                     "NEEDS_PLATFORM", "NEEDS_ONBOARDING")
    }  # fmt: skip
    # an id is personal data when it holds a NIK, a phone number or an e-mail, when it may be a
    # name (personal.NAME_ID), or when it is a cell Pulih masked (a screened copy, etl/screen.py,
    # rejects what the file rejected)
    masked = re.escape(personal.HIDDEN)
    headers |= {
        "nik": personal.NIK,
        "phone": personal.PHONE,
        "email": personal.EMAIL,
        "masked": masked,
        "id_personal": "|".join(
            (personal.NIK, personal.PHONE, personal.EMAIL, personal.NAME_ID, masked)
        ),
    }
    con.execute(
        "create or replace temp table register_rejects "
        "(line bigint, col varchar, value varchar, reason varchar)"
    )
    # one grouping by id, one pass for the lines that may have a bad cell, and the rejects
    # worked out on those lines alone
    con.execute(paths.sql_text("register/repeated_ids"))
    con.execute(
        paths.sql_text("register/suspects"),
        {"id_suspect": f"{headers['id_personal']}|{CONTROL.pattern}"},
    )
    con.execute(paths.sql_text("register/rejects"), headers)
    before = con.execute("select count(*) from umkm").fetchone()[0]
    con.execute(paths.sql_text("register/insert"), {"source_id": source_id})
    loaded = con.execute("select count(*) from umkm").fetchone()[0] - before
    _stored_once(con, source_id)
    rejected = con.execute("select count(distinct line) from register_rejects").fetchone()[0]
    rejects = [
        Reject(line, col, shown(value), _with_id(reasons.from_json(reason), umkm_id))
        for line, col, value, reason, umkm_id in con.execute(
            "select x.line, x.col, x.value, x.reason, i.umkm_id from register_rejects as x "
            "left join register_input as i using (line) order by x.line, x.col"
        ).fetchall()
    ]
    return rejects, loaded, rejected


def _stored_once(con, source_id: str) -> None:
    """No business stored twice from this register: checked on the ids the file repeats (the
    grouping of repeated_ids.sql), as an id given on one line cannot be stored twice."""
    if not con.execute("select count(*) from register_repeated_ids").fetchone()[0]:
        return
    twice = con.execute(paths.sql_text("register/ids_stored_twice"), {"source_id": source_id})
    if found := twice.fetchall():
        raise CountError(
            reasons.reason(
                reasons.STORED_TWICE,
                n=str(len(found)),  # plain digits, as COUNTS_DISAGREE's
                umkm_id=str(found[0][0]),
                times=str(found[0][1]),
            )
        )


def _with_id(reason: reasons.Reason, umkm_id) -> reasons.Reason:
    if (
        not umkm_id
        or "umkm_id" in reason
        or personal.finding(umkm_id)
        or personal.is_name_id(umkm_id)
    ):
        return reason
    return reasons.reason(reasons.WITH_ID, reason=reason, umkm_id=umkm_id)


def _distinct(con) -> dict[str, list[str]]:
    """Each staged column's distinct values (missing left out), all in one scan of the rows (a
    scan a column took 0,24 s of a 5-million-row load), then cleaned as every cell is
    (register_staging.clean_distinct). The columns are BY_DISTINCT's, never input."""
    lists = ", ".join(f"list(distinct {c}) filter (where {c} is not null)" for c in BY_DISTINCT)
    found = con.execute(f"select {lists} from register_input").fetchall()[0]
    return clean_distinct(
        con, {column: values or [] for column, values in zip(BY_DISTINCT, found, strict=True)}
    )


def _parse_distinct(con, ctx: Context, level: str | None, headers: dict) -> list[reasons.Reason]:
    """Parse each distinct raw area, sector, platform, scale and date once; DuckDB joins the
    answers back. Returns load notes (values outside the closed vocabularies, counted, not named).
    """
    distinct = _distinct(con)
    area_rows = []
    kind: str | None  # which personal data a value looks like, if any
    for raw in distinct["area_raw"]:
        code, why = ctx.resolver.resolve(raw, level or "district")
        found = validate.personal_data(raw, headers.get("area_code", "area"))
        kind, personal_why = found if found else (None, None)
        suggested = why is not None and why.key == reasons.UNKNOWN_AREA_SUGGESTED
        if code is None and not suggested:
            # an area nobody recognises may be a name typed in the wrong column: not repeated
            why = reasons.reason(reasons.AREA_HIDDEN)
        stored = reasons.to_json(personal_why or why)
        area_rows.append((raw, None if kind else code, stored, kind, suggested))
    vocabulary_rows: dict[str, list] = {}
    notes: list[reasons.Reason] = []
    for column, vocabulary in (("sector", ctx.sectors), ("platform", ctx.platforms)):
        header = headers.get(column, column)
        rows, unknown = [], 0
        for raw in distinct[column]:
            personal = validate.personal_data(raw, header)
            kind, reason = personal if personal else (None, None)
            value, known = vocabulary.get(raw)
            unknown += not known and kind is None
            rows.append((raw, None if kind else value, reasons.to_json(reason), kind))
        vocabulary_rows[column] = rows
        if unknown:
            notes.append(
                reasons.reason(
                    reasons.OUTSIDE_VOCABULARY,
                    n=unknown,
                    header=header,
                    table=f"data/aliases/{column}s.csv",
                    other=vocabulary.other,
                )
            )
    # a scale or a date that cannot be read and holds a letter may be a name: neither the reject's
    # value nor its reason repeats it (`shown`, read by rejects.sql)
    scale_rows: list[tuple[str, str | None, str | None, bool]] = []
    for raw in distinct["scale_raw"]:
        if norm(raw) in SCALES:
            scale_rows.append((raw, SCALES[norm(raw)], None, True))
        elif holds_letters(raw):
            why = reasons.reason(reasons.NOT_A_SCALE_HIDDEN)
            scale_rows.append((raw, None, reasons.to_json(why), False))
        else:
            why = reasons.reason(reasons.NOT_A_SCALE, raw=raw)
            scale_rows.append((raw, None, reasons.to_json(why), True))
    dates = sorted(set(distinct["registered_raw"]) | set(distinct["onboarded_raw"]))
    date_rows = []
    for raw in dates:
        try:
            day = cells.date(raw)
            problem = plausible.date_problem(
                day, plausible.REGISTERED_FROM, ctx.build_date, reasons.REGISTER_WHAT
            )
            date_rows.append((raw, None if problem else day, reasons.to_json(problem), True))
        except cells.CellError as e:
            hidden = holds_letters(raw)
            why = reasons.reason(reasons.NOT_A_DATE_HIDDEN) if hidden else e.reason
            date_rows.append((raw, None, reasons.to_json(why), not hidden))
    maps: tuple[tuple[str, list, list[str]], ...] = (
        ("area_map", area_rows, ["raw", "code", "reason", "personal", "shown"]),
        ("sector_map", vocabulary_rows["sector"], ["raw", "value", "reason", "personal"]),
        ("platform_map", vocabulary_rows["platform"], ["raw", "value", "reason", "personal"]),
        ("scale_map", scale_rows, ["raw", "value", "reason", "shown"]),
        ("date_map", date_rows, ["raw", "value", "reason", "shown"]),
    )
    for name, rows, columns in maps:
        frame = pd.DataFrame(rows, columns=columns).astype(
            {c: "object" for c in columns if c not in ("value", "shown")}
        )
        # whether the raw value holds a control character: looked at once per distinct value
        # here, so the pass over every row (suspects.sql) tests only the id with a regex
        frame["control"] = [CONTROL.search(raw) is not None for raw in frame["raw"]]
        if name == "date_map":
            frame["value"] = pd.to_datetime(frame["value"]).dt.date
        elif name in ("sector_map", "platform_map"):
            frame["value"] = frame["value"].astype("object")
        con.register("incoming_map", frame)
        # `name` is one of the five above, never input
        con.execute(f"create or replace temp table {name} as select * from incoming_map")
        con.unregister("incoming_map")
    return notes


KIND = Kind("umkm_register", "umkm", REQUIRED, OPTIONAL, load, reads_itself=True)
