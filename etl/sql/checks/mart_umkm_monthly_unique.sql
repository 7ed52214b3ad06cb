-- the grain of mart_umkm_monthly: one row per region, register series and month, and one shown
-- series per region
select region_code, series, month, count(*) as n
from mart_umkm_monthly
group by all
having count(*) > 1
union all
select region_code, 'shown series' as series, month, count(*) as n
from mart_umkm_monthly
where shown
group by region_code, month
having count(*) > 1
