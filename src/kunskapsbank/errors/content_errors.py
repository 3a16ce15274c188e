"""The catalogue of content problems: every code a check can report, in Swedish.

Each entry is a short title, a message template and a hint template (``str.format``
with the keyword arguments the check passes). Where a hint has variants, the check
names the variant (``hint=...``); the texts all live here.
"""

from __future__ import annotations

from kunskapsbank.errors.entry import Entry

# Each entry: a short Swedish title, a message template and a hint template.
# Templates use str.format with the keyword arguments a check passes.
PROBLEMS: dict[str, Entry] = {
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
        None,
        {"close": "Menade ni '{close}'?", "list": "Tillåtna fält: {allowed}."},
    ),
    "required": Entry(
        "Obligatoriskt fält saknas",
        "Det obligatoriska fältet '{key}' saknas.",
        "Lägg till '{key}:' med ett värde. {description}",
    ),
    "type": Entry(
        "Fel sorts värde",
        "Fel sorts värde: här ska det stå {expected}, men det står {actual}.",
        None,
        {
            "array": "Skriv varje värde på en egen rad som börjar med '- ', eller inom "
            "hakparenteser: [värde1, värde2].",
            "array-example": "Skriv till exempel: [{example}]. Skriv varje värde på en egen "
            "rad som börjar med '- ', eller inom hakparenteser: [värde1, värde2].",
            "string": 'Sätt värdet inom citattecken, till exempel "2024-09".',
            "object": "Skriv underfälten på egna rader med indrag, till exempel "
            "'  start: \"2024-09\"'.",
            "integer": "Skriv bara siffror, utan mellanslag, punkt eller 'kr'.",
            "boolean": "Skriv true eller false.",
        },
    ),
    "vocabulary": Entry(
        "Värdet finns inte i listan",
        "'{value}' är inte ett tillåtet värde för {field_label}.",
        None,
        {
            "close": "Menade ni {options}?",
            "list": "Tillåtna värden: {allowed}.",
            "reference": "Se listan över tillåtna värden i fältreferensen på sidan Bidra med "
            "ett fall.",
        },
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
    "period-format": Entry(
        "Fel form på tidpunkten",
        "'{value}' är inte en månad (ÅÅÅÅ-MM), ett år (ÅÅÅÅ) eller okand.",
        'Skriv år och månad inom citattecken, till exempel "2024-09". Vet ni bara året, skriv '
        '"2024". Säger källorna inget, skriv okand. Gissa aldrig en månad.',
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
        "Jämför med beskrivningen av fältet i fältreferensen på sidan Bidra med ett fall.",
    ),
    # Named checks
    "period-order": Entry(
        "Perioden slutar innan den börjar",
        "Slutet ({end}) ligger före starten ({start}).",
        "Kontrollera årtal och månad i 'start' och 'end'.",
    ),
    "period-approximate-unknown": Entry(
        "Ungefärligt men okänt",
        "'{key}' är true, men tidpunkten är okand.",
        "Ta bort '{key}', eller skriv den ungefärliga tidpunkten (till exempel \"2018\").",
    ),
    "source-home-page": Entry(
        "Källan leder till en startsida",
        "Adressen '{value}' går till en webbplats startsida, inte till sidan där uppgifterna står.",
        "Öppna sidan där uppgifterna står och kopiera dess adress, till exempel "
        "https://www.kommun.se/projekt/innovationsupphandling/.",
    ),
    "source-accessed-missing": Entry(
        "Datum för läsningen saknas",
        "Källan har en adress men inget datum för när den lästes ('accessed').",
        "Fall som är redaktionellt granskade ska visa när varje källa lästes. Lägg till "
        "'accessed: ÅÅÅÅ-MM-DD' under källan, med dagen då ni läste sidan.",
    ),
    "period-end-required": Entry(
        "Slutdatum saknas",
        "Fallet har status '{status}' men 'period' saknar 'end'.",
        "Lägg till 'end: \"ÅÅÅÅ-MM\"' under 'period' (eller 'end: okand' om ni inte vet när "
        "arbetet slutade), eller ändra status.",
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
        None,
        {
            "close": "Menade ni '{close}'?",
            "spelling": "Kontrollera stavningen. Filen ska finnas som {where}.",
        },
    ),
    "search-term-duplicate": Entry(
        "Sökordet finns redan",
        "Sökordet '{value}' står redan tidigare i filen.",
        "Ta bort den ena posten, eller slå ihop dem till en.",
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
        None,
        {
            "site": "Kontrollera adressen. Sidor på webbplatsen börjar med /vagledning/ eller "
            "/fall/.",
            "image": "Lägg bilden i cases/assets/ och skriv 'assets/filnamn'.",
            "file": "Kontrollera stavningen och att filen finns i projektet.",
        },
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
        "andra taggar och alla attribut som inte står i src/kunskapsbank/htmlpolicy.py.",
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
        "Ta bort tecknet. Skriv om texten för hand om ni har kopierat den från ett annat "
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
