#!/bin/sh
test_description='time add|edit|rm|charge: subcommands of parse-options, each with its own options, usage, --help and completion'
. "$(dirname "$0")/../test-lib.sh"

. "$TEST_DIRECTORY/completion-setup.sh"
completion_setup bash
COLUMNS=80
export COLUMNS
# The cache is the account's: completion answers for this base URL's.
SYNCRO_BASE_URL=https://acme.syncromsp.com/api/v1
export SYNCRO_BASE_URL
# No background refresh of the cache from completion.
SYNCRO=true
export SYNCRO
tab=$(printf '\t')

test_expect_success 'time add --help: its own usage, options and examples' '
	syncro time add --help >actual &&
	cat >expect <<-\EOF &&
	usage: syncro time add [options] N MIN

	add a timer to a ticket, verified

	        --labor ALIAS|ID      the labor product
	        --notes TEXT          the timer'"'"'s notes
	        --charge              make the time billable now
	    -n, --dry-run             say what would change and print the requests, send none
	    -y, --yes                 send without asking (with confirm: writes)
	    -h, --help                show this help
	    -v, --verbose             trace each request and response on stderr
	        --as NAME             use the API key of profile NAME (sets SYNCRO_PROFILE)

	EXAMPLES
	    syncro time add 32164 45 --labor onsite --notes "Replaced the switch" --charge
	        log 45 minutes of on-site labor on #32164, billable now
	    syncro time add 32164 90 --dry-run
	        show the timer and its request without sending it
	EOF
	test_cmp expect actual
'

# own_options: the usage line and the options of --help on stdin but those of every verb.
own_options () {
	sed -n "1p;/^  *-/p" | grep -v -e "--help  " -e "--verbose  " -e "--as NAME  "
}

test_expect_success 'time charge --help and time rm --help name only their own options' '
	syncro time charge --help >actual &&
	own_options <actual >options &&
	cat >expect <<-\EOF &&
	usage: syncro time charge [options] N [TIMER]
	        --all                 charge every uncharged timer
	    -n, --dry-run             say what would change and print the requests, send none
	    -y, --yes                 send without asking (with confirm: writes)
	EOF
	test_cmp expect options &&
	syncro time rm --help >actual &&
	own_options <actual >options &&
	cat >expect <<-\EOF &&
	usage: syncro time rm [options] N TIMER
	    -n, --dry-run             say what would change and print the requests, send none
	    -y, --yes                 send without asking (with confirm: writes)
	EOF
	test_cmp expect options
'

test_expect_success 'time --help: the subcommands and the examples of the man page' '
	syncro time --help >help &&
	sed -n "/^SUBCOMMANDS/,\$p" help >actual &&
	cat >expect <<-\EOF &&
	SUBCOMMANDS
	    add                       add a timer: N MIN
	    edit                      change a timer: N TIMER
	    rm                        remove a timer: N TIMER
	    charge                    make timers billable: N [TIMER | --all]

	EXAMPLES
	    syncro time 32164
	        list the timers and labor lines of #32164
	    syncro time add 32164 45 --labor onsite --notes "Replaced the switch" --charge
	        log 45 minutes of on-site labor, billable now
	    syncro time edit 32164 8812109 --minutes 30
	        make timer 8812109 half an hour
	    syncro time charge 32164 --all
	        make every uncharged timer billable

	LEARN MORE
	    syncro time SUBCOMMAND --help, man syncro-time
	EOF
	test_cmp expect actual &&
	sed -n "/^EXAMPLES/,/^\$/p" help | sed -n "s/^    syncro/syncro/p" >examples &&
	mandoc -Tascii "$abs_top_srcdir/man/syncro-time.1" | col -b >page &&
	while read -r line; do
		grep -F -q -e "$line" page || { echo "not in the man page: $line"; return 1; }
	done <examples
'

test_expect_success 'a usage error of a subcommand shows its usage' '
	test_expect_code 2 syncro time edit 32164 2>actual &&
	cat >expect <<-\EOF &&
	syncro: '"'"'syncro time edit'"'"' takes a ticket number and a timer id
	usage: syncro time edit [options] N TIMER
	run '"'"'syncro time edit --help'"'"' for every option
	EOF
	test_cmp expect actual
'

test_expect_success '__complete: the subcommands, then a ticket, then no ticket where a timer goes' '
	mkdir -p "$(cache_dir)" &&
	printf "32164\t108430330\tNew\t34288070\tJerry Burger\tOwn cloud thing again\t2026-04-21T00:31:00.000Z\n" \
		>"$(cache_dir)/tickets.tsv" &&
	syncro __complete time a >actual &&
	printf "add\tadd a timer: N MIN\n:4\n" >expect &&
	test_cmp expect actual &&
	syncro __complete time edit 3216 >actual &&
	printf "32164\tNew · Jerry Burger · Own cloud thing again\n:36\n" >expect &&
	test_cmp expect actual &&
	syncro __complete time edit 32164 "" >actual &&
	echo :4 >expect &&
	test_cmp expect actual &&
	syncro __complete time add --l >actual &&
	printf "%s\n" "--labor${tab}the labor product" :4 >expect &&
	test_cmp expect actual
'

test_expect_success 'bash: syncro time a<TAB> is add, syncro time charge 32164 --<TAB> its options' '
	bash "$TEST_DIRECTORY/completion-lib.bash" "syncro time a" >actual &&
	echo add >expect &&
	test_cmp expect actual &&
	bash "$TEST_DIRECTORY/completion-lib.bash" "syncro time charge 32164 --a" >actual &&
	cat >expect <<-\EOF &&
	--all  (charge every uncharged timer)
	--as   (use the API key of profile NAME (sets SYNCRO_PROFILE))
	EOF
	test_cmp expect actual
'

test_done
