"""Find-as-you-type search over workers, employers and postings (SQLite FTS5).

Each record gets one search document of whitespace-separated tokens, and a query term
matches any token it is a prefix of. Substring and "last digits" searches become prefix
searches by indexing suffixes of names and the reversed ID and phone numbers:

    张三丰 → 张三丰 三丰 丰 zhangsanfeng sanfeng feng zsf sf f
    11010519491231002X → 11010519491231002x and r x20013219491501011 (reversed, tagged r)

The index is derived data, rebuilt from the tables at any time.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from station_desk.domain.occupations import occupation_by_code
from station_desk.domain.text import clean_text, pinyin_keys

KINDS = ("worker", "employer", "posting")
_WORD_SPLIT = re.compile(r"[\s,，、;；/|()（）:：。.!！?？\-—·]+")
_ALNUM = re.compile(r"^[0-9a-z]+$")
_MAX_SUFFIX_WORD = 12


def _table(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    return f"fts_{kind}"


def create_index(conn: sqlite3.Connection) -> None:
    for kind in KINDS:
        conn.execute(
            f"CREATE VIRTUAL TABLE {_table(kind)} USING fts5("
            "doc, tokenize='unicode61', prefix='1 2 3', detail='none')"
        )
    conn.execute(
        "CREATE TABLE search_map (kind VARCHAR NOT NULL, record_id VARCHAR NOT NULL, "
        "fts_rowid INTEGER NOT NULL, PRIMARY KEY (kind, record_id))"
    )
    conn.execute("CREATE UNIQUE INDEX ix_search_map_rowid ON search_map (kind, fts_rowid)")


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(clean_text(text).lower()) if w]


def _suffixes(word: str) -> list[str]:
    word = word[:_MAX_SUFFIX_WORD]
    return [word[i:] for i in range(len(word))]


def _name_tokens(name: str) -> list[str]:
    tokens: list[str] = []
    for word in _words(name):
        tokens += _suffixes(word)
        full, initials = pinyin_keys(word)
        if full and full != word:
            tokens += _syllable_suffixes(word)
            tokens += _suffixes(initials)
    return tokens


def _syllable_suffixes(word: str) -> list[str]:
    from pypinyin import lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(word) if s.strip()]
    return ["".join(syllables[i:]) for i in range(len(syllables))]


def _number_tokens(number: str) -> list[str]:
    digits = number.lower().replace("-", "").replace(" ", "")
    if not digits:
        return []
    return [digits, "r" + digits[::-1]]


def _text_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for word in _words(text):
        tokens += _suffixes(word) if not _ALNUM.match(word) else [word]
    return tokens


def _trade_names(codes_json: str) -> list[str]:
    try:
        codes = json.loads(codes_json or "[]")
    except ValueError:
        return []
    names = []
    for code in codes:
        occupation = occupation_by_code(str(code))
        if occupation is not None:
            names.append(occupation.name)
    return names


def worker_document(row: Mapping[str, Any]) -> str:
    tokens = _name_tokens(row["name"])
    tokens += _number_tokens(row["id_number"] or "")
    tokens += _number_tokens(row["phone"] or "")
    for trade in _trade_names(row["skill_codes"]) + _trade_names(row["intention_codes"]):
        tokens += _suffixes(trade)
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


def posting_document(row: Mapping[str, Any], employer_name: str) -> str:
    tokens = _suffixes(clean_text(row["occupation_name"]).lower())
    full, initials = pinyin_keys(row["occupation_name"])
    tokens += [full, initials]
    tokens += _name_tokens(employer_name)
    tokens += _text_tokens(row["work_location"] or "")
    tokens += _text_tokens(row["skill_requirements"] or "")
    tokens += _number_tokens(row["contact_phone"] or "")
    return " ".join(dict.fromkeys(t for t in tokens if t))


def index_document(conn: sqlite3.Connection, kind: str, record_id: str, doc: str) -> None:
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


def remove_document(conn: sqlite3.Connection, kind: str, record_id: str) -> None:
    found = conn.execute(
        "SELECT fts_rowid FROM search_map WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    if found is None:
        return
    conn.execute(f"DELETE FROM {_table(kind)} WHERE rowid = ?", (found[0],))
    conn.execute("DELETE FROM search_map WHERE kind = ? AND record_id = ?", (kind, record_id))


def _rows(conn: sqlite3.Connection, sql: str) -> Iterable[sqlite3.Row]:
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
    index_document(conn, kind, record_id, _document(kind, row))


def _document(kind: str, row: Mapping[str, Any]) -> str:
    if kind == "worker":
        return worker_document(row)
    if kind == "employer":
        return employer_document(row)
    return posting_document(row, row["employer_name"])


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Drop and rebuild the whole index from the tables; returns the number of documents."""
    for kind in KINDS:
        conn.execute(f"DELETE FROM {_table(kind)}")
    conn.execute("DELETE FROM search_map")
    count = 0
    queries = {
        "worker": "SELECT * FROM worker WHERE NOT deleted ORDER BY registered_at, id",
        "employer": "SELECT * FROM employer WHERE NOT deleted ORDER BY registered_at, id",
        "posting": "SELECT p.*, e.name AS employer_name FROM posting p "
        "JOIN employer e ON e.id = p.employer_id WHERE NOT p.deleted ORDER BY p.published_at, p.id",
    }
    for kind, sql in queries.items():
        for row in _rows(conn, sql):
            index_document(conn, kind, row["id"], _document(kind, row))
            count += 1
    return count


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed; None when there is nothing to find."""
    terms = _words(query)
    if not terms:
        return None
    parts = []
    for term in terms:
        quoted = term.replace('"', '""')
        if _ALNUM.match(term) and any(c.isdigit() for c in term):
            parts.append(f'("{quoted}"* OR "r{quoted[::-1]}"*)')
        else:
            parts.append(f'"{quoted}"*')
    return " AND ".join(parts)


def search_ids(conn: sqlite3.Connection, kind: str, query: str, limit: int = 500) -> list[str]:
    """Ids of matching records, newest indexed first."""
    expression = match_expression(query)
    if expression is None:
        return []
    table = _table(kind)
    rows = conn.execute(
        f"SELECT m.record_id FROM {table} f JOIN search_map m "
        f"ON m.kind = ? AND m.fts_rowid = f.rowid "
        f"WHERE {table} MATCH ? ORDER BY f.rowid DESC LIMIT ?",
        (kind, expression, limit),
    ).fetchall()
    return [r[0] for r in rows]
