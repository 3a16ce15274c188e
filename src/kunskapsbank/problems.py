"""Problems are data: a catalogue of codes with Swedish messages and hints.

Checks create ``Problem`` objects through :func:`problem`; printers (text,
GitHub annotations, JSON) are separate functions at the bottom of the module.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from .safetext import printable


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    code: str
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.field, self.code)


@dataclass(frozen=True, slots=True)
class Entry:
    title: str
    message: str
    hint: str | None = None


# Each entry: a short Swedish title, a message template and a hint template.
# Templates use str.format with the keyword arguments a check passes.
CATALOGUE: dict[str, Entry] = {
    # File level
    "file-encoding": Entry(
        "Fel teckenkodning",
        "Filen är inte sparad som UTF-8 (första felet på rad {line_no}, byte {position}).",
        "Spara filen igen med teckenkodningen UTF-8. I de flesta redigerare finns "
        "det under Spara som eller Arkiv > Teckenkodning.",
    ),
    "file-empty": Entry(
        "Tom fil",
        "Filen är tom.",
        "Börja med en kopia av mallen: kör 'kunskapsbank new-case <namn>' eller kopiera ett "
        "befintligt fall.",
    ),
    "file-too-large": Entry(
        "För stor fil",
        "Filen är {size} byte. Största tillåtna storlek är {limit} byte.",
        "Korta texten eller lägg stora bilder som separata filer i cases/assets/.",
    ),
    "file-symlink": Entry(
        "Länkad fil",
        "Filen är en symbolisk länk. Länkar läses och publiceras aldrig.",
        "Lägg själva filen i mappen i stället för en länk till den.",
    ),
    "file-unreadable": Entry(
        "Filen går inte att läsa",
        "Filen går inte att läsa: {reason}.",
        None,
    ),
    "file-name": Entry(
        "Ogiltigt filnamn",
        "Filnamnet '{name}' går inte att använda som adress för fallet.",
        "Använd 3–80 tecken: små bokstäver a–z utan å, ä och ö, siffror och bindestreck, "
        "till exempel '{suggestion}.md'.",
    ),
    # Frontmatter and YAML
    "frontmatter-missing": Entry(
        "Metadata saknas",
        "Filen saknar metadata (frontmatter) överst.",
        "Första raden ska vara tre bindestreck '---', sedan fälten, och sedan en rad med "
        "'---' igen innan texten börjar.",
    ),
    "frontmatter-unclosed": Entry(
        "Metadata avslutas inte",
        "Metadatan som börjar på rad 1 avslutas aldrig med en rad '---'.",
        "Lägg till en rad med bara '---' efter det sista fältet.",
    ),
    "frontmatter-not-mapping": Entry(
        "Metadata har fel form",
        "Metadatan ska bestå av fält på formen 'namn: värde'.",
        "Kontrollera att varje rad börjar med ett fältnamn följt av kolon.",
    ),
    "yaml-syntax": Entry(
        "Fel i metadatans syntax",
        "Metadatan går inte att läsa: {detail}.",
        "Vanliga orsaker: ett kolon i en text utan citattecken, fel indrag eller en tabb. "
        "Sätt text som innehåller ':' inom citattecken.",
    ),
    "yaml-duplicate-key": Entry(
        "Fält finns två gånger",
        "Fältet '{key}' finns två gånger. Det förekommer första gången på rad {first_line}.",
        "Ta bort det ena av dem, eller slå ihop innehållet.",
    ),
    "yaml-anchor": Entry(
        "Ankare är inte tillåtna",
        "YAML-ankare ('&{name}') är inte tillåtna.",
        "Skriv ut värdet på varje ställe där det behövs i stället för att hänvisa till det.",
    ),
    "yaml-alias": Entry(
        "Alias är inte tillåtna",
        "YAML-alias ('*{name}') är inte tillåtna.",
        "Skriv ut värdet här i stället för att hänvisa till ett ankare.",
    ),
    "yaml-tag": Entry(
        "Okänd typmarkering",
        "Typmarkeringen '{tag}' är inte tillåten.",
        "Ta bort markeringen som börjar med '!' och skriv bara värdet.",
    ),
    "yaml-too-deep": Entry(
        "För djupt nästlad metadata",
        "Metadatan är nästlad i mer än {limit} nivåer.",
        "Fälten i modellen har högst några nivåer. Kontrollera indragen.",
    ),
    # Schema
    "unknown-key": Entry(
        "Okänt fält",
        "Fältet '{key}' finns inte i innehållsmodellen.",
        "{suggestion}",
    ),
    "required": Entry(
        "Obligatoriskt fält saknas",
        "Det obligatoriska fältet '{key}' saknas.",
        "Lägg till '{key}:' med ett värde. {description}",
    ),
    "type": Entry(
        "Fel sorts värde",
        "Fel sorts värde: här ska det stå {expected}, men det står {actual}.",
        "{advice}",
    ),
    "vocabulary": Entry(
        "Värdet finns inte i listan",
        "'{value}' är inte ett tillåtet värde för {field_label}.",
        "{suggestion}",
    ),
    "enum": Entry(
        "Otillåtet värde",
        "'{value}' är inte ett tillåtet värde.",
        "Tillåtna värden: {allowed}.",
    ),
    "too-short": Entry(
        "För kort text",
        "Texten är {length} tecken. Den ska vara minst {limit} tecken.",
        "Skriv lite mer, gärna en hel mening.",
    ),
    "too-long": Entry(
        "För lång text",
        "Texten är {length} tecken. Den får vara högst {limit} tecken.",
        "Korta texten till högst {limit} tecken.",
    ),
    "too-few": Entry(
        "För få värden",
        "Listan har {count} värden. Den ska ha minst {limit}.",
        "Lägg till fler rader som börjar med '- '.",
    ),
    "too-many": Entry(
        "För många värden",
        "Listan har {count} värden. Den får ha högst {limit}.",
        "Välj de {limit} viktigaste.",
    ),
    "not-unique": Entry(
        "Samma värde flera gånger",
        "Samma värde står flera gånger i listan.",
        "Ta bort dubbletterna.",
    ),
    "out-of-range": Entry(
        "Talet är utanför gränserna",
        "Talet {value} är utanför det tillåtna intervallet ({bounds}).",
        None,
    ),
    "date-format": Entry(
        "Fel datumformat",
        "'{value}' är inte ett datum på formen ÅÅÅÅ-MM-DD.",
        "Skriv till exempel 2026-03-15.",
    ),
    "month-format": Entry(
        "Fel månadsformat",
        "'{value}' är inte en månad på formen ÅÅÅÅ-MM.",
        'Skriv år och månad inom citattecken, till exempel "2024-09".',
    ),
    "email": Entry(
        "Ogiltig e-postadress",
        "'{value}' är inte en giltig e-postadress.",
        "Skriv en fullständig adress, till exempel upphandling@kommun.se. "
        "Använd gärna en funktionsbrevlåda.",
    ),
    "url-https": Entry(
        "Ogiltig webbadress",
        "'{value}' är inte en giltig webbadress som börjar med https://.",
        "Använd den säkra adressen som börjar med https://, utan mellanslag. De flesta "
        "webbplatser har en.",
    ),
    "slug-format": Entry(
        "Ogiltigt namn på fall",
        "'{value}' är inte ett giltigt namn på ett fall.",
        "Använd filnamnet utan .md, med små bokstäver a–z, siffror och bindestreck.",
    ),
    "guide-path-format": Entry(
        "Ogiltig sökväg till vägledning",
        "'{value}' är inte en giltig sökväg till en vägledningssida.",
        "Skriv sökvägen under docs/ utan .md, till exempel 'vagledning/mandat'.",
    ),
    "invalid": Entry(
        "Ogiltigt värde",
        "Värdet uppfyller inte regeln för fältet: {detail}.",
        None,
    ),
    # Named checks
    "period-order": Entry(
        "Perioden slutar innan den börjar",
        "Slutet ({end}) ligger före starten ({start}).",
        "Kontrollera årtal och månad i 'start' och 'end'.",
    ),
    "period-end-required": Entry(
        "Slutdatum saknas",
        "Fallet har status '{status}' men 'period' saknar 'end'.",
        "Lägg till 'end: \"ÅÅÅÅ-MM\"' under 'period', eller ändra status till 'pagaende'.",
    ),
    "review-before-published": Entry(
        "Granskad före publicering",
        "'last_reviewed' ({reviewed}) ligger före 'published' ({published}).",
        "Sätt 'last_reviewed' till samma dag som 'published' eller senare.",
    ),
    "date-in-future": Entry(
        "Datum i framtiden",
        "Datumet {value} ligger i framtiden (i dag är det {today}).",
        "Skriv det datum då sidan faktiskt granskades.",
    ),
    "owner-organisation": Entry(
        "Upphandlande organisation saknas",
        "Ingen organisation har rollen 'upphandlande' eller 'projektagare'.",
        "Ange rollen 'upphandlande' eller 'projektagare' för minst en organisation.",
    ),
    "reference-missing": Entry(
        "Hänvisningen pekar på något som inte finns",
        "{kind} '{value}' finns inte.",
        "{suggestion}",
    ),
    "reference-self": Entry(
        "Sidan hänvisar till sig själv",
        "'{value}' är sidan själv.",
        "Ta bort hänvisningen.",
    ),
    "body-section-missing": Entry(
        "Avsnitt saknas",
        "Avsnittet '## {section}' saknas i texten.",
        "Lägg till rubriken '## {section}' i texten. Avsnitten ska komma i ordningen {order}.",
    ),
    "body-section-order": Entry(
        "Avsnitt i fel ordning",
        "Avsnittet '## {section}' står före '## {previous}'.",
        "Flytta avsnitten så att de kommer i ordningen {order}.",
    ),
    "body-h1": Entry(
        "Rubrik på nivå 1",
        "Texten har en rubrik på nivå 1 ('{text}').",
        "Titeln hämtas från fältet 'title'. Använd '## ' för rubriker i texten.",
    ),
    "html-not-allowed": Entry(
        "HTML är inte tillåtet",
        "HTML-taggen '<{tag}>' är inte tillåten i texten.",
        "Skriv med Markdown i stället. Tillåtna taggar utan attribut: {allowed}.",
    ),
    "html-attribute": Entry(
        "HTML-attribut är inte tillåtna",
        "Taggen '<{tag}>' har attribut. Attribut är inte tillåtna.",
        "Skriv taggen utan attribut, till exempel '<{tag}>'.",
    ),
    "link-scheme": Entry(
        "Otillåten länk",
        "{kind} använder den otillåtna adresstypen '{scheme}:'.",
        "Använd en adress som börjar med https://, en e-postlänk (mailto:) eller en "
        "relativ sökväg till en fil i projektet.",
    ),
    "image-scheme": Entry(
        "Bilden måste ligga i projektet",
        "Bilden använder adresstypen '{scheme}:'. Bilder måste vara filer i projektet.",
        "Lägg bilden i mappen cases/assets/ och skriv 'assets/filnamn'. Webbplatsen hämtar "
        "aldrig något från andra webbplatser, för att skydda besökarnas uppgifter.",
    ),
    "link-outside": Entry(
        "Länken pekar utanför projektet",
        "{kind} '{target}' pekar utanför projektet.",
        "Lägg filen i cases/assets/ och länka till 'assets/filnamn'.",
    ),
    "link-missing": Entry(
        "Filen finns inte",
        "{kind} '{target}' pekar på en fil som inte finns.",
        "{suggestion}",
    ),
    "url-unsafe": Entry(
        "Otillåten adress",
        "{kind} '{target}' ger adressen '{final}' på webbplatsen, och den är inte tillåten: "
        "{reason}.",
        "Använd en adress som börjar med https://, en e-postlänk (mailto:) eller en "
        "relativ sökväg till en sida eller fil i projektet, utan mellanslag, "
        "kontrolltecken eller omvända snedstreck.",
    ),
    "guide-html": Entry(
        "HTML är inte tillåtet",
        "HTML-taggen '<{tag}>' är inte tillåten på en vägledningssida.",
        "Skriv med Markdown i stället. Tillåtna taggar: {allowed}. Webbplatsen tar bort "
        "andra taggar och alla attribut som inte står i src/kunskapsbank/guidehtml.py.",
    ),
    "link-complex": Entry(
        "Raden går inte att kontrollera",
        "Raden har så många hakparenteser och parenteser i rad att länkarna i den inte kan "
        "kontrolleras.",
        "Dela upp raden i kortare stycken, eller skriv tecknen '[', ']' och '(' som '\\[', "
        "'\\]' och '\\(' när de inte är en del av en länk.",
    ),
    "url-host": Entry(
        "Länken pekar till en annan webbplats",
        "{kind} '{target}' pekar till en annan webbplats utan att säga att det är https.",
        "Skriv hela adressen med https:// först, eller en relativ sökväg till en fil i projektet. "
        "Adresser som börjar med // eller innehåller omvända snedstreck (\\) är inte tillåtna.",
    ),
    "string-control": Entry(
        "Otillåtet tecken i texten",
        "Texten innehåller ett osynligt styrtecken ({char}) på plats {position}.",
        "Ta bort tecknet. Skriv om texten för hand om du har kopierat den från ett annat "
        "program. Bara vanliga tecken, mellanslag, tabb och radbyte är tillåtna.",
    ),
    "asset-type": Entry(
        "Filtypen är inte tillåten",
        "Filen '{name}' kan inte publiceras: {reason}.",
        "I cases/assets/ får bara bilder ligga: {allowed}. Spara bilden i ett av de "
        "formaten, eller ta bort filen.",
    ),
    "docs-file-type": Entry(
        "Filen publiceras inte",
        "Filen '{name}' i docs/ är inte en sorts fil som webbplatsen publicerar.",
        "I docs/ får det finnas {allowed}. Skriv sidan i Markdown i stället, eller ta bort filen.",
    ),
    "asset-too-large": Entry(
        "För stor bild",
        "Bilden är {size} byte. Största tillåtna storlek är {limit} byte.",
        "Minska bilden (färre bildpunkter eller högre komprimering) och spara den igen.",
    ),
    "symlink": Entry(
        "Symbolisk länk",
        "'{name}' är en symbolisk länk. Länkar publiceras aldrig.",
        "Lägg själva filen eller mappen här i stället för en länk till den.",
    ),
    # Templates from 'kunskapsbank new-case'
    "placeholder": Entry(
        "Inte ifyllt",
        "{what} är inte ifyllt: ersätt platshållaren '{value}'.",
        "Skriv det som efterfrågas i stället för platshållaren, utan '<<' och '>>'. {advice}",
    ),
}


def problem(
    code: str,
    file: str,
    line: int = 1,
    column: int = 1,
    field: str = "",
    **params: Any,
) -> Problem:
    """Build a problem from the catalogue entry ``code`` and its parameters."""
    entry = CATALOGUE[code]
    message = entry.message.format(**params)
    hint = entry.hint.format(**params).strip() if entry.hint else None
    return Problem(file, max(line, 1), max(column, 1), field, code, message, hint or None)


# --- printers ---------------------------------------------------------------


def count_files(problems: list[Problem]) -> int:
    return len({p.file for p in problems})


def summary_line(problems: list[Problem], checked: int) -> str:
    if not problems:
        noun = "fil" if checked == 1 else "filer"
        return f"Inga problem hittades. {checked} {noun} kontrollerades."
    files = count_files(problems)
    problems_word = "problem"
    files_word = "fil" if files == 1 else "filer"
    checked_word = "fil" if checked == 1 else "filer"
    return (
        f"{len(problems)} {problems_word} i {files} {files_word} "
        f"({checked} {checked_word} kontrollerades). Rätta dem och kör kontrollen igen."
    )


def format_text(problems: list[Problem], checked: int) -> str:
    lines = []
    for p in problems:
        where = f" [{printable(p.field)}]" if p.field else ""
        lines.append(f"{printable(p.file)}:{p.line}:{p.column}: {printable(p.message)}{where}")
        if p.hint:
            lines.append(f"    Tips: {printable(p.hint)}")
    lines.append(summary_line(problems, checked))
    return "\n".join(lines)


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # any other control character as a visible escape
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem], checked: int) -> str:
    lines = []
    for p in problems:
        title = CATALOGUE[p.code].title
        body = p.message + (f" Tips: {p.hint}" if p.hint else "")
        lines.append(
            f"::error file={_gh_escape(p.file, prop=True)},line={p.line},col={p.column},"
            f"title={_gh_escape(title, prop=True)}::{_gh_escape(body)}"
        )
    lines.append(summary_line(problems, checked))
    return "\n".join(lines)


def format_json(problems: list[Problem], checked: int) -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
