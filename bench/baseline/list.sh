#!/bin/sh
# The open tickets by hand, as it is done today without syncro: one curl for
# a page of up to 100 open tickets, formatted with python3.
#   SYNCRO_BASE_URL=... SYNCRO_API_KEY=... bench/baseline/list.sh
set -eu
curl -fsS -H "Authorization: Bearer $SYNCRO_API_KEY" \
	"$SYNCRO_BASE_URL/tickets?status=Not%20Closed&per_page=100" | "${PYTHON:-python3}" -c '
import json, sys
for t in json.load(sys.stdin)["tickets"]:
    print("#%-6s %-20s %-24s %s" % (t["number"], t["status"],
          (t.get("customer_business_then_name") or "")[:24], t["subject"]))
'
