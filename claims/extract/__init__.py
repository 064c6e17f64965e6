"""Text -> claims (CLAIM-SPEC.md): pure functions, no I/O, no database.

`extract_claims(text, published)` is the public entry point; the modules
behind it are numbers, units, periods, context (subject, metric, hedge),
attribution (speakers and quotes) and assemble (the pipeline).

A module's `__all__` is its internal API: the names other modules of the
package import from it (a leading underscore marks a name private to its
module). The layers, each module importing only from those listed before it:

- leaves, importing nothing from the package: places, units, sentences,
  quotes, context, fields, lexicon;
- names <- lexicon, places; leads <- context, names, places; requirements <- names;
  numbers <- casualties, names, units; periods <- names, numbers, places, sentences, units;
  casualties <- places; metrics <- context, leads, lexicon, names;
- frames <- names, places; coref <- frames, names, places; figures <- names, periods,
  sentences; subjects <- context, fields, leads, names, places;
- speakers <- coref, frames, names, quotes; attribution <- speakers;
- assemble (the pipeline) <- attribution, casualties, context, figures, frames,
  leads, lexicon, metrics, names, numbers, periods, places, requirements, sentences,
  subjects, units.
"""

from claims.extract.assemble import extract_claims

__all__ = ["extract_claims"]
