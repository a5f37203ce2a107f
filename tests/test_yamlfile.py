from builder.yamlfile import YamlError, parse


def test_codes_and_words_stay_text():
    data = parse('competences: [1.10, 2.1]\nreponse: no\nduree: 1:30\ncode: 01234\nd: 2024-05-01\n')
    assert data["competences"] == ["1.10", "2.1"]
    assert data["reponse"] == "no"
    assert data["duree"] == "1:30"
    assert data["code"] == "01234"
    assert data["d"] == "2024-05-01"


def test_lines_are_remembered_and_shifted():
    data = parse("a: 1\nliste:\n  - x\n  - y: 2\n", first_line=5)
    assert data.line_of("liste") == 6
    assert data["liste"][0].line == 7
    assert data["liste"][1].line_of("y") == 8


def test_syntax_error_has_a_line():
    try:
        parse("a: [1, 2\nb: 3\n")
    except YamlError as exc:
        assert exc.line >= 1
        assert "YAML invalide" in exc.message
    else:
        raise AssertionError("expected a YamlError")
