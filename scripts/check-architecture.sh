#!/usr/bin/env bash
# The layering the architecture promises (docs/architecture.md), checked:
# the library builds without any command-line crate, the command line makes no PKCS#11 call
# of its own, and the library's docs have no broken links.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
if cargo tree -p tokenward --no-default-features -e normal --prefix none | grep -q '^clap '; then
  echo "check-architecture: the library depends on clap without the cli feature" >&2
  fail=1
fi
cargo build --quiet --lib --no-default-features
if grep -rn 'cryptoki' src/bin; then
  echo "check-architecture: the command line (src/bin) uses cryptoki; call a library operation" >&2
  fail=1
fi
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --lib
exit $fail
