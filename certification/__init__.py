"""« Certification blanche »: a rehearsal of Pix's certification, honestly labelled as such.

Standard library only (it runs in Pyodide on the candidate's and the mediator's pages): who is
eligible, which challenges a candidate gets, how a session is scored, and the session codes.
"""
