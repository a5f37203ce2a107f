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


# --- Guards: loaders, aliases, duplicate keys, texts cut by « # », BOM, French messages ---------

import pytest  # noqa: E402
import yaml  # noqa: E402

from builder import yamlfile  # noqa: E402

SAMPLE = """\
titre: Les mots de passe
acquis:
  - niveau: 1
    intitule: "Reconnaître # un mot"
    epreuves:
      - id: a
        propositions:
          - Un
          - |
            Deux lignes
            ici
        reponse: 2  # la deuxième
"""


def _lines(value, out=None):
    out = [] if out is None else out
    out.append(getattr(value, "line", None))
    if isinstance(value, dict):
        out.append(sorted(value.key_lines.items()))
        for v in value.values():
            _lines(v, out)
    elif isinstance(value, list):
        for v in value:
            _lines(v, out)
    return out


def test_libyaml_is_used_when_available():
    assert yaml.__with_libyaml__, "PyYAML sans libyaml : le chargement est plus lent"
    assert yamlfile.LOADER is yaml.CBaseLoader


def test_both_loaders_give_the_same_values_and_lines(monkeypatch):
    fast = parse(SAMPLE, first_line=3)
    monkeypatch.setattr(yamlfile, "LOADER", yaml.BaseLoader)
    slow = parse(SAMPLE, first_line=3)
    assert fast == slow
    assert _lines(fast) == _lines(slow)
    assert fast["acquis"][0]["epreuves"][0].line_of("reponse") == 14
    assert fast["acquis"][0]["intitule"] == "Reconnaître # un mot"


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
def test_alias_bomb_is_refused_before_any_expansion(monkeypatch, loader):
    monkeypatch.setattr(yamlfile, "LOADER", getattr(yaml, loader))
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    text = "\n".join(bomb) + "\n"
    assert len(text) < 1100
    composed = []
    monkeypatch.setattr(yamlfile, "_Converter", lambda *a: composed.append(a))
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert composed == []  # refused from the event stream, before a tree is built
    assert caught.value.line == 1
    assert "ancres et alias" in caught.value.message


def test_an_alias_alone_is_refused_with_its_line():
    with pytest.raises(YamlError) as caught:
        parse("a: 1\nb: *x\n")
    assert caught.value.line == 2
    assert "« * »" in caught.value.message or "alias" in caught.value.message


def test_a_key_given_twice_names_both_lines():
    with pytest.raises(YamlError) as caught:
        parse("id: a\nreponse: 1\ntitre: t\nreponse: 2\n")
    assert caught.value.line == 4
    assert "« reponse » est donnée deux fois" in caught.value.message
    assert "lignes 2 et 4" in caught.value.message


def test_every_duplicate_is_reported_at_once():
    with pytest.raises(YamlError) as caught:
        parse("a: 1\na: 2\nl:\n  - b: 1\n    b: 2\n", first_line=10)
    assert [line for line, _ in caught.value.problems] == [11, 14]


@pytest.mark.parametrize("text, line", [
    ("propositions:\n  - La touche #\n  - La touche *\n", 2),
    ("intitule: Taper les caractères (@, €, #)\n", 1),
    ("mot: bonjour #hashtag\n", 1),
    ("consigne: Un texte\n  sur deux lignes # coupé\n", 2),
])
@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
def test_a_text_cut_by_a_comment_is_an_error(monkeypatch, loader, text, line):
    monkeypatch.setattr(yamlfile, "LOADER", getattr(yaml, loader))
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.line == line
    assert "le texte est coupé par « # »" in caught.value.message
    assert "guillemets" in caught.value.message


def test_comments_after_numbers_ids_or_on_their_own_line_stay_allowed():
    data = parse("# en-tête\nreponse: 2  # la B\nid: mots-1a # premier\nniveau: 3 #\n"
                 "titre: \"La touche #\"  # entre guillemets\nt: 'a # b'\nl: [1, 2] # x\n"
                 "texte: |\n  Tapez # puis 1\n")
    assert data["reponse"] == "2"
    assert data["id"] == "mots-1a"
    assert data["titre"] == "La touche #"
    assert data["texte"] == "Tapez # puis 1\n"


def test_a_bom_at_the_start_is_ignored():
    data = parse("\ufeffa: 1\nb: 2\n")
    assert data == {"a": "1", "b": "2"}
    assert data.line_of("b") == 2


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
@pytest.mark.parametrize("text, line, fragment", [
    ("titre: Attention: piège\n", 1, "« : » suivi d'une espace"),
    ("a:\n\t- b\n", 2, "tabulation interdite : indentez avec des espaces"),
    ("a: [b\n", 1, "crochets non fermée"),
    ("- a\nb: c\n", 2, "indentation incorrecte"),
    ("a: @b\n", 1, "un texte ne peut pas commencer par « @ »"),
    ("a: `b`\n", 1, "un texte ne peut pas commencer par « ` »"),
    ('a: "b\n', 1, "n'est pas fermé"),
    ("a: 1\n---\nb: 2\n", 2, "un seul document"),
])
def test_parser_messages_are_in_french(monkeypatch, loader, text, line, fragment):
    monkeypatch.setattr(yamlfile, "LOADER", getattr(yaml, loader))
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.message.startswith("YAML invalide : ")
    assert fragment in caught.value.message
    assert abs(caught.value.line - line) <= 1


def test_an_unknown_parser_message_keeps_a_french_prefix():
    assert yamlfile.translate("something new").startswith("YAML invalide (message de "
                                                          "l'analyseur, en anglais) : ")
