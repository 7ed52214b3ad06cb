-- A new release of a series is a new vintage: both stay in `observation`, and a figure that a
-- later vintage of the same series reports again (same region, metric and date) is superseded.
-- Pages and marts read the latest; mart_revisions says what changed.
update observation as o
set superseded = true
from source as s, source_file as f
where s.source_id = o.source_id
    and f.file_id = s.file_id
    and exists (
        select 1
        from observation as n
        inner join source as ns on ns.source_id = n.source_id
        inner join source_file as nf on nf.file_id = ns.file_id
        where nf.series = f.series
            and nf.file_id <> f.file_id
            and (nf.vintage > f.vintage or (nf.vintage = f.vintage and nf.file_id > f.file_id))
            and n.region_code = o.region_code
            and n.metric = o.metric
            and n.ref_date = o.ref_date
    )
