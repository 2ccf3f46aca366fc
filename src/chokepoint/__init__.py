"""chokepoint: keep Western components out of Iranian-designed attack drones.

Screening of parties, goods and transactions against sanctions lists, Caspian
dark-vessel monitoring and report-to-entity linking, in one toolkit.
"""

__version__ = "0.1.0"
