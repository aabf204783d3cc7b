"""Fill the benchmark database with a million grievance cases in a few seconds of SQL.

One INSERT ... SELECT FROM generate_series per table instead of the ORM: the
ORM would take an hour. The column list is read from the live table, so a
NOT NULL column added by a later migration gets a neutral value ('' , 0,
false, now(), '{}') instead of breaking the load; the columns known today get
realistic values.

Seeded cases get tracking codes the client can compute: the code of case
`id` is TRK + id on 9 digits, stored as its SHA-256 like the portal stores
codes (see grievances/tracking.py), so tracking look-ups hit real cases.
Complainants are seeded anonymous: contact fields may be encrypted at rest
by the portal, and plain text written here would not decrypt.

The public summaries (mn and en) combine one of 24 topics with one of the 21
aimags, and about one case in a thousand mentions a kindergarten, so a search
has common words (4-5 % of the cases) and a rare one (0.1 %) to look for.
The states follow the officer's queue: most cases finished, a fifth being
resolved (most of those overdue), the newest ones not yet acknowledged, some
waiting for the complainant and a few with a reply nobody has read.
"""

import time

import pycountry

START = "2015-09-15 09:00:00+08"
KINDS = "ARRAY['complaint','request','clarification','comment']"
CHANNELS = "ARRAY['hotline','in_person','written','email','website','facebook']"
RESPONSE_WAYS = "ARRAY['email','phone','meeting','facebook','letter','in_person']"
AIMAG_CODES_SQL = (
    "ARRAY[" + ",".join(sorted(f"'{s.code}'" for s in pycountry.subdivisions.get(country_code="MN"))) + "]"
)
TOPICS = [
    ("ДАН системд нэвтэрч чадахгүй байна", "Cannot sign in to the DAN system"),
    ("Цахим үнэмлэхний хүсэлт удаашралтай байна", "The e-ID request is slow"),
    ("11-11 төвийн хариу удаашралтай байна", "The 11-11 centre answers slowly"),
    ("Төрийн үйлчилгээний машин ажиллахгүй байна", "The public service kiosk does not work"),
    ("Хурлын зар хоцорч ирсэн", "The meeting notice came late"),
    ("Нээлттэй өгөгдлийн хуулийн төслийг хүсэв", "Request for the draft law on open data"),
    ("Цахим үйлчилгээний талаар тодруулга хүсэв", "Clarification about an e-service"),
    ("Сургалтад хамрагдах хүсэлт", "Request to join the training"),
    ("Сумын интернэтийн хурд удаан байна", "Slow internet in the soum"),
    ("Иргэний бүртгэлийн лавлагаа авч чадсангүй", "Could not obtain a civil registration certificate"),
    ("Нийгмийн даатгалын шимтгэлийн мэдээлэл буруу", "Wrong social insurance contribution record"),
    ("Газрын зөвшөөрлийн цахим хүсэлт гацсан", "Online land permit application is stuck"),
    ("Татварын тайлан илгээхэд алдаа гарсан", "Error when submitting the tax return"),
    ("Хөгжлийн бэрхшээлтэй иргэнд хүртээмжгүй", "Not accessible to persons with disabilities"),
    ("Өргөдлийн хариу ирээгүй", "No answer to the petition"),
    ("Гэрээт ажилтны харилцаа муу", "Rude behaviour of contractor staff"),
    ("Мэдээллийн аюулгүй байдлын асуудал", "Concern about data security"),
    ("Хувийн мэдээлэл алдагдсан байж болзошгүй", "Personal data may have leaked"),
    ("Сургуулийн цахим бүртгэл ажиллахгүй", "School online enrolment does not work"),
    ("Эмнэлгийн цаг захиалж чадахгүй байна", "Cannot book a hospital appointment"),
    ("Тэтгэврийн лавлагаа авах хүсэлт", "Request for a pension statement"),
    ("Жолооны үнэмлэх сунгах цахим үйлчилгээ", "Online driving licence renewal"),
    ("Малчдын мэдээллийн санд бүртгүүлэх", "Registering in the herders' database"),
    ("Зөвлөлдөх уулзалтын талаар санал", "Comment on the consultation meeting"),
]
AIMAGS = [
    ("Архангай", "Arkhangai"),
    ("Баян-Өлгий", "Bayan-Ölgii"),
    ("Баянхонгор", "Bayankhongor"),
    ("Булган", "Bulgan"),
    ("Говь-Алтай", "Govi-Altai"),
    ("Говьсүмбэр", "Govisümber"),
    ("Дархан-Уул", "Darkhan-Uul"),
    ("Дорноговь", "Dornogovi"),
    ("Дорнод", "Dornod"),
    ("Дундговь", "Dundgovi"),
    ("Завхан", "Zavkhan"),
    ("Орхон", "Orkhon"),
    ("Өвөрхангай", "Övörkhangai"),
    ("Өмнөговь", "Ömnögovi"),
    ("Сүхбаатар", "Sükhbaatar"),
    ("Сэлэнгэ", "Selenge"),
    ("Төв", "Töv"),
    ("Увс", "Uvs"),
    ("Ховд", "Khovd"),
    ("Хөвсгөл", "Khövsgöl"),
    ("Хэнтий", "Khentii"),
]
RARE = ("хүүхдийн цэцэрлэгийн ойролцоо", "near the kindergarten")
# The newest cases not yet acknowledged, and how often a case being resolved waits for the complainant
# or has an unread reply.
REGISTERED_NEWEST = 1000
AWAITING_EVERY = 50
UNREAD_REPLY_EVERY = 500


