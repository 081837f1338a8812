#!/usr/bin/env python3
"""Parse acctsum's iCalendar files back with an independent parser (Python `icalendar`).

Usage: python3 scripts/check_calendar.py FILE.ics...

Every file must parse; each VEVENT must be all-day (DTSTART and DTEND dates, DTEND the
day after), have a UID unique in its file, a DTSTAMP and a SUMMARY; no line may be longer
than 75 octets; every line must end in CRLF. Exit 0 when all hold, 1 otherwise.
Needs `pip install icalendar`.
"""

import datetime
import sys

import icalendar


def check(path):
    problems = []
    data = open(path, "rb").read()
    lines = data.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end in CRLF")
    for n, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: a bare line break")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets, over 75")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as e:
        return problems + [f"does not parse: {e}"], 0
    if str(cal.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    seen = set()
    events = cal.walk("VEVENT")
    for event in events:
        uid = str(event.get("UID", ""))
        if not uid:
            problems.append("an event has no UID")
        elif uid in seen:
            problems.append(f"UID {uid} twice")
        seen.add(uid)
        for prop in ("DTSTAMP", "SUMMARY", "DTSTART", "DTEND"):
            if prop not in event:
                problems.append(f"{uid}: no {prop}")
        start, end = event.decoded("DTSTART", None), event.decoded("DTEND", None)
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"{uid}: not an all-day event")
        elif end != start + datetime.timedelta(days=1):
            problems.append(f"{uid}: DTEND is not the day after DTSTART")
    return problems, len(events)


def main(paths):
    failed = False
    for path in paths:
        problems, count = check(path)
        for p in problems:
            print(f"{path}: {p}")
        failed |= bool(problems)
        if not problems:
            print(f"{path}: ok, {count} events")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
