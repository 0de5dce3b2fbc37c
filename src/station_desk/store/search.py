"""Find-as-you-type search over workers, employers and postings (SQLite FTS5).

Each record gets one search document of whitespace-separated tokens, and a query term
matches any token it is a prefix of. Substring and "last digits" searches become prefix
searches by indexing suffixes of names and the reversed ID and phone numbers:

    张三丰 → 张三丰 三丰 丰 zhangsanfeng sanfeng feng zsf sf f
    11010519491231002X → 11010519491231002x and r x20013219491501011 (reversed, tagged r)

Trades are indexed by name, aliases ("电焊" finds a 焊工) and full pinyin. A query is split
into terms the way the tokenizer splits text (runs of letters and digits), every term must
match (AND), and a term with digits also matches reversed numbers (an ID or phone tail).
Results come newest first: documents are (re)indexed in registration order, so the FTS rowid
order is the recency order, and FTS5 walks it backwards without sorting.

The index is derived data, rebuilt from the tables at any time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from pypinyin import lazy_pinyin

from station_desk.domain.occupations import occupation_by_code
from station_desk.domain.text import SURNAME_READINGS, pinyin_keys
from station_desk.store.driver import sqlite3

KINDS = ("worker", "employer", "posting")
# Runs of letters and digits: what FTS5's unicode61 tokenizer keeps as one token.
_TOKEN = re.compile(r"[^\W_]+")
_ALNUM = re.compile(r"^[0-9a-z]+$")
_DIGITS = re.compile(r"^[0-9]+$")
_NUMBER_PART = re.compile(r"^[0-9]+x?$")
_MAX_SUFFIX_WORD = 12
_MAX_QUERY_TERMS = 8
_MAX_TERM = 40
FTS_OPTIONS = "tokenize='unicode61', prefix='1 2 3', detail='none'"


def _table(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    return f"fts_{kind}"


def create_index(conn: sqlite3.Connection) -> None:
    for kind in KINDS:
        conn.execute(f"CREATE VIRTUAL TABLE {_table(kind)} USING fts5(doc, {FTS_OPTIONS})")
    conn.execute(
        "CREATE TABLE search_map (kind VARCHAR NOT NULL, record_id VARCHAR NOT NULL, "
        "fts_rowid INTEGER NOT NULL, PRIMARY KEY (kind, record_id))"
    )
    conn.execute("CREATE UNIQUE INDEX ix_search_map_rowid ON search_map (kind, fts_rowid)")


# Full-width ASCII and the ideographic space to ASCII (domain.text.to_halfwidth, as a table).
_HALFWIDTH = {0x3000: " ", **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}}


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_HALFWIDTH).lower())


def _suffixes(word: str) -> list[str]:
    word = word[:_MAX_SUFFIX_WORD]
    return [word[i:] for i in range(len(word))]


@lru_cache(maxsize=16384)
def _run_syllables(text: str) -> tuple[str, ...]:
    """Pinyin syllables of a run of text, read in context (letters and digits kept)."""
    if not text:
        return ()
    return tuple(s.lower() for s in lazy_pinyin(text) if s.strip())


def _syllables(word: str) -> tuple[str, ...]:
    """Syllables of a name: the first character read as a surname (单 → shan, 曾 → zeng, as
    domain.text.pinyin_keys does), the rest in context. Cached by part, since given names and
    surnames repeat far more than whole names."""
    for length in (2, 1):
        reading = SURNAME_READINGS.get(word[:length])
        if reading and len(word) > length:
            return (*reading.split(), *_run_syllables(word[length:]))
    return (*_run_syllables(word[:1]), *_run_syllables(word[1:]))


@lru_cache(maxsize=65536)
def _name_tokens_cached(name: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for word in _words(name):
        tokens += _suffixes(word)
        if word.isascii():
            continue
        syllables = _syllables(word)
        tokens += ["".join(syllables[i:]) for i in range(len(syllables))]
        tokens += _suffixes("".join(s[0] for s in syllables))
    return tuple(tokens)


def _name_tokens(name: str) -> list[str]:
    return list(_name_tokens_cached(name or ""))


def _number_tokens(number: str) -> list[str]:
    digits = "".join(_words(number))
    if not digits:
        return []
    return [digits, "r" + digits[::-1]]


def _text_tokens(text: str) -> list[str]:
    return list(_text_tokens_cached(text))


@lru_cache(maxsize=65536)
def _text_tokens_cached(text: str) -> tuple[str, ...]:
    """Cached: skills, wishes, places and addresses repeat across records (bulk indexing)."""
    tokens: list[str] = []
    for word in _words(text):
        tokens += _suffixes(word) if not _ALNUM.match(word) else [word]
    return tuple(tokens)


@lru_cache(maxsize=1024)
def _trade_tokens(code: str) -> tuple[str, ...]:
    occupation = occupation_by_code(code)
    if occupation is None:
        return ()
    tokens = _suffixes(occupation.name)
    for alias in occupation.aliases:
        tokens += _text_tokens(alias)
    tokens.append(occupation.pinyin)
    return tuple(tokens)


@lru_cache(maxsize=4096)
def _codes_tokens(codes_json: str) -> tuple[str, ...]:
    try:
        codes = json.loads(codes_json or "[]")
    except ValueError:
        return ()
    tokens: list[str] = []
    for code in codes if isinstance(codes, list) else []:
        tokens += _trade_tokens(str(code))
    return tuple(tokens)


def worker_document(row: Mapping[str, Any]) -> str:
    tokens = _name_tokens(row["name"])
    tokens += _number_tokens(row["id_number"] or "")
    tokens += _number_tokens(row["phone"] or "")
    tokens += _codes_tokens(row["skill_codes"])
    tokens += _codes_tokens(row["intention_codes"])
    tokens += _text_tokens(row["skills_text"] or "")
    tokens += _text_tokens(row["intentions_text"] or "")
    return " ".join(dict.fromkeys(tokens))


def employer_document(row: Mapping[str, Any]) -> str:
    tokens = _name_tokens(row["name"])
    tokens += _name_tokens(row["contact_person"] or "")
    tokens += _number_tokens(row["phone"] or "")
    if row["credit_code"]:
        tokens.append(row["credit_code"].lower())
    tokens += _text_tokens(row["address"] or "")
    return " ".join(dict.fromkeys(tokens))


@lru_cache(maxsize=4096)
def _occupation_keys(name: str) -> tuple[str, str]:
    return pinyin_keys(name, surname=False)


def posting_document(row: Mapping[str, Any], employer_name: str) -> str:
    tokens = _text_tokens(row["occupation_name"])
    if row.get("occupation_code"):
        tokens += _trade_tokens(row["occupation_code"])
    tokens += _occupation_keys(row["occupation_name"])
    tokens += _name_tokens(employer_name)
    tokens += _text_tokens(row["work_location"] or "")
    tokens += _text_tokens(row["skill_requirements"] or "")
    tokens += _number_tokens(row["contact_phone"] or "")
    return " ".join(dict.fromkeys(t for t in tokens if t))


def index_document(conn: sqlite3.Connection, kind: str, record_id: str, doc: str) -> None:
    """Add or replace one record's document (a replaced one keeps its place in the order)."""
    table = _table(kind)
    found = conn.execute(
        "SELECT fts_rowid FROM search_map WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    if found is not None:
        conn.execute(f"UPDATE {table} SET doc = ? WHERE rowid = ?", (doc, found[0]))
        return
    rowid = conn.execute(f"INSERT INTO {table} (doc) VALUES (?)", (doc,)).lastrowid
    conn.execute(
        "INSERT INTO search_map (kind, record_id, fts_rowid) VALUES (?, ?, ?)",
        (kind, record_id, rowid),
    )


def index_documents(conn: sqlite3.Connection, kind: str, docs: Iterable[tuple[str, str]]) -> int:
    """Bulk-add documents of records not yet indexed, given as (record_id, doc) oldest first.

    For demo data and imports: one executemany per table instead of a lookup per row.
    Returns the number of documents added.
    """
    table = _table(kind)
    start = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0] + 1
    items = list(docs)
    rowids = range(start, start + len(items))
    conn.executemany(
        f"INSERT INTO {table} (rowid, doc) VALUES (?, ?)",
        zip(rowids, (doc for _, doc in items), strict=True),
    )
    conn.executemany(
        "INSERT INTO search_map (kind, record_id, fts_rowid) VALUES (?, ?, ?)",
        ((kind, record_id, rowid) for rowid, (record_id, _) in zip(rowids, items, strict=True)),
    )
    return len(items)


