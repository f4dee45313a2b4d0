#!/usr/bin/env python3
"""reformgraph from Python, with the standard library only (urllib + json).

Usage:
    python3 examples/client.py [GRAPHQL_URL] [SEARCH_TEXT]

GRAPHQL_URL defaults to http://localhost:4000/graphql (start the server with `npm start`),
SEARCH_TEXT to 医保支付. The script shows the things researchers ask most:
full-text search, the lineage of a local task up to national reform items, the coverage matrix
of national items x jurisdictions (with the documents each column rests on), the evidence behind
one gap, a side-by-side comparison of two jurisdictions, and when each jurisdiction first took
up each pillar of the reform.

Search snippets mark matches with « and » (plain text, never HTML).
"""
import json
import sys
import urllib.error
import urllib.request

DEFAULT_ENDPOINT = "http://localhost:4000/graphql"


class GraphQLError(Exception):
    """The server answered with errors; `code` is e.g. BAD_USER_INPUT."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


def graphql(endpoint, query, variables=None):
    """POST one GraphQL request and return its `data`, raising GraphQLError on errors."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode("utf-8")
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={"content-type": "application/json", "accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read().decode("utf-8") or "{}")
    if answer.get("errors"):
        first = answer["errors"][0]
        raise GraphQLError(first.get("message", "unknown error"), (first.get("extensions") or {}).get("code"))
    return answer["data"]


# --- the four examples ----------------------------------------------------------------------

SEARCH = """
query Search($text: String!, $limit: Int) {
  search(text: $text, limit: $limit) {
    id key title snippet
    jurisdiction { id name }
    policy { title }
    agencies { name role type }
    implements { nationalItem { id titleZh } score }
  }
}
"""

LINEAGE = """
query Lineage($taskId: ID!) {
  lineage(taskId: $taskId) {
    task { id key title jurisdiction { name } }
    paths {
      score
      nationalItem { id titleZh titleEn }
      end { id key title jurisdiction { name } }
      links {
        relation score kind
        from { key title jurisdiction { name } }
        toTask { key title jurisdiction { name } }
        toNationalItem { id titleZh }
        evidence { localText nationalText }
      }
    }
  }
}
"""

COVERAGE = """
query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {
  coverage(jurisdictionIds: $jurisdictionIds, period: $period) {
    nationalItems { id titleZh titleEn pillar }
    jurisdictions { id name nameEn }
    columns { jurisdiction { id } documents { title docNumber issuedOn status } }
    cells { nationalItemId jurisdictionId taskCount taskIds status }
  }
}
"""

GAP_AUDIT = """
query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!) {
  gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId) {
    status
    nationalItem { id titleZh }
    jurisdiction { name }
    candidates { score kind task { key title } evidence { localText nationalText } }
    keywordHits { keyword snippet task { key } }
  }
}
"""

ADOPTION = """
query Adoption {
  adoption { years pillarCurves { key adopted } events { jurisdiction { id } nationalItem { id } year } }
}
"""

COMPARE = """
query Compare($a: ID!, $b: ID!) {
  compare(a: $a, b: $b) {
    a { id name } b { id name }
    shared {
      nationalItem { id titleZh }
      tasksA { id key } tasksB { id key }
      leadAgencyTypesA leadAgencyTypesB
      targetDifferences { metric targetsA { text } targetsB { text } }
    }
    onlyA { nationalItem { id titleZh } tasksA { id } }
    onlyB { nationalItem { id titleZh } tasksB { id } }
  }
}
"""


def shorten(text, length=40):
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def show_search(endpoint, text):
    print(f"== search: {text}")
    hits = graphql(endpoint, SEARCH, {"text": text, "limit": 5})["search"]
    if not hits:
        print("   (no task matches)")
    for rank, task in enumerate(hits, 1):
        items = ", ".join(f"{link['nationalItem']['id']} ({link['score']:.2f})" for link in task["implements"]) or "-"
        leads = ", ".join(a["name"] for a in task["agencies"] if a["role"] == "lead") or "-"
        print(f"{rank}. [{task['jurisdiction']['name']}] {task['key']} {shorten(task['title'])}")
        print(f"   snippet: {task['snippet']}")
        print(f"   lead: {leads}   implements: {items}")
    print()
    return hits


def show_lineage(endpoint, task_id):
    lineage = graphql(endpoint, LINEAGE, {"taskId": task_id})["lineage"]
    task = lineage["task"]
    print(f"== lineage of {task['jurisdiction']['name']} {task['key']} {shorten(task['title'])}")
    if not lineage["paths"]:
        print("   (no links upward)")
    for number, path in enumerate(lineage["paths"], 1):
        steps = []
        for link in path["links"]:
            if link["relation"] == "IMPLEMENTS":
                target = f"national item {link['toNationalItem']['id']} {link['toNationalItem']['titleZh']}"
            else:
                target = f"{link['toTask']['jurisdiction']['name']} {link['toTask']['key']} {shorten(link['toTask']['title'], 24)}"
            steps.append(f"-[{link['relation']} {link['score']:.2f} {link['kind']}]-> {target}")
        print(f"path {number} (score {path['score']:.2f}):")
        for step in steps:
            print(f"   {step}")
        evidence = [e["localText"] for link in path["links"] for e in link["evidence"]][:3]
        if evidence:
            print(f"   evidence: {' | '.join(shorten(e, 30) for e in evidence)}")
    print()


def show_coverage(endpoint, jurisdiction_ids=None, period=None):
    coverage = graphql(endpoint, COVERAGE, {"jurisdictionIds": jurisdiction_ids, "period": period})["coverage"]
    jurisdictions = coverage["jurisdictions"]
    counts = {(c["nationalItemId"], c["jurisdictionId"]): c["taskCount"] for c in coverage["cells"]}
    print(f"== coverage: {len(coverage['nationalItems'])} national items x {len(jurisdictions)} jurisdictions")
    for column, j in zip(coverage["columns"], jurisdictions):
        documents = "; ".join(
            f"{d['docNumber'] or shorten(d['title'], 16) or '(untitled)'} {(d['issuedOn'] or '')[:4]}{' draft' if d['status'] == 'draft' else ''}"
            for d in column["documents"]
        )
        print(f"   {j['name']} rests on: {documents or 'no document'}")
    print("   " + " ".join(f"{j['name']:>8}" for j in jurisdictions) + "   national item")
    nowhere = []
    for item in coverage["nationalItems"]:
        row = [counts.get((item["id"], j["id"]), 0) for j in jurisdictions]
        if not any(row):
            nowhere.append(item["id"])
            continue
        cells = " ".join(f"{n:>8}" for n in row)
        print(f"   {cells}   {item['id']} {shorten(item['titleZh'], 24)}")
    if nowhere:
        print(f"   implemented nowhere: {', '.join(nowhere)}")
    status = {(c["nationalItemId"], c["jurisdictionId"]): c["status"] for c in coverage["cells"]}
    for j in jurisdictions:
        states = [status[(item["id"], j["id"])] for item in coverage["nationalItems"]]
        if "NO_DOCUMENT" in states:
            print(f"   {j['name']} ({j['id']}): no document")
        else:
            print(
                f"   {j['name']} ({j['id']}): {states.count('COVERED')} items covered, "
                f"{states.count('POSSIBLE')} possible (a task mentions the item below the link threshold), {states.count('GAP')} gaps"
            )
    print()
    return coverage


def show_gap_audit(endpoint, national_item_id, jurisdiction_id):
    audit = graphql(endpoint, GAP_AUDIT, {"nationalItemId": national_item_id, "jurisdictionId": jurisdiction_id})["gapAudit"]
    item = audit["nationalItem"]
    print(f"== gap audit: {audit['jurisdiction']['name']} x {item['id']} {shorten(item['titleZh'], 24)} ({audit['status']})")
    for candidate in audit["candidates"][:5]:
        words = ", ".join(e["localText"] for e in candidate["evidence"][:3])
        print(f"   candidate {candidate['score']:.2f} {candidate['task']['key']} {shorten(candidate['task']['title'], 24)}: {words}")
    for hit in audit["keywordHits"][:5]:
        print(f"   keyword {hit['keyword']} in {hit['task']['key']}: {shorten(hit['snippet'], 50)}")
    if not audit["candidates"] and not audit["keywordHits"]:
        print("   no candidate and no keyword hit: the gap stands")
    print()


def show_adoption(endpoint):
    adoption = graphql(endpoint, ADOPTION)["adoption"]
    years = adoption["years"]
    print(f"== adoption {years[0] if years else '-'}–{years[-1] if years else '-'}: jurisdictions that had taken up each pillar, by year")
    for curve in adoption["pillarCurves"]:
        print(f"   {curve['key']:<22} " + " ".join(f"{n:>2}" for n in curve["adopted"]))
    adopted = sum(1 for event in adoption["events"] if event["year"] is not None)
    print(f"   {adopted} of {len(adoption['events'])} (jurisdiction, item) pairs adopted; the rest censored (GET /export/adoption.csv)")
    print()


def show_compare(endpoint, a, b):
    compare = graphql(endpoint, COMPARE, {"a": a, "b": b})["compare"]
    name_a, name_b = compare["a"]["name"], compare["b"]["name"]
    print(f"== compare {name_a} ({a}) with {name_b} ({b})")
    print(f"   shared: {len(compare['shared'])}   only {name_a}: {len(compare['onlyA'])}   only {name_b}: {len(compare['onlyB'])}")
    for row in compare["shared"][:8]:
        item = row["nationalItem"]
        leads = f"lead {'/'.join(row['leadAgencyTypesA']) or '-'} vs {'/'.join(row['leadAgencyTypesB']) or '-'}"
        print(f"   {item['id']} {shorten(item['titleZh'], 20)}: {len(row['tasksA'])} vs {len(row['tasksB'])} tasks, {leads}")
        for difference in row["targetDifferences"]:
            left = "; ".join(t["text"] for t in difference["targetsA"])
            right = "; ".join(t["text"] for t in difference["targetsB"])
            print(f"      target {difference['metric']}: {shorten(left, 30)}  vs  {shorten(right, 30)}")
    for label, rows in ((f"only {name_a}", compare["onlyA"]), (f"only {name_b}", compare["onlyB"])):
        if rows:
            print(f"   {label}: " + ", ".join(row["nationalItem"]["id"] for row in rows[:12]))
    print()


def main(argv):
    endpoint = argv[1] if len(argv) > 1 else DEFAULT_ENDPOINT
    text = argv[2] if len(argv) > 2 else "医保支付"
    try:
        hits = show_search(endpoint, text)
        linked = next((hit for hit in hits if hit["implements"]), hits[0] if hits else None)
        if linked:
            show_lineage(endpoint, linked["id"])
        coverage = show_coverage(endpoint)
        ids = [j["id"] for j in coverage["jurisdictions"]]
        gap = next((c for c in coverage["cells"] if c["status"] == "GAP"), None)
        if gap:
            show_gap_audit(endpoint, gap["nationalItemId"], gap["jurisdictionId"])
        if len(ids) >= 2:
            show_compare(endpoint, ids[0], ids[1])
        show_adoption(endpoint)
    except urllib.error.URLError as error:
        print(f"cannot reach {endpoint}: {error.reason} (is the server running? npm start)", file=sys.stderr)
        return 1
    except GraphQLError as error:
        print(f"the server refused the query: {error} [{error.code}]", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
