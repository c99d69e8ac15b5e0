# bash completion for syncro                                   -*- sh -*-
#
# A thin layer over `syncro __complete WORD... CURRENT`, which prints one
# candidate per line as "value<TAB>description" and then ":N", where N's
# bits are 1 error, 2 no space, 4 no file names, 32 keep this order; ":0"
# with no candidates means "complete file names".
#
# How candidates show: a single candidate is inserted as its bare value.
# When there are several, bash lists them as "value  (description)", the
# values padded to one width and each entry cut to the terminal's width,
# so the common prefix of the values is still what gets inserted. Menu
# completion (COMP_TYPE 37 or 42) inserts entries one at a time, so it gets
# bare values.
#
# Needs nothing from the bash-completion package; when that package is
# installed it loads this file on demand from its completionsdir.

# Undo the shell quoting of one word: 'a b', "a b", a\ b -> a b.
__syncro_dequote()
{
	local in=$1 out= c quote= i

	for ((i = 0; i < ${#in}; i++)); do
		c=${in:i:1}
		if [[ $quote == "'" ]]; then
			[[ $c == "'" ]] && quote= || out+=$c
		elif [[ $c == '\' ]]; then
			((i++))
			out+=${in:i:1}
		elif [[ $c == '"' ]]; then
			[[ $quote ]] && quote= || quote=$c
		elif [[ $c == "'" && -z $quote ]]; then
			quote=$c
		else
			out+=$c
		fi
	done
	REPLY=$out
}

# Whether the answer OUT, split into the caller's lines (IFS a newline,
# globbing off), is all "value<TAB>description" lines with both parts
# non-empty, values that printf %q leaves as they are, each starting with
# CUR. If so, sets the caller's values, descs and pairs (value,
# description, value, ...).
__syncro_plain()
{
	local cur=$1 out=$2 all rest n=${#lines[@]}

	((n > 1)) || return 1
	# No part empty, at most one tab a line (and, by the count of pairs
	# at the end, at least one).
	[[ $'\n'$out != *$'\n\t'* && $out$'\n' != *$'\t\n'* ]] || return 1
	values=("${lines[@]%%$'\t'*}")
	descs=("${lines[@]#*$'\t'}")
	[[ ${descs[*]} != *$'\t'* ]] || return 1
	all=$'\n'"${values[*]}"
	[[ $all != *[^$'\n'A-Za-z0-9._/:@%+=-]* ]] || return 1
	if [[ $cur ]]; then
		rest=${all//$'\n'"$cur"/}
		((${#all} - ${#rest} == n * (1 + ${#cur}))) || return 1
	fi
	IFS=$'\t\n'
	pairs=($out)
	IFS=$'\n'
	((${#pairs[@]} == 2 * n))
}

_syncro()
{
	local line=${COMP_LINE:0:COMP_POINT} pos=0 i w glued
	local -a raw=() args=()

	# bash splits words at '=' and ':' too; glue the pieces back together
	# (pieces with no space between them) and cut the current word at the
	# cursor. raw_last is the last piece: what bash itself will replace.
	local raw_last=
	for ((i = 0; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		glued=1
		while [[ ${line:pos:1} == [[:space:]] ]]; do
			((pos++))
			glued=0
		done
		if [[ -n $line ]]; then
			w=${line:pos:${#w}}
			((pos += ${#w}))
		fi
		((i == 0)) && continue
		if ((${#raw[@]} > 0 && glued)); then
			raw[-1]+=$w
		else
			raw+=("$w")
		fi
		raw_last=$w
	done
	((${#raw[@]})) || raw=("")
	[[ $raw_last == [=:] ]] && raw_last=

	for w in "${raw[@]}"; do
		__syncro_dequote "$w"
		args+=("$REPLY")
	done
	local cur=${args[-1]} keep= prefix=
	__syncro_dequote "$raw_last"
	keep=${cur:0:${#cur}-${#REPLY}}
	unset 'args[-1]'
	# --option=VALUE completes VALUE as the option's argument.
	if [[ $cur == --*=* ]]; then
		prefix=${cur%%=*}=
		args+=("${cur%%=*}")
		cur=${cur#*=}
	fi

	local prog=${COMP_WORDS[0]} out directive=0 value desc
	[[ $prog == */* ]] || prog=syncro
	out=$(command "$prog" __complete "${args[@]}" "$cur" 2>/dev/null) || return 0
	if [[ ${out##*$'\n'} =~ ^:([0-9]+)$ ]]; then
		directive=${BASH_REMATCH[1]}
		out=${out%:*}
	fi

	# Split by the shell itself: read(1) in a loop costs more than the
	# __complete call on a big answer. Empty lines are dropped, as before.
	local -a lines=() values=() descs=() pairs=()
	local width=0 fast=
	local -
	set -f
	local IFS=$'\n'
	lines=($out)
	# The usual case, done for all candidates at once: every line is a value
	# and a description around one tab, nothing typed to strip, and values
	# that printf %q leaves as they are and start with what was typed.
	if [[ -z $prefix$keep ]] && __syncro_plain "$cur" "$out"; then
		fast=1
	else
		values=() descs=()
		for w in "${lines[@]}"; do
			value=$prefix${w%%$'\t'*}
			desc=
			[[ $w == *$'\t'* ]] && desc=${w#*$'\t'}
			# Only what the user typed so far; bash replaces only what follows
			# the last piece it split off.
			[[ $value == "$prefix$cur"* && $value == "$keep"* ]] || continue
			value=${value#"$keep"}
			# Inside an open quote the shell needs no escaping.
			[[ ${raw[-1]} == [\"\']* ]] || printf -v value %q "$value"
			values+=("$value")
			descs+=("$desc")
		done
	fi
	IFS=$' \t\n'
	for w in "${values[@]}"; do
		((${#w} > width)) && width=${#w}
	done

	COMPREPLY=()
	if ((directive & 1)); then
		return 0
	fi
	((directive & 2)) && compopt -o nospace 2>/dev/null
	((directive & 32)) && compopt -o nosort 2>/dev/null
	if ((${#values[@]} == 0)); then
		if ((!(directive & 4))); then
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		fi
		return 0
	fi
	if ((${#values[@]} == 1)) || [[ ${COMP_TYPE-} == 37 || ${COMP_TYPE-} == 42 ]]; then
		COMPREPLY=("${values[@]}")
		return 0
	fi
	local cols=${COLUMNS:-80} entry
	if [[ $fast ]]; then
		# One printf for all: pairs is value, description, value, ...
		printf -v entry "%-${width}s  (%s)\n" "${pairs[@]}"
		IFS=$'\n'
		COMPREPLY=($entry)
		IFS=$' \t\n'
		for entry in "${COMPREPLY[@]}"; do
			((${#entry} >= cols)) && break
		done
		((${#entry} >= cols)) || return 0
		for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do
			entry=${COMPREPLY[i]}
			((${#entry} >= cols)) && COMPREPLY[i]="${entry:0:cols-5}...)"
		done
		return 0
	fi
	for ((i = 0; i < ${#values[@]}; i++)); do
		entry=${values[i]}
		if [[ ${descs[i]} ]]; then
			printf -v entry '%-*s  (%s)' "$width" "$entry" "${descs[i]}"
			((${#entry} >= cols)) && entry="${entry:0:cols-5}...)"
		fi
		COMPREPLY+=("$entry")
	done
}

complete -F _syncro syncro
