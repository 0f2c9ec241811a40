#!/usr/bin/env bash
# Run the whole test suite: every test against real SoftHSM2 tokens and the real peer tools.
# On a fresh Debian machine this installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo test --workspace
