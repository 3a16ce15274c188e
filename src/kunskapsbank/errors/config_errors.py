"""The catalogue of configuration errors: settings, schemas, vocabularies and commands.

Each stops the command with exit status 2 and says what to do, in Swedish.
"""

from __future__ import annotations

from kunskapsbank.errors.entry import Entry

CONFIG_ERRORS: dict[str, Entry] = {
    # Settings (mkdocs.yml and the environment)
    "config-unreadable": Entry(
        "Inställningsfilen går inte att läsa",
        "Filen {path} går inte att läsa: {reason}.",
        "Kontrollera att filen finns, är sparad som UTF-8 och är giltig YAML.",
    ),
    "config-not-mapping": Entry(
        "Inställningsfilen har fel form",
        "{path} ska bestå av inställningar på formen 'namn: värde'.",
        "Jämför med mkdocs.yml i projektets mall.",
    ),
    "config-integer": Entry(
        "Inställningen ska vara ett heltal",
        "Inställningen {name} ska vara ett heltal, inte {value!r}.",
        "Skriv bara siffror, till exempel 1000000.",
    ),
    "config-date": Entry(
        "Inställningen ska vara ett datum",
        "{name} ska vara ett datum på formen ÅÅÅÅ-MM-DD, inte {value!r}.",
        "Skriv till exempel 2026-12-01, eller ta bort variabeln.",
    ),
    "config-publisher": Entry(
        "Utgivaren är fel angiven",
        "extra.kunskapsbank.publisher i mkdocs.yml har fel form: {detail}.",
        "Tillåtna fält, alla med text: name, team, email och url.",
    ),
    "config-accessibility-check": Entry(
        "Tillgänglighetskontrollen är fel angiven",
        "extra.kunskapsbank.accessibility_check i mkdocs.yml har fel form.",
        "Ange 'command' (en lista, där {{python}} står för Python) och 'results' (sökvägen "
        "till resultatfilen), eller ta bort inställningen för att använda standardkontrollen.",
    ),
    # Schemas and vocabularies
    "schema-unreadable": Entry(
        "Schemat går inte att läsa",
        "Filen {path} går inte att läsa: {reason}.",
        "Kontrollera att filen är sparad som UTF-8 och är giltig YAML.",
    ),
    "schema-missing": Entry(
        "Schemat saknas",
        "Schemat {path} saknas.",
        "Varje projekt behöver schemas/case.schema.yaml och schemas/guide.schema.yaml.",
    ),
    "schema-not-mapping": Entry(
        "Schemat har fel form",
        "{path} ska vara ett JSON Schema skrivet som YAML, med fält på formen 'namn: värde'.",
        None,
    ),
    "schema-invalid": Entry(
        "Schemat är inte giltigt",
        "{path} är inte ett giltigt JSON Schema: {detail}.",
        "Jämför med JSON Schema 2020-12 (json-schema.org).",
    ),
    "schema-unknown-code": Entry(
        "Okänd felkod i schemat",
        "{path} anger felkoden '{value}' (x-code), som inte finns i felkatalogen.",
        "Använd en av felkoderna i src/kunskapsbank/errors/content_errors.py, eller lägg "
        "till den nya koden där med titel, meddelande och tips.",
    ),
    "vocabularies-missing": Entry(
        "Ordlistorna saknas",
        "Mappen med ordlistor saknas: {path}.",
        "Ordlistorna ligger i schemas/vocabularies/, en YAML-fil per ordlista.",
    ),
    "vocabulary-form": Entry(
        "Ordlistan har fel form",
        "{path}: ordlistan ska ha 'title' och en lista 'entries'.",
        None,
    ),
    "vocabulary-entry": Entry(
        "Post i ordlistan har fel form",
        "{path}: varje post ska ha 'id' och 'label'.",
        None,
    ),
    "vocabulary-duplicate": Entry(
        "Samma id två gånger i ordlistan",
        "{path}: id '{value}' förekommer två gånger.",
        "Varje värde i en ordlista ska ha ett eget id.",
    ),
    "vocabulary-unknown": Entry(
        "Ordlistan finns inte",
        "{path}: ordlistan '{name}' finns inte i vocabularies/.",
        "Kontrollera stavningen i x-vocabulary, eller lägg till ordlistan.",
    ),
    # The command line
    "project-no-config": Entry(
        "Mappen är inget projekt",
        "Mappen {root} innehåller ingen mkdocs.yml.",
        "Ange mappen där mkdocs.yml ligger.",
    ),
    "project-not-found": Entry(
        "Hittar inget projekt",
        "Hittar inget projekt: ingen mkdocs.yml i den här mappen eller mappar ovanför.",
        "Ange projektmappen med --project.",
    ),
    "path-missing": Entry(
        "Filen finns inte",
        "Filen eller mappen {path} finns inte.",
        None,
    ),
    "path-outside": Entry(
        "Filen ligger utanför innehållet",
        "{path} ligger varken i {cases}/ eller {docs}/ och är ingen av projektets datafiler "
        "({data}) i projektet {root}.",
        None,
    ),
    "slug-invalid": Entry(
        "Ogiltigt namn på fallet",
        "'{slug}' går inte att använda som namn på ett fall. Namnet blir fallets adress och "
        "får ha 3–80 tecken: små bokstäver a–z (utan å, ä och ö), siffror och bindestreck.",
        "Förslag: kunskapsbank new-case {suggestion}",
    ),
    "slug-reserved": Entry(
        "Namnet är upptaget",
        "Namnet '{slug}' används redan av webbplatsens egna sidor under /fall/ ({taken}).",
        "Välj ett annat namn.",
    ),
    "case-exists": Entry(
        "Filen finns redan",
        "Filen {path} finns redan.",
        "Välj ett annat namn, eller öppna filen och redigera den.",
    ),
    # Releases
    "version-invalid": Entry(
        "Ogiltigt versionsnummer",
        "'{value}' är inte ett versionsnummer.",
        "Skriv till exempel 1.2.0 (major.minor.patch, utan mellanslag).",
    ),
    "git-required": Entry(
        "Git behövs",
        "En utgåva kräver git: {reason}.",
        "Installera git och kör kommandot i projektets git-arkiv.",
    ),
    "tree-dirty": Entry(
        "Ändringar som inte är incheckade",
        "Arbetskopian har ändringar som inte är incheckade, så utgåvan skulle inte motsvara "
        "en commit:\n{files}",
        "Checka in ändringarna eller ta bort dem (git status visar dem) och försök igen.",
    ),
    "tag-elsewhere": Entry(
        "Taggen finns redan",
        "Taggen {name} finns redan och pekar på en annan commit ({commit}).",
        "Välj ett nytt versionsnummer, eller checka ut den taggade commiten.",
    ),
    "release-placeholder": Entry(
        "Adresserna är platshållare",
        "Versionen ges inte ut: webbplatsen skulle publiceras med adresser som inte "
        "fungerar.\n{problems}",
        "Ange webbplatsens adress i SITE_URL och redaktionens funktionsbrevlåda i "
        "KUNSKAPSBANK_EDITORS_EMAIL (arbetsflödet för utgåvor tar dem från GitHub).",
    ),
    "history-unreadable": Entry(
        "Versionshistoriken går inte att läsa",
        "Versionshistoriken går inte att läsa: {reason}.",
        None,
    ),
}
