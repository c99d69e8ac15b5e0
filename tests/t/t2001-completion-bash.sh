#!/bin/sh
test_description='bash completion: the real _syncro function over __complete'
. "$(dirname "$0")/../test-lib.sh"

. "$TEST_DIRECTORY/completion-setup.sh"
completion_setup bash
COLUMNS=80
export COLUMNS

# complete LINE [WORD...]: COMPREPLY for LINE, one entry a line, in "actual".
complete () {
	rm -f compopt.log &&
	bash "$TEST_DIRECTORY/completion-lib.bash" "$@" >actual
}

test_expect_success 'a unique verb is inserted bare' '
	complete "syncro cl" &&
	echo close >expect &&
	test_cmp expect actual
'

test_expect_success 'several verbs show their descriptions' '
	complete "syncro c" &&
	cat >expect <<-\EOF &&
	create     (open a new ticket)
	comment    (add a comment, optionally with labor time)
	close      (resolve a ticket and write a session log)
	customers  (find customers, or show one with contacts)
	config     (show the settings, set one, or set up an account)
	EOF
	test_cmp expect actual &&
	test_grep_not "filenames" compopt.log 2>/dev/null
'

test_expect_success 'menu completion gets bare values' '
	COMP_TYPE=37 complete "syncro c" &&
	printf "%s\n" create comment close customers config >expect &&
	test_cmp expect actual
'

test_expect_success 'global options' '
	complete "syncro --" &&
	cat >expect <<-\EOF &&
	--help       (show the overview)
	--version    (print the version)
	--exec-path  (print where core verbs live)
	EOF
	test_cmp expect actual &&
	complete "syncro --v" &&
	echo --version >expect &&
	test_cmp expect actual
'

test_expect_success 'help completes verbs' '
	complete "syncro help cu" &&
	echo customers >expect &&
	test_cmp expect actual
'

test_expect_success 'the options of a verb, from its option table' '
	complete "syncro test-verb --" &&
	cat >expect <<-\EOF &&
	--status    (set the status)
	--labor     (the labor product)
	--customer  (the customer)
	--assign    (the tech)
	--method    (the billing method)
	--attach    (a file to attach)
	--yes       (do not ask)
	--help      (show this help)
	--verbose   (trace each request and response on stderr)
	--as        (use the API key of profile NAME (sets SYNCRO_PROFILE))
	EOF
	test_cmp expect actual &&
	complete "syncro test-verb --st" &&
	echo --status >expect &&
	test_cmp expect actual
'

test_expect_success 'the fixed values of an option, after a space or =' '
	complete "syncro test-verb --method " &&
	printf "%s\n" timer line-item comment >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb -y --method=l" &&
	echo line-item >expect &&
	test_cmp expect actual &&
	complete "syncro test-verb --method=" &&
	printf "%s\n" timer line-item comment >expect &&
	test_cmp expect actual
'

test_expect_success 'the word is cut at the cursor' '
	CURSOR=9 complete "syncro close" &&
	echo close >expect &&
	test_cmp expect actual
'

test_expect_success 'a file option completes file names' '
	mkdir -p files &&
	: >files/report-a.txt &&
	: >files/report-b.txt &&
	: >"files/report-*.txt" &&
	complete "syncro test-verb --attach files/rep" &&
	printf "%s\n" "files/report-*.txt" files/report-a.txt files/report-b.txt >expect &&
	sort actual >sorted &&
	test_cmp expect sorted &&
	echo "compopt -o filenames" >expect &&
	test_cmp expect compopt.log
'

test_expect_success 'an option with no values offers no file names' '
	complete "syncro test-verb --customer " &&
	test ! -s actual &&
	test ! -e compopt.log
'

test_expect_success 'a third-party verb answers __complete with its own words' '
	write_script plugins/syncro-deploy <<-\EOF &&
	if test "$1" = __complete; then
		shift
		{ printf "[%s]" "$@"; echo; } >deploy.args
		printf "production\tthe live site\n"
		printf "preview\tthe preview site\n"
		printf "Waiting on Customer\n"
		echo ":4"
	fi
	EOF
	complete "syncro deploy --env pr" &&
	cat >expect <<-\EOF &&
	production  (the live site)
	preview     (the preview site)
	EOF
	test_cmp expect actual &&
	echo "[--env][pr]" >expect &&
	test_cmp expect deploy.args
