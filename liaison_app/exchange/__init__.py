"""Spreadsheet exchange (Qt-free): records in → ``.xlsx`` out, and later ``.xlsx`` → records.

openpyxl is imported inside the functions that write or read workbooks, so importing this
package costs nothing at start-up (HOUSE-STYLE rule 15).
"""
