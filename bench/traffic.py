#!/usr/bin/env python3
"""How the generated traffic compares with the AWS-documented examples: line sizes, SNS envelopes, recipients,
headers and tags per mail. Usage: bench/traffic.py RAW_DAY_FOLDER FIXTURES_FOLDER [OBJECTS]"""
import glob, gzip, json, os, statistics, sys

folder, fixtures = sys.argv[1], sys.argv[2]
objects = sorted(glob.glob(folder + "/*.ndjson.gz"))[: int(sys.argv[3]) if len(sys.argv) > 3 else 100]

def kind(ses):
    return ses.get("eventType") or ses.get("notificationType") or "?"

def recipients(ses):
    return len(ses.get("mail", {}).get("destination", []))

lines = wrapped = 0
size, inner = [], {}
per_mail = {"recipients": [], "headers": [], "tags": []}
for path in objects:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            lines += 1
            size.append(len(line.encode()) - 1)
            try:
                outer = json.loads(line)
                ses = json.loads(outer["Message"]) if "Message" in outer else outer
            except (ValueError, TypeError):
                continue
            if not isinstance(ses, dict):
                continue
            wrapped += "Message" in outer
            inner.setdefault(kind(ses), []).append(len(json.dumps(ses, separators=(",", ":"))))
            mail = ses.get("mail")
            if isinstance(mail, dict) and "destination" in mail:
                per_mail["recipients"].append(recipients(ses))
                per_mail["headers"].append(len(mail.get("headers", [])))
                per_mail["tags"].append(len(mail.get("tags", {})))

documented = {}
for path in sorted(glob.glob(fixtures + "/*/*.json")):
    name = os.path.relpath(path, fixtures)
    if name.count(".") > 1:
        continue
    ses = json.load(open(path))
    documented[name] = len(json.dumps(ses, separators=(",", ":")))

print(json.dumps({
    "generated": {
        "objects_read": len(objects), "lines": lines, "sns_wrapped_share": round(wrapped / max(lines, 1), 3),
        "line_bytes_mean": round(statistics.mean(size)), "line_bytes_median": statistics.median(size),
        "message_bytes_mean_by_type": {k: round(statistics.mean(v)) for k, v in sorted(inner.items())},
        "per_mail_mean": {k: round(statistics.mean(v), 2) for k, v in per_mail.items() if v},
    },
    "documented_message_bytes": documented,
}, indent=2))