def _sql_array(values):
    return "ARRAY[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def _summary(language):
    """The SQL of a seeded public summary in one language (0: Mongolian, 1: English), over i."""
    topics = _sql_array(topic[language] for topic in TOPICS)
    aimags = _sql_array(aimag[language] for aimag in AIMAGS)
    rare = RARE[language].replace("'", "''")
    return (
        f"({topics})[1 + i %% {len(TOPICS)}] || ' (' || ({aimags})[1 + (i / {len(TOPICS)}) %% {len(AIMAGS)}] || ')'"
        f" || CASE WHEN i %% 1009 = 0 THEN ', {rare}' ELSE '' END"
    )


def tracking_code(grievance_id: int) -> str:
    return f"TRK{grievance_id:09d}"


# Expressions for the columns known today, over generate_series i and the row's received_at `r`.
GRIEVANCE_COLUMNS = {
    "id": "i",
    "registered_no": "%(prefix)s || '-' || y || '/' || CASE WHEN seq < 10 THEN '0' || seq ELSE seq::text END",
    "registration_year": "y",
    "registration_sequence": "seq",
    "kind": f"({KINDS})[1 + i %% 4]",
    "channel": f"({CHANNELS})[1 + i %% 6]",
    "received_at": "r",
    "summary": "'Seeded case ' || i || ': the road works near the soum centre blocked access to the clinic.'",
    "summary_mn": _summary(0),
    "summary_en": _summary(1),
    "details": "''",
    "location": "'Soum ' || (i %% 300)",
    "aimag": f"({AIMAG_CODES_SQL})[1 + i %% 22]",
    "gender": "(ARRAY['female','male','other',''])[1 + i %% 4]",
    "age_group": "(ARRAY['under_18','18_34','35_59','60_plus'])[1 + i %% 4]",
    "referral_consent": "'not_asked'",
    "status": "CASE WHEN i %% 10 < 7 THEN 'resolved' WHEN i %% 10 = 7 THEN 'unrelated' ELSE 'resolving' END",
    # The stored workflow state, as the database constraints require it of each status and date.
    "state": "CASE WHEN i %% 10 < 7 THEN 'closed' WHEN i %% 10 = 7 THEN 'unrelated' ELSE 'in_progress' END",
    "stage": "1 + (i %% 13) / 4",
    "referred_to": "CASE WHEN i %% 10 = 7 THEN 'Soum governor office' ELSE '' END",
    "acknowledged_at": "r + interval '1 day'",
    "due_on": "CASE WHEN i %% 10 >= 8 THEN (r + interval '30 days')::date END",
    "actions_taken": "''",
    "public_answer": "''",
    "response_way": f"CASE WHEN i %% 10 < 7 THEN ({RESPONSE_WAYS})[1 + i %% 6] ELSE '' END",
    "resolved_on": "CASE WHEN i %% 10 < 7 THEN (r + interval '12 days')::date END",
    "working_days_to_resolve": "CASE WHEN i %% 10 < 7 THEN 8 END",
    "closed_at": "CASE WHEN i %% 10 < 7 THEN r + interval '14 days' END",
    "internal_notes": "''",
    "tracking_code_hash": "'sha256$' || encode(sha256(convert_to('TRK' || lpad(i::text, 9, '0'), 'UTF8')), 'hex')",
    "submission_token": "NULL",
    "created_at": "r",
    "updated_at": "r",
}
COMPLAINANT_COLUMNS = {
    "grievance_id": "g.id",
    "preferred_language": "(ARRAY['mn','mn','mn','kk','en'])[1 + g.id % 5]",
}
NEUTRAL = {
    "character varying": "''",
    "text": "''",
    "integer": "0",
    "smallint": "0",
    "bigint": "0",
    "boolean": "false",
    "timestamp with time zone": "now()",
    "date": "current_date",
    "jsonb": "'{}'::jsonb",
    "bytea": "''::bytea",
    "uuid": "NULL",
}


# Applied after the load, before the indexes are rebuilt; each keeps the state constraints (grievances.models).
QUEUE = [
    # The newest cases being resolved are not acknowledged yet.
    "UPDATE grievances_grievance SET state = 'registered', acknowledged_at = NULL "
    "WHERE state = 'in_progress' AND id > %(count)s - %(registered_newest)s",
    # Some wait for the complainant: their deadline is paused.
    "UPDATE grievances_grievance SET state = 'awaiting_complainant', awaiting_since = received_at::date + 5, "
    "paused_due_on = due_on, due_on = NULL WHERE state = 'in_progress' AND id %% %(awaiting_every)s = 8",
    "UPDATE grievances_grievance SET has_unread_reply = true "
    "WHERE state = 'in_progress' AND id %% %(unread_reply_every)s = 9",
]


