#!/bin/sh
# Every ticket (or every one matching TEXT, as a search) by hand, as it is
# done today without syncro: a curl per page of 100, one after the other
# until meta.total_pages, formatted with python3.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/list-all.sh [TEXT]
set -eu
page_file=$(mktemp)
trap 'rm -f "$page_file"' EXIT
page=1 pages=1
while [ "$page" -le "$pages" ]; do
	# the tickets, then the number of pages on a line of its own
	curl -fsS -G -H "Authorization: Bearer $SYNCRO_API_KEY" ${1:+--data-urlencode "query=$1"} \
		--data "page=$page&per_page=100" "$SYNCRO_BASE_URL/tickets" | "${PYTHON:-python3}" -c '
import json, sys
j = json.load(sys.stdin)
for t in j["tickets"]:
    print("#%-6s %-20s %-24s %s" % (t["number"], t["status"],
          (t.get("customer_business_then_name") or "")[:24], t["subject"]))
print(j["meta"]["total_pages"])
' >"$page_file"
	sed '$d' "$page_file"
	pages=$(tail -n 1 "$page_file")
	page=$((page + 1))
done
