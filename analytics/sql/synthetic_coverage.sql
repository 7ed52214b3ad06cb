-- Where synthetic (demo) data is used, read from the warehouse itself rather than written by
-- hand: each area and measure with every stretch of consecutive months whose figure is synthetic.
with
monthly as (
    select region_code, metric, month from mart_monthly where synthetic
    union all
    select region_code, 'umkm_registered', month from mart_umkm_monthly where synthetic and shown
    union all
    select region_code, 'umkm_onboarded', month from mart_umkm_monthly where synthetic and shown
    union all
    select region_code, 'umkm_adoption_rate', month from mart_umkm_monthly where synthetic and shown
),

islands as (
    select *,
        date_diff('month', date '2000-01-01', month)
        - row_number() over (partition by region_code, metric order by month) as island
    from monthly
),

final as (
    select i.region_code, r.name as region_name, r.level, i.metric, m.label_id, m.label_en,
        min(i.month) as first_month, max(i.month) as last_month, count(*) as months
    from islands as i
    inner join region as r on r.code = i.region_code
    inner join metric as m on m.code = i.metric
    group by i.region_code, r.name, r.level, i.metric, m.label_id, m.label_en, i.island
)

select * from final
order by region_code, metric, first_month
