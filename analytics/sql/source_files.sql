-- the files this warehouse was built from, with checksums and what each loaded
select file_id, path, kind, title, publisher, published, licence, synthetic, sha256,
    rows_read, rows_loaded, rows_rejected, series, vintage, duplicate_of
from source_file
order by synthetic, file_id
