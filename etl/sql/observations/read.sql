-- A long-form observation CSV's rows below its header, every cell as text, in the file's order
-- (etl/kinds/observations_staging.py). {kept}: the columns the kind reads, each named as the
-- kind names it; {long_cell}: whether any cell is longer than a person types; {beyond}: the
-- column after the header's last, which only a row wider than the header fills. All three are
-- built from the header's positions, never from the file's text. An empty cell is '' and a cell
-- a short row lacks is null ($nullstr is text no cell holds; null_padding), as in Python; the
-- reader runs on one thread, which null_padding needs when a quoted cell holds a line break.
create or replace temp table obs_read as
select {kept}, ({long_cell}) as long_cell, {beyond} is not null as wide_row
from read_csv(
    $path, delim = $delim, header = true, skip = $skip, encoding = 'utf-8',
    auto_detect = false, columns = $columns, quote = '"', escape = '"',
    max_line_size = $max_line, null_padding = true, parallel = false, nullstr = $nullstr
)
