#!/bin/sh
test_description='contrib/syncro-mine, the example third-party verb'
. "$(dirname "$0")/../test-lib.sh"

mkdir -p plugins
cp "$abs_top_srcdir/contrib/syncro-mine" plugins/
chmod 755 plugins plugins/syncro-mine
PATH="$TRASH_DIRECTORY/plugins:$PATH"

test_expect_success 'it is a verb, and answers completion through syncro' '
	syncro __complete mine -- >actual &&
	printf "%s\t%s\n" --json "print the tickets as a JSON array" \
		--help "show this help" >expect &&
	echo ":4" >>expect &&
	test_cmp expect actual &&
	syncro __complete mine --j >actual &&
	printf -- "--json\tprint the tickets as a JSON array\n:4\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--help, and a usage error with exit 2' '
	syncro mine --help >actual &&
	head -n 1 actual >first &&
	echo "usage: syncro mine [--json]" >expect &&
	test_cmp expect first &&
	test_expect_code 2 syncro mine --bogus 2>err &&
	grep "unknown option '"'"'--bogus'"'"'" err
'

test_done
