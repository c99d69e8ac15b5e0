#!/bin/sh
test_description='completion of values from the cache and the config, and the background refresh'
. "$(dirname "$0")/../test-lib.sh"

PATH="$abs_top_builddir/tests/helpers:$PATH"
COLUMNS=200
export COLUMNS
# The cache is the account's: completion answers for this base URL's.
SYNCRO_BASE_URL=https://acme.syncromsp.com/api/v1
export SYNCRO_BASE_URL
cache=$(cache_dir)
mkdir -p "$cache" bin

# A stand-in for `syncro __refresh-cache`: it notes each run in refresh.log.
write_script bin/fake-syncro <<EOF
echo "\$*" >>"$TRASH_DIRECTORY/refresh.log"
sleep "\${FAKE_REFRESH_SECONDS:-0}"
echo done >>"$TRASH_DIRECTORY/refresh.log"
EOF
SYNCRO=$TRASH_DIRECTORY/bin/fake-syncro
export SYNCRO

# wait_for_refresh N: until refresh.log has N finished runs (at most 60 s).
wait_for_refresh () {
	tries=0
	while test "$(grep -c '^done$' refresh.log 2>/dev/null)" != "$1"; do
		tries=$((tries + 1))
		test "$tries" -lt 1200 || return 1
		sleep 0.05
	done
}

# complete LINE [WORD...]: the bash function's COMPREPLY in "actual".
complete () {
	bash "$TEST_DIRECTORY/completion-lib.bash" "$@" >actual
}

tab=$(printf '\t')
write_cache () {
	cat >"$cache/tickets.tsv" <<-EOF
	32164${tab}108430330${tab}New${tab}34288070${tab}Jerry Burger${tab}Own cloud thing again${tab}2026-04-21T00:31:00.000Z
	32163${tab}108430301${tab}Resolved${tab}34288071${tab}LeeAnn Parkinson${tab}Remote - Jim cant access his email${tab}2026-04-19T09:09:00.000Z
	32161${tab}108429977${tab}In Progress${tab}34288072${tab}Desert Sun Dental${tab}Printer offline in front office${tab}2026-04-18T10:00:00.000Z
	32160${tab}108429900${tab}Invoiced${tab}34288072${tab}Desert Sun Dental${tab}Toner${tab}2026-04-17T10:00:00.000Z
	3216${tab}1000${tab}Waiting on Customer${tab}34288070${tab}Jerry Burger${tab}An old one${tab}2020-01-01T00:00:00.000Z
	EOF
	cat >"$cache/ticket-settings.json" <<-\EOF
	{"fetched_at": 1, "data": {"ticket_status_list": ["New", "In Progress", "Resolved",
	 "Invoiced", "Waiting for Parts", "Waiting on Customer", "Scheduled", "Customer Reply"],
	 "users": [{"id": 74571, "name": "Mike Ritter"}, {"id": 74572, "name": "Sam Ortega"},
	 {"id": 74573, "name": "Priya Nair"}]}}
	EOF
}

test_expect_success 'ticket numbers: open tickets first, with status, customer, subject' '
	write_cache &&
	syncro __complete test-verb 3216 >actual &&
	cat >expect <<-EOF &&
	32164${tab}New · Jerry Burger · Own cloud thing again
	32161${tab}In Progress · Desert Sun Dental · Printer offline in front office
	3216${tab}Waiting on Customer · Jerry Burger · An old one
	32163${tab}Resolved · LeeAnn Parkinson · Remote - Jim cant access his email
	32160${tab}Invoiced · Desert Sun Dental · Toner
	:36
	EOF
	test_cmp expect actual
'

test_expect_success 'with nothing typed, only the open tickets' '
	syncro __complete test-verb "" >actual &&
	cat >expect <<-EOF &&
	32164${tab}New · Jerry Burger · Own cloud thing again
	32161${tab}In Progress · Desert Sun Dental · Printer offline in front office
	3216${tab}Waiting on Customer · Jerry Burger · An old one
	:36
	EOF
	test_cmp expect actual
'

test_expect_success 'ticket numbers with #, or a prefix that matches nothing' '
	syncro __complete test-verb -y "#32164" >actual &&
	printf "#32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete test-verb 9 >actual &&
	echo ":36" >expect &&
	test_cmp expect actual &&
	syncro __complete test-verb abc >actual &&
	echo ":4" >expect &&
	test_cmp expect actual
'

