-- one shown register series per region and month (the mart's grain, region, series and month, is
-- checked with every mart's: etl/marts.py, failed_grains)
select region_code, month, count(*) as n
from mart_umkm_monthly
where shown
group by region_code, month
having count(*) > 1
