"""What a report may hold: every bound in one place (pure; imports nothing of hxdesk).

A town's annual report is a few dozen sections, a few hundred figures, counts below a billion and
rates with a decimal or two.  The bounds are far above that and far below what breaks the
renderer, the statistics or Python (a 4000-digit number, a formula nested 3000 deep).  They are
checked when a file is read (interchange import, .docx/.txt import), when a value is typed, and
before the store saves; evaluation of formulas stays within them whatever the database holds.
"""

from __future__ import annotations

from decimal import Decimal

# ------------------------------------------------------------------ figures

#: Largest value a figure may hold (typed, imported or stored); guards against typos such as 1e30.
MAX_VALUE = Decimal("1000000000000")
#: Digits after the point of a value (3.1415926 is a typo, not a count).
MAX_FRACTION_DIGITS = 6
#: What an older hxdesk let into a database from a file (read back, never written anew).
MAX_STORED_FRACTION_DIGITS = 12
#: A computed figure (and every step of its formula) stays below this, in absolute value.
MAX_COMPUTED = Decimal("1000000000000000")
#: Decimal places a derived figure is rounded to.
MAX_DECIMALS = 4
#: A formula: its length in characters, its numbers and names, how deeply it nests.
MAX_FORMULA_LENGTH = 500
MAX_FORMULA_TERMS = 50
MAX_FORMULA_DEPTH = 60  # a sum of MAX_FORMULA_TERMS figures nests that deep, and a few brackets more
#: Formulas reading formulas (办结率 → 办结率同比 is two).
MAX_FORMULA_CHAIN = 10
MAX_FIGURES = 5000

# ------------------------------------------------------------------ texts and sizes

#: Longest text one field may hold (a paragraph, a point); a paragraph of a report is far shorter.
MAX_TEXT = 200_000
MAX_TITLE_LENGTH = 200
MAX_LINE_LENGTH = 1000  # a heading, an issuer, a signature, a table cell
MAX_LABEL_LENGTH = 100  # a figure's name
MAX_UNIT_LENGTH = 20
MAX_SECTIONS = 5000
MAX_BLOCKS = 20000
#: Points of one list (一是……).
MAX_POINTS = 100
#: Chinese numerals are written up to 九百九十九: a database holding more points or sections of one
#: level (an older hxdesk let them in) cannot be read; fewer, and longer texts, still can.
MAX_NUMBERED = 999
#: Sections of one level (一、…… or 1.……): as many as can be numbered. A report has a handful of parts,
#: but an annex of numbered items may run to a few hundred (and the import benchmark's 100× report
#: has 300 parts); MAX_SECTIONS bounds the whole tree.
MAX_SIBLINGS = MAX_NUMBERED
