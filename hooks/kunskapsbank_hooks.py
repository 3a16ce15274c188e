"""MkDocs adapter for the kunskapsbank engine: a few lines per event.

MkDocs imports this module once per `mkdocs serve`, so all state lives in
``_state`` and is reset in ``on_config``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files

from kunskapsbank.search import SearchIndexError
from kunskapsbank.site import ContentProblems, SiteBuild

log = logging.getLogger("mkdocs.hooks.kunskapsbank")
_state: dict[str, SiteBuild] = {}


def on_config(config):
    _state.clear()
    try:
        _state["build"] = SiteBuild.load(Path(config.config_file_path).parent)
    except ContentProblems as exc:
        print(exc.report, file=sys.stderr)
        raise Abort("Bygget avbröts: rätta problemen ovan och försök igen.") from None
    return config


def on_files(files: Files, config) -> Files:
    build = _state["build"]
    for page in build.generated_pages():
        files.append(File.generated(config, page.src_uri, content=""))
    for dest, content in build.static_files().items():
        files.append(File.generated(config, dest, content=content))
    for source, dest in build.assets():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    generated = _state["build"].page(page.file.src_uri)
    if generated is None:
        guide = _state["build"].guide(page.file.src_uri)
        if guide is not None and guide.data.get("summary"):
            page.meta["description"] = guide.data["summary"]
        return markdown
    page.title = generated.title
    page.meta = {"description": generated.description, "hide": ["toc"]}
    return ""


def on_page_content(html: str, page, config, files) -> str:
    build = _state["build"]
    generated = build.page(page.file.src_uri)
    if generated is not None:
        return generated.html
    return build.guide_html(page.file.src_uri, html)


def on_post_build(config) -> None:
    try:
        _state["build"].post_build(Path(config.site_dir))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
