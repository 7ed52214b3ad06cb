-- obs_input: the rows of obs_read, each with the line a spreadsheet shows for it. Row i (its
-- rowid, in the file's order) is on line $header_line + 1 + i + (the blank lines before it):
-- the r-th blank line b has b - $header_line - r rows before it, so it comes before row i when
-- that is at most i.
create or replace temp table obs_input as
with blank as (
    select
        b - $header_line - row_number() over (order by b) as before,
        row_number() over (order by b) as rank
    from (select distinct unnest($blank::bigint[]) as b)
),

skipped as (
    select before, max(rank) as rank from blank group by before
),

final as (
    select r.rowid + $header_line + 1 + coalesce(s.rank, 0) as line, r.*
    from obs_read as r
    asof left join skipped as s on r.rowid >= s.before
)

select * from final order by line
