#!/bin/sh
test_description='writers of the ticket cache in parallel lose nothing'
. "$(dirname "$0")/../test-lib.sh"

PATH="$abs_top_builddir/tests/helpers:$PATH"
SYNCRO_BASE_URL=https://acme.syncromsp.com/api/v1
export SYNCRO_BASE_URL

# writers "store|forget FIRST COUNT"...: one cache-writer each, all at
# once; fails when any of them failed.
writers () {
	pids=
	for args in "$@"; do
		# shellcheck disable=SC2086 # the words of args are the arguments
		cache-writer $args &
		pids="$pids $!"
	done
	for pid in $pids; do
		wait "$pid" || return 1
	done
}

# numbers FIRST LAST: FIRST..LAST, highest first, as tickets.tsv holds them.
numbers () {
	seq "$2" -1 "$1"
}

test_expect_success 'four writers at once: every ticket each stored is there' '
	writers "store 1 40" "store 41 40" "store 81 40" "store 121 40" &&
	cut -f 1,2 "$(cache_dir)/tickets.tsv" >actual &&
	numbers 1 160 | awk "{ print \$1 \"\\t\" \$1 * 10 }" >expect &&
	test_cmp expect actual
'

test_expect_success 'forgetting beside storing: neither undoes the other' '
	writers "forget 1 60" "store 161 40" "forget 100 61" &&
	cut -f 1 "$(cache_dir)/tickets.tsv" >actual &&
	{ numbers 161 200 && numbers 61 99; } >expect &&
	test_cmp expect actual
'

test_expect_success 'writers take turns on tickets.lock, and leave no other file' '
	ls "$(cache_dir)" >actual &&
	printf "%s\n" tickets.lock tickets.tsv >expect &&
	test_cmp expect actual
'

test_done
