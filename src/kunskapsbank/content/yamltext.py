"""YAML syntax errors in plain Swedish: the parser's English message -> a detail."""

from __future__ import annotations

import yaml

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "ett kolon står där det inte får stå "
    "(sätt texten inom citattecken)",
    "could not find expected ':'": "ett kolon saknas efter fältnamnet",
    "found character '\\t' that cannot start any token": "en tabb används för indrag "
    "(använd mellanslag)",
    "found undefined alias": "ett alias pekar på ett ankare som inte finns",
    "did not find expected key": "indraget stämmer inte med raderna ovanför",
    "found unexpected end of stream": "texten tar slut mitt i ett värde (saknas ett citattecken?)",
    "found unknown escape character": "ett omvänt snedstreck (\\) står före ett tecken "
    "som inte får stå där",
    "did not find expected node content": "ett värde saknas",
    "found unexpected ':'": "ett kolon står där det inte får stå",
    "expected ',' or ']', but got": "en lista inom hakparenteser är inte avslutad",
    "expected ',' or '}', but got": "en mappning inom klammerparenteser är inte avslutad",
    "did not find expected '-' indicator": "indraget i en lista stämmer inte",
    "found character that cannot start any token": "ett tecken som inte får inleda ett värde "
    "(sätt texten inom citattecken)",
}


def yaml_detail(exc: yaml.MarkedYAMLError) -> str:
    """A YAML syntax error in plain Swedish, for the problem's detail."""
    text = exc.problem or ""
    for key, swedish in _YAML_PROBLEMS.items():
        if text.startswith(key) or key in text:
            return swedish
    return f"YAML-fel ({text})" if text else "okänt YAML-fel"
