#!/bin/sh
test_description='the syncro dispatcher: verbs, plugins, help, suggestions'
. "$(dirname "$0")/../test-lib.sh"

# NOT_WINE: wine gives Windows programs its own PATH, not the shell's, so
# no plugin on PATH is found (and a #! plugin needs Git's sh.exe); the
# wrappers of tools/windows-test are not a build tree; wine's start-up is
# no measure of the dispatcher's.

mkdir -p plugins
PATH="$TRASH_DIRECTORY/plugins:$PATH"
chmod 755 plugins

test_expect_success '--version prints the version' '
	syncro --version >actual &&
	echo "syncro version 0.1.0" >expect &&
	test_cmp expect actual
'

test_expect_success '--exec-path prints SYNCRO_EXEC_PATH' '
	SYNCRO_EXEC_PATH=/some/where syncro --exec-path >actual &&
	echo /some/where >expect &&
	test_cmp expect actual
'

test_expect_success NOT_WINE 'a plugin on PATH gets its arguments intact' '
	write_script plugins/syncro-echo <<-\EOF &&
	for a in "$@"; do printf "[%s]\n" "$a"; done
	EOF
	syncro echo "two words" "it'"'"'s \"quoted\"" "" "*" >actual &&
	cat >expect <<-\EOF &&
	[two words]
	[it'"'"'s "quoted"]
	[]
	[*]
	EOF
	test_cmp expect actual
'

test_expect_success NOT_WINE 'a plugin exit status passes through' '
	write_script plugins/syncro-exit <<-\EOF &&
	exit "$1"
	EOF
	test_expect_code 0 syncro exit 0 &&
	test_expect_code 5 syncro exit 5 &&
	test_expect_code 42 syncro exit 42
'

test_expect_success NOT_WINE 'a plugin gets SYNCRO and SYNCRO_EXEC_PATH, not the key' '
	write_script plugins/syncro-env <<-\EOF &&
	echo "SYNCRO=$SYNCRO"
	echo "SYNCRO_EXEC_PATH=$SYNCRO_EXEC_PATH"
	echo "KEY=${SYNCRO_API_KEY-unset}"
	EOF
	syncro env >actual &&
	cat >expect <<-EOF &&
	SYNCRO=$abs_top_builddir/syncro
	SYNCRO_EXEC_PATH=$abs_top_builddir
	KEY=unset
	EOF
	test_cmp expect actual
'

test_expect_success 'a core verb cannot be shadowed from PATH' '
	write_script plugins/syncro-help <<-\EOF &&
	echo shadowed
	EOF
	write_script plugins/syncro-sandbox <<-\EOF &&
	echo shadowed
	EOF
	syncro help >actual 2>&1 &&
	test_grep_not shadowed actual &&
	SYNCRO_EXEC_PATH=$TRASH_DIRECTORY/empty test_expect_code 1 syncro sandbox >out 2>err &&
	test_grep_not shadowed out &&
	grep "core verb '"'"'sandbox'"'"' is missing" err
'

test_expect_success NOT_WINE 'help -a lists core verbs and plugins apart' '
	syncro help -a >actual &&
	grep "^    ticket  *show one ticket" actual &&
	sed -n "/^third-party verbs on PATH/,\$p" actual >plugins.out &&
	grep "^    echo\$" plugins.out &&
	grep "^    env\$" plugins.out &&
	test_grep_not "^    sandbox" plugins.out
'

test_expect_success 'an unknown verb suggests the closest one' '
	test_expect_code 2 syncro clsoe >out 2>err &&
	test ! -s out &&
	printf "%s\n\n%s\n\t%s\n" \
		"syncro: '"'"'clsoe'"'"' is not a syncro command. See '"'"'syncro help'"'"'." \
		"The most similar command is" close >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown verb with nothing close has no suggestion' '
	test_expect_code 2 syncro xyzzyplugh 2>err &&
	echo "syncro: '"'"'xyzzyplugh'"'"' is not a syncro command. See '"'"'syncro help'"'"'." >expect &&
	test_cmp expect err
'

test_expect_success 'an invalid verb name is refused' '
	test_expect_code 2 syncro "../etc" 2>err &&
	grep "is not a syncro command" err &&
	test_expect_code 2 syncro Echo 2>err &&
	grep "is not a syncro command" err
'

# plugin_in DIR MODE: make DIR with MODE, and run the plugin syncro-in-DIR
# from it, which must print "ran"; its stderr is in err.
plugin_in () {
	mkdir -p "$1" && chmod "$2" "$1" &&
	write_script "$1/syncro-in-$1" <<-\EOF &&
	echo ran
	EOF
	PATH="$TRASH_DIRECTORY/$1:$PATH" syncro "in-$1" >out 2>err &&
	echo ran >expect &&
	test_cmp expect out
}

test_expect_success NOT_WINE 'a plugin in a world-writable directory gets a warning' '
	plugin_in open 777 &&
	grep "^syncro: warning: .*syncro-in-open.* in a directory others can write to" err
'

test_expect_success NOT_WINE 'a plugin in a group-writable directory gets a warning' '
	plugin_in shared 775 &&
	echo "syncro: warning: '"'"'$TRASH_DIRECTORY/shared/syncro-in-shared'"'"' is in a directory others can write to ('"'"'$TRASH_DIRECTORY/shared'"'"'); anyone there could replace it" >expect &&
	test_cmp expect err
'

test_expect_success NOT_WINE 'a plugin in a directory only its owner writes gets no warning' '
	plugin_in private 755 &&
	test ! -s err
'

test_expect_success NOT_WINE 'a plugin in a sticky world-writable directory like /tmp gets a warning' '
	plugin_in sticky 1777 &&
	grep "^syncro: warning: .*syncro-in-sticky.* in a directory others can write to" err
'

test_expect_success NOT_WINE 'a plugin file others can write gets a warning' '
	plugin_in loose 755 &&
	chmod 777 loose/syncro-in-loose &&
	PATH="$TRASH_DIRECTORY/loose:$PATH" syncro in-loose >out 2>err &&
	echo "syncro: warning: '"'"'$TRASH_DIRECTORY/loose/syncro-in-loose'"'"' is owned or writable by someone else; check it before you run it again" >expect &&
	test_cmp expect err
'

test_expect_success NOT_WINE '__complete lists verbs and plugins' '
	syncro __complete cl >actual &&
	printf "close\tresolve a ticket and write a session log\n:4\n" >expect &&
	test_cmp expect actual &&
	syncro __complete ec >actual &&
	printf "echo\tthird-party verb\n:4\n" >expect &&
	test_cmp expect actual
'

test_expect_success '__complete gives a silent plugin file completion' '
	syncro __complete echo "" >actual &&
	echo ":0" >expect &&
	test_cmp expect actual
'

test_expect_success NOT_WINE 'without SYNCRO_EXEC_PATH, a build tree that is not installed runs its own verbs' '
	dir=$(env -u SYNCRO_EXEC_PATH "$abs_top_builddir/syncro" --exec-path) &&
	test -x "$dir/syncro-config" &&
	env -u SYNCRO_EXEC_PATH "$abs_top_builddir/syncro" config --help >out &&
	grep "^usage: syncro config" out
'

test_expect_success NOT_WINE 'the dispatcher does not load libcurl: it starts fast' '
	ldd "$abs_top_builddir/syncro" >libs &&
	grep libc.so libs &&
	test_grep_not libcurl libs
'

test_expect_success 'refresh-cache is a verb that help does not list' '
	syncro refresh-cache --help >out &&
	grep "^usage: syncro refresh-cache" out &&
	syncro help -a >all &&
	test_grep_not refresh-cache all &&
	syncro __complete re >actual &&
	test_grep_not refresh-cache actual
'

test_done