test_expect_success 'ticket numbers in bash, in the verb'"'"'s order' '
	complete "syncro test-verb 3216" &&
	cat >expect <<-\EOF &&
	32164  (New · Jerry Burger · Own cloud thing again)
	32161  (In Progress · Desert Sun Dental · Printer offline in front office)
	3216   (Waiting on Customer · Jerry Burger · An old one)
	32163  (Resolved · LeeAnn Parkinson · Remote - Jim cant access his email)
	32160  (Invoiced · Desert Sun Dental · Toner)
	EOF
	test_cmp expect actual &&
	echo "compopt -o nosort" >expect &&
	test_cmp expect compopt.log &&
	complete "syncro test-verb 32164" &&
	echo 32164 >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb \\#3216" syncro test-verb "\\#3216" &&
	test "$(wc -l <actual)" = 5 &&
	head -n 1 actual >first &&
	echo "\\#32164  (New · Jerry Burger · Own cloud thing again)" >expect &&
	test_cmp expect first
'

test_expect_success 'statuses from the cached settings, in bash too' '
	syncro __complete test-verb --status W >actual &&
	printf "%s\n" "Waiting for Parts" "Waiting on Customer" ":36" >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --status=In" &&
	printf "%s\n" "In\\ Progress" Invoiced >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --status=Cu" &&
	echo "Customer\\ Reply" >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb -s Sch" &&
	echo Scheduled >expect &&
	test_cmp expect actual
'

test_expect_success 'techs from the cached settings' '
	syncro __complete test-verb --assign "" >actual &&
	cat >expect <<-EOF &&
	Mike Ritter${tab}id 74571
	Sam Ortega${tab}id 74572
	Priya Nair${tab}id 74573
	:4
	EOF
	test_cmp expect actual &&
	complete "syncro test-verb --assign Sa" &&
	echo "Sam\\ Ortega" >expect &&
	test_cmp expect actual
'

test_expect_success 'customers from the cached tickets, each once' '
	syncro __complete test-verb --customer "" >actual &&
	cat >expect <<-EOF &&
	Desert Sun Dental${tab}id 34288072
	Jerry Burger${tab}id 34288070
	LeeAnn Parkinson${tab}id 34288071
	:4
	EOF
	test_cmp expect actual &&
	cat >"$cache/customers.json" <<-\EOF &&
	{"fetched_at": 1, "data": [{"id": 5, "business_then_name": "Acme Rockets"},
	 {"id": 34288070, "business_then_name": "Jerry Burger"}]}
	EOF
	syncro __complete test-verb --customer "" >actual &&
	cat >expect <<-EOF &&
	Acme Rockets${tab}id 5
	Desert Sun Dental${tab}id 34288072
	Jerry Burger${tab}id 34288070
	LeeAnn Parkinson${tab}id 34288071
	:4
	EOF
	test_cmp expect actual
'

test_expect_success 'a verb with subcommands offers them first, then the cached ids after each' '
	cat >"$cache/invoices.json" <<-\EOF &&
	{"fetched_at": 1, "data": {"invoices": [{"number": "1042", "id": 1650001,
	 "about": "Copper State Logistics · 420.00 · unpaid"}]}}
	EOF
	cat >"$cache/appointments.json" <<-\EOF &&
	{"fetched_at": 1, "data": {"appointments": [{"id": 5100001,
	 "about": "Mon 2026-12-07 13:15 MST · Own cloud thing again"}]}}
	EOF
	cat >"$cache/estimates.json" <<-\EOF &&
	{"fetched_at": 1, "data": {"estimates": [{"id": 2210001,
	 "about": "#2210 · Desert Sun Dental · Approved"}]}}
	EOF
	cat >"$cache/schedules.json" <<-\EOF &&
	{"fetched_at": 1, "data": {"schedules": [{"id": 730101,
	 "about": "Desert Sun Dental · monthly · Managed services"}]}}
	EOF
	syncro __complete invoice "" >actual &&
	cat >expect <<-EOF &&
	list${tab}list invoices
	show${tab}one invoice: N
	note${tab}add a note: N -m TEXT
	line${tab}add or remove a line: add|rm N ...
	email${tab}email it to the customer: N
	rm${tab}delete it: N
	:4
	EOF
	test_cmp expect actual &&
	syncro __complete invoice show "" >actual &&
	printf "1042\tCopper State Logistics · 420.00 · unpaid\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete invoice line "" >actual &&
	printf "add\tadd a line: N --product ID|NAME\nrm\tremove a line: N LINE\n:4\n" >expect &&
	test_cmp expect actual &&
	syncro __complete invoice line rm 10 >actual &&
	printf "1042\tCopper State Logistics · 420.00 · unpaid\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete appt "" >actual &&
	cat >expect <<-EOF &&
	list${tab}list appointments
	create${tab}book one for a ticket: N --at WHEN
	move${tab}move one: ID --at WHEN
	rm${tab}remove one: ID
	:4
	EOF
	test_cmp expect actual &&
	syncro __complete appt move "" >actual &&
	printf "5100001\tMon 2026-12-07 13:15 MST · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete appt create 3216 >actual &&
	grep "^32164${tab}New · Jerry Burger" actual &&
	test_grep_not "^5100001" actual &&
	syncro __complete estimate "" >actual &&
	cat >expect <<-EOF &&
	create${tab}make one, with its ticket: --customer C --subject S
	list${tab}list estimates
	show${tab}one estimate with its lines: ID
	approve${tab}mark it approved: ID
	decline${tab}mark it declined: ID
	:4
	EOF
	test_cmp expect actual &&
	syncro __complete estimate approve "" >actual &&
	printf "2210001\t#2210 · Desert Sun Dental · Approved\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete schedule show "" >actual &&
	printf "730101\tDesert Sun Dental · monthly · Managed services\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete customers "" >actual &&
	cat >expect <<-EOF &&
	create${tab}make a customer: --business NAME | --first F --last L
	Acme Rockets${tab}id 5
	Desert Sun Dental${tab}id 34288072
	Jerry Burger${tab}id 34288070
	LeeAnn Parkinson${tab}id 34288071
	:4
	EOF
	test_cmp expect actual &&
	syncro __complete customers create "" >actual &&
	echo ":4" >expect &&
	test_cmp expect actual
