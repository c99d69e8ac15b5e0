#!/bin/sh
test_description='bench/run: the quick benchmark runs and writes its results as JSON'
. "$(dirname "$0")/../test-lib.sh"

bench=$abs_top_srcdir/bench/run

test_expect_success 'bench/run --quick exits 0 and writes the JSON it was asked for' '
	"$bench" --quick --build "$abs_top_builddir" --output results.json >table 2>err &&
	jq -e "keys == [\"completion\",\"dispatch\",\"latency\",\"machine\",\"memory\",\"rate_limit\",\"requests\",\"sandbox\",\"table\"]" results.json &&
	jq -e ".machine | (.nproc >= 1) and (.cpu | type == \"string\") and .quick == true" results.json
'

test_expect_success 'the table has a row for each of the seven items, the same as the JSON' '
	jq -r "[.table[].item] | unique | map(tostring) | join(\" \")" results.json >actual &&
	echo "1 2 3 4 5 6 7" >expect &&
	test_cmp expect actual &&
	jq -r ".table | sort_by(.item)[] | \"| \(.item) | \(.what) |\"" results.json >expect &&
	sed -n "3,\$p" table | cut -d"|" -f1-3 | sed "s/\$/|/" >actual &&
	test_cmp expect actual
'

test_expect_success 'an operation is measured exactly when its verb is built' '
	jq -r ".requests[] | \"\(.verb) \(.status)\"" results.json | sort -u >ops &&
	test -s ops &&
	while read -r verb status; do
		if test -x "$abs_top_builddir/syncro-$verb"; then
			test "$status" = ok || { echo "syncro-$verb is built but was $status"; exit 1; }
		else
			test "$status" = "not built" || { echo "syncro-$verb is not built but was $status"; exit 1; }
		fi
	done <ops
'

test_expect_success 'each measured operation lists the requests it sent' '
	jq -e "all(.requests[] | select(.status == \"ok\" and has(\"sent\")); .requests == (.sent | length) and .requests >= 1)" results.json
'

test_expect_success 'bench/sandbox-load measured the sandbox, once per request in --quick' '
	jq -e ".sandbox | length == 2 and all(.[]; .requests_per_second.median > 0 and .requests_per_second.runs == 1)" results.json
'

test_expect_success 'a build without syncro is refused with a clear message' '
	mkdir empty &&
	test_expect_code 1 "$bench" --quick --build empty --output empty.json 2>err &&
	grep "bench/run: .*/empty/syncro. is missing: build syncro first" err &&
	! test -e empty.json
'

test_expect_success 'an unknown option is a usage error' '
	test_expect_code 2 "$bench" --bogus 2>err &&
	grep "^usage: bench/run" err
'

test_done
