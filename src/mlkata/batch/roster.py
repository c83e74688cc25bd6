"""A class roster: who is in the class, with the ids and emails an LMS matches grades by.

A roster is a CSV file with a header naming at least ``name`` (or ``student``), and
optionally ``id`` and ``email``. A submission belongs to the roster row whose name, id or
email equals the submission's name (case and surrounding spaces aside).

>>> import io
>>> roster = read_roster(io.StringIO("name,id,email\\nJosé Müller,s042,jm@uni.edu\\n"))
>>> roster.find("josé müller ").id, roster.find("S042").email
('s042', 'jm@uni.edu')
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from typing import TextIO


class RosterError(ValueError):
    """The roster cannot be read (no name column, say)."""


@dataclass(frozen=True)
class Member:
    name: str
    id: str = ""
    email: str = ""


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


@dataclass
class Roster:
    members: list[Member] = field(default_factory=list)

    def find(self, name: str) -> Member | None:
        """The member a submission named ``name`` belongs to, if any."""
        wanted = _key(name)
        for member in self.members:
            if wanted in {_key(member.name), _key(member.id), _key(member.email)} - {""}:
                return member
        return None


def read_roster(handle: TextIO) -> Roster:
    """Read a roster CSV (see the module's docstring); :class:`RosterError` if it has no names."""
    reader = csv.DictReader(handle)
    fields = {(f or "").strip().casefold(): f for f in reader.fieldnames or []}
    name_field = fields.get("name") or fields.get("student")
    if name_field is None:
        raise RosterError("the roster has no 'name' column (expected a header: name,id,email)")
    members = []
    for row in reader:
        name = (row.get(name_field) or "").strip()
        if name:
            members.append(
                Member(
                    name,
                    (row.get(fields.get("id", "")) or "").strip(),
                    (row.get(fields.get("email", "")) or "").strip(),
                )
            )
    return Roster(members)
