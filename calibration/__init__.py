"""Calibration of the challenges from collected answers (``diagnum calibrate``).

A package of its own, standard library only (it imports the engine, which is too): it reads
result files (``inputs``), estimates each challenge's difficulty and discrimination by marginal
maximum likelihood with EM under the engine's item model (``estimate``), writes the calibration
file the builder checks and bundles for the engine (``calfile``), and an editors' report
(``report``). See docs/guide-redaction.md, « Calibrer les épreuves », and docs/architecture.md.
"""