def _columns(cursor, table):
    cursor.execute(
        "SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return cursor.fetchall()


def _select_list(cursor, table, known):
    """Column names and expressions: known ones as given, other NOT NULL ones neutral, the rest left out."""
    names, expressions = [], []
    for name, data_type, nullable, default, identity in _columns(cursor, table):
        if name in known:
            names.append(name)
            expressions.append(known[name])
        elif nullable == "NO" and default is None and identity != "YES":
            names.append(name)
            expressions.append(NEUTRAL.get(data_type, "''"))
    return ", ".join(names), ", ".join(expressions)


def _drop_indexes(cursor, table):
    """Drop the table's indexes and unique constraints but its primary key; return SQL that recreates them.

    Building each index once after the load is several times faster than
    updating a dozen of them on every inserted row.
    """
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'u'",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype IN ('p', 'u'))",
        [table, table],
    )
    indexes = cursor.fetchall()
    for name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for name, definition in constraints] + [
        definition for _name, definition in indexes
    ]


def seed(connection, *, count: int, prefix: str, log=print) -> None:
    """Insert `count` cases, their complainants and the registration counters; skip if already there."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM grievances_grievance")
        existing = cursor.fetchone()[0]
        if existing >= count:
            log(f"database already holds {existing:,} cases")
            return
        if existing:
            raise SystemExit(f"the benchmark database holds {existing:,} cases; drop it first (--fresh)")
        started = time.monotonic()
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET maintenance_work_mem = '256MB'")
        recreate = _drop_indexes(cursor, "grievances_grievance") + _drop_indexes(cursor, "grievances_complainant")
        names, expressions = _select_list(cursor, "grievances_grievance", GRIEVANCE_COLUMNS)
        # Column names and expressions come from this module and the table's own catalogue, not from input.
        query = f"""
            INSERT INTO grievances_grievance ({names})
            SELECT {expressions} FROM (
                SELECT i, r, y, row_number() OVER (PARTITION BY y ORDER BY i) AS seq FROM (
                    SELECT i, r, extract(year FROM r AT TIME ZONE 'Asia/Ulaanbaatar')::int AS y FROM (
                        SELECT i, timestamptz %(start)s
                               + (now() - interval '1 day' - timestamptz %(start)s) * (i::float8 / %(count)s) AS r
                        FROM generate_series(1, %(count)s) AS i
                    ) AS timed
                ) AS yearly
            ) AS numbered
            """  # noqa: S608
        cursor.execute(query, {"start": START, "count": count, "prefix": prefix})
        cursor.execute("SELECT setval(pg_get_serial_sequence('grievances_grievance', 'id'), %s)", [count])
        for statement in QUEUE:
            cursor.execute(
                statement,
                {
                    "count": count,
                    "registered_newest": REGISTERED_NEWEST,
                    "awaiting_every": AWAITING_EVERY,
                    "unread_reply_every": UNREAD_REPLY_EVERY,
                },
            )
        log(f"inserted {count:,} cases in {time.monotonic() - started:.0f} s")
        names, expressions = _select_list(cursor, "grievances_complainant", COMPLAINANT_COLUMNS)
        cursor.execute(f"INSERT INTO grievances_complainant ({names}) SELECT {expressions} FROM grievances_grievance g")  # noqa: S608
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # run the deferred foreign-key checks before ALTER TABLE
        for statement in recreate:
            cursor.execute(statement)
        log(f"loaded complainants and rebuilt {len(recreate)} indexes at {time.monotonic() - started:.0f} s")
        # New registrations continue each year's numbering after the seeded cases.
        cursor.execute(
            """
            INSERT INTO grievances_registrationcounter (year, last_number)
            SELECT registration_year, max(registration_sequence) FROM grievances_grievance GROUP BY registration_year
            ON CONFLICT (year) DO UPDATE SET last_number = greatest(
                grievances_registrationcounter.last_number, excluded.last_number)
            """
        )
    connection.commit()
    with connection.cursor() as cursor:
        old_isolation = connection.isolation_level
        connection.set_isolation_level(0)  # VACUUM cannot run in a transaction
        cursor.execute("VACUUM ANALYZE grievances_grievance")
        cursor.execute("VACUUM ANALYZE grievances_complainant")
        connection.set_isolation_level(old_isolation)
    log(f"seeded {count:,} cases with complainants in {time.monotonic() - started:.0f} s")


def sample_cases(connection, *, size: int) -> list[tuple[str, str]]:
    """(registration number, tracking code) of `size` seeded cases spread over the table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, registered_no FROM grievances_grievance WHERE id IN "
            "(SELECT (random() * (SELECT max(id) FROM grievances_grievance))::bigint FROM generate_series(1, %s)) "
            "AND summary LIKE 'Seeded case %%'",
            [size],
        )
        return [(number, tracking_code(pk)) for pk, number in cursor.fetchall()]
