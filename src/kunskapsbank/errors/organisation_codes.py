"""Problem codes of the organisation registry and of organisations and contacts in cases.

Kept apart from ``catalogue`` so that each module stays small; ``catalogue`` merges
them into its ``CATALOGUE``. Each entry: (title, message template, hint template).
"""

from __future__ import annotations

from kunskapsbank.errors.entry import Entry

CODES: dict[str, tuple[str, str, str | None]] = {
    "org-id-format": (
        "Ogiltigt id för en organisation",
        "'{value}' är inte ett giltigt id för en organisation.",
        "Skriv namnet med små bokstäver a–z, siffror och bindestreck (å och ä blir a, ö blir o), "
        "till exempel 'ystads-kommun'.",
    ),
    "org-number-format": (
        "Fel form på organisationsnumret",
        "'{value}' är inte ett organisationsnummer på formen NNNNNN-NNNN.",
        'Skriv sex siffror, ett bindestreck och fyra siffror inom citattecken, till exempel "212000-1124".',
    ),
    "org-number-check-digit": (
        "Fel kontrollsiffra i organisationsnumret",
        "Organisationsnumret {value} har fel kontrollsiffra (den sista siffran ska vara {expected}).",
        "Kontrollera numret mot källan. Ange bara ett organisationsnummer som du har läst i en källa.",
    ),
    "phone-format": (
        "Fel form på telefonnumret",
        "'{value}' är inte ett telefonnummer.",
        'Skriv numret inom citattecken med riktnummer, till exempel "0411-57 70 00".',
    ),
    "url-not-deep": (
        "Länken går till en startsida",
        "'{value}' är webbplatsens startsida.",
        "Länka till den sida där uppgiften står, till exempel sidan om upphandling eller "
        "kontaktsidan, inte till startsidan.",
    ),
    "contact-missing-way": (
        "Kontaktvägen saknar adress eller nummer",
        "Kontaktvägen '{label}' har varken e-post, telefon eller kontaktsida.",
        "Lägg till minst en av email, phone och url under contact.",
    ),
    "contact-personal": (
        "Kontakten ser ut att vara en privatperson",
        "Adressen '{value}' ser ut att gå till en enskild person.",
        "{advice}",
    ),
    "organisation-duplicate-id": (
        "Samma id två gånger",
        "Id '{value}' finns redan i registret (rad {first_line}).",
        "Varje organisation ska ha en egen post. Slå ihop posterna eller ge den ena ett annat id.",
    ),
    "organisation-duplicate-name": (
        "Samma organisation två gånger",
        "Namnet '{value}' används redan som '{other}' i posten '{other_id}' (rad {other_line}).",
        "Är det samma organisation? Slå då ihop posterna och skriv det andra namnet under aliases. "
        "Är det olika organisationer, skriv namnen så att de går att skilja åt, till exempel med ort.",
    ),
    "organisation-unknown-id": (
        "Organisationen finns inte i registret",
        "Id '{value}' finns inte i registret data/organisations.yaml.",
        "{suggestion}",
    ),
    "organisation-near-duplicate": (
        "Namnet liknar en organisation i registret",
        "'{value}' liknar '{other}' i registret, men är inte samma namn.",
        "Menade du '{other}'? Skriv då 'id: {other_id}' under organisationen, eller skriv namnet "
        "som i registret. Är det en annan organisation, lägg till den i registret "
        "data/organisations.yaml.",
    ),
}

ORGANISATION_PROBLEMS: dict[str, Entry] = {
    **{code: Entry(*entry) for code, entry in CODES.items()},
    # Two cases name one organisation (not in the registry) in two near-identical ways.
    "organisation-spelling": Entry(
        "Organisationen stavas på olika sätt",
        "'{value}' liknar '{other}' i {other_file} (rad {other_line}), men är inte skrivet "
        "likadant.",
        "Menade ni '{other}'? Skriv då namnet likadant i alla fall, så samlas de på en sida "
        "om organisationen. Är det två olika organisationer, lägg till båda i registret "
        "data/organisations.yaml.",
        variants={
            "same-page": "Menade ni '{other}'? Fallen visas redan på samma sida om "
            "organisationen, men skriv namnet likadant i alla fall så att sidan får ett namn.",
        },
    ),
}
