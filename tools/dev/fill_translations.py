#!/usr/bin/env python3
"""Fills unfinished entries of translations/liuhe_zh_CN.ts from a JSON map
{"Context|Source": "译文"} (source text as it appears in the .ts, XML-escaped).

    python3 tools/dev/fill_translations.py translations/liuhe_zh_CN.ts map.json
Prints what is still unfinished afterwards.
"""
import json
import re
import sys

ts_path, map_path = sys.argv[1], sys.argv[2]
ts = open(ts_path, encoding="utf-8").read()
mapping = json.load(open(map_path, encoding="utf-8"))


def fill(context_match):
    ctx = context_match.group(1)
    body = context_match.group(2)

    def one(m):
        key = ctx + "|" + m.group(1)
        if key not in mapping:
            return m.group(0)
        text = mapping[key].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return "<source>%s</source>\n        <translation>%s</translation>" % (m.group(1), text)

    body = re.sub(r'<source>([^<]*)</source>\s*<translation type="unfinished"></translation>', one, body, flags=re.S)
    return "<context>\n    <name>%s</name>%s</context>" % (ctx, body)


ts = re.sub(r"<context>\s*<name>([^<]*)</name>(.*?)</context>", fill, ts, flags=re.S)
open(ts_path, "w", encoding="utf-8").write(ts)
left = re.findall(r'<source>([^<]*)</source>\s*<translation type="unfinished">', ts, flags=re.S)
print("unfinished:", len(left))
for s in left:
    print("  ", s)
