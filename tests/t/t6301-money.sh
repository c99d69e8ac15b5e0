#!/bin/sh
test_description='one money format in every verb: two decimals, rounded half away from zero'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6301}"
start_sandbox

test_expect_success 'a ticket line of 15.625 shows 15.63, and one of 150 shows 150.00' '
	id=$(syncro api "/tickets?number=32164" | jq -r ".tickets[0].id") &&
	syncro api -X POST /tickets/$id/add_line_item -f name=Cable -f description=patch \
		-f quantity=1 -f price_retail=15.625 >/dev/null &&
	syncro api -X POST /tickets/$id/add_line_item -f name=Switch -f description=poe \
		-f quantity=1 -f price_retail=150 >/dev/null &&
	syncro ticket 32164 >out &&
	grep "Cable  *patch  *15\.63  *not invoiced" out &&
	grep "Switch  *poe  *150\.00  *not invoiced" out
'

test_expect_success 'estimate create --dry-run: price and total with two decimals, the cent rounded up' '
	syncro estimate create --customer 34288070 --subject Cable --line "Patch cable 0.25 62.5" \
		--line "Switch 1 150" --dry-run >out &&
	sed -n "3,5p" out >actual &&
	cat >expect <<-\EOT &&
	  0.25 x Cat6 Patch Cable 7ft at 62.50 = 15.63
	  1 x Switch at 150.00 = 150.00 (text)
	total 165.63
	EOT
	test_cmp expect actual
'

test_expect_success 'invoice list: totals with two decimals' '
	syncro invoice list >out &&
	grep "^#1048  2026-03-10  Pinnacle Peak Realty  *62\.50  paid$" out &&
	grep "^#1043  2026-04-08  Dolores Whitfield  *187\.50  paid$" out
'

test_done
