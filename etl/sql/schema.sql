-- The warehouse schema: the contract between the write side (etl/) and the read side (analytics/).

create table source_file (
    file_id      varchar primary key,  -- manifest id
    path         varchar not null,     -- relative to data/
    kind         varchar not null,
    title        varchar not null,
    publisher    varchar not null,
    outlet       varchar,
    url          varchar,
    published    varchar,              -- as in the manifest: a date or a from/to range
    licence      varchar,
    synthetic    boolean not null,
    sha256       varchar not null,
    rows_read    integer not null,
    rows_loaded  integer not null,
    rows_rejected integer not null,
    series       varchar not null,     -- releases of one series are vintages of each other
    vintage      date,                 -- the release date (publication date, or end of its range)
    duplicate_of varchar,              -- same content as this earlier file: not loaded twice
    -- how the rows read were counted (etl/load.py Loaded): rows_read = rows_loaded +
    -- rows_rejected; of the loaded rows, rows_partly lost some cells (cells_rejected in all) and
    -- rows_repeated repeat an earlier line (loaded once); figures_loaded: records added
    rows_partly    integer not null default 0,
    rows_repeated  integer not null default 0,
    figures_loaded integer not null default 0,
    cells_rejected integer not null default 0
);

-- Everything a load noticed that is not a reject: unread columns, totals checked, dropped
-- personal-data columns, empty cells.
-- The message is in English (the command line's); message_key and message_args are its template
-- (etl/reasons.py) and values as JSON, for the dashboard to write it in the reader's language;
-- null where a note has no template (the dashboard then shows the message).
create table load_warning (
    file_id varchar not null,
    message varchar not null,
    message_key  varchar,
    message_args varchar
);

-- One row per citation: every figure points at the outlet, URL and statement it came from.
create table source (
    source_id    varchar primary key,  -- '<file_id>#<n>', n in order of first appearance
    file_id      varchar not null references source_file (file_id),
    title        varchar,
    publisher    varchar,
    statement_by varchar,
    outlet       varchar,
    url          varchar,
    published    varchar,              -- as reported: YYYY-MM-DD, a year, or empty when undated
    licence      varchar,
    synthetic    boolean not null
);

create table region (
    code             varchar primary key,  -- Kemendagri: 36, 36.71, 36.71.05; 'ID' for Indonesia
    name             varchar not null,
    level            varchar not null check (level in ('country', 'province', 'regency', 'district', 'village')),
    parent_code      varchar,
    children_count   integer,             -- how many children it has in the Kemendagri list: a
                                          -- parent is summed only when all of them reported
    population       bigint,
    population_year  integer,
    population_basis varchar,             -- 'SP2020', 'SP2020 (derived ...)', 'BPS projection 2023 ...'
    area_km2         double,
    lat              double,
    lon              double,
    kelurahan_count  integer,
    source_id        varchar not null
);

create table metric (
    code              varchar primary key,
    label_id          varchar not null,
    label_en          varchar not null,
    unit              varchar not null,
    kind              varchar not null check (kind in ('stock', 'flow', 'rate')),
    basis             varchar not null,
    time_aggregation  varchar not null,
    space_aggregation varchar not null,
    additive          boolean not null,  -- may children be summed into a parent (when all reported)?
    cumulative        boolean not null,  -- a cumulative stock: carried forward; anything else
                                         -- (flows, rates, survey levels) belongs to its own period
    parts             varchar[] not null default [],  -- a combined measure's parts (PHK + dirumahkan)
    description_id    varchar not null,
    description_en    varchar not null,
    caveats           varchar
);

-- One row per reported figure, exactly as reported.
create table observation (
    obs_id         varchar primary key,  -- '<file_id>:<line>:<metric>'
    region_code    varchar not null,
    ref_date       date not null,
    date_precision varchar not null check (date_precision in ('day', 'month', 'year')),
    metric         varchar not null,
    value          double not null,
    qualifier      varchar not null check (qualifier in ('exact', 'approx', 'at_least', 'more_than')),
    basis          varchar not null,
    sector         varchar,
    note           varchar,
    source_id      varchar not null,
    line           integer not null,     -- line in the input file, for tracing a figure back
    superseded     boolean not null default false, -- a later vintage of its series re-reported it
    -- a figure known only to its year (or month) that another citation dates: the obs_id of that
    -- dated figure, which carries both citations; the undated row is never a point of its own
    dated_by       varchar
);

-- Qualifier algebra for anything derived from several figures (a sum of parts or of children):
-- exact with exact is exact; a lower bound (>=, >) with exact parts is a lower bound (> wins over
-- >=, since a strict bound added to anything stays strict); any approximate part makes the result
-- approximate. A derived figure is never silently exact.
create macro combined_qualifier(qualifiers) as
    case
        when list_contains(qualifiers, 'approx') then 'approx'
        when list_contains(qualifiers, 'more_than') then 'more_than'
        when list_contains(qualifiers, 'at_least') then 'at_least'
        else 'exact'
    end;

-- The UMKM register at record level. No personal data: no owner name, NIK, phone or address.
create table umkm (
    umkm_id       varchar not null,
    region_code   varchar not null,
    sector        varchar not null,
    scale         varchar not null check (scale in ('mikro', 'kecil', 'menengah')),
    registered_on date not null,
    onboarded_on  date,
    platform      varchar,
    source_id     varchar not null
);

create table event (
    start_date  date not null,
    end_date    date not null,
    name        varchar not null,
    kind        varchar not null,  -- PSBB, PPKM
    scope       varchar not null,  -- as written by the source
    scope_codes varchar[] not null,
    legal_basis varchar,
    source_id   varchar not null
);

create table etl_run (
    run_id        varchar primary key,
    started_at    timestamp not null,
    finished_at   timestamp not null,
    files         integer not null,
    rows_read     integer not null,
    rows_loaded   integer not null,
    rows_rejected integer not null,
    horizon_start date not null,       -- the months the marts cover
    horizon_end   date not null,
    max_carry_months integer not null, -- how long a report is carried forward in mart_monthly
    conflict_days integer not null,    -- reports this close are about the same moment
    total_days integer not null        -- a total this soon after its part must not be below it
);

-- Nothing read is lost silently: every row that did not load, and why.
create table rejected (
    run_id      varchar not null,
    source_file varchar not null,
    line        integer not null,
    "column"    varchar,
    value       varchar,
    reason      varchar not null,  -- in English (the command line's)
    reason_key  varchar,           -- its template (etl/reasons.py), null if it has none
    reason_args varchar            -- the template's values as JSON, masked as the value is
);
