// The CSV/TSV reader behind readCsvFile and readCsvBuffer (declared in core/io/reader.h).
// What it does with every kind of input, so that nothing is dropped or altered silently:
//
// Encoding   UTF-8 with or without BOM; UTF-16 LE/BE with a BOM (or without one, when NUL bytes
//            fill most odd/even positions) is transcoded; invalid UTF-8 anywhere makes the whole
//            file read as Windows-1252 (one warning naming the first bad line). UTF-32 is refused.
//            A UTF-16 BOM in front of single-byte text is dropped with a warning.
//            NUL bytes are removed (a warning per line, 20 listed); a file whose first chunk is
//            more than 10% NUL is refused as binary.
// Dialect    RFC 4180 quoting as described in core/io/csv_dialect.h; LF, CRLF and CR line ends,
//            mixed; the delimiter is ReadOptions::delimiter, an Excel "sep=X" first line, or
//            sniffed among , ; TAB |. With ';' a decimal comma is accepted ("3,14").
//            Blank lines are skipped (one Info diagnostic with their count and first line).
// Header     ReadOptions::header, or detectHeader() on the first 1000 rows. Empty names become
//            column_<position>, repeated ones name_2, ... (one warning listing the renames).
//            Without a header the columns are column_1, column_2, ...
// Ragged     A row with fewer fields than the header is padded with missing values; a row with
//            more keeps them in extra columns extra_1, extra_2, ... (missing in other rows).
//            Each such row is a warning with its line; after 100 of a kind, one summary line
//            gives the count and the last line.
// Quotes     A stray quote inside an unquoted field and text after a closing quote are kept
//            (warning per row); a quote still open at the end of the file is taken back as an
//            ordinary character and the rows after it are read normally (warning with its line).
// Types      Per core/io/type_inference.h, over every cell of the column (see csv_columns.h
//            for how this stays exact while parsing in one streaming pass). Missing markers are
//            ReadOptions::markers(); ReadOptions::typeOverrides forces a type.
// Errors     An empty file (no non-blank row) or an unreadable one is an Error naming the file.
// Speed      The file is read in chunks (4 MB, then 16 MB) and never held whole; each chunk's
//            rows are parsed on ReadOptions::threads threads. Progress is reported per chunk;
//            cancelling returns ErrorCode::Cancelled.
#pragma once

#include "core/io/reader.h"
