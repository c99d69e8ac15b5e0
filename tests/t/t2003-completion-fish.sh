#!/bin/sh
test_description='fish completion: syncro.fish over __complete'
. "$(dirname "$0")/../test-lib.sh"

. "$TEST_DIRECTORY/completion-setup.sh"
completion_setup fish

# complete LINE: what fish offers for LINE ("value<TAB>description"), in "actual".
complete () {
	fish --no-config -c ". \"\$abs_top_srcdir/completions/syncro.fish\"
		complete -C \"\$argv[1]\"" "$1" >actual
}

test_expect_success 'verbs with their descriptions' '
	complete "syncro cu" &&
	printf "customers\tfind customers, or show one with contacts\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the values of an option, after a space or =' '
	complete "syncro test-verb --method " &&
	printf "%s\n" comment line-item timer >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --method=l" &&
	echo "--method=line-item" >expect &&
	test_cmp expect actual
'

test_expect_success 'no file names where the verb says so' '
	: >customer-file &&
	complete "syncro test-verb --customer " &&
	test ! -s actual
'

test_expect_success 'a silent third-party verb gets file names' '
	write_script plugins/syncro-silent <<-\EOF &&
	echo "not the protocol"
	EOF
	mkdir -p files &&
	: >files/report-only.txt &&
	complete "syncro silent files/rep" &&
	echo files/report-only.txt >expect &&
	test_cmp expect actual
'

test_done
