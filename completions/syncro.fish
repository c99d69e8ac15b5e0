# fish completion for syncro: a thin layer over `syncro __complete WORD...
# CURRENT`, whose "value<TAB>description" lines are fish's own format.
# The last line ":N" holds directive bits: 1 error (offer nothing), 4 no
# file names; with no candidates and no such bit, fish offers file names.
function __syncro_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l prog $words[1]
    string match -q -- '*/*' $prog; or set prog syncro
    set -l prefix ''
    # --option=VALUE completes VALUE as the option's argument.
    if string match -q -- '--*=*' $cur
        set prefix (string replace -r -- '=.*' '=' $cur)
        set -a words (string replace -r -- '=.*' '' $cur)
        set cur (string replace -r -- '^[^=]*=' '' $cur)
    end
    set -l out (command $prog __complete $words[2..] $cur 2>/dev/null); or return
    set -l directive 0
    if string match -qr -- '^:[0-9]+$' $out[-1]
        set directive (string sub -s 2 -- $out[-1])
        set -e out[-1]
    end
    test (math "bitand($directive, 1)") -eq 0; or return
    if test (count $out) -gt 0
        printf '%s\n' $prefix$out
    else if test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path $cur
    end
end

complete -c syncro -f -a '(__syncro_complete)'