'

test_expect_success 'a value with spaces is escaped, or not inside a quote' '
	complete "syncro deploy Wait" &&
	echo "Waiting\\ on\\ Customer" >expect &&
	test_cmp expect actual &&
	complete "syncro deploy \"Wait" syncro deploy "\"Wait" &&
	echo "Waiting on Customer" >expect &&
	test_cmp expect actual &&
	complete "syncro deploy Waiting\\ o" syncro deploy "Waiting\\ o" &&
	echo "Waiting\\ on\\ Customer" >expect &&
	test_cmp expect actual &&
	echo "[Waiting o]" >expect &&
	test_cmp expect deploy.args
'

test_expect_success 'a third-party verb that does not answer gets file names' '
	write_script plugins/syncro-silent <<-\EOF &&
	echo "not the protocol"
	EOF
	complete "syncro silent files/report-b" &&
	echo files/report-b.txt >expect &&
	test_cmp expect actual &&
	echo "compopt -o filenames" >expect &&
	test_cmp expect compopt.log
'

test_expect_success 'directives: no space, keep order, error' '
	write_script plugins/syncro-dirs <<-\EOF &&
	test "$1" = __complete || exit 0
	printf "b-second\nb-first\n"
	case "$DIRS_MODE" in
	space) echo ":34" ;;
	error) echo ":1" ;;
	esac
	EOF
	DIRS_MODE=space complete "syncro dirs b" &&
	printf "%s\n" b-second b-first >expect &&
	test_cmp expect actual &&
	printf "%s\n" "compopt -o nospace" "compopt -o nosort" >expect &&
	test_cmp expect compopt.log &&
	DIRS_MODE=error complete "syncro dirs b" &&
	test ! -s actual &&
	test ! -e compopt.log
'

test_expect_success 'a long description is cut at the terminal width' '
	write_script plugins/syncro-long <<-\EOF &&
	test "$1" = __complete || exit 0
	printf "one\tThe quick brown fox jumps over the lazy dog again and again\n"
	printf "two\tshort\n:4\n"
	EOF
	COLUMNS=40 complete "syncro long " &&
	cat >expect <<-\EOF &&
	one  (The quick brown fox jumps ove...)
	two  (short)
	EOF
	test_cmp expect actual
'

test_expect_success 'the syncro on PATH answers, or the one typed with a path' '
	mkdir -p other &&
	write_script other/syncro <<-\EOF &&
	printf "from-other\tanother syncro\n:4\n"
	EOF
	PATH="$TRASH_DIRECTORY/other:$PATH" complete "syncro fr" &&
	echo from-other >expect &&
	test_cmp expect actual &&
	PATH="$TRASH_DIRECTORY/other:$PATH" complete "$abs_top_builddir/syncro cl" &&
	echo close >expect &&
	test_cmp expect actual
'

if test -r /usr/share/bash-completion/bash_completion; then
	test_expect_success 'the same answers with the bash-completion package loaded' '
		WITH_BASH_COMPLETION=1 complete "syncro test-verb --method=l" &&
		echo line-item >expect &&
		test_cmp expect actual &&
		WITH_BASH_COMPLETION=1 complete "syncro silent files/report-a" &&
		echo files/report-a.txt >expect &&
		test_cmp expect actual
	'

	test_expect_success 'bash-completion loads the installed file on demand' '
		dir="$XDG_DATA_HOME/bash-completion/completions" &&
		mkdir -p "$dir" &&
		cp "$abs_top_srcdir/completions/syncro.bash" "$dir/syncro" &&
		bash -c ". /usr/share/bash-completion/bash_completion &&
			_completion_loader syncro; complete -p syncro" >actual &&
		echo "complete -F _syncro syncro" >expect &&
		test_cmp expect actual
	'
else
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP the bash-completion package is not installed"
fi

test_done
