#!/bin/sh
test_description='--help EXAMPLES come from the option tables and are the man pages'"'"' command lines'
. "$(dirname "$0")/../test-lib.sh"

if ! command -v mandoc >/dev/null 2>&1; then
	echo "1..0 # SKIP mandoc is not installed"
	exit 0
fi

test_expect_success 'bill --help ends with its EXAMPLES' '
	syncro bill --help >help &&
	sed -n "/^EXAMPLES/,\$p" help >actual &&
	cat >expect <<-\EOF &&
	EXAMPLES
	    syncro bill 32164 --minutes 60 --labor remote -m "Fixed the sync client."
	        bill an hour of remote work
	    syncro bill 32164 --minutes 60 --labor remote -m "Fixed it." --dry-run
	        see what it would send first
	    syncro bill --resolved --customer "Desert Sun Dental"
	        month end for one customer
	EOF
	test_cmp expect actual
'

# The verbs whose --help has EXAMPLES, and how many.
verbs="bill:3 close:2 comment:2 list:3 config:3 create:2 update:2 ticket:4 search:3
invoice:3 appointment:2 reopen:3 customers:2 timer:4 drafts:4 time:4 api:2 doctor:2
estimate:2 delete:2 schedule:2 status:2 refresh-cache:2"

test_expect_success 'each verb shows two to four examples, each one in its man page' '
	for entry in $verbs; do
		verb=${entry%:*} &&
		"$abs_top_builddir/syncro-$verb" --help >help &&
		sed -n "/^EXAMPLES/,/^\$/p" help | sed -n "s/^    \\([^ ]\\)/\\1/p" >examples &&
		test "$(wc -l <examples)" -eq "${entry#*:}" ||
		{ echo "$verb: not ${entry#*:} examples"; return 1; }
		mandoc -Tascii -O width=200 "$abs_top_srcdir/man/syncro-$verb.1" | col -b >page &&
		while read -r line; do
			grep -F -q -e "$line" page ||
			{ echo "$verb: not in its man page: $line"; return 1; }
		done <examples || return 1
	done
'

test_done