def remove_document(conn: sqlite3.Connection, kind: str, record_id: str) -> None:
    found = conn.execute(
        "SELECT fts_rowid FROM search_map WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    if found is None:
        return
    conn.execute(f"DELETE FROM {_table(kind)} WHERE rowid = ?", (found[0],))
    conn.execute("DELETE FROM search_map WHERE kind = ? AND record_id = ?", (kind, record_id))


def _rows(conn: sqlite3.Connection, sql: str) -> Iterable[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def index_record(conn: sqlite3.Connection, kind: str, record_id: str) -> None:
    """(Re)index one record from its row; tombstoned rows leave the index."""
    if kind == "posting":
        sql = (
            "SELECT p.*, e.name AS employer_name FROM posting p "
            "JOIN employer e ON e.id = p.employer_id WHERE p.id = ?"
        )
    else:
        _table(kind)
        sql = f"SELECT * FROM {kind} WHERE id = ?"
    cursor = conn.execute(sql, (record_id,))
    names = [d[0] for d in cursor.description]
    values = cursor.fetchone()
    if values is None:
        remove_document(conn, kind, record_id)
        return
    row = dict(zip(names, values, strict=True))
    if row["deleted"]:
        remove_document(conn, kind, record_id)
        return
    index_document(conn, kind, record_id, document(kind, row))
    if kind == "employer":
        # Postings carry their employer's name: refresh them when it changes.
        for (posting_id,) in conn.execute(
            "SELECT id FROM posting WHERE employer_id = ? AND NOT deleted", (record_id,)
        ).fetchall():
            index_record(conn, "posting", posting_id)


def document(kind: str, row: Mapping[str, Any]) -> str:
    """The search document of a record's values (a posting's row also has employer_name)."""
    if kind == "worker":
        return worker_document(row)
    if kind == "employer":
        return employer_document(row)
    return posting_document(row, row["employer_name"])


_REBUILD_QUERIES = {
    "worker": "SELECT * FROM worker WHERE NOT deleted ORDER BY registered_at, created_hlc, id",
    "employer": "SELECT * FROM employer WHERE NOT deleted ORDER BY registered_at, created_hlc, id",
    "posting": "SELECT p.*, e.name AS employer_name FROM posting p "
    "JOIN employer e ON e.id = p.employer_id WHERE NOT p.deleted ORDER BY p.published_at, p.created_hlc, p.id",
}


_UNINDEXED = (
    "NOT {alias}.deleted AND NOT EXISTS (SELECT 1 FROM search_map m "
    "WHERE m.kind = '{kind}' AND m.record_id = {alias}.id)"
)
_MISSING_QUERIES = {
    "worker": f"SELECT * FROM worker w WHERE {_UNINDEXED.format(alias='w', kind='worker')} "
    "ORDER BY w.registered_at, w.created_hlc, w.id LIMIT ?",
    "employer": f"SELECT * FROM employer e WHERE {_UNINDEXED.format(alias='e', kind='employer')} "
    "ORDER BY e.registered_at, e.created_hlc, e.id LIMIT ?",
    "posting": "SELECT p.*, e.name AS employer_name FROM posting p "
    f"JOIN employer e ON e.id = p.employer_id WHERE {_UNINDEXED.format(alias='p', kind='posting')} "
    "ORDER BY p.published_at, p.created_hlc, p.id LIMIT ?",
}


def index_missing(conn: sqlite3.Connection, kind: str, limit: int) -> list[dict[str, Any]]:
    """Index up to `limit` live records of kind that have no document yet (oldest first, so
    the recency order holds); returns their rows. For bulk loads that leave the index to
    the end (sync.merge.finish_index), a slice per transaction."""
    _table(kind)
    cursor = conn.execute(_MISSING_QUERIES[kind], (limit,))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    index_documents(conn, kind, ((row["id"], document(kind, row)) for row in rows))
    return rows


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Drop and rebuild the whole index from the tables; returns the number of documents."""
    count = 0
    conn.execute("DELETE FROM search_map")
    for kind, sql in _REBUILD_QUERIES.items():
        table = _table(kind)
        conn.execute(f"DELETE FROM {table}")
        docs = ((row["id"], document(kind, row)) for row in _rows(conn, sql))
        count += index_documents(conn, kind, docs)
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    return count


def optimize_index(conn: sqlite3.Connection) -> None:
    """Merge each index's segments into one (after bulk loads; makes queries faster)."""
    for kind in KINDS:
        table = _table(kind)
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def _query_terms(query: str) -> list[str]:
    """Terms of a query; digit groups typed apart ("138 1234 5678", "0370-1234567") are one
    number, as numbers are indexed without separators."""
    terms: list[str] = []
    for word in _words(query or ""):
        if terms and _DIGITS.match(terms[-1]) and _NUMBER_PART.match(word):
            terms[-1] += word
        else:
            terms.append(word)
    terms = [t[:_MAX_TERM] for t in terms]
    return list(dict.fromkeys(terms))[:_MAX_QUERY_TERMS]


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed; None when there is nothing to find.

    Terms are runs of letters and digits, so quotes, operators (AND, *, -) and punctuation
    are never passed to FTS5 as syntax."""
    terms = _query_terms(query)
    if not terms:
        return None
    parts = []
    for term in terms:
        if _ALNUM.match(term) and any(c.isdigit() for c in term):
            parts.append(f'("{term}"* OR "r{term[::-1]}"*)')
        else:
            parts.append(f'"{term}"*')
    return " AND ".join(parts)


def search_ids(conn: sqlite3.Connection, kind: str, query: str, limit: int = 500) -> list[str]:
    """Ids of matching records, newest indexed first."""
    expression = match_expression(query)
    if expression is None:
        return []
    table = _table(kind)
    rowids = [
        r[0]
        for r in conn.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
            (expression, limit),
        )
    ]
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    found = dict(
        conn.execute(
            f"SELECT fts_rowid, record_id FROM search_map WHERE kind = ? AND fts_rowid IN ({marks})",
            (kind, *rowids),
        ).fetchall()
    )
    return [found[r] for r in rowids if r in found]


def warm_up() -> None:
    """Load the pinyin dictionaries now. Their first use unmarshals large tables while holding
    Python's interpreter lock (~100 ms); done at start, not in the middle of a sync."""
    pinyin_keys("驿站")
