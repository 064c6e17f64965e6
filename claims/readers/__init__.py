"""Readers: every form an article comes in, made into an `Article` (text and metadata,
nothing stored).

- `claims.readers.article`: the Article, its metadata fields, and the checks and
  clean-up every article's text passes (prepare_text, check_text, make_article);
- `claims.readers.html`: a web page's main text and metadata (trafilatura);
- `claims.readers.markdown`: a Markdown article and its YAML front matter;
- `claims.readers.files`: one article from a .txt, .md, .html or .htm file;
- `claims.readers.urls`: one article fetched from a URL (claims.fetch's rules);
- `claims.readers.bulk`: the many articles of folders, .jsonl and .csv files, URLs,
  each read only when its turn comes.

Storing an article and its claims is claims.ingest's.
"""
