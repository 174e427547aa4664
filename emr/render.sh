#!/usr/bin/env bash
# Fills the ${NAME} placeholders of one emr/ template from environment variables.
#
#   emr/render.sh TEMPLATE [OUTPUT]      (OUTPUT defaults to standard output)
#
# Every placeholder is an upper-case name in ${...}. A placeholder whose variable is unset or empty
# stops the run with the list of the missing names; nothing else in the template is touched.
# Defaults: GLUE_DATABASE=ses_analytics, REGION=$AWS_REGION (then $AWS_DEFAULT_REGION).
# Rendered .json files are checked to be well-formed when python3 or jq is available.
set -euo pipefail

die() {
    echo "render.sh: $*" >&2
    exit 1
}

[[ $# -ge 1 && $# -le 2 ]] || die "usage: render.sh TEMPLATE [OUTPUT]"
template=$1
output=${2:-}
[[ -f "$template" ]] || die "no such template: $template"

export GLUE_DATABASE="${GLUE_DATABASE:-ses_analytics}"
export REGION="${REGION:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}"

names=()
while IFS= read -r name; do
    names+=("$name")
done < <(grep -oE '\$\{[A-Z][A-Z0-9_]*\}' "$template" | sed -E 's/^\$\{//; s/\}$//' | sort -u)

missing=()
for name in ${names[@]+"${names[@]}"}; do
    value="${!name:-}"
    if [[ -z "$value" ]]; then
        missing+=("$name")
    elif [[ "$value" == *[\"\\]* || "$value" == *$'\n'* ]]; then
        die "$name must not contain quotes, backslashes or newlines (it goes into JSON): $value"
    fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
    die "$template needs these environment variables: ${missing[*]}"
fi

render() {
    if command -v envsubst >/dev/null 2>&1; then
        # Only the listed names are replaced, so any other '$' in the template stays as it is.
        local shell_format=""
        for name in ${names[@]+"${names[@]}"}; do
            shell_format+="\${$name} "
        done
        envsubst "$shell_format" < "$template"
    else
        local script=() value
        for name in ${names[@]+"${names[@]}"}; do
            value="${!name}"
            value="${value//\\/\\\\}"
            value="${value//|/\\|}"
            value="${value//&/\\&}"
            script+=(-e "s|\\\$[{]${name}[}]|${value}|g")
        done
        if [[ ${#script[@]} -eq 0 ]]; then
            cat "$template"
        else
            sed "${script[@]}" "$template"
        fi
    fi
}

check_json() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -m json.tool "$1" >/dev/null || die "rendered $template is not valid JSON"
    elif command -v jq >/dev/null 2>&1; then
        jq empty "$1" || die "rendered $template is not valid JSON"
    fi
}

if [[ -n "$output" ]]; then
    mkdir -p "$(dirname "$output")"
    render > "$output"
    [[ "$template" != *.json ]] || check_json "$output"
else
    tmp=$(mktemp)
    trap 'rm -f "$tmp"' EXIT
    render > "$tmp"
    [[ "$template" != *.json ]] || check_json "$tmp"
    cat "$tmp"
fi
