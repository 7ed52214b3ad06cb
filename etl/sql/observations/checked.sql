-- obs_checked: obs_parsed with the verdicts that read another's answer (the unit with the metric,
-- the qualifier with the figure's own, the figure against its bound: etl/plausible.py), and ok:
-- the row has no faulty cell. The rows not ok are parsed whole in Python for their rejects.
create or replace temp table obs_checked as
select
    p.*,
    q.qualifier as qualifier_code,
    coalesce(not p.fault and not u.fault and not q.fault and p.figure <= bd.bound, false) as ok
from obs_parsed as p
left join obs_v_unit as u on u.raw is not distinct from p.unit and u.metric = p.metric_code
left join obs_v_qualifier as q
    on q.raw is not distinct from p.qualifier and q.from_value is not distinct from p.from_value
left join obs_v_bound as bd on bd.metric = p.metric_code and bd.region = p.region
