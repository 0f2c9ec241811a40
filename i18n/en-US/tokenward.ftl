# tokenward's words for people, in English (the fallback).
# The words users know are in docs/glossary.md.

## Prompts: they name the secret and the token.

prompt-user-pin = Current user PIN of token "{ $token }" (serial { $serial }):
prompt-factory-pin = Factory user PIN of token "{ $token }" (serial { $serial }), the one it was issued with:
prompt-so-pin = SO PIN of token "{ $token }" (serial { $serial }):
prompt-new-user-pin = New user PIN ({ $rule }):
prompt-new-so-pin = New SO PIN ({ $rule }):
prompt-repeat-user-pin = Repeat the new user PIN:
prompt-repeat-so-pin = Repeat the new SO PIN:
prompt-new-password = New password of the file:
prompt-repeat-password = Repeat the new password:
prompt-recovery-key = Recovery key from the recovery mail:
prompt-pin = PIN:
prompt-generic-so-pin = SO PIN:
prompt-password = Password of the file:

rule-standard = at least { $min } Latin letters and digits
rule-standard-max = { $min } to { $max } Latin letters and digits
rule-digits = { $min } to { $max } digits

rule-description = { $bounded ->
    [yes] { $min } to { $max } characters, Latin letters and digits, at least one of each
   *[no] at least { $min } characters, Latin letters and digits, at least one of each
}
rule-description-profile = { $bounded ->
    [yes] profile { $name } (set for this token model by the administrator): { $min } to { $max } digits
   *[no] profile { $name } (set for this token model by the administrator): at least { $min } digits
}

entries-differ = the two entries are not the same; type the new one again
new-secret-gave-up = three entries did not do; nothing was changed on the token, and the command can be started again whenever you are ready

secret-file-blanks = warning: { $file } (for --{ $what }-file) begins or ends with a space or a blank line; they are part of what is sent

## Confirmations: "yes" is accepted in every language.

pin-pad = Type the { $who ->
    [so] SO PIN
   *[user] PIN
} of token "{ $token }" on the reader's keypad.

## tokenward doctor

doctor-blockers = Stops you now
doctor-warnings = Needs attention
doctor-ok = Checked and fine
doctor-fix = What to do
doctor-all-fine = Everything checked is in order.

## Errors: the problem, then what to do. The JSON error keeps these English words.

spinner-looking-for-tokens = Looking for tokens…
warning-label = warning
error-label = error
cancelled = cancelled; nothing was changed

secret-noun = { $kind ->
    [new-pin] new PIN
    [so-pin] SO PIN
    [password] password
    [recovery-key] recovery key
   *[pin] PIN
}
secret-the = the { secret-noun }
pin-noun = { $who ->
    [so] SO PIN
   *[user] PIN
}

