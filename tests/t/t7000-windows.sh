#!/bin/sh
test_description='the Windows build (under wine, tools/windows-test): places, arguments, output, doctor'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox

test_expect_success WINDOWS 'doctor reports the shell, the config and state dirs and the code page' '
	SYNCRO_SH=/bin/sh syncro doctor >out 2>err &&
	sed -n "2,5p" out >actual &&
	cat >expect <<-EOF &&
	shell:        /bin/sh
	config dir:   $XDG_CONFIG_HOME/syncro
	state dir:    $XDG_STATE_HOME/syncro
	EOF
	head -n 3 actual | test_cmp expect - &&
	grep "^code page:    " actual
'

# wine sets APPDATA and LOCALAPPDATA itself (C:\users\NAME\AppData\...)
test_expect_success WINDOWS 'without XDG variables: config in APPDATA, state in LOCALAPPDATA' '
	env -u XDG_CONFIG_HOME -u XDG_STATE_HOME syncro doctor >out 2>err &&
	grep -i "^config dir:   C:/users/[^/]*/AppData/Roaming/syncro$" out &&
	grep -i "^state dir:    C:/users/[^/]*/AppData/Local/syncro/state$" out
'

# wine reads the bytes of its arguments in the locale's charset
test_expect_success WINDOWS 'arguments arrive as UTF-8, not in the ANSI code page' '
	LC_ALL=C.UTF-8 test_expect_code 2 syncro "Café日本" 2>err &&
	grep "'\''Café日本'\'' is not a syncro command" err
'

test_expect_success WINDOWS 'stdout is binary: no CR in a listing or in JSON' '
	syncro list >out &&
	test -s out &&
	! grep -q "$(printf "\r")" out &&
	syncro api tickets/108430330 >json &&
	! grep -q "$(printf "\r")" json
'

test_expect_success WINDOWS 'a verb exit code passes through the dispatcher' '
	test_expect_code 2 syncro list --no-such-option 2>err &&
	test -s err
'

test_expect_success WINDOWS 'help VERB is the verb'\''s --help where there is no man' '
	syncro help list >out 2>err &&
	head -n 1 out >actual &&
	echo "usage: syncro list [options]" >expect &&
	test_cmp expect actual
'

test_done
