"""The engine refuses a response too large to be a learner's answer, with a French message."""

import unittest

from engine.protocol import MAX_RESPONSE_ITEMS, MAX_RESPONSE_LENGTH, handle

from .bank import make_bank


class ResponseLimitTests(unittest.TestCase):
    def setUp(self):
        self.assertTrue(handle({"type": "init", "referential": make_bank()})["ok"])
        self.start = handle({"type": "start", "competences": ["1.1"], "seed": 3})

    def answer(self, response):
        return handle({"type": "answer", "state": self.start["state"],
                       "challenge": self.start["challenge"]["id"], "response": response})

    def assert_refused(self, response):
        out = self.answer(response)
        self.assertFalse(out["ok"])
        self.assertEqual(out["error"]["code"], "response-too-long")
        self.assertIn("réponse", out["error"]["message"])

    def test_a_response_at_the_limit_is_recorded(self):
        out = self.answer("a" * MAX_RESPONSE_LENGTH)
        self.assertTrue(out["ok"])
        self.assertEqual(len(out["state"]["answers"]), 1)

    def test_a_longer_text_is_refused(self):
        self.assert_refused("a" * (MAX_RESPONSE_LENGTH + 1))

    def test_a_dict_with_a_long_value_or_too_many_keys_is_refused(self):
        self.assert_refused({"reponse": "a" * (MAX_RESPONSE_LENGTH + 1)})
        self.assert_refused({f"k{i}": "a" for i in range(MAX_RESPONSE_ITEMS + 1)})

    def test_a_list_with_too_many_items_is_refused(self):
        self.assert_refused(list(range(MAX_RESPONSE_ITEMS + 1)))


if __name__ == "__main__":
    unittest.main()
