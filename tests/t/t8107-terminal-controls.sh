#!/bin/sh
test_description='terminal controls from the API: escaped in --json and syncro api, dropped or blanked in views; an escaped NUL hides nothing'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# The ticket's first comment body holds raw CSI (U+009B), NEL (U+0085),
# DEL, RLO (U+202E), LINE SEPARATOR (U+2028) and an escaped NUL.
BODY=$(printf 'one\302\2332J two\302\205three\177four\342\200\256five\342\200\250six')
controlled_ticket () {
	sandbox_get tickets/108430330 >ticket.json &&
	jq --arg b "$BODY" '.ticket.comments[0].body = $b + "\u0000seven" |
		.ticket.subject = "gpj\u202e.exe"' ticket.json >controlled.json &&
	jq -n --rawfile body controlled.json '{method: "GET", path: "/api/v1/tickets/108430330",
		status: 200, body: $body, content_type: "application/json", count: 1000}' >rule.json &&
	sandbox_curl --fail-with-body -X POST -H "Content-Type: application/json" \
		--data @rule.json "$SANDBOX_URL/__sandbox/fail" >/dev/null
}

# raw_controls FILE: whether FILE holds any of those bytes raw.
raw_controls () {
	LC_ALL=C grep -c "$(printf '\302[\200-\237]\|\177\|\342\200[\250-\256]\|\342\201[\246-\251]')" "$1"
}

test_expect_success 'syncro api and ticket --json escape them' '
	controlled_ticket &&
	syncro api /tickets/108430330 >api.out &&
	test "$(raw_controls api.out)" = 0 &&
	grep -F "\"body\": \"one\\u009b2J two\\u0085three\\u007ffour\\u202efive\\u2028six$(printf "\357\277\275")seven\"" api.out &&
	jq -r ".ticket.comments[0].body" api.out >body &&
	grep "seven\$" body &&
	syncro ticket 32164 --json >json.out &&
	test "$(raw_controls json.out)" = 0 &&
	grep -F "gpj\\u202e.exe" json.out
'

test_expect_success 'the human view drops bidi controls and blanks the others; the text after a NUL shows' '
	controlled_ticket &&
	syncro ticket 32164 >view.out &&
	test "$(raw_controls view.out)" = 0 &&
	grep "gpj.exe" view.out &&
	grep "one 2J two three four" view.out &&
	grep "seven" view.out
'

test_done
