-- one record per business and register
select source_id, umkm_id, count(*) as n from umkm group by all having count(*) > 1
