-- every figure, region, register record and event points at a source
select 'observation' as tbl, source_id from observation anti join source using (source_id)
union all
select 'umkm', source_id from umkm anti join source using (source_id)
union all
select 'event', source_id from event anti join source using (source_id)
union all
select 'region', source_id from region anti join source using (source_id)
