-- policy periods that cover the region, one of its ancestors, or a part of it
with recursive
ancestors(code) as (
    select $region
    union
    select r.parent_code from region as r inner join ancestors as a on r.code = a.code
    where r.parent_code is not null
),
descendants(code) as (
    select $region
    union
    select r.code from region as r inner join descendants as d on r.parent_code = d.code
),
related as (
    select code from ancestors union select code from descendants
)
select e.start_date, e.end_date, e.name, e.kind, e.scope, e.legal_basis, s.outlet, s.url
from event as e
inner join source as s using (source_id)
where exists (select 1 from related where list_contains(e.scope_codes, related.code))
order by e.start_date, e.name