err-no-module = no PKCS#11 module found (looked in { $searched } places)
hint-no-module = install your token's driver, or name its module with --module PATH or the TOKENWARD_MODULE variable
err-module-missing = PKCS#11 module { $path } does not exist
hint-module-missing = check the path, or run `tokenward modules` to see the modules found on this computer
err-no-token = no token found
hint-no-token = plug in your token or insert the card, then run the command again (`tokenward tokens` shows what the computer sees)
err-card-not-recognised = a card is in the reader { $reader }, but no PKCS#11 module on this computer recognises it
hint-card-not-recognised = install the driver (PKCS#11 module) of the card's issuer, or name it with --module PATH; `tokenward doctor` shows what the computer sees
err-card-held = another program holds the card in the reader { $reader }, so tokenward cannot use it
hint-card-held = close the other programs that use the card (GnuPG: `gpgconf --kill scdaemon`), or take the card out and insert it again
err-token-not-found = no token matches { $selector }
hint-token-not-found = choose one of the tokens present with --token followed by its URI, label or serial
err-ambiguous-token = { $given ->
    [yes] { $count } tokens match { $selector }
   *[no] { $count } tokens match
}
err-ambiguous-one-card = { $given ->
    [yes] { $count } tokens match { $selector }: one card (serial { $serial }) that its module shows as { $count } tokens
   *[no] { $count } tokens match: one card (serial { $serial }) that its module shows as { $count } tokens
}
hint-ambiguous-token = choose one with --token followed by its URI, label or serial
hint-ambiguous-one-card = choose one by its label, for example --token { $label }

err-wrong-pin = wrong { pin-noun }: the token refused it. Before this attempt: { $before }; now: { $after }
err-wrong-pin-silent = wrong { pin-noun }: the token refused it. The token does not report how many tries are left, so a few more wrong entries may lock it
pin-state-locked = locked
pin-state-final-try = one try left: the next wrong PIN locks it
pin-state-count-low = a wrong PIN was entered since the last right one (the token does not say how many tries are left)
pin-state-no-wrong = no wrong attempts
pin-state-final-only = not reported (this token warns only when one try is left)
pin-state-not-reported = not reported by this token
hint-layout = check the keyboard layout (Latin letters) and Caps Lock
advice-tries-unknown = check the { pin-noun } before you try again; nothing tells how many tries are left (with OpenSC, `pkcs15-tool --list-pins` shows them)
advice-user-locked = ask your administrator to run `tokenward pin unblock` with the SO PIN
advice-so-locked = the SO PIN is locked: only re-initialising the token (which destroys its keys) or the token's issuer can help
advice-final-try = check the PIN carefully before trying again: one more mistake locks it
err-pin-locked = the { pin-noun } is locked after too many wrong attempts, so it was not sent
hint-so-pin-locked = only re-initialising the token (which destroys its keys) or the token's issuer can help
err-final-try = the { pin-noun } has one try left: a wrong one now locks it, so it was not sent
hint-final-try = if you are sure of it, run the command again with --final-try
err-mismatch = the two entries of the { secret-noun } did not match; nothing was changed

err-policy = { $violation }; nothing was changed on the token
new-pin-noun = { $who ->
    [so] the new SO PIN
   *[user] the new user PIN
}
policy-too-short = { new-pin-noun } is too short: { $got } characters, { $by ->
    [token] this token
   *[policy] the policy
} needs at least { $min }
policy-too-long = { new-pin-noun } is too long: { $got } characters, { $by ->
    [token] this token
   *[policy] the policy
} allows at most { $max }
policy-bad-character = character { $position } of { new-pin-noun } is { $kind ->
    [cyrillic] a Cyrillic letter (Cyrillic а, о, с, е, р look like Latin letters but are not); switch the keyboard to the English (Latin) layout
    [accented] a letter with an accent (such as é, ñ, ü); use plain Latin letters A-Z, a-z
    [space] a space; spaces are not allowed
    [symbol] a punctuation mark or symbol; only letters A-Z, a-z and digits 0-9 are allowed
    [other-letter] a letter that is not Latin; use A-Z, a-z
    [other-digit] a digit that is not 0-9
    [control] an invisible control character
   *[letter] a letter; this token's PIN takes digits 0-9 only
}
policy-no-letter = { new-pin-noun } needs at least one Latin letter (A-Z or a-z)
policy-no-digit = { new-pin-noun } needs at least one digit (0-9)
policy-no-upper = { new-pin-noun } needs at least one capital letter (A-Z)
policy-no-lower = { new-pin-noun } needs at least one small letter (a-z)

err-wrong-password = wrong password for the { $what ->
    [key] key file
   *[p12] PKCS#12 file
}: it could not be opened
hint-wrong-password = check the password (and its keyboard layout); nothing was changed on the token
err-token-removed = { $rv ->
    [none] the token was removed (or stopped answering) while tokenward was using it (its key is no longer visible)
   *[other] the token was removed (or stopped answering) while tokenward was using it ({ $rv })
}
hint-token-removed = plug it in again and repeat the command
err-object-not-found = { $what ->
    [certificate] no certificate matches { $selector }
   *[key] no private key matches { $selector }
}
err-object-not-found-none = { $what ->
    [certificate] no certificate matches { $selector }; the token holds no certificate
   *[key] no private key matches { $selector }; the token holds no private key
}
hint-object-not-found = name one of these by its URI, label, id (hex) or fingerprint prefix
err-ambiguous-object = { $what ->
    [certificate] { $count } certificates match{ $selector }
   *[key] { $count } private keys match{ $selector }
}
hint-ambiguous-object = choose one with its URI, label, id (hex) or fingerprint prefix
err-write-protected = the token is write-protected: nothing can be changed on it
hint-write-protected = check for a write-protect switch, or ask the token's issuer
err-no-terminal = { secret-the } is needed but there is no terminal to ask on
hint-no-terminal = give it with --{ $kind }-file FILE, --{ $kind }-env VARIABLE or --{ $kind }-stdin
err-non-latin-login = the { secret-noun } holds { $letter ->
    [cyrillic] a Cyrillic letter
    [accented] a letter with an accent
   *[other] a letter that is not Latin
} (character { $position }): the keyboard is probably on the Russian or another non-Latin layout. Nothing was sent to the token and no try was used
hint-non-latin-login = switch the keyboard to the English (Latin) layout and type the PIN again; if the PIN really holds such letters (set by another program), add --pin-as-typed

err-pcsc-not-installed = the smart-card service (pcscd) is not installed
err-pcsc-not-running = the smart-card service (pcscd) is not running
err-pcsc-failed = the smart-card service failed: { $detail }
hint-pcsc-not-installed = install it: `sudo apt install pcscd` (Debian, Ubuntu) or `sudo dnf install pcsc-lite` (Fedora)
hint-pcsc-start = { $systemd ->
    [yes] start it: `sudo systemctl enable --now pcscd.socket`
   *[no] start it: `sudo pcscd`
}
hint-pcsc-restart = restart the service ({ $start }), then run `tokenward doctor`

err-io = cannot { $action } { $path }: { $reason }
io-not-found = No such file or directory
io-permission-denied = Permission denied
io-already-exists = File exists
io-is-a-directory = Is a directory
io-storage-full = No space left on device
err-file-exists = { $path } already exists
hint-file-exists = add --force to replace it
err-no-such-folder = the folder of { $path } does not exist
hint-no-such-folder = create the folder first, or give another path
err-not-a-regular-file = { $path } is not a regular file
hint-not-a-regular-file = give the path of an ordinary file
err-no-terminal-to-confirm = this deletes data and there is no terminal to confirm on
hint-no-terminal-to-confirm = add --yes
err-not-confirmed = not confirmed; nothing was deleted
err-several-sources = give the { secret-noun } only one way: --{ $kind }-file, --{ $kind }-env or --{ $kind }-stdin
err-variable-not-set = the environment variable { $variable } named for the { secret-noun } is not set
err-secret-file-not-text = the { secret-noun } file { $path } does not hold text
hint-secret-file-not-text = save it as UTF-8
err-stdin-ended = standard input ended before the { secret-noun } was given

## tokenward tokens

tokens-no-slots = No slots: the module sees no reader or token. Plug in your token or insert the card; if it is plugged in, check its driver with `tokenward modules`.
tokens-one-card = One card in reader "{ $reader }", shown as { $count } tokens with the same serial: choose one by its label.
tokens-slot = Slot { $id }: { $description }
tokens-slot-silent = Slot { $id }: (no description: the slot does not answer)
field-token = Token
field-state = State
field-serial = Serial
field-manufacturer = Manufacturer
field-model = Model
field-versions = Versions
field-pin-length = PIN length
field-public-memory = Public memory
field-private-memory = Private memory
field-uri = URI
field-module = Module
field-pin-rule = PIN rule
field-next = Next
tokens-blank = blank (not initialised)
tokens-versions = hardware { $hardware }, firmware { $firmware }
tokens-pin-length = { $min } to { $max } characters
tokens-rule-impossible = cannot be followed on this token: { $why }; an administrator can set a PIN profile for this model (docs/admins.md)
tokens-next-factory = set your own PIN instead of the factory one: `tokenward pin change`
tokens-unreadable = present but unreadable: { $error }
tokens-none = none (plug in a token or insert a card)
memory-free-of = { $free } free of { $total }
memory-total = { $total } total
memory-free = { $free } free
memory-not-reported = not reported

state-not-initialized = not initialised (run `tokenward token init`)
state-user-pin-locked = user PIN locked
state-user-pin-final-try = user PIN: final try
state-user-pin-count-low = user PIN: a wrong PIN was entered
state-so-pin-locked = SO PIN locked
state-so-pin-final-try = SO PIN: final try
state-so-pin-count-low = SO PIN: a wrong PIN was entered
state-user-pin-not-set = user PIN not set
state-user-pin-to-be-changed = user PIN must be changed (factory PIN)
state-so-pin-to-be-changed = SO PIN must be changed
state-write-protected = write-protected
state-pin-pad = PIN entered on the reader's keypad
state-ready = ready
state-login-required = login required

## tokenward pin

pin-status-heading = Token "{ $token }" (serial { $serial })
field-user-pin = User PIN
field-so-pin = SO PIN
field-pin-rule-problem = PIN rule problem
field-note = Note
field-before = Before
field-now = Now
field-factory-pin = Factory PIN
field-pin-recovery = PIN recovery
pin-user-not-set = not set yet (an administrator sets it with `tokenward pin unblock`)
pin-length-on-token = { $min } to { $max } characters on this token
pin-rule-impossible = { $why }: no new PIN can follow the rule on this token; an administrator can set a PIN profile for this token model (docs/admins.md)
pin-must-change = the user PIN must be changed: run `tokenward pin change`
pin-changed = The { pin-noun } of token "{ $token }" was changed.
pin-unblocked = A new user PIN was set on token "{ $token }"; it is unlocked.
pin-factory-gone = gone: only the new PIN opens the token now
pin-factory-still = the token still asks for the PIN to be changed
pin-recovery-resealed = sealed again with the new SO PIN; the recovery key in the mail still works
pin-recovery-removed = removed (it held the old SO PIN); set it up again with `tokenward recovery enroll`

## tokenward certs list

certs-none = No certificates on token "{ $token }".
certs-none-filtered = No certificates on token "{ $token }" match the filters.
certs-heading = Certificates on token "{ $token }" (serial { $serial }):
column-certificate = CERTIFICATE
column-validity = VALIDITY
column-key-on-token = KEY ON TOKEN
column-id = ID
certs-unreadable = unreadable certificate "{ $label }"
certs-default-mark = * the default certificate (tokenward certs select)
certs-keys-hidden = Private keys are hidden until you log in; add --login to match them too.
cert-note = issued by { $issuer }; { $algorithm }; { $usage }
cert-valid = valid, { $days } { $days ->
    [one] day
   *[other] days
} left
cert-expired = EXPIRED { $days } { $days ->
    [one] day
   *[other] days
} ago
cert-not-yet-valid = not valid until { $date }
key-yes = yes
key-yes-unconfirmed = yes (log in to confirm)
key-by-id = by id only
key-no = no
key-list-only = { $base }; list only ({ $algorithm })
usage-any-use = any use
candidates-tokens = The tokens present:
candidates-serial = serial
candidates-objects = On the token:

## Key usages

usage-digital-signature = digital signature
usage-non-repudiation = non-repudiation
usage-key-encipherment = key encipherment
usage-data-encipherment = data encipherment
usage-key-agreement = key agreement
usage-key-cert-sign = certificate signing
usage-crl-sign = CRL signing
usage-encipher-only = encipher only
usage-decipher-only = decipher only
usage-any = any
usage-server-auth = TLS server
usage-client-auth = TLS client
usage-code-signing = code signing
usage-email-protection = email protection
usage-time-stamping = time stamping
usage-ocsp-signing = OCSP signing
usage-smart-card-logon = smart card logon
usage-cryptopro-user = CryptoPro user

## Questions before something is destroyed

confirm-delete-certificate = Delete the certificate "{ $name }" from token "{ $token }"? Its key stays. Type yes to confirm:{" "}
confirm-delete-key = { $cert ->
    [stays] Delete the key "{ $label }" (its certificate stays; add --with-cert to remove it too) from token "{ $token }"? Anything signed or encrypted for it can no longer be used with it. Type yes to confirm:{" "}
    [goes] Delete the key "{ $label }" and its certificate "{ $certificate }" from token "{ $token }"? Anything signed or encrypted for it can no longer be used with it. Type yes to confirm:{" "}
   *[none] Delete the key "{ $label }" from token "{ $token }"? Anything signed or encrypted for it can no longer be used with it. Type yes to confirm:{" "}
}
confirm-remove-recovery = Remove PIN recovery from token "{ $token }"? A forgotten PIN can then be reset only with the SO PIN. Type yes to confirm:{" "}
confirm-delete = Delete it? Type yes to confirm:{" "}

## The recovery mail (in the language of the person who enrolled)

mail-key-subject = Your tokenward recovery key
mail-rotated-subject = Your token's PIN was reset; your new tokenward recovery key
mail-reset-subject = Your token's PIN was reset
mail-reason-enrolled = You set up PIN recovery for your token with this account.
mail-reason-reset =
    The PIN of your token was just reset with your recovery key. If this was not you,
    contact your administrator now.
mail-reason-rotated =
    The PIN of your token was just reset with your recovery key. If this was not you,
    contact your administrator now. Your old recovery key no longer works; this is the new one.
mail-key-body =
    { $reason }

    Your tokenward recovery key for token "{ $token }" (serial { $serial }):

        { $key }

    Keep this mail. If you forget the token's PIN, run `tokenward recovery recover`,
    sign in with this same account and type this key. Anyone who has both this key and
    the token can reset its PIN, so do not forward this mail.

## The page the browser shows after the sign-in

page-signed-in = Signed in. You can close this window and go back to tokenward.
page-cancelled = Sign-in cancelled. You can close this window and go back to tokenward.
page-not-ours = This answer is not for the sign-in tokenward is waiting for. Finish the sign-in from the address tokenward shows.
page-bad-request = Not a request tokenward understands.
page-not-found = Not found.

## tokenward doctor: each finding by its id (docs/json.md), then what it is about

about-reader = reader "{ $name }"
about-token = token "{ $label }" (serial { $serial })
about-slot = slot "{ $description }"
about-slot-id = slot { $id }
about-certificate = certificate "{ $name }"
finding-module-failed = the PKCS#11 module does not load: { $error }
finding-module-failed-fix = reinstall the token's driver, or remove the module from the configuration
finding-token-unreadable = the token does not answer: { $error }
finding-no-token = no token is plugged in
finding-no-token-fix = plug in your token or insert the card
finding-pcsc-running = the smart-card service (pcscd) is running
finding-no-reader = the smart-card service sees no card reader or USB token
finding-no-reader-fix = plug in the token (or the card reader); if it is plugged in, try another USB port
finding-reader-empty = no card in this reader
finding-card-mute = a card is in the reader but does not answer
finding-card-mute-fix = take the card out and insert it again, chip first and facing up
finding-card-held = another program holds the card, so no other program can use it
finding-card-not-recognised = { $named ->
    [yes] a card ({ $name }) is in the reader, but no PKCS#11 module on this computer recognises it
   *[no] a card is in the reader, but no PKCS#11 module on this computer recognises it
}
finding-card-not-recognised-fix = install the driver (PKCS#11 module) of the card's issuer, or name it with --module PATH
finding-card-recognised = { $named ->
    [yes] { $name } is read by { $module }
   *[no] the card is read by { $module }
}
finding-token-not-initialised = the token is blank: it has no PIN, keys or certificates yet
finding-token-not-initialised-fix = ask whoever issued it; an administrator prepares it with `tokenward token init`
finding-user-pin-locked = the user PIN is locked (too many wrong tries)
finding-user-pin-locked-fix = ask your administrator to unblock it with `tokenward pin unblock` and the SO PIN
finding-user-pin-final-try = one more wrong user PIN locks the token
finding-user-pin-final-try-fix = make sure of the PIN before you type it; your administrator can reset it
finding-user-pin-count-low = a wrong user PIN was typed since the last good one
finding-so-pin-locked = the SO PIN is locked: the user PIN can no longer be unblocked
finding-so-pin-locked-fix = only the token's issuer (or re-initialising it, which destroys its keys) can help
finding-so-pin-final-try = one more wrong SO PIN locks it for good
finding-factory-pin = the token still has its factory PIN
finding-factory-pin-fix = set your own: `tokenward pin change`
finding-pin-policy-impossible = { $why }
finding-pin-policy-impossible-fix = an administrator may set a PIN profile for this token model in the configuration (docs/admins.md)
finding-token-ready = the token is ready
finding-cert-unreadable = the certificate "{ $label }" cannot be read: { $error }
finding-cert-expired = the certificate expired { $days } days ago
finding-cert-expired-fix = ask your certification authority for a new certificate
finding-clock-before-cert = the certificate is valid only from { $date }: this computer's clock may be wrong
finding-clock-before-cert-fix = check the computer's date and time
finding-cert-expiring = the certificate expires in { $days } days
finding-cert-expiring-fix = ask your certification authority to renew it in time

## tokenward sign and verify

sign-one = Signed { $file } with key "{ $key }" ({ $mechanism }, { $kind }): { $signature }
sign-many = Signed { $count } files with key "{ $key }" ({ $mechanism }) in { $seconds } s; each signature is next to its file (.{ $extension }).
# indicatif's template: keep the {"{"}…{"}"} fields as they are.
sign-progress = {"{"}spinner{"}"} signing {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}per_sec{"}"} eta {"{"}eta{"}"}
verify-ok = Signature OK: { $file } is signed
field-signed-by = Signed by
field-signed-at = Signed at
field-checked = Checked

## tokenward certs show, select; tokenward check

cert-show-heading = Certificate "{ $label }" on token "{ $token }"
cert-show-unreadable = unreadable certificate: { $error }
cert-not-restricted = not restricted
cert-selected = The default certificate of token "{ $token }" is now "{ $name }" (SHA-256 { $fingerprint }…).
field-status = Status
field-subject = Subject
field-issuer = Issuer
field-valid-from = Valid from
field-valid-until = Valid until
field-key = Key
field-signature = Signature
field-key-usage = Key usage
field-extended-usage = Extended usage
field-alt-names = Alt. names
field-can-sign = Can sign
field-ca = CA
field-warning = Warning
field-key-uri = Key URI
check-heading = Signing check of key "{ $key }" ({ $kind }) on token "{ $token }"
check-certificate = Certificate: { $certificate }
check-no-certificate = No certificate on the token belongs to this key; signatures are checked against the key's own public key.
column-mechanism = MECHANISM
column-result = RESULT
column-sign-time = SIGN TIME
check-pass = pass
check-fail = FAIL
check-all-good = The token signs correctly with every mechanism; each signature was verified against the { $against ->
    [token_public_key] token public key
   *[certificate] certificate
}.
check-problems = Problems
problem-certificate-key-mismatch = the certificate and the key do not belong together: signatures made with this key will not verify against this certificate
problem-certificate-expired = the certificate has expired: signatures made with it will be rejected; ask your certificate authority for a new one
problem-certificate-not-yet-valid = the certificate is not valid yet (check the computer's date)
problem-certificate-forbids-signing = the certificate's key usage does not allow signing
problem-key-cannot-sign = the token does not allow this key to sign
problem-signature-failed = at least one signature failed
problem-no-mechanism = the key and the token share no signature mechanism

## tokenward readers, watch, objects, modules

readers-none = No card reader: the smart-card service runs but sees no reader. Plug in the reader or the token; `tokenward doctor` checks the rest.
readers-heading = Reader: { $name }
readers-no-card = none (insert a card or plug in the token)
readers-card-mute = present but not answering (take it out and insert it again)
readers-card-unknown = present (not in pcsc-tools' list)
readers-served-unknown = not known while another program holds the card
readers-served-none = no PKCS#11 module on this computer recognises this card
readers-held = another program holds it exclusively (`tokenward doctor` names it)
readers-shared = open in another program (shared)
readers-free = free
readers-pin-pad = yes: type PINs on the reader's keypad
field-card = Card
field-served-by = Served by
field-in-use = In use
field-pin-pad = PIN pad
watch-reader-added = reader connected
watch-reader-removed = reader disconnected
watch-card-inserted = card inserted
watch-card-inserted-named = card inserted: { $name }
watch-card-removed = card removed
objects-none = Token "{ $token }" holds no objects.
objects-none-public = Token "{ $token }" holds no objects that can be seen without a login (try --login).
objects-unreadable = unreadable ({ $error })
objects-private-hidden = Private objects are hidden until you log in (add --login).
column-kind = KIND
column-label = LABEL
column-key = KEY
column-flags = FLAGS
modules-none = No PKCS#11 module found. Install your token's driver, or name its module with --module PATH.
column-module = MODULE
column-found-by = FOUND BY
column-status = STATUS
column-library = LIBRARY
modules-loaded = loaded, { $tokens } token(s) in { $slots } slot(s)
modules-not-installed = not installed
modules-failed = failed to load
class-certificate = certificate
class-public-key = public key
class-private-key = private key
class-secret-key = secret key
class-data = data

## tokenward keys, token init, recovery

key-generated = New key pair ({ $kind }) on token "{ $token }"
field-label = Label
field-private-key = Private key
field-certificate = Certificate
field-issuers-added = Issuers added
key-extractable = can be exported (encrypted) with `tokenward keys export-private`
key-stays = stays on the token: it cannot be copied
key-next-csr = make a certificate request: tokenward keys csr --key { $label } --subject "CN=…"
key-imported = { $resumed ->
    [yes] Interrupted key import finished ({ $kind }) onto token "{ $token }"
   *[no] Key imported ({ $kind }) onto token "{ $token }"
}
key-no-certificate = none (add one with `tokenward certs import`)
key-stored = stored so that it cannot be read back or exported
key-deleted = { $cert ->
    [yes] Deleted the key "{ $label }" and its certificate.
   *[no] Deleted the key "{ $label }".
}
confirm-reinitialise = This destroys every key and certificate on token "{ $token }". Type its label to confirm:
token-initialised = Token initialised as "{ $label }".
recovery-sign-in = Sign in with your { $provider } account in the browser to continue. If no browser window opened, open this address:
recovery-enrolled =
    Recovery is set up for token "{ $token }". A recovery key was mailed to { $email } from that account; keep that mail.
    If the PIN is ever forgotten: tokenward recovery recover
recovery-pin-reset = The PIN of token "{ $token }" was reset; use your new PIN from now on.
recovery-key-rotated = Your old recovery key no longer works: a new one was mailed to { $email }.
recovery-key-kept = Your recovery key could not be replaced, so the old one still works.
recovery-revoked = Recovery was removed from token "{ $token }". The recovery mail's key no longer works; you may delete that mail.
