"""Text -> claims (CLAIM-SPEC.md): pure functions, no I/O, no database.

`extract_claims(text, published)` is the public entry point; the modules
behind it are numbers, units, periods, context (subject, metric, hedge),
attribution (speakers and quotes) and assemble (the pipeline).
"""

from claims.extract.assemble import extract_claims

__all__ = ["extract_claims"]
