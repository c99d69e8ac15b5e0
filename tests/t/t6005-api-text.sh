#!/bin/sh
test_description='text from the API never reaches the terminal as escapes'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

# A customer's email can hold anything: a window title (OSC ... BEL), a
# clear screen (CSI 2J), a C1 CSI (U+009B) and CRLF line ends. Each
# control character shows as one space.
SQ="'"
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')
cr=$(printf '\r')
evil="${esc}]0;pwned${bel}${esc}[2J${csi}31m"
shown=" ]0;pwned  [2J 31m"

# no_controls FILE: no byte below 0x20 but newline and tab, no DEL, no C1 CSI.
no_controls () {
	LC_ALL=C tr -d '\n\t\040-\176\200-\377' <"$1" >controls &&
	if test -s controls; then
		od -An -c controls >&2
		return 1
	fi &&
	if grep "$csi" "$1" >&2; then
		return 1
	fi
}

# Dates the sandbox gives new comments (its own clock) as DATE.
mask_dates () {
	sed -E "s/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/DATE/g" "$@"
}

test_expect_success 'setup: a subject and a comment with escapes' '
	syncro api -X PUT /tickets/108430330 -f "subject=Own cloud ${evil}again" >/dev/null &&
	syncro api -X POST /tickets/108430330/comment -f "subject=Re: ${evil}help" \
		-f "body=line one ${evil}${cr}
line two	tabbed" -f tech=Jerry >/dev/null &&
	syncro api /tickets/108430330 >raw &&
	grep -c "u001b" raw >count &&
	echo 3 >expect &&
	test_cmp expect count
'

test_expect_success 'ticket: subject, comment subject and body show escapes as spaces' '
	syncro ticket 32164 >out &&
	no_controls out &&
	mask_dates out >actual &&
	cat >expect <<-EOF &&
	#32164  Own cloud ${shown}again
	status    New
	priority  2 Normal
	customer  Jerry Burger
	contact   none
	created   DATE
	due       DATE
	updated   DATE
	tech      unassigned

	comments (2, newest first)
	  DATE  Jerry  [emailed jerry.burger@example.net]  Re: ${shown}help
	      line one ${shown}
	      line two	tabbed
	  DATE  Jerry Burger  Initial Issue
	      Hi, the own cloud thing on my computer is saying it can${SQ}t sync again. Same as last month. Can you take a look when you get a chance?

	billing: nothing billed
	EOF
	test_cmp expect actual
'

test_expect_success 'completion: the subject as a description, on one line' '
	syncro __complete ticket 3216 >out &&
	no_controls out &&
	cat >expect <<-EOF &&
	32164	New · Jerry Burger · Own cloud ${shown}again
	:36
	EOF
	test_cmp expect out
'

test_expect_success 'an error quoting the API: the words without their escapes' '
	sandbox_fail "{\"path\":\"/api/v1/tickets/*/comment\",\"status\":422,\"body\":\"{\\\"error\\\":\\\"bad \\\\u001b[2J\\\\u0007 thing\\\"}\"}" &&
	test_expect_code 5 syncro api -X POST /tickets/108430330/comment -f body=x >out 2>err &&
	no_controls err &&
	echo "syncro: the Syncro API rejected ${SQ}POST /tickets/108430330/comment${SQ}: bad  [2J  thing" >expect &&
	test_cmp expect err
'

test_expect_success 'close --log: the session log keeps the text, not the escapes' '
	syncro close 32164 --log >out &&
	no_controls out &&
	log=$(find "$XDG_DATA_HOME/syncro/clients" -name "*.md") &&
	no_controls "$log" &&
	grep -Fx "# #32164 Own cloud ${shown}again" "$log" &&
	grep -Fx "line one ${shown}" "$log" &&
	grep -Fx "line two	tabbed" "$log"
'

test_expect_success 'update: the old subject shown without escapes' '
	syncro update 32164 --subject "Own cloud again" >out &&
	no_controls out &&
	echo "#32164  subject: Own cloud ${shown}again -> Own cloud again" >expect &&
	test_cmp expect out
'

test_done
