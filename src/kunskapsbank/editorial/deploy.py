"""Where the site lives: settings a release must not publish with their placeholders.

``site_url``, ``repo_url``, ``edit_uri`` and the editors' address
(``extra.kunskapsbank.editors_email``) come from mkdocs.yml, where the release
workflow fills them from the repository and the Pages environment (MkDocs'
``!ENV``). A local build may keep the placeholders; a release may not.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from kunskapsbank.config import Settings
from kunskapsbank.errors.catalogue import ConfigError
from kunskapsbank.render.contribute import editors_email

# Domains reserved for examples and tests (RFC 2606, RFC 6761): never a real site or mailbox.
RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")
RESERVED_DOMAINS = ("example.com", "example.org", "example.net", "localhost")


def is_placeholder_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    if not host:
        return True
    if host in RESERVED_DOMAINS or any(host.endswith("." + d) for d in RESERVED_DOMAINS):
        return True
    return any(host.endswith(s) or host == s[1:] for s in RESERVED_SUFFIXES)


def placeholder_settings(settings: Settings) -> list[str]:
    """Swedish lines naming each setting that still holds a placeholder or is missing."""
    problems = []
    url = settings.site_url.strip()
    host = urlsplit(url).hostname or ""
    if not url:
        problems.append(
            "site_url saknas: webbplatsens adress behövs för länkar, webbflöde och sitemap. "
            "Ange SITE_URL (arbetsflödet för utgåvor gör det från GitHub Pages)."
        )
    elif is_placeholder_host(host):
        problems.append(
            f"site_url är platshållaren '{url}'. Ange webbplatsens riktiga adress i SITE_URL "
            "(arbetsflödet för utgåvor gör det från GitHub Pages)."
        )
    email = editors_email(settings)
    domain = email.rpartition("@")[2]
    if not email or "@" not in email:
        problems.append(
            "Redaktionens e-postadress saknas (extra.kunskapsbank.publisher.email). Ange den i "
            "KUNSKAPSBANK_EDITORS_EMAIL, till exempel som en variabel i GitHub-repots "
            "inställningar."
        )
    elif is_placeholder_host(domain):
        problems.append(
            f"Redaktionens e-postadress är platshållaren '{email}'. Ange redaktionens riktiga "
            "funktionsbrevlåda i KUNSKAPSBANK_EDITORS_EMAIL, till exempel som en variabel i "
            "GitHub-repots inställningar."
        )
    return problems


def check_release_settings(settings: Settings) -> None:
    """ConfigError (exit 2) when a release would publish a placeholder address."""
    problems = placeholder_settings(settings)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise ConfigError("release-placeholder", problems=lines)
