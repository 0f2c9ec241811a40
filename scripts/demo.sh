#!/usr/bin/env bash
# The main job on an embedded default: make a throwaway SoftHSM2 token in a temporary
# directory and run tokenward against it, no hardware needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --quiet --bin tokenward

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
eval "$(softhsm/make-tokens.sh "$work" 1 "Demo token ")"
export TOKENWARD_MODULE=/usr/lib/softhsm/libsofthsm2.so
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
printf '%s' user-pin-1234 > "$work/pin"
tw=target/debug/tokenward

step() { printf '\n== %s\n' "$*"; }

step "PKCS#11 modules"
$tw modules
step "Tokens"
$tw tokens --present
step "A new key pair, made on the token (the private key cannot leave it)"
$tw keys generate --type p256 --label "Demo key" --pin-file "$work/pin"
step "A key and certificate imported from a PKCS#12 file"
$tw keys import fixtures/modern-rsa.p12 --password-file fixtures/password.txt --pin-file "$work/pin"
step "Certificates, matched with their keys"
$tw certs list --login --pin-file "$work/pin"
step "Using the key from OpenSSL, without exporting it"
$tw export-config --for openssl --key "Demo key" --out "$work/openssl" --pin-file "$work/pin"
step "Objects (after logging in with the PIN from a file)"
$tw objects --login --pin-file "$work/pin"
echo
echo "Demo finished; the throwaway token in $work is removed now."
