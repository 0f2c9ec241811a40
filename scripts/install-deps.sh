#!/usr/bin/env bash
# Install every Debian package tokenward's demo and tests use. Idempotent: apt-get runs only
# when something is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  softhsm2 opensc gnutls-bin p11-kit libengine-pkcs11-openssl libnss3-tools
  pcscd pcsc-tools libpcsclite-dev pkg-config libssl-dev vsmartcard-vpcd vsmartcard-vpicc
  python3-pycryptodome openssl openssh-client ca-certificates openjdk-17-jre-headless faketime time
  libclang-dev gnupg scdaemon age
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# The OpenID Connect provider the recovery tests run on loopback (npm package oidc-provider).
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$here/tests/oidc/package-lock.json" ] && [ ! -d "$here/tests/oidc/node_modules" ]; then
  npm ci --prefix "$here/tests/oidc" --no-audit --no-fund >&2
fi
