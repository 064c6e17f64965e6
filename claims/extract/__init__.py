"""Text -> claims (CLAIM-SPEC.md): pure functions, no I/O, no database.

`extract_claims(text, published)` is the public entry point; the modules
behind it are numbers, units, periods, context (subject, metric, hedge),
attribution (speakers and quotes) and assemble (the pipeline).

A module's `__all__` is its internal API: the names other modules of the
package import from it (a leading underscore marks a name private to its
module). The layers, each module importing only from those listed before it:

- leaves, importing nothing from the package: places, units, sentences,
  quotes, context, fields, lexicon, respectively;
- names <- lexicon, places; casualties <- places; leads <- context, names, places;
  requirements <- context, names; numbers <- casualties, context, names, units;
  periods <- context, lexicon, names, numbers, places, sentences, units; metrics <- context,
  leads, lexicon, names, places, units;
- frames <- context, names, places; coref <- context, frames, names, places;
  figures <- context, names, periods, sentences; subjects <- context, fields, leads,
  lexicon, names, places;
- speakers <- context, coref, frames, names, quotes; attribution <- speakers;
- assemble (the pipeline) <- attribution, casualties, context, fields, figures, frames,
  leads, lexicon, metrics, names, numbers, periods, places, requirements, respectively,
  sentences, subjects, units.
"""

from claims.extract.assemble import extract_claims

__all__ = ["extract_claims"]
