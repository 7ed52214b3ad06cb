-- obs_parsed: each row read (not set aside) with the verdicts on its cells, joined back from the
-- distinct values the rules of etl/kinds/observations.py checked once each (obs_v_*). A column
-- the file does not have is null on both sides: `is not distinct from` matches it.
create or replace temp table obs_parsed as
select
    t.*,
    r.region,
    d.ref_date as "day",
    d.date_precision as "precision",
    m.metric as metric_code,
    v."value" as figure,
    v.from_value,
    b.basis as basis_code,
    s.sector as sector_text,
    n.note as note_text,
    c.source_id,
    (r.fault or d.fault or m.fault or v.fault or b.fault or s.fault or n.fault or c.fault) as fault
from obs_table as t
inner join obs_v_region as r on r.raw is not distinct from t.area_code
inner join obs_v_date as d
    on d.raw is not distinct from t.ref_date
    and d.precision_raw is not distinct from t.date_precision
inner join obs_v_metric as m on m.raw is not distinct from t.metric
inner join obs_v_value as v on v.raw is not distinct from t."value"
inner join obs_v_basis as b on b.raw is not distinct from t.basis
inner join obs_v_sector as s on s.raw is not distinct from t.sector
inner join obs_v_note as n on n.raw is not distinct from t.note
inner join obs_v_cited as c
    on c.statement_by is not distinct from t.statement_by
    and c.outlet is not distinct from t.outlet
    and c.url is not distinct from t.url
    and c.source is not distinct from t.source
    and c.published is not distinct from t.published
where not t.suspect