'

test_expect_success 'another account, or none, has none of this cache' '
	for url in "http://127.0.0.1:8180/api/v1" ""
	do
		SYNCRO_BASE_URL=$url syncro __complete test-verb 3216 >actual &&
		echo ":36" >expect &&
		test_cmp expect actual &&
		SYNCRO_BASE_URL=$url syncro __complete test-verb --status "" >actual &&
		test_cmp expect actual &&
		SYNCRO_BASE_URL=$url syncro __complete test-verb --customer "" >actual &&
		echo ":4" >expect &&
		test_cmp expect actual || return 1
	done &&
	test_must_fail env SYNCRO_BASE_URL= syncro __cache-dir 2>err &&
	echo "syncro: no Syncro account configured, so no cache; set SYNCRO_SUBDOMAIN (see '"'"'syncro doctor'"'"')" >expect &&
	test_cmp expect err
'

test_expect_success 'labor aliases from the config, the default marked' '
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	cat >"$XDG_CONFIG_HOME/syncro/config.yaml" <<-\EOF &&
	labor:
	  default: onsite
	  products:
	    bench: 9270001
	EOF
	syncro __complete test-verb --labor "" >actual &&
	cat >expect <<-EOF &&
	remote${tab}product 1190473
	onsite${tab}product 26118, the default
	emergency${tab}product 26184
	project${tab}product 9269129
	internal${tab}product 9269124
	travel${tab}product 26117
	website${tab}product 68055
	bench${tab}product 9270001
	:4
	EOF
	test_cmp expect actual &&
	complete "syncro test-verb --labor b" &&
	echo bench >expect &&
	test_cmp expect actual &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml"
'

test_expect_success 'a fresh cache starts no refresh' '
	rm -f refresh.log &&
	syncro __complete test-verb 3 >/dev/null &&
	syncro-test-verb __complete --status "" >/dev/null &&
	sleep 0.2 &&
	test ! -e refresh.log &&
	test ! -e "$cache/refresh.lock"
'

test_expect_success 'a stale cache answers at once and starts exactly one refresh' '
	rm -f refresh.log "$cache/refresh.lock" &&
	touch -d "11 minutes ago" "$cache/tickets.tsv" &&
	FAKE_REFRESH_SECONDS=2 syncro-test-verb __complete 32164 >actual &&
	{ test ! -e refresh.log || test_grep_not "^done" refresh.log; } &&
	printf "32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro-test-verb __complete --status N >/dev/null &&
	syncro-test-verb __complete 3 >/dev/null &&
	wait_for_refresh 1 &&
	printf "%s\n" __refresh-cache done >expect &&
	test_cmp expect refresh.log &&
	test -f "$cache/refresh.lock"
'

test_expect_success 'another refresh only after a minute' '
	rm -f refresh.log &&
	touch -d "2 minutes ago" "$cache/refresh.lock" &&
	syncro-test-verb __complete 3 >/dev/null &&
	wait_for_refresh 1 &&
	printf "%s\n" __refresh-cache done >expect &&
	test_cmp expect refresh.log
'

test_expect_success 'an empty cache answers nothing; it is refreshed only with a key' '
	rm -f refresh.log "$cache/refresh.lock" "$cache/tickets.tsv" "$cache/ticket-settings.json" &&
	syncro-test-verb __complete 3 >actual &&
	echo ":36" >expect &&
	test_cmp expect actual &&
	syncro-test-verb __complete --status "" >actual &&
	test_cmp expect actual &&
	sleep 0.2 &&
	test ! -e refresh.log &&
	SYNCRO_API_KEY=test-key-3c5f9e1a syncro-test-verb __complete 3 >actual &&
	test_cmp expect actual &&
	wait_for_refresh 1 &&
	printf "%s\n" __refresh-cache done >expect &&
	test_cmp expect refresh.log
'

test_done
