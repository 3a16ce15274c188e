"""Problem codes for the data files beside the cases (``data/networks.yaml``).

Kept apart from ``catalogue.py`` so that the catalogue stays small; each entry is
(title, message template, hint template) and the catalogue turns it into an ``Entry``.
"""

from __future__ import annotations

DATA_FILE_ENTRIES: dict[str, tuple[str, str, str | None]] = {
    "data-not-list": (
        "Filen har fel form",
        "Filen ska vara en lista med poster, där varje post börjar med '- id:'.",
        "Börja varje post med ett bindestreck och ett mellanslag i första kolumnen, "
        "till exempel '- id: mitt-natverk', och skriv resten av postens fält med indrag under.",
    ),
    "network-duplicate-id": (
        "Samma id två gånger",
        "Id:t '{value}' används redan av posten på rad {first_line}.",
        "Ge varje post ett eget id, till exempel '{value}-2', eller slå ihop posterna.",
    ),
    "network-url-missing": (
        "Källa saknas",
        "Posten '{entry}' har ingen källa ('url').",
        "Lägg till 'url:' med en djuplänk till sidan där uppgifterna lästes. Bara insatser "
        "som går att läsa om i en öppen källa kommer med på sidan.",
    ),
    "network-checked-missing": (
        "Datum för kontroll saknas",
        "Posten '{entry}' saknar datum för när den senast kontrollerades ('checked').",
        "Läs sidan i 'url' och skriv dagens datum, till exempel 'checked: {today}'.",
    ),
    "network-url-home": (
        "Länken går till en startsida",
        "'{value}' är en webbplats startsida, inte sidan där uppgifterna står.",
        "Länka direkt till sidan om insatsen, till exempel https://{host}/projekt/namn-pa-insatsen/.",
    ),
}
