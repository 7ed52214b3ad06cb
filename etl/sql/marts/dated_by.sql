-- A figure known only to its year (or month) is never placed on a made-up day. Where another
-- citation gives the same figure (area, measure, basis, value) with a day inside that year (or
-- month), the figure takes that date: the undated row points at the dated one, which then cites
-- both (ANTARA's undated 2020 "6.023 PHK" for Kota Tangerang is Kompas's figure of 5 May 2020).
-- When several dated rows match, the earliest is the one the undated report restates.
update observation as u
set dated_by = (
    select d.obs_id
    from observation as d
    inner join source as s on s.source_id = d.source_id
    where d.date_precision = 'day'
        and not d.superseded
        and not s.synthetic
        and d.source_id <> u.source_id
        and d.region_code = u.region_code
        and d.metric = u.metric
        and d.basis = u.basis
        and d.value = u.value
        and year(d.ref_date) = year(u.ref_date)
        and (u.date_precision = 'year' or month(d.ref_date) = month(u.ref_date))
    order by d.ref_date, d.obs_id
    limit 1
)
where u.date_precision in ('year', 'month') and not u.superseded
