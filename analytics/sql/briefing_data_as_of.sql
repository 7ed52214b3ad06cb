-- The "data per" date of the printed briefing: the as-of date of the latest real (non-synthetic)
-- report in the warehouse, with its precision. A figure known only to its year has no day to
-- stand on and is left out; one known to its month is said as the month, never a made-up day.
select o.ref_date, o.date_precision
from observation as o
inner join source as s using (source_id)
where not s.synthetic and not o.superseded and o.date_precision <> 'year'
order by o.ref_date desc, o.date_precision = 'month', o.obs_id
limit 1
