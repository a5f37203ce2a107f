"""The engine's own tests, standard library only (unittest), so the very same files run in CPython
(collected by pytest) and inside Pyodide under Node against the engine zip shipped in dist/."""
