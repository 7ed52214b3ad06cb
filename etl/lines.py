"""The lines of a large CSV, counted without parsing it, so that every row DuckDB reads (or
refuses) can be accounted for and given the line a spreadsheet shows: stage 1 (read) for the
register, which DuckDB reads (etl/kinds/register_staging.py).

DuckDB's CSV reader counts a quoted cell that spans lines as one line, and blank lines as lines,
but it drops blank lines without a word; a line longer than its 32 MB read buffer silently ends the
file there; and one file whose line endings change (CRLF, then LF) is refused whole. So before
DuckDB reads a register, `scan` walks the bytes once (quote-aware, fast where a block holds no
quote) and counts records, blank lines and over-long lines, and notes the line endings. Where the
file needs it, `normalised_copy` writes a UTF-8 copy with LF endings in which each over-long line
is replaced by a short placeholder line that DuckDB refuses as a row of its own, so the line
numbering holds and the row is rejected with its real length.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from warehouse import reasons

MAX_LINE_BYTES = 1_000_000  # a register row is a few hundred bytes
BLOCK = 1 << 19  # read size; smaller than MAX_LINE_BYTES, so a line inside a block is never long
PLACEHOLDER = b"#pulih: this line was %d bytes long"
_PLACEHOLDER = re.compile(rb"#pulih: this line was (\d+) bytes long")


class LineError(ValueError):
    """The file's lines cannot be told apart; the message says where and why (a template with its
    values, warehouse/reasons.py, as etl/read.py's FileError)."""

    def __init__(self, message: reasons.Reason):
        super().__init__(message)
        self.reason = message


@dataclass
class Shape:
    records: int = 0  # lines as a spreadsheet counts them (a quoted line break stays in its line)
    blank: list[int] = field(default_factory=list)  # empty lines, which DuckDB skips
    long: dict[int, int] = field(default_factory=dict)  # line -> its length in bytes
    endings: set[bytes] = field(default_factory=set)  # b"\n", b"\r\n"; b"\r" for a lone CR

    @property
    def needs_copy(self) -> bool:
        """A line too long for DuckDB, or line endings DuckDB refuses to mix."""
        return bool(self.long) or len(self.endings) > 1 or b"\r" in self.endings


class _Walker:
    def __init__(self) -> None:
        self.shape = Shape()
        self.in_quote = False
        self.quote_line = 0  # the line at which the open quote opened
        self.record_len = 0  # bytes of the current record so far
        self.pending: list[bytes] = []  # the current unfinished line, while it is short
        self.pending_len = 0
        self.pending_quotes = 0

    def feed(self, block: bytes) -> None:
        first = block.find(b"\n")
        if first < 0:
            self._grow(block)
            return
        self._grow(block[:first])
        self._line(b"".join(self.pending), self.pending_len, self.pending_quotes, ended=True)
        self.pending, self.pending_len, self.pending_quotes = [], 0, 0
        last = block.rfind(b"\n")
        if last > first:
            middle = block[first + 1 : last]  # whole lines, between the first and last LF
            # where each line of the middle ends: numpy finds the LFs at memory speed
            ends = numpy.flatnonzero(numpy.frombuffer(middle, numpy.uint8) == 10)
            lines = len(ends) + 1
            cr = b"\r" in block
            crlf = block.count(b"\r\n") if cr else 0
            if (
                not self.in_quote
                and b'"' not in block
                and (not cr or block.count(b"\r") == crlf == lines + 1)
                and b"#pulih: " not in block
                and not _has_blank(ends, len(middle), crlf > 0)
            ):
                # the usual block: its lines counted at C speed, never split apart
                self.shape.records += lines
                self.shape.endings.add(b"\r\n" if crlf else b"\n")
            else:
                for part in middle.split(b"\n"):
                    self._line(part, len(part), part.count(b'"'), ended=True)
        self._grow(block[last + 1 :])

    def _grow(self, piece: bytes) -> None:
        self.pending_len += len(piece)
        self.pending_quotes += piece.count(b'"')
        if self.pending_len <= MAX_LINE_BYTES + 1:
            self.pending.append(piece)

    def _line(self, line: bytes, length: int, quotes: int, ended: bool) -> None:
        starts_record = not self.in_quote
        if starts_record:
            self.shape.records += 1
            self.record_len = length
        else:
            self.record_len += length + 1
        record = self.shape.records
        ending = None
        if ended:
            ending = b"\r\n" if line.endswith(b"\r") else b"\n"
            if ending == b"\r\n":
                line, length = line[:-1], length - 1
        if b"\r" in line:
            self.shape.endings.add(b"\r")  # a lone CR ends a line DuckDB would not see
        if starts_record and not line and ended:
            self.shape.blank.append(record)
        opens = starts_record and quotes % 2
        if (opens or not starts_record) and self.record_len > MAX_LINE_BYTES:
            where = record if starts_record else self.quote_line
            raise LineError(
                reasons.reason(
                    reasons.QUOTE_RUNS_ON,
                    line=str(where),
                    limit=MAX_LINE_BYTES,
                )
            )
        if length > MAX_LINE_BYTES:
            self.shape.long[record] = length
        elif line.startswith(b"#pulih: ") and (m := _PLACEHOLDER.fullmatch(line)):
            self.shape.long[record] = int(m[1])
        if quotes % 2:
            if not self.in_quote:
                self.quote_line = record
            self.in_quote = not self.in_quote
        if ending and not self.in_quote:
            self.shape.endings.add(ending)

    def end(self) -> Shape:
        if self.pending_len:
            self._line(b"".join(self.pending), self.pending_len, self.pending_quotes, ended=False)
        if self.in_quote:
            raise LineError(reasons.reason(reasons.QUOTE_NEVER_CLOSED, line=str(self.quote_line)))
        return self.shape


def _has_blank(ends, size: int, crlf: bool) -> bool:
    """Whether any line of a middle of `size` bytes whose LFs are at `ends` is empty (is b"\\r"
    with CRLF endings: every CR of such a block ends a line)."""
    lengths = numpy.diff(ends, prepend=-1, append=size) - 1
    return bool((lengths == (1 if crlf else 0)).any())


def scan(path: Path) -> Shape:
    """The lines of a file as bytes, streaming, in one pass."""
    walker = _Walker()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(BLOCK), b""):
            walker.feed(block)
    return walker.end()


def normalised_copy(path: Path, encoding: str, target: Path) -> Shape:
    """A UTF-8 copy with LF line endings (a lone CR or a CRLF becomes LF), in which each line
    longer than MAX_LINE_BYTES (in the file's own bytes) is a placeholder line; written a line at
    a time, an over-long line never held whole. Returns the shape of the copy."""
    first = True
    with path.open("rb") as src, target.open("wb") as dst:
        while line := src.readline(MAX_LINE_BYTES + 3):
            total, tail = len(line), line[-2:]
            while not tail.endswith(b"\n") and total >= MAX_LINE_BYTES + 3:
                rest = src.readline(1 << 20)  # the rest of an over-long line, measured unread
                if not rest:
                    break
                total, tail = total + len(rest), (tail + rest)[-2:]
            content = total - (2 if tail == b"\r\n" else 1 if tail.endswith(b"\n") else 0)
            if content > MAX_LINE_BYTES:
                dst.write(PLACEHOLDER % content + b"\n")
                continue
            if first and encoding == "utf-8-sig":
                line = line.removeprefix(b"\xef\xbb\xbf")
            first = False
            if encoding == "cp1252":  # one byte per character: a line decodes on its own
                line = line.decode("cp1252", errors="replace").encode("utf-8")
            dst.write(line.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
    return scan(target)
