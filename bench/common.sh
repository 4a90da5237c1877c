# Helpers the bench/ scripts share; sourced, not run.

# Prints the script's name and the message on stderr and exits 1.
fail() { echo "$(basename "$0"): $*" >&2; exit 1; }

# Prints the value of an awk expression: calc "3 / 2" -> 1.5.
calc() { awk "BEGIN { print $1 }"; }

# Prints the median of the numbers on stdin (separated by blanks or lines).
median() {
  tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Runs a command with its output discarded and prints "wall_s cpu_s peak_kb"
# (cpu: user + system); fails the script when the command fails. Needs /usr/bin/time.
measure_command() {
  local out; out="$(mktemp)"
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >/dev/null 2>&1 || { rm -f "$out"; fail "failed: $*"; }
  awk '{ print $1, $2 + $3, $4 }' "$out"; rm -f "$out"
}
