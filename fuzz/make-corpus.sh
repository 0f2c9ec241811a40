#!/usr/bin/env bash
# Seed corpora for the fuzz targets (fuzz/seeds/<target>/), from the fixtures and a few
# hand-written inputs. Rerunnable: it rewrites the folders. `cargo test --test fuzz_corpus`
# replays every file through its target; `cargo fuzz run TARGET corpus/TARGET seeds/TARGET` grows corpus/ (not committed) from them.
set -euo pipefail
cd "$(dirname "$0")"
fx=../fixtures
rm -rf seeds
mkdir -p seeds/{uri,certs,pkcs12,key_file,cms,chain,recovery_key,recovery_blob,config,csr_template}

printf 'pkcs11:token=Accounting;object=leaf;type=cert' > seeds/uri/token-object
printf 'pkcs11:model=SoftHSM%%20v2;manufacturer=SoftHSM%%20project;serial=0123abcd;token=A%%20B?pin-source=file:/tmp/p&module-path=/usr/lib/x.so' > seeds/uri/full
printf 'pkcs11:slot-id=7;id=%%01%%02' > seeds/uri/slot-id
printf 'pkcs11:token=x;pin-valu=1234' > seeds/uri/mistyped-pin-value
printf 'pkcs11:object=%%ZZ' > seeds/uri/bad-escape

cp $fx/leaf-p256.der $fx/bundle.pem $fx/broken-base64.pem $fx/not-a-cert.der $fx/gost.der seeds/certs/
cp $fx/modern-p256.p12 $fx/legacy-rsa.p12 $fx/cert-only.p12 seeds/pkcs12/
cp $fx/leaf-p256.key $fx/leaf-rsa2048.key $fx/leaf-ed25519.key seeds/key_file/
openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 2048 -in $fx/leaf-p256.key -passout pass:password -out seeds/key_file/encrypted.pem
openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 2048 -in $fx/leaf-p256.key -passout pass:password -outform DER -out seeds/key_file/encrypted.der
openssl pkey -in $fx/leaf-rsa2048.key -traditional -out seeds/key_file/pkcs1.pem

printf 'payment order 42\n' > /tmp/tw-fuzz-content
openssl cms -sign -binary -in /tmp/tw-fuzz-content -signer $fx/leaf-p256.pem -inkey $fx/leaf-p256.key \
  -certfile $fx/intermediate.pem -outform DER -out seeds/cms/p256.p7s
openssl cms -sign -binary -nodetach -in /tmp/tw-fuzz-content -signer $fx/leaf-rsa2048.pem -inkey $fx/leaf-rsa2048.key \
  -outform PEM -out seeds/cms/rsa-attached.pem
rm -f /tmp/tw-fuzz-content

cat $fx/leaf-p256.pem $fx/intermediate.pem > seeds/chain/leaf-and-intermediate.pem
cp $fx/bundle.pem seeds/chain/

printf 'ABCD-EFGH' > seeds/recovery_key/short
printf 'AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAA1' > seeds/recovery_key/checksum
cat > seeds/recovery_blob/blob.json <<'JSON'
{"version":1,"token_serial":"0123456789abcdef","email":"alice@example.test","issuer":"http://127.0.0.1:1/","created":"2026-11-22T00:00:00Z","key_fingerprint":"00ff","salt":"00112233445566778899aabbccddeeff","nonce":"000102030405060708090a0b","sealed":"deadbeef"}
JSON

cat > seeds/config/full.toml <<'TOML'
module = "/usr/lib/softhsm/libsofthsm2.so"
token = "Accounting"
audit_log = "/tmp/audit.log"
[policy]
min_length = 12
[tokens.0123abcd]
default_cert = "c369fc65a3298268c04ff1834a9ef2800b548c3a40776062f3e5d06f2552f98c"
[recovery]
issuer = "https://accounts.google.com"
client_id = "x"
TOML
printf '[policy]\nmin_length = 4\n' > seeds/config/loosening.toml

cat > seeds/csr_template/russian.toml <<'TOML'
subject = "CN=Ivanov Ivan, O=Romashka LLC, C=RU, INN=500100732259"
san = ["email:ivanov@example.ru"]
key_usage = ["digital_signature", "non_repudiation"]
extended_key_usage = ["client_auth", "1.2.643.2.2.34.6"]
TOML
printf '[subject]\nCN = "Hernández Juan"\nC = "MX"\nRFC = "HEJJ800101AB1"\n' > seeds/csr_template/table.toml
echo "seed corpora written to fuzz/seeds/"
