#!/bin/sh
test_description='one-way layers: base/ needs nothing above it; the dispatcher and the sandbox link no config or network library'
. "$(dirname "$0")/../test-lib.sh"

check=$abs_top_srcdir/tools/check-layers

if ! command -v nm >/dev/null 2>&1 || ! command -v objdump >/dev/null 2>&1; then
	echo "1..0 # SKIP nm and objdump (binutils) are not installed"
	exit 0
fi

test_expect_success 'the tree keeps its layers' '
	"$check" "$abs_top_srcdir" "$abs_top_builddir" >out &&
	test_cmp /dev/null out
'

test_expect_success 'an include of a higher layer is found, file and header named' '
	mkdir -p tree/base tree/common tree/commands tree/sandbox &&
	echo "#include \"sbuf.h\"" >tree/base/ok.c &&
	: >tree/base/sbuf.h &&
	echo "#include \"config.h\"" >tree/base/up.c &&
	printf "#include \"sbuf.h\"\n# include <yaml.h>\n" >tree/base/lib.c &&
	: >tree/common/config.h &&
	echo "#include \"config.h\"" >tree/sandbox/state.c &&
	: >tree/commands/verb.h &&
	echo "#include \"verb.h\"" >tree/common/api.c &&
	test_expect_code 1 "$check" tree >out &&
	sort out >actual &&
	cat >expect <<-\EOF &&
	base/lib.c:2: includes a library of config or the network
	base/up.c: includes "config.h", which is not in base
	common/api.c: includes "verb.h", which is not in common base
	sandbox/state.c: includes "config.h", which is not in sandbox base
	EOF
	test_cmp expect actual
'

test_expect_success 'base/ needing a symbol of common/ is found' '
	mkdir -p build/base build/common &&
	cp "$abs_top_builddir/common/libcommon.a" build/common/ &&
	ar rc build/base/libbase.a "$abs_top_builddir/common/config.o" &&
	cp "$abs_top_builddir/syncro" "$abs_top_builddir/syncro-sandbox" build/ &&
	test_expect_code 1 "$check" "$abs_top_srcdir" build >out &&
	grep -x "base/libbase.a: needs .wipe_yaml., which common/libcommon.a defines" out &&
	test_grep_not "^syncro" out
'

test_expect_success 'a dispatcher or sandbox with config or the network is found' '
	mkdir -p build2/base &&
	cp "$abs_top_builddir/base/libbase.a" build2/base/ &&
	cp "$abs_top_builddir/syncro-config" build2/syncro &&
	cp "$abs_top_builddir/syncro-sandbox" build2/syncro-sandbox &&
	test_expect_code 1 "$check" "$abs_top_srcdir" build2 >out &&
	grep -x "syncro: links libcurl.*" out &&
	grep -x "syncro: links libyaml.*" out &&
	grep -x "syncro: holds config_load" out &&
	grep -x "syncro: holds cred_api_key" out &&
	test_grep_not "syncro-sandbox" out
'

test_done
