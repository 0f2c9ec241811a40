#!/usr/bin/env bash
# Make throwaway SoftHSM2 tokens in a fresh directory.
#
#   softhsm/make-tokens.sh DIR [N] [LABEL-PREFIX]
#
# Creates DIR/softhsm2.conf and DIR/tokens/, then N tokens (default 1) labelled
# PREFIX1..PREFIXN (default "tokenward-test-"), each with SO PIN "so-pin-1234" and user PIN
# "user-pin-1234" (test values only). Prints the line to export:
#   export SOFTHSM2_CONF=DIR/softhsm2.conf
# Rerunning with the same DIR wipes the tokens it made before.
set -euo pipefail

dir=${1:?usage: make-tokens.sh DIR [N] [LABEL-PREFIX]}
count=${2:-1}
prefix=${3:-tokenward-test-}
here=$(cd "$(dirname "$0")" && pwd)

command -v softhsm2-util >/dev/null || {
  echo "softhsm2-util not found: install it with 'apt-get install -y softhsm2'" >&2
  exit 3
}

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir/tokens"
mkdir -p "$dir/tokens"
sed "s|@TOKENDIR@|$dir/tokens|" "$here/softhsm2.conf.template" > "$dir/softhsm2.conf"
export SOFTHSM2_CONF="$dir/softhsm2.conf"

for i in $(seq 1 "$count"); do
  softhsm2-util --init-token --free --label "${prefix}${i}" \
    --so-pin so-pin-1234 --pin user-pin-1234 >/dev/null
done
echo "export SOFTHSM2_CONF=$dir/softhsm2.conf"
