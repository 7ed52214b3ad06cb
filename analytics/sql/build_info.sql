-- the run that built this warehouse, and the settings its marts were built with
select run_id, started_at, finished_at, files, rows_read, rows_loaded, rows_rejected,
    horizon_start, horizon_end, max_carry_months, conflict_days, total_days
from etl_run
