"""Spreadsheet exchange (openpyxl): the national templates an office fills in and sends on."""
