# Shared by the benchmark scripts (source it; set `runs` first).
# measure LABEL COMMAND...: prints "| LABEL | median wall s | median CPU s | peak MB |". CPU is user +
# system time of the command and its children: on a shared machine it moves less than wall time.
# One untimed warm-up run first, so every command starts with the file in the page cache.
# /usr/bin/time writes to a file (-o): on stderr its figures would be discarded with the command's.
measure() {
    local label=$1; shift
    local walls=() cpus=() peak=0 stats
    stats=$(mktemp)
    "$@" >/dev/null 2>&1
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$stats" -f "%e %U %S %M" "$@" >/dev/null 2>&1
        local wall user system kb
        read -r wall user system kb < <(tail -1 "$stats")
        walls+=("$wall")
        cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
        (( kb > peak )) && peak=$kb
    done
    rm -f "$stats"
    printf '| %s | %s | %s | %d |\n' "$label" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" $((peak / 1024))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

