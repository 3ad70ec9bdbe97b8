#!/usr/bin/env python3
"""Helper for the seed's two languages (docs/model.md, "Two languages").

  python3 scripts/seed-forms.py dump [nodes|relationships]   print the texts that need a Swedish form
  python3 scripts/seed-forms.py merge FILE [--sources DIR]   write the forms from FILE into seed/data

FILE holds blocks: a line "n:<node id>" or "r:<fact id>", then lines "<code> <Swedish text>", codes
d description, e evidence, t task, s subject, r role, a agreement, o outsideKnowledge,
b basisNote, N nameSv (when it is not the record's `name`), E nameEn (when the record has none),
p.<key> a free property (list items separated by " ; ").
Origins: a Swedish name, title, hedge, role, subject, agreement or property is 'source' when its
words stand in the cited lines, else 'ours'; descriptions, evidence and notes are ours in both
languages; an English name is 'official' for the ids in OFFICIAL, a person's name 'source'.
The proposals still need reading: the script checks words, not meaning.
"""
import json, re, sys, unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / 'seed' / 'data'
CODES = {'d': 'description', 'e': 'evidence', 't': 'task', 's': 'subject', 'r': 'role', 'a': 'agreement',
         'o': 'outsideKnowledge', 'b': 'basisNote'}
ALWAYS_OURS = {'description', 'evidence', 'outsideKnowledge', 'basisNote', 'task'}
OFFICIAL = set('''finnish-government swedish-government finland-ministry-social-affairs-health regeringskansliet
socialdepartementet utrikesdepartementet folkhalsomyndigheten msb sida socialstyrelsen svenska-institutet
arctic-council barents-euro-arctic-council cbss council-of-europe ema european-commission european-community
european-reference-networks european-union iais ilo nato nordic-council-of-ministers oecd oecd-health-committee
skr swecare un who who-executive-board amsterdam-treaty maastricht-treaty single-european-act treaty-of-rome
agenda-2030 eu-global-health-strategy eu4health ndphs northern-dimension sweden-permanent-mission-geneva
barnlakarforeningen business-sweden china czech-republic egypt hungary iceland indonesia moldova norway poland
russia slovakia soviet-union sweden turkey ukraine finland east-germany'''.split())


def fold(s):
    s = unicodedata.normalize('NFC', s).casefold()
    return re.sub(r'\s+', ' ', re.sub(r'[‐‑–—-]', '-', s)).strip()


def cited(record, sources_dir):
    out = []
    for ref in record.get('sources', []):
        file, lines = ref.split('#')
        a, _, b = lines.partition('-')
        a = int(a[1:]); b = int(b[1:]) if b else a
        text = (Path(sources_dir) / file).read_text(encoding='utf8').split('\n')
        out.append(' '.join(text[a - 1:b]))
    return fold(' '.join(out))


def read(kind):
    return [json.loads(l) for l in (DATA / f'{kind}.jsonl').read_text(encoding='utf8').splitlines() if l.strip()]


def write(kind, records):
    (DATA / f'{kind}.jsonl').write_text(''.join(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n' for r in records), encoding='utf8')


def split_gloss(v):
    m = re.match(r'^(.*?)\s*\(([^()]*(?:\[[^\]]*\])?[^()]*)\)\s*$', v.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m and m.group(1) else None


def wordy(v):
    if isinstance(v, str): return re.search(r'[^\W\d_]', v) is not None
    return isinstance(v, list) and any(isinstance(x, str) and re.search(r'[^\W\d_]', x) for x in v)


def dump(kind):
    for r in read(kind):
        print(('n:' if kind == 'nodes' else 'r:') + r['id'])
        for code, field in CODES.items():
            if field in r and not r.get(field + 'Sv'): print(f' {code} {r[field]}')
        for k, v in r.get('properties', {}).items():
            if wordy(v) and k + 'Sv' not in r['properties'] and k != 'title':
                print(f' p.{k} ' + (' ; '.join(v) if isinstance(v, list) else v))


def parse_blocks(text):
    blocks, cur = {}, None
    for line in text.splitlines():
        if not line.strip(): continue
        if re.match(r'^[nr]:', line):
            cur = blocks.setdefault(line.strip(), {})
        else:
            code, _, value = line.strip().partition(' ')
            cur[code] = value.strip()
    return blocks


def form(record, field, sv, en, sv_origin, en_origin):
    record[field + 'Sv'] = sv; record[field + 'SvOrigin'] = sv_origin
    record[field + 'En'] = en; record[field + 'EnOrigin'] = en_origin


def merge(path, sources_dir):
    blocks = parse_blocks(Path(path).read_text(encoding='utf8'))
    for kind, prefix in (('nodes', 'n:'), ('relationships', 'r:')):
        records = read(kind)
        for r in records:
            b = blocks.get(prefix + r['id'], {})
            lines = cited(r, sources_dir)
            def origin(field, sv):
                return 'ours' if field in ALWAYS_OURS or fold(sv) not in lines else 'source'
            if kind == 'nodes':
                sv = b.get('N', r.get('nameSv', r['name']))
                en = r.get('nameEn') or b.get('E') or r['name']
                r['nameEn'] = en
                en_origin = 'source' if r['label'] == 'Person' else 'official' if r['id'] in OFFICIAL else 'ours'
                form(r, 'name', sv, en, 'source' if fold(sv) in lines or r['label'] == 'Person' else 'ours', en_origin)
            for code, field in CODES.items():
                if field not in r: continue
                if code in b: form(r, field, b[code], r[field], origin(field, b[code]), 'ours')
            if 'hedge' in r:
                sv, en = split_gloss(r['hedge'])
                # "enligt praxis … vanligen": the source's words, with a gap between them.
                parts = [x.strip() for x in sv.split('…') if x.strip()]
                form(r, 'hedge', sv, en, 'source' if all(fold(x) in lines for x in parts) else 'ours', 'ours')
            props = r.get('properties', {})
            for k, v in list(props.items()):
                if not wordy(v) or re.search(r'(Sv|En)(Origin)?$', k): continue
                if k == 'title':
                    sv, en = split_gloss(v)
                    form(props, k, sv, en, 'source' if fold(sv) in lines else 'ours', 'ours')
                elif 'p.' + k in b:
                    sv = b['p.' + k]
                    sv = [x.strip() for x in sv.split(' ; ')] if isinstance(v, list) else sv
                    so = 'source' if all(fold(x) in lines for x in (sv if isinstance(sv, list) else [sv])) else 'ours'
                    form(props, k, sv, v, so, 'ours')
        write(kind, records)


if __name__ == '__main__':
    args = sys.argv[1:]
    if args[0] == 'dump': dump(args[1])
    elif args[0] == 'merge':
        src = args[args.index('--sources') + 1] if '--sources' in args else '/work/shared/seeds'
        merge(args[1], src)
