"""The page policy: hashes of exactly the inline scripts that run, and nothing unsafe."""

from __future__ import annotations

import base64
import hashlib

from kunskapsbank.site.csp import META, policy, script_hashes, with_policy


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


PAGE = (
    f"<html><head><meta charset='utf-8'>{META}<script>var a=1</script>"
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="assets/x.js"></script></head><body><script>\nb()\n</script></body></html>'
)


def test_hashes_cover_inline_scripts_only() -> None:
    assert script_hashes(PAGE) == [_hash("var a=1"), _hash("\nb()\n")]


def test_policy_in_the_placeholder() -> None:
    out = with_policy(PAGE)
    assert "kunskapsbank-csp" not in out
    assert _hash("var a=1") in out
    directives = dict(d.strip().split(" ", 1) for d in policy([]).split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]


def test_policy_inserted_when_the_template_has_no_placeholder() -> None:
    out = with_policy("<html><head><title>x</title></head><body></body></html>")
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="')
