-- obs_records: each row with no faulty cell as its figure, and what it is to the file
-- (etl/validate.py Repeats): the first line to give its figure (FIGURE_KEY of
-- etl/kinds/observations.py) is 'new'; a later line stating the same value and qualifier is a
-- 'repeat' (loaded once); a later line stating another is a 'conflict' (rejected, naming the
-- first line). $basis: the manifest's basis, for a row that gives none.
create or replace temp table obs_records as
with figures as (
    select *, coalesce(basis_code, $basis) as basis_final
    from obs_checked
    where ok
),

firsts as (
    select
        line,
        "value" as value_raw,
        region,
        "day",
        "precision",
        metric_code,
        figure,
        qualifier_code,
        basis_final,
        sector_text,
        note_text,
        source_id,
        first_value(line) over w as first_line,
        first_value(figure) over w as first_figure,
        first_value(qualifier_code) over w as first_qualifier
    from figures
    window w as (
        partition by region, "day", "precision", metric_code, basis_final, sector_text, source_id
        order by line
    )
),

final as (
    select
        *,
        case
            when line = first_line then 'new'
            when figure = first_figure and qualifier_code = first_qualifier then 'repeat'
            else 'conflict'
        end as outcome
    from firsts
)

select * from final
