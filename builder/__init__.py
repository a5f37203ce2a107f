"""Diagnum's static-site builder: content/ (YAML + Markdown) → dist/ (HTML, JSON, Pyodide, engine).

Data flows one way: ``content`` loads files, ``checks`` validates what spans them, ``bundle``
writes the referential the engine reads, ``site`` renders pages, ``build`` runs the pipeline into
a temporary folder and swaps it in only when everything succeeded.
"""
