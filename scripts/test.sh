#!/usr/bin/env bash
# Run the whole test suite: every test against real SoftHSM2 tokens and the real peer tools.
# On a fresh Debian machine this installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The virtual OpenPGP card the real-card tests insert (tests/cards.rs); a test cannot build it.
cargo build -p vcard
cargo test --workspace
