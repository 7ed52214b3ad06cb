-- The as-of date of the newest real figure in the warehouse: what "data as of" means to a reader.
-- Demo (synthetic) figures, superseded releases and restated citations do not count, nor the
-- build time; a figure known only to its year has no day or month to give, so it does not count
-- either. One row (empty when there is no real dated figure), with the figure's precision.
with
real as (
    select o.ref_date, o.date_precision
    from observation as o
    inner join source as s using (source_id)
    where not s.synthetic and not o.superseded and o.dated_by is null
        and o.date_precision in ('day', 'month')
),

final as (
    select ref_date, date_precision
    from real
    -- a day outranks the month it falls in: "5 Januari 2023" says more than "Januari 2023"
    order by ref_date desc, date_precision = 'day' desc
    limit 1
)

select * from final
