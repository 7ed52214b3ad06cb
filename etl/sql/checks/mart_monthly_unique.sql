-- the grain of mart_monthly: one figure per region, metric and month
select region_code, metric, month, count(*) as n
from mart_monthly
group by all
having count(*) > 1
