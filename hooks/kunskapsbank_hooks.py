"""MkDocs adapter for the kunskapsbank engine: a few lines per event.

MkDocs imports this module once per `mkdocs serve`, so all state lives in
``_state`` and is reset in ``on_config``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files

from kunskapsbank.errors.catalogue import ConfigError
from kunskapsbank.site.csp import with_policy, without_policy
from kunskapsbank.site.plan import ContentProblems, SiteBuild
from kunskapsbank.site.search import SearchIndexError

log = logging.getLogger("mkdocs.hooks.kunskapsbank")
_state: dict[str, SiteBuild] = {}
_preview = {"serving": False}  # `mkdocs serve` injects an inline live-reload script


def on_startup(command, dirty) -> None:
    _preview["serving"] = command == "serve"


def on_config(config):
    _state.clear()
    try:
        _state["build"] = SiteBuild.load(Path(config.config_file_path).parent)
    except ContentProblems as exc:
        print(exc.report, file=sys.stderr)
        raise Abort("Bygget avbröts: rätta problemen ovan och försök igen.") from None
    except ConfigError as exc:  # a broken setting or schema: its message, not a traceback
        raise Abort(f"Bygget avbröts: {exc}") from None
    return config


def on_serve(server, config, builder):
    """Watch the content the engine reads, whatever mkdocs.yml's ``watch`` lists."""
    layout = _state["build"].layout
    for folder in (layout.cases_dir, layout.schemas_dir, layout.root / "data"):
        if folder.is_dir():
            server.watch(str(folder))
    return server


def on_env(env, config, files):
    """Keep the theme's compiled templates between builds: compiling them took a third of
    a small site's build. Jinja checks each template's checksum, and the cache lives in a
    folder only this user can write (it refuses to run from any other)."""
    try:
        env.bytecode_cache = FileSystemBytecodeCache()
    except (RuntimeError, OSError):
        log.debug("Mallcachen kan inte användas; mallarna kompileras vid varje bygge.")
    return env


def on_files(files: Files, config) -> Files:
    build = _state["build"]
    for src_uri in build.generator_pages():
        files.append(File.generated(config, src_uri, content=""))
    for dest, content in build.static_files().items():
        files.append(File.generated(config, dest, content=content))
    for source, dest in build.assets():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    build = _state["build"]
    src_uri = page.file.src_uri
    if build.shell_page(src_uri):
        page.title = build.shells.title
        page.meta = {
            "description": build.shells.description,
            "hide": ["toc"],
            "kb_generated": True,
            "kb_head": build.shells.head,
        }
        page.edit_url = None
        return ""
    generated = build.page(src_uri)
    if generated is not None:
        page.title = generated.title
        page.meta = {"description": generated.description, "hide": ["toc"], "kb_generated": True}
        page.edit_url = None
        return ""
    guide = build.guide(src_uri)
    if guide is not None and guide.data.get("summary"):
        page.meta["description"] = guide.data["summary"]
    return build.guide_markdown(src_uri, markdown)


def on_page_content(html: str, page, config, files) -> str:
    build = _state["build"]
    if build.shell_page(page.file.src_uri):
        return build.shells.content
    generated = build.page(page.file.src_uri)
    if generated is not None:
        return generated.html
    return build.guide_html(page.file.src_uri, html)


def on_post_page(output: str, page, config) -> str:
    build = _state["build"]
    output = without_policy(output) if _preview["serving"] else with_policy(output)
    if build.shell_page(page.file.src_uri):
        build.capture_shell(page.file.src_uri, output, page.url)
    return output


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Theme pages such as 404.html get the same Content-Security-Policy."""
    if template_name.endswith(".html"):
        if _preview["serving"]:
            return without_policy(output_content)
        return with_policy(output_content)
    return output_content


def on_post_build(config) -> None:
    try:
        _state["build"].post_build(Path(config.site_dir))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
