"""Start the dashboard: `streamlit run app.py ARGS...`, as Streamlit's own command does.

One thing differs. A folder named pages/ beside app.py makes Streamlit treat it as an
old-style multipage folder until app.py's st.navigation has run once in the server
process: the first visitor who opens a shared link (/timeline?...) is shown "Page not
found" and the sidebar lists raw file names. The pages here are st.navigation's, so the
server is told so before it starts (streamlit/streamlit#9624).
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
