-- one figure per region, metric, basis and month in the monthly mart
select region_code, metric, basis, month, count(*) as n
from mart_monthly
group by all
having count(*) > 1
