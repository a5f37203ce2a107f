"""One exception type for everything the engine refuses, with a stable code and a French message.

The code lets the browser glue react (e.g. offer a fresh start on ``state-invalid``); the message
is what a learner or mediator reads.
"""


class EngineError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
