-- every region with its population denominator
select code, name, level, parent_code, population, population_year, population_basis,
    area_km2, lat, lon, kelurahan_count
from region
order by code
