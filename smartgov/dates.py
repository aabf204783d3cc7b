"""The range of dates the portal accepts in periods and filters.

Wide enough for any project's log, narrow enough that a date from a URL never
overflows date arithmetic or the database (year 1 or 9999), and that figures
per month stay a finite list.
"""

from datetime import date

EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
