#!/usr/bin/python3
"""tests/data/office/xlsx_dump.py — an .xlsx as openpyxl (Debian's python3-openpyxl) reads
it, as JSON on stdout, for tests/officelib.c: every sheet with its name, whether it is
protected, its data validations (type, operator, formula1, range), its merged ranges, the
comments of its cells, and its cells (reference, value, openpyxl's data type, number format,
locked), blank locked cells left out. Dates as YYYY-MM-DD.

Usage: xlsx_dump.py FILE.xlsx [values]   (values: the cached values of formulas)"""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], data_only=len(sys.argv) > 2)
sheets = []
for ws in book.worksheets:
    cells, comments = {}, {}
    for row in ws.iter_rows():
        for c in row:
            prot = getattr(c, "protection", None)
            locked = bool(prot.locked) if prot is not None else True
            if getattr(c, "comment", None) is not None:
                comments[c.coordinate] = c.comment.text
            if c.value is None and locked:
                continue
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.strftime("%Y-%m-%d")
            cells[c.coordinate] = {"value": v, "type": c.data_type,
                                   "format": c.number_format, "locked": locked}
    sheets.append({
        "name": ws.title,
        "protected": bool(ws.protection.sheet),
        "max_row": ws.max_row,
        "validations": [{"type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
                         "sqref": str(dv.sqref)} for dv in ws.data_validations.dataValidation],
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "comments": comments,
        "cells": cells,
    })
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
