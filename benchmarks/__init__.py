"""Benchmarks of Diagnum's adaptive engine (standard library only).

``python -m benchmarks.engine --help``: simulated learners answer the referential's challenges
under truth models the engines never see; our engine is compared with random tests and with a
re-implementation of Pix's smart-random algorithm. See ``docs/benchmark-engine.md``.
"""
