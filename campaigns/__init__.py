"""Campaigns without a server: codes a person can type, result codes, and the mediator's figures.

Standard library only: it runs in CPython for tests and tools, and in Pyodide on the mediator's
and the participant's pages, like the engine.
"""
