"""Words around an amount that money and quantities read alike.

"rose from X to Y" states two amounts, not a range; "to 1.26 billion from 129 mln" leaves the
second amount's currency or unit to the first. Both finders read these cues the same way, so
the patterns live here once.
"""

from __future__ import annotations

import re

from factx.normalize.numbers import NUMBER_PATTERN

__all__ = ["BARE_MAGNITUDE", "CHANGE_VERBS", "SENTENCE_END"]

#: Verbs of change before "from X to Y" (money and quantities alike)
CHANGE_VERBS = (
    r"rose|rise|rising|risen|fell|fall|falling|fallen|increased?|increases|increasing|"
    r"decreased?|grew|grow|growing|climbed?|jumped?|dropped?|declined?|up|down|expanded?|"
    r"expands|expanding|surged?|slipped|slumped|doubled|tripled|raised?|raises|raising|cuts?|"
    r"cutting|reduced?|reduces|reducing|lift|lifts|lifted|lifting|boosted?|boosts|boosting"
)

#: "129 mln" with no currency or unit, followed by a word that ends the amount's phrase
BARE_MAGNITUDE = re.compile(
    rf"(?<![\w$€£¥₹.,])(?P<num>{NUMBER_PATTERN})\s+(?P<mag>(?i:mln|million|billion|bln|bn|trillion))"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:in|from|to|a|an|last|the|and|or|at|on|for|against|compared|"
    r"versus|vs|with|this|previously|earlier|before|after|year|month|week|quarter|during|"
    r"over|under|by|were|was|is|are|while|as|according|despite|but|up|down)\b))"
)

#: A sentence or paragraph boundary, to keep inheritance within one sentence and the next
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\n]|\n\s*\n")
