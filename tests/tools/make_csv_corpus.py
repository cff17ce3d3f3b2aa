"""Writes the CSV edge-case corpus of tests/data/csv/ (one small file per case).

Run with any python3 from the repository root: python3 tests/tools/make_csv_corpus.py
The expected results are written by hand in tests/data/csv/expected.json (not generated).
"""
import os

D = "tests/data/csv"
os.makedirs(D, exist_ok=True)


def put(name, data):
    with open(os.path.join(D, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


put("rfc4180_quoting.csv",
    'id,text,note\n'
    '1,"a, b","say ""hi"""\n'
    '2,"line one\nline two",plain\n'
    '3,"","x"\n')
put("semicolon_decimal_comma.csv", "name;price;qty\napple;1,5;3\npear;2,25;4\nplum;-0,75;5\n")
put("tab_delimited.tsv", "a\tb\tc\n1\tx y\t2.5\n2\tz, w\t3.5\n")
put("pipe_delimited.csv", "a|b|c\n1|x|2.5\n2|y|3.5\n3|x|4.5\n")
put("utf8_bom.csv", "\ufeffcity,n\nZürich,1\nKraków,2\n")
put("utf16le_bom.csv", "\ufeffcity,n\r\nZürich,1\r\n東京,2\r\n".encode("utf-16-le"))
put("utf16be_bom.csv", "\ufeffcity,n\nZürich,1\n😀,2\n".encode("utf-16-be"))
put("windows1252.csv", "name,price\ncafé,3\n€uro,4\nnaïve,5\n".encode("cp1252"))
put("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n")
put("cr_only.csv", "a,b\r1,2\r3,4\r")
put("mixed_line_ends.csv", 'a,b\n1,"x\r\ny"\r\n2,z\r3,w')
put("missing_markers.csv", "a,b\n1,x\nNA,N/A\nNaN,nan\nnull,NULL\nNone,?\n,\n7,y\n7,y\n")
put("no_header_numbers.csv", "1,2.5,3\n4,5.5,6\n7,8.5,9\n")
put("header_detected_text.csv", "name,colour\nann,red\nbob,blue\ncy,red\n")
put("duplicate_empty_headers.csv", "a,a,,b,a\n1,2,3,4,5\n6,7,8,9,10\n")
put("ragged_short.csv", "a,b,c\n1,2,3\n4,5\n6\n7,8,9\n")
put("ragged_long.csv", "a,b\n1,2\n3,4,5\n6,7,8,9\n")
put("stray_quotes.csv", 'id,height\n1,5\'11"\n2,"6\'0"x\n3,"plain"\n')
put("unterminated_quote.csv", 'id,v\n1,ok\n2,"open\n3,after\n')
put("nul_bytes.csv", b"a,b\n1,x\x00y\n2,z\n")
put("blank_lines.csv", "\n\na,b\n1,2\n\n   \n3,4\n\n")
put("types.csv",
    "i,f,b,d,dt,cat,txt,yn\n"
    "1,1.5,true,2024-01-01,2024-01-01T10:00:00,red,alpha one,yes\n"
    "-2,2,FALSE,2024-02-29,2024-01-02 11:30,blue,beta two,no\n"
    "3,1e3,True,2023-12-31,2024-01-03T00:00:00Z,red,gamma three,1\n"
    "4,,false,,,red,,0\n")
put("excel_sep_line.csv", "sep=;\na;b\n1,5;2\n")
put("header_only.csv", "x,y,z\n")
put("empty.csv", "")
put("blank_only.csv", "\n \n\t\n")
put("one_row_numbers.csv", "1,2,3\n")
put("type_overrides.csv", "zip,code,flag\n02134,7,1\n10001,x,0\n94105,9,1\n")
put("quoted_cr_in_field.csv", 'a,b\r\n"x\ry",1\r\n')
put("trailing_delimiter.csv", "a,b,\n1,2,\n3,4,\n")
put("utf16le_no_bom.csv", "id,name\n1,Ana\n2,Bo\n3,Cy\n".encode("utf-16-le"))
put("no_header_mixed.csv", "ann,3,2024-01-01\nbob,4,2024-01-02\ncy,5,2024-01-03\n")
