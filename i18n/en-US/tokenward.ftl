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
prompt-password-of = Password of the key file { $file }:

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
spinner-generating-key = Making the { $kind } key on the token (this can take a minute on a card)…
spinner-deriving-key = Protecting the key file with the password…
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
err-default-token-absent = the default token { $selector } is not plugged in
err-token-not-found = no token matches { $selector }
hint-default-token-absent = plug in that token, or make one of the tokens present the default with `tokenward tokens select`, or name one with --token
hint-token-not-found = choose one of the tokens present with --token and its label or serial (the first characters of the serial do), or make one the default with `tokenward tokens select`
err-ambiguous-token = { $given ->
    [yes] { $count } tokens match { $selector }
   *[no] { $count } tokens match
}
err-ambiguous-one-card = { $given ->
    [yes] { $count } tokens match { $selector }: one card (serial { $serial }) that its module shows as { $count } tokens
   *[no] { $count } tokens match: one card (serial { $serial }) that its module shows as { $count } tokens
}
hint-ambiguous-token = choose one with --token and its label or serial (the first characters of the serial do), or make one the default with `tokenward tokens select`
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
hint-object-not-found = { $what ->
    [certificate] name one of these by its ID, for example --cert { $example }, or make it the default with `tokenward certs select { $example }`
   *[key] name one of these by its ID, for example --key { $example }
}
err-ambiguous-object = { $what ->
    [certificate] { $count } certificates match{ $selector }
   *[key] { $count } private keys match{ $selector }
}
hint-ambiguous-object = { $what ->
    [certificate] name one by its ID, for example --cert { $example }, or make it the default with `tokenward certs select { $example }`
   *[key] name one by its ID, for example --key { $example }
}
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
err-several-sources = give the { secret-noun } only one way: --{ $kind }-file, --{ $kind }-env or --{ $kind }-stdin
err-variable-not-set = the environment variable { $variable } named for the { secret-noun } is not set
err-secret-file-not-text = the { secret-noun } file { $path } does not hold text
hint-secret-file-not-text = save it as UTF-8
err-stdin-ended = standard input ended before the { secret-noun } was given

## tokenward tokens

tokens-no-slots = No slots: the module sees no reader or token. Plug in your token or insert the card; if it is plugged in, check its driver with `tokenward modules`.
tokens-one-card = One card in reader "{ $reader }", shown as { $count } tokens with the same serial: choose one by its label.
tokens-slot = { $description } (id { $id })
tokens-slot-silent = id { $id } (no description: the slot does not answer)
field-slot = Slot
tokens-heading = Token "{ $label }", serial { $serial }
tokens-heading-default = Token "{ $label }", serial { $serial } (the default)
tokens-heading-blank = Blank token: { $model }
tokens-heading-unreadable = A token that cannot be read
tokens-heading-empty = Empty slot
tokens-blank-next = it is not prepared for use yet: ask whoever issued it to you (an administrator prepares it with `tokenward token init`)
tokens-selected = Token "{ $label }" (serial { $serial }) is now the default for every command; --token still chooses another. Saved in { $config }.
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

state-not-initialized = blank (not initialised)
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
cert-valid-until = { $date } ({ $days } { $days ->
    [one] day
   *[other] days
})
cert-expired-on = EXPIRED { $date }
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
candidate-certificate = { $name } (fingerprint { $fingerprint })
candidate-unreadable-certificate = a certificate that cannot be read
candidate-private-key = private key
candidate-public-key = public key

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
sign-kept = { $count } { $count ->
    [one] signature was already there and valid: kept
   *[other] signatures were already there and valid: kept
}
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
mechanisms-heading = Token "{ $token }" offers { $count } mechanism(s):
mechanisms-heading-used = tokenward uses { $count } of the { $total } mechanisms token "{ $token }" offers:
mechanisms-used-for = tokenward uses it for: { $uses }
mechanisms-no-info = the module would not describe it ({ $error })
column-key-sizes = KEY SIZES
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

## Errors by kind: err-GROUP-KIND (what happened) and hint-GROUP-KIND (what to do), the
## variant's fields as arguments (src/error/catalogue.rs)

err-input-file-exists = { $path } already exists
err-input-no-such-folder = the folder of { $path } does not exist
err-input-not-a-regular-file = { $path } is not a regular file
err-input-file-too-large = { $path } is larger than { $max } bytes
err-input-whole-file-too-large = { $path } is larger than { $max } bytes, the most tokenward reads whole: a raw Ed25519 signature (or a CMS signature without signed attributes) covers the whole file, not a digest of it
err-input-control-character = the { $what } holds a control character ({ $character }) at character { $position }
err-input-path-not-utf8 = the path { $path } is not UTF-8
err-input-not-hex = { $flag } "{ $value }" is not hex
err-input-not-text = { $path } is not a UTF-8 text file
err-input-bad-certificate-file = { $path }: { $reason }
err-input-no-certificate-in-file = the { $flag } file holds no certificate
err-input-not-a-key-file = { $path } is neither a PKCS#12 file (.p12/.pfx) nor a private key file (PEM or DER PKCS#8)
err-input-not-cms = { $path } is not a CMS signature
err-input-bad-pem = { $path }: broken PEM ({ $reason })
err-input-signature-broken-pem = the signature file is broken PEM ({ $reason })
err-input-signature-not-cms = the signature file is not a CMS/PKCS#7 signature ({ $reason })
err-input-cms-not-signed-data = the CMS file holds { $content_type } content, not a signature
err-input-cms-damaged = the CMS signature is damaged ({ $reason })
err-input-conflict = { $given } does not go with { $with ->
    [pkcs12-file] a PKCS#12 file, which carries its own certificate
    [format-pkcs12] --format pkcs12 (a PKCS#12 file is always binary)
    [user-pin-change] changing the user PIN (they keep recovery working across an SO PIN change: add --so)
   *[other] { $with }
}
err-input-der-holds-one = DER holds one certificate
err-input-several-files = several files given
err-input-is-directory = { $path } is a directory
err-input-out-with-several = --out names one signature file
err-input-no-trust-anchor = no trusted CA certificate was given
err-input-ca-without-cert = --ca checks the signer's certificate chain
err-input-unknown-mechanism = unknown mechanism "{ $name }"
err-input-no-terminal-to-confirm = this deletes data and there is no terminal to confirm on
err-input-not-confirmed = not confirmed; nothing was deleted
err-input-answer-unreadable = cannot read the answer: { $reason }
err-input-certificate-not-named = name the certificate to make the default
err-input-certificate-unreadable = that certificate is unreadable ({ $reason })
err-input-no-key-for-certificate = no key on token "{ $token }" belongs to the certificate "{ $subject }"
err-input-no-certificate-for-cms = a CMS signature carries the signer's certificate, and no certificate on the token belongs to the key "{ $key }"
err-input-chain-for-raw = a raw signature carries no certificates: --chain is for CMS signatures
err-input-no-issuer-in-chain-file = none of the certificates given with --chain issued "{ $subject }" (its issuer is "{ $issuer }")
err-input-label-empty = the { $what } label cannot be empty
err-input-id-not-allowed = this token takes only the key ids { $allowed }, not { $id }
err-input-no-free-key-slot = every key slot of this token is in use (ids { $allowed })
err-input-label-too-long = the token label is { $bytes } bytes long; PKCS#11 allows { $max } bytes (a Cyrillic letter takes 2)
err-input-object-label-too-long = the label is { $bytes } bytes long; tokens take { $max } bytes at most (a Cyrillic letter takes 2)
hint-input-object-label-too-long = give a shorter --label; nothing was written to the token
err-input-no-blank-token = no blank token is present
err-input-several-blank-tokens = { $count } blank tokens are present
err-input-already-initialised = token "{ $label }" (serial { $serial }) is already initialised; initialising it again DESTROYS every key and certificate on it
err-input-label-not-confirmed = re-initialising needs the current label typed again
err-input-label-mismatch = the label typed does not match the token's label "{ $label }"; nothing was changed
err-input-not-an-email = "{ $given }" is not an email address
err-key-malformed = { $what } ({ $reason })
err-key-no-curve = the EC key names no curve
err-key-no-public-point = the EC key file does not carry its public key
err-key-algorithm-unsupported = the key's algorithm ({ $oid }) is not one tokenward imports (RSA, EC, Ed25519)
err-key-public-algorithm-unsupported = public keys of algorithm { $oid } are not supported (RSA, EC and Ed25519 are)
err-key-pem-not-text = the PEM file is not text
err-key-needs-password = the key is encrypted
err-key-kdf-too-costly = the key file asks for { $asked }, more than tokenward runs ({ $limit })
err-key-pair-mismatch = the key file's public key does not belong to its private key
err-key-no-private-key = the file holds no private key (looked for a PEM PRIVATE KEY block)
err-key-pkcs12-without-key = the PKCS#12 file holds no private key (only certificates)
err-key-pkcs12-several-keys = the PKCS#12 file holds more than one private key
err-key-pkcs12-unreadable = the file is not a readable PKCS#12 file ({ $reason })
err-key-certificate-unreadable = a certificate in the key file is unreadable: { $reason }
err-key-public-half-missing = the public half of key "{ $label }" is not on the token (no public key object with id { $id }), so it cannot be shown or used
err-key-public-key-hidden = key "{ $label }" does not show its public key
err-key-type-unsupported = key "{ $label }" is of a type tokenward does not handle (it handles RSA, EC P-256/P-384 and Ed25519)
err-key-not-private = "{ $label }" is a public key; signing needs the private key
err-key-sign-forbidden = the key "{ $label }" is not allowed to sign (the token marks it CKA_SIGN false)
err-key-always-authenticate = the key "{ $label }" asks for the PIN before every signature (CKA_ALWAYS_AUTHENTICATE); tokenward does not batch-sign with such keys yet
err-key-mechanism-mismatch = a { $key } key cannot make { $mechanism } signatures
err-key-cannot-sign = tokenward cannot sign with a { $key } key
err-key-not-for-cms = CMS signatures use RSA PKCS#1 v1.5, ECDSA or Ed25519, not { $mechanism }
err-request-bad-template = the request template is not valid: { $reason }
err-request-unknown-attribute = unknown subject attribute "{ $name }"
err-request-lone-backslash = the subject ends with a lone backslash
err-request-not-name-value = "{ $part }" in the subject is not NAME=VALUE
err-request-empty-value = { $name } in the subject has no value
err-request-empty-subject = the subject is empty
err-request-not-printable = { $attribute } must be Latin letters, digits and simple punctuation: "{ $value }"
err-request-bad-country = C (country) is a two-letter code such as RU or MX, not "{ $value }"
err-request-san-without-kind = alternative name "{ $text }" needs a kind
err-request-san-not-ascii = "{ $value }" must be ASCII in an alternative name
err-request-not-an-ip = "{ $value }" is not an IP address
err-request-unknown-san-kind = unknown alternative name kind "{ $kind }"
err-request-unknown-key-usage = unknown key usage "{ $name }"
err-request-unknown-extended-key-usage = unknown extended key usage "{ $name }"
national-id-name = { $attribute }
err-request-bad-national-id = { national-id-name } "{ $value }" is not valid: { $why ->
    [length] it has the wrong number of characters
    [digits] it must be digits only
    [checksum] its check digit does not match, so a character is mistyped
   *[format] it is not written as a { $attribute } is
}
hint-request-bad-national-id = check it against the document it comes from; a CA refuses a request with a wrong { $attribute }
err-request-no-subject = a certificate request needs a subject
err-request-build = cannot build the certificate request: { $reason }
err-verify-raw-mismatch = the { $mechanism } signature does not match the data and the { $key } public key
err-verify-signer-mismatch = the signature does not match { $signer }'s public key
err-verify-digest-differs = the file's { $digest } digest differs from the one signed: the file was changed, or the signature is for another file
err-verify-digest-unsupported = the signature uses digest algorithm { $oid }, which tokenward does not accept (SHA-256, SHA-384, SHA-512)
err-verify-algorithm-unsupported = the signature algorithm { $algorithm } with a { $key } key is not one tokenward checks
err-verify-no-signer = the CMS file has no signer
err-verify-signer-certificate-missing = the signer's certificate is neither in the signature nor given with --cert
err-verify-content-type-not-data = the signed content type is not plain data
err-verify-no-message-digest = the signature has no message digest attribute
err-verify-chain-unreadable = a certificate in the chain is unreadable: { $reason }
err-verify-path-invalid = the certificate path is not valid: { $reason } (at certificate { $depth } of the path, counting the signer's as 0)
err-verify-signer-may-not-sign = the signer's certificate does not allow signing (its key usage has neither digitalSignature nor nonRepudiation)
err-verify-certificate-key-differs = the signature is good for the key on the token, not for the certificate
err-identity-no-code = the provider sent no authorization code
err-identity-exchange-failed = the provider did not exchange the sign-in for a token: { $reason }
err-identity-no-id-token = the provider sent no ID token
err-identity-id-token-invalid = the ID token is not valid: { $reason }
err-identity-no-email = the provider gave no email address for the account (in the ID token nor from its userinfo endpoint)
err-identity-user-info-failed = the provider's userinfo endpoint did not answer with the account's details: { $reason }
err-identity-user-info-other-subject = the provider's userinfo endpoint describes another account than the one that signed in (its subject differs from the ID token's)
err-identity-email-not-verified = the provider has not verified the address { $email }
err-identity-mail-scope-missing = the permission to send mail from your account was not granted
err-recovery-key-length = a recovery key has { $expected } letters and digits (not counting the dashes); this one has { $got }
err-recovery-key-character = character { $position } is not one a recovery key uses (letters A-Z and digits 2-7)
err-recovery-key-checksum = its checksum does not match, so at least one character is wrong
err-not-enrolled-nothing-to-revoke = token "{ $token }" has no recovery set up; nothing to revoke
err-not-enrolled-no-recovery = token "{ $token }" has no recovery set up
err-not-enrolled-other-token = the recovery data on token "{ $token }" was made for another token (serial { $serial }); it cannot reset this token's PIN
err-recovery-issuer-not-url = recovery.issuer "{ $issuer }" is not a URL: { $reason }
err-recovery-no-client = recovery needs an OAuth client: set recovery.client_id (and client_secret) in the configuration
err-recovery-blob-version = this recovery data is version { $version }, which this tokenward cannot read
err-recovery-stale-so-pin = the recovery copy of the SO PIN is out of date: the token refused it (the SO PIN was changed after recovery was set up)
err-recovery-other-issuer = the recovery data on this token was set up with the sign-in provider { $enrolled }, not the configured { $configured }
err-recovery-so-pin-doubtful = the token reports a wrong SO PIN attempt, so recovery does not try its copy of the SO PIN (it may be out of date, and each try brings the SO PIN closer to locking)
err-recovery-not-stored-after-mail = the recovery data could not be stored on the token: { $cause }
err-internal-random = the operating system's random generator failed
err-internal-encode = cannot encode { $what }: { $reason }
err-internal-token-answer = the token returned { $what }
err-internal-crypto = { $what } failed
err-internal-csr-refused = the token refused to sign the certificate request
err-internal-new-key-invisible = the new key is not visible on the token
err-internal-read-back-differs = the recovery data written to the token did not read back the same; it was removed again
err-internal-token-lost = the token was initialised but cannot be found again (label "{ $label }")
err-internal-json = cannot write JSON: { $reason }
err-internal-signal = cannot catch Ctrl-C: { $value }

err-input-unknown-name = "{ $given }" is not a { $what }; use one of: { $allowed }
err-identity-provider-refused = the provider refused the sign-in: { $error }{ $description ->
    [none] {""}
   *[other] {" "}({ $description })
}
err-identity-wrong-account = { $enrolled ->
    [yes] you signed in as { $email }, but recovery on this token is set up for { $expected }
   *[no] you signed in as { $email }, but asked to set up recovery for { $expected }; nothing was set up
}
err-recovery-blob-damaged = the recovery data on the token is damaged{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}

hint-input-file-exists = add --force to replace it
hint-input-no-such-folder = create the folder first, or give another path
hint-input-control-character = give the { $what } without it (with --label, where the { $what } came from a file)
hint-input-path-not-utf8 = choose a file name in UTF-8
hint-input-not-a-regular-file = give the path of an ordinary file
hint-input-file-too-large = check that this is the right file
hint-input-whole-file-too-large = sign it as CMS, the default (without --format raw): that signature covers a digest made while the file is read, whatever its size
hint-input-not-hex = give the id as hex digits, for example { $flag } 01a2
hint-input-not-text = save it as UTF-8 text
hint-input-no-certificate-in-file = give a certificate in PEM or DER form
hint-input-bad-certificate-file = give a certificate in PEM or DER form
hint-input-signature-not-cms = for a raw signature give --cert or --pubkey
hint-input-not-cms = for a raw signature give the signer's --cert or --pubkey
hint-input-der-holds-one = for a chain use PEM (drop --der)
hint-input-several-files = add --batch to sign them all over one login
hint-input-is-directory = add --batch to sign the files in it
hint-input-out-with-several = with several files each signature goes next to its file
hint-input-ca-without-cert = give the signer's --cert
hint-input-no-trust-anchor = give the CA certificates you trust with --ca FILE (repeatable)
hint-input-unknown-mechanism = tokenward knows { $known }
hint-input-no-terminal-to-confirm = add --yes
hint-input-certificate-not-named = give its label, id, fingerprint prefix or URI (see `tokenward certs list`)
hint-input-certificate-unreadable = it cannot be the default; choose another
hint-input-no-key-for-certificate = import its key first (for example with its PKCS#12 file), or add --ca for a CA certificate. Nothing was imported
hint-input-no-certificate-for-cms = import it (`tokenward certs import`) or use --format raw
hint-input-chain-for-raw = leave --chain out, or sign as CMS (the default format)
hint-input-no-issuer-in-chain-file = give the file that holds the certificate of "{ $issuer }" (your certificate authority publishes it), or leave --chain out to take the issuers from the token
hint-input-label-empty = give a label with --label
hint-input-id-not-allowed = give one of { $allowed } with --id, or leave --id out to use a free one
hint-input-no-free-key-slot = delete a key you no longer need (`tokenward keys delete`) or give its id with --id to replace it
hint-input-label-too-long = shorten it
hint-input-no-blank-token = to re-initialise a token (destroying its keys) name it with --token and add --force
hint-input-several-blank-tokens = name the one to initialise with --token (a URI with slot-id, from `tokenward tokens`)
hint-input-already-initialised = if that is what you want, add --force
hint-input-label-not-confirmed = add --confirm-label "{ $label }"
hint-input-not-an-email = give the Gmail address that should receive the recovery key

hint-key-no-public-point = export it again with OpenSSL (`openssl pkey -in KEY -out NEW`)
hint-key-needs-password = give its password with --password-file, --password-env or --password-stdin
hint-key-pkcs12-without-key = import certificates with `tokenward certs import`
hint-key-pkcs12-several-keys = tokenward imports one key at a time (split it with openssl pkcs12)
hint-key-not-for-cms = use --format raw for it
hint-key-pair-mismatch = the file is damaged or was put together from two keys; export the key again. Nothing was written
hint-key-kdf-too-costly = export the key again with usual settings (for example `openssl pkcs8 -topk8 -v2 aes-256-cbc`)

hint-request-unknown-attribute = use CN, O, OU, C, L, ST, street, SN, GN, title, emailAddress, serialNumber, INN, INNLE, OGRN, OGRNIP, SNILS, RFC, CURP or a dotted OID
hint-request-not-name-value = write it like "CN=Ivanov Ivan, O=Romashka LLC, C=RU"
hint-request-empty-subject = give at least CN=NAME
hint-request-san-without-kind = write email:ADDRESS, dns:NAME, ip:ADDRESS or uri:URI
hint-request-unknown-san-kind = use email, dns, ip or uri
hint-request-unknown-key-usage = use digital_signature, non_repudiation, key_encipherment, data_encipherment, key_agreement, key_cert_sign or crl_sign
hint-request-unknown-extended-key-usage = use client_auth, server_auth, email_protection, code_signing, time_stamping, ocsp_signing or a dotted OID
hint-request-no-subject = give --subject "CN=…" or a template with one

hint-verify-path-invalid = the signer's certificate does not lead to a CA you trust: give the right --ca (and any intermediate with --chain), or ask who sent the file

hint-identity-email-not-verified = verify it with your provider first
hint-identity-wrong-account = sign in with { $expected }
hint-identity-mail-scope-missing = tokenward needs it to mail you the recovery key; allow it when you sign in again

hint-recovery-no-client = docs/recovery.md explains how to create one
hint-recovery-blob-version = update tokenward
hint-recovery-stale-so-pin = nothing more will be tried; ask your administrator to reset the PIN with the SO PIN, and set up recovery again afterwards
hint-recovery-so-pin-doubtful = ask your administrator: a right SO PIN entered once clears the warning; then set up recovery again if the SO PIN was changed
hint-recovery-not-stored-after-mail = the recovery mail you just got holds a key for nothing: delete it, and run enroll again
hint-recovery-other-issuer = set recovery.issuer to { $enrolled } to use it, or enrol again with the configured provider

hint-internal-token-lost = run `tokenward tokens` and set the user PIN with `tokenward pin unblock`

err-existing-label = an object labelled "{ $label }" is already on the token
err-existing-id = an object with id { $id } is already on the token
err-existing-key = this key is already on the token as "{ $label }" (id { $id }); nothing was imported
hint-existing-label = choose another --label (see `tokenward objects --login`)
hint-existing-id = choose another --id or leave it out for a random one

err-uri-scheme = not a PKCS#11 URI: it must start with "pkcs11:" (got "{ $value }")
err-uri-missing-equals = bad PKCS#11 URI: attribute "{ $value }" has no "="
err-uri-duplicate = bad PKCS#11 URI: attribute "{ $value }" appears twice
err-uri-bad-value = bad PKCS#11 URI: attribute "{ $attribute }" has a bad value "{ $value }": { $reason }
err-uri-pin-source-and-value = bad PKCS#11 URI: pin-source and pin-value cannot both be given

## Other errors

err-module-not-pkcs11 = { $path } is not a PKCS#11 library ({ $reason })
hint-module-not-pkcs11 = point --module at the vendor's PKCS#11 .so/.dll/.dylib file
err-module-init = PKCS#11 module { $path } failed to start (C_Initialize returned { $rv })
err-needs-so-pin = this token allows { $what_id ->
   *[other] { $what }
} only with the SO PIN (on an OpenPGP card: the admin PIN)
hint-needs-so-pin = nothing was changed on the token; give the SO PIN with --so-pin-file FILE, --so-pin-env VARIABLE or --so-pin-stdin
err-needs-module-setting = the token's module refuses { $what_id ->
   *[other] { $what }
} unless its configuration says `{ $setting }`
hint-needs-module-setting = nothing was changed on the token; { $place } (docs/module-quirks.md)
err-pkcs11 = { $headline } ({ $rv } in C_{ $function })
err-cryptoki = PKCS#11 library error: { $detail }
err-password-too-short = the password is too short ({ $length } characters)
hint-password-too-short = use at least { $min } characters
err-mechanism-unsupported = this token cannot do { $wanted }; it offers: { $supported ->
    [none] none of the kinds tokenward uses
   *[other] { $supported }
}
err-cert-key-mismatch = the certificate "{ $subject }" does not belong to this key (their public keys differ)
hint-cert-key-mismatch = check that you picked the right pair of files. Nothing was imported
err-not-extractable = the private key "{ $label }" cannot leave the token: the token marks it not extractable, which is how it protects the key
hint-not-extractable = to use the key in another program, let that program use it on the token: `tokenward export-config --for openssl|gnutls|nss|java|ssh --key "{ $label }"`
err-rolled-back = { $cause }. { $how ->
    [nothing] Nothing had been written to the token
    [all] The { $written } object(s) written before the failure were removed again: the token is as it was
   *[some] Only { $removed } of the { $written } object(s) written before the failure could be removed again: check the token with `tokenward objects --login`
}
err-batch-stopped = { $cause }. { $signed } signed, { $skipped } skipped, { $failed } failed, { $not_started } not started; every signature written is complete, the other files have none
err-verification = verification failed: { $detail }
err-sign-in-not-proven = the sign-in did not prove the account: { $detail }
err-sign-in-denied = the sign-in was cancelled or the permissions were declined in the browser; nothing was changed
hint-sign-in-denied = run the command again and allow tokenward to send mail from your account
err-sign-in-timeout = the sign-in was not completed within { $seconds } seconds; nothing was changed
hint-sign-in-timeout = run the command again and finish the sign-in in the browser (the time allowed is recovery.sign_in_timeout_seconds)
err-network = network error: { $what }: { $detail }
err-mail-failed = the recovery mail could not be sent: { $detail }
hint-mail-failed = { $nothing_stored ->
    [yes] nothing was stored on the token, so no recovery key exists; { mail-failed-what }
   *[no] { mail-failed-what }
}
mail-failed-what = { $status ->
    [denied] sign in again and allow tokenward to send mail from your account
    [limited] the mail service limits how much is sent; run the command again in an hour
    [down] run the command again once the mail service answers
   *[refused] the mail service will not take this message; ask your administrator
}
err-mistyped-recovery-key = that recovery key is mistyped: { $detail }. Nothing was tried
hint-recovery-key-checksum = compare it with the recovery mail again
err-wrong-recovery-key = that recovery key does not open this token's recovery data: it is not the key from the latest recovery mail for this token. Nothing was changed
hint-not-enrolled-no-recovery = `tokenward recovery enroll` sets it up; ask your administrator to reset the PIN with the SO PIN
err-no-config-location = no configuration directory is known
hint-no-config-location = give --config FILE
err-state-invalid = the file where tokenward keeps your choices is not valid: { $path }: { $reason }
hint-state-invalid = it is tokenward's own file: correct that line, or remove { $path } (the default token and certificate are then forgotten: choose them again with `tokenward tokens select` and `tokenward certs select`)
err-config-invalid = the configuration is not valid: { $reason }
config-default-cert-not-fingerprint = default_cert "{ $value }" is not a SHA-256 fingerprint: give the certificate's 64 hex digits that `tokenward --config /dev/null certs show` prints after "SHA-256" (`--config /dev/null` sets this file aside)
config-default-cert-id-not-hex = default_cert_id "{ $value }" is not a CKA_ID in hex: give the digits `tokenward --config /dev/null certs show` prints after "ID" (`--config /dev/null` sets this file aside)
err-variable-not-text = the environment variable { $variable } holds bytes that are not text; the { secret-noun } must be text
err-secret-empty = the { secret-noun } from { $source } is empty
secret-source = { $kind ->
    [file] file { $name }
    [variable] variable { $name }
    [stdin] standard input
   *[prompt] the prompt
}
err-stdin-failed = cannot read the { secret-noun } from standard input: { $reason }

## PKCS#11 return codes: ckr-ID (the headline) and ckr-ID-fix (what to do)

ckr-pin-incorrect = wrong PIN
ckr-pin-incorrect-fix = check the PIN and try again; each wrong attempt brings the token closer to locking (`tokenward pin status` shows the tries left)
ckr-pin-locked = PIN locked
ckr-pin-locked-fix = too many wrong attempts; ask your administrator to run `tokenward pin unblock` with the SO PIN
ckr-pin-expired = PIN expired
ckr-pin-expired-fix = change the PIN with `tokenward pin change`
ckr-pin-invalid = PIN not accepted by the token
ckr-pin-invalid-fix = the token rejected the new PIN's characters or length; `tokenward tokens` shows the token's minimum and maximum PIN length
ckr-user-not-logged-in = not logged in
ckr-user-not-logged-in-fix = this needs a login; give the PIN with --pin-file, --pin-env or --pin-stdin, or at the prompt
ckr-user-already-logged-in = already logged in
ckr-user-already-logged-in-fix = close other programs that use the token and try again
ckr-user-pin-not-initialized = user PIN not set
ckr-user-pin-not-initialized-fix = the token has no user PIN yet; an administrator sets it with `tokenward pin unblock` (SO PIN) or `tokenward token init`
ckr-user-type-invalid = login type not supported
ckr-user-type-invalid-fix = this token does not support that kind of login
ckr-token-not-present = no token in the reader
ckr-token-not-present-fix = plug the token in (or insert the card) and try again
ckr-token-not-recognized = token not recognised
ckr-token-not-recognized-fix = the reader sees a card but no driver understands it; check that the right PKCS#11 module is installed (`tokenward modules` lists the modules found)
ckr-token-write-protected = token is write-protected
ckr-token-write-protected-fix = nothing can be changed on it; check for a write-protect switch or ask the token's issuer
ckr-device-memory = token is full
ckr-device-memory-fix = there is no room left on the token; delete objects you no longer need
ckr-device-error = token device error
ckr-device-error-fix = unplug the token, plug it in again and retry; if it keeps failing the token may be damaged
ckr-session-handle-invalid = session lost
ckr-session-handle-invalid-fix = the token was reset or unplugged during the operation; try again
ckr-session-read-only-exists = another program has the token open
ckr-session-read-only-exists-fix = close other programs that use the token (browsers, signing tools) and try again
ckr-session-count = too many sessions
ckr-session-count-fix = close other programs that use the token and try again
ckr-slot-id-invalid = slot disappeared
ckr-slot-id-invalid-fix = the reader or token was unplugged; plug it in and try again
ckr-mechanism-invalid = operation not supported by the token
ckr-mechanism-invalid-fix = the token does not offer this algorithm; choose another key type or mechanism
ckr-key-type-inconsistent = key cannot be used for this
ckr-key-type-inconsistent-fix = choose a key that allows this operation
ckr-attribute-sensitive = value is protected by the token
ckr-attribute-sensitive-fix = the token does not let this value leave it
ckr-attribute-read-only = the token does not allow this change
ckr-attribute-read-only-fix = the token's policy forbids this change
ckr-template-incomplete = the token refused the object
ckr-template-incomplete-fix = the token does not accept this kind of object; see docs/module-quirks.md
ckr-cryptoki-not-initialized = module not initialised
ckr-cryptoki-not-initialized-fix = this is a bug in tokenward; please report it
ckr-function-not-supported = not supported by this token
ckr-function-not-supported-fix = the token's module does not implement this function
ckr-arguments-bad = token operation failed
ckr-arguments-bad-fix = the token refused the values it was given (some tokens allow only certain key ids or sizes); repeating the same request will not help: see docs/module-quirks.md for this token
ckr-failed = token operation failed
ckr-failed-fix = if it happens again, unplug the token, plug it in again and check what `tokenward tokens` shows
ckr-misplaced-pin = the token refused the operation
ckr-misplaced-pin-fix = the token answered with a PIN error although no PIN was sent; such tokens usually need the SO (admin) PIN for this: give it with --so-pin-file, --so-pin-env or --so-pin-stdin (see docs/module-quirks.md)

## Warnings: warn-warning-KIND (src/warning.rs)

warn-warning-uri-pin-value = the URI carries the PIN itself (pin-value): anyone who sees the command or the script sees the PIN; use pin-source=FILE, --pin-file or --pin-env instead
warn-warning-uri-unknown-attribute = the URI attribute "{ $name }" is not one tokenward knows (RFC 7512 defines token, manufacturer, serial, model, object, id, type, slot-*, library-*), so no token or object matches it
warn-warning-card-names-keys = this card names its keys itself: the new key is called "{ $name }", not "{ $label }"
warn-warning-plain-pin-sheet = the generated PINs are in plain text in { $path } (0600, readable by you and root): hand them over, then delete the file; an age_recipient in pin_sheet encrypts the sheet
warn-warning-pin-must-change-unsupported = the module cannot mark the user PIN to be changed at first use: ask each holder to run `tokenward pin change`
warn-warning-factory-pin = token "{ $token }" still has its factory PIN, which others may know: set your own with `tokenward pin change`
warn-warning-several-certificates-claim = { $count } certificates on the token claim the key "{ $key }"; using "{ $chosen }" (id { $id }). Certificates can be added to a token without its PIN: check the others with `tokenward certs list --login`
warn-warning-recovery-removed = PIN recovery on token "{ $token }" held the old SO PIN, so it was removed; set it up again with `tokenward recovery enroll`
warn-warning-reseal-failed = the recovery data could not be sealed again with the new SO PIN ({ $cause })
warn-warning-audit-unwritable = { $cause }
warn-warning-certificate-expired = the certificate "{ $name }" expired on { $not_after }: it was put on the token, but signatures made with it will not be accepted; ask your certification authority for a new one
warn-warning-certificate-not-yet-valid = the certificate "{ $name }" is valid only from { $not_before }: it was put on the token, but signatures made with it before then will not be accepted (if that date has passed, check this computer's clock)

## What verify checked: checked-verify-KIND (src/sign/checked.rs)

field-not-checked = Not checked
verify-unchecked-path = the certificate path (give --ca to check it)
checked-verify-digest-matches = the file's { $digest } digest matches the signed one
checked-verify-signer-key = the signature verifies with the public key of "{ $signer }"
checked-verify-raw-signature = the { $mechanism } signature verifies with the { $key } public key
checked-verify-path = the certificate path to a trusted CA is valid at { $at } (revocation not checked): { $chain }
checked-verify-path-not-checked = the certificate path was not checked (give --ca to check it)

## export-config: the steps (step-export-config-KIND) and what each file is for
## (purpose-export-config-KIND), src/keys/export_config.rs

config-intro = To use the key "{ $key }" on token "{ $token }" from { $program }, without it ever leaving the token:
config-wrote-to = Wrote to { $dir }:
config-add-out = Add --out DIR to write these files.
step-export-config-openssl-engine = Engine (libp11, Debian package libengine-pkcs11-openssl{ $installed ->
    [yes] {""}
   *[no] , not installed here
}): OPENSSL_CONF={ $dir }/openssl-engine.cnf openssl pkeyutl -engine pkcs11 -keyform engine -inkey '{ $uri }' -sign -in DIGEST -out SIG
step-export-config-openssl-provider = Provider (pkcs11-provider{ $installed ->
    [yes] {""}
   *[no] , not installed here
}): OPENSSL_CONF={ $dir }/openssl-provider.cnf openssl pkeyutl -sign -inkey '{ $uri }' -in DIGEST -out SIG
step-export-config-openssl-pin = Either asks for the PIN when it needs it; add ;pin-source=file:/path to the URI only in scripts whose PIN file is protected.
step-export-config-gnutls-register = Register the module once: copy { $dir }/{ $file } to ~/.config/pkcs11/modules/ (for you) or /etc/pkcs11/modules/ (for everyone).
step-export-config-gnutls-uri = GnuTLS programs then take the key by its URI: '{ $uri }'
step-export-config-gnutls-check = Check: p11tool --provider { $module } --login --list-privkeys '{ $uri }'
step-export-config-nss-run = Run: sh { $dir }/nss-add-module.sh (or give an NSS database directory; for a Firefox profile, close Firefox first).
step-export-config-nss-names = NSS names the key by token and certificate label: "{ $token }:{ $key }"; check with certutil -d sql:$HOME/.pki/nssdb -L -h '{ $token }'
step-export-config-java-list = List the key: keytool -list -keystore NONE -storetype PKCS11 -providerClass sun.security.pkcs11.SunPKCS11 -providerArg { $dir }/sunpkcs11.cfg
step-export-config-java-certificate = Java sees a key only together with its certificate on the token (a PrivateKeyEntry); import the certificate first if `tokenward certs list` does not show it.
step-export-config-java-slot = The slot number is the module's; if the token moves to another reader, run export-config again.
step-export-config-ssh-public = See the public key to put in the server's authorized_keys: ssh-keygen -D { $module }
step-export-config-ssh-use = Use it once: ssh -I { $module } user@host; or always: add { $dir }/ssh_config to ~/.ssh/config; or load it into the agent: ssh-add -s { $module }
purpose-export-config-openssl-engine = OpenSSL with libp11's pkcs11 engine
purpose-export-config-openssl-provider = OpenSSL 3 with the pkcs11-provider
purpose-export-config-p11kit-module = p11-kit module registration, read by GnuTLS programs
purpose-export-config-nss-script = registers the module with an NSS database
purpose-export-config-sun-pkcs11 = Java SunPKCS11 provider configuration
purpose-export-config-ssh-config = the PKCS11Provider line for ~/.ssh/config

## Files written, certificates, recovery status, interrupted imports

wrote-file = Wrote { $path }.
certs-exported = Wrote { $count } certificate(s) to { $path }: { $names }.
cert-deleted = Deleted the certificate "{ $name }".
cert-path-ok = Certificate path OK: { $subject }
field-path = Path
field-valid-at = Valid at
field-revocation = Revocation
revocation-not-checked = not checked (no CRL or OCSP lookup)
recovery-status-none = Recovery is not set up on token "{ $token }". Set it up with: tokenward recovery enroll --email ADDRESS
recovery-status-title = Recovery on token "{ $token }"
field-set-up = Set up
recovery-status-enrolled = { $enrolled ->
    [yes] yes
   *[no] no (the data on it belongs to another token)
}
column-account = ACCOUNT
column-since = SINCE
column-for-this-token = FOR THIS TOKEN
recovery-for-this-token = { $mine ->
    [yes] yes
   *[no] no (serial { $serial })
}
recovery-unreadable = unreadable
recovery-several-entries = Several entries: an earlier run was interrupted. The next recovery keeps only the newest key.
key-import-interrupted = An import of the key "{ $label }" (id { $id }) was interrupted: its public key { $public ->
    [yes] is there
   *[no] is missing
}, its certificate { $certificate ->
    [yes] is there
   *[no] is missing
}, its private key { $private ->
    [yes] is there
   *[no] is missing
} (log in to see it). Run the same `tokenward keys import` again to finish it.
warn-warning-recovery-key-not-made = no new recovery key could be made ({ $cause }); your old recovery key still works
warn-warning-recovery-not-stored = the new recovery data could not be stored on the token ({ $cause }); your old recovery key still works{ $notice ->
    [none] {""}
   *[other] ; the reset notice could not be mailed either ({ $notice })
}
warn-warning-recovery-not-mailed = the new recovery key could not be mailed ({ $cause }); your old recovery key still works
warn-warning-old-recovery-left = { $count } old recovery object(s) could not be removed; the next recovery removes them

## Why a PIN rule cannot be met on a token: why-pin-rule-KIND (src/pin/policy.rs)

why-pin-rule-token-max-below-rule = the token takes PINs of at most { $token_max } characters, but the PIN rule asks for at least { $rule_min }
why-pin-rule-token-min-above-rule = the token needs PINs of at least { $token_min } characters, but the PIN rule allows at most { $rule_max }

## A command line clap refused (English shows clap's own words; these are for the parity of
## the catalogues and for programs that embed the library)

usage-unknown-argument = unexpected argument "{ $arg }"
usage-unknown-command = unknown command "{ $command }"
usage-invalid-value = "{ $value }" is not a valid value for { $arg }{ $valid ->
    [none] {""}
   *[other] ; possible values: { $valid }
}
usage-missing-argument = a required argument was not given: { $arg }
usage-missing-command = name a command
usage-conflict = { $arg } cannot be used with { $prior }
usage-wrong-number = wrong number of values for { $arg }
usage-no-equals = { $arg } needs its value after "="
usage-did-you-mean = did you mean { $suggestion }?
usage-more = For more, run: tokenward --help

## tokenward setup

setup-step = { $step ->
    [check_computer] Check the computer
    [choose_token] Choose the token
    [choose_certificate] Choose the certificate
    [set_pin] Set your own PIN
    [programs] Use it from your programs
   *[check_signing] Check that it works
}
setup-step-why = { $step ->
    [check_computer] Is everything there that the token needs: the card service, the driver, the token itself?
    [choose_token] Which token to set up, when several are plugged in.
    [choose_certificate] The certificate you sign with; it becomes the default.
    [set_pin] The PIN the token came with may be known to others: replace it with one only you know.
    [programs] Your browser, mail and other programs learn to use the token.
   *[check_signing] A test signature made on the token and checked on this computer.
}
setup-outcome = { $reason ->
    [ok] all good
    [one_token] only one token: { $details }
    [chosen] chosen: { $details }
    [already_default] kept: { $details } (already the default)
    [factory_pin] your own PIN is set; the factory PIN no longer opens the token
    [own_pin] the token already has your own PIN
    [asked] the PIN was changed
    [not_asked] the factory PIN was kept (run `tokenward pin change` later)
    [configured] set up: { $details }
   *[none_chosen] no program chosen
}
setup-status = { $status ->
    [done] done{ $reason ->
        [already_default] {" "}(it was already)
       *[other] {""}
    }
    [skipped] skipped ({ $reason ->
        [one_token] only one token
        [own_pin] your own PIN already
        [not_asked] you chose to keep the PIN
        [none_chosen] no program chosen
       *[other] { $reason }
    })
   *[failed] failed
}
setup-waiting = Plug in your token or insert the card; waiting… (Ctrl-C to leave)
setup-token-item = "{ $label }" (serial { $serial })
setup-choose-token = Which token do you want to set up?
setup-pick-hint = ↑/↓ to move, Enter to choose (or type its number); Ctrl-C to leave
setup-pick-many-hint = ↑/↓ to move, Space to mark (or type the numbers), Enter when done; Ctrl-C to leave
setup-choose-certificate = Which certificate do you sign with?
setup-cert-item = { $name } — issued by { $issuer } — { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}{ $ids ->
    [none] {""}
   *[other] {" "}— { $ids }
}{ $default ->
    [yes] {" "}(now the default)
   *[no] {""}
}
setup-factory-pin = The token still has its factory PIN: first the factory PIN, then your new one, twice.
setup-change-own-pin = The token has your own PIN already. Change it now? [yes/no]
setup-choose-programs = Which programs should use the token?
setup-program = { $program ->
    [firefox] Firefox and Thunderbird
    [chromium] Chromium and Chrome
    [openssl] Programs built on OpenSSL
    [java] Java programs
    [ssh] SSH
   *[other] Another program (the address and the driver to paste)
}
setup-program-done = { $program ->
    [firefox] Firefox and Thunderbird
    [chromium] Chromium and Chrome
    [openssl] Programs built on OpenSSL
    [java] Java programs
    [ssh] SSH
   *[other] Another program
}{ $already ->
    [yes] : already set up in
   *[no] {""}:
}
setup-restart = Restart { $program ->
    [firefox] Firefox and Thunderbird
   *[other] Chromium and Chrome
} if they are open: they see the token after a restart.
setup-summary = Summary
setup-next-sign = Next: sign a document with `tokenward sign FILE`.
setup-next-recovery = PIN recovery is available: set it up with `tokenward recovery enroll --email ADDRESS`, so a forgotten PIN can be reset.
setup-cancelled = cancelled; steps done before: { $done ->
    [none] none
   *[other] { $done }
}. Nothing more was changed; run `tokenward setup` again to go on.

err-setup-blocked = { $message }
err-setup-no-usable-certificate = no certificate on token "{ $token }" can sign: { $why ->
    [no_certificate] the token holds no certificate
    [expired] every certificate has expired or is not valid yet
    [no_key] no certificate has its private key on the token
    [list_only] their keys are of a kind tokenward can list but not use (GOST)
   *[not_for_signing] none of them is for signing
}
hint-setup-no-usable-certificate = ask whoever issued the token for a new certificate; `tokenward certs list` shows the certificates it holds
err-setup-no-profile = no { $program ->
    [firefox] Firefox or Thunderbird
   *[other] { $program }
} profile was found on this computer
hint-setup-no-profile = start the program once (it makes its profile), then run `tokenward setup` again
err-setup-signing-failed = the signing check failed
hint-setup-signing-failed = `tokenward check` shows which mechanism failed

## tokenward provision: errors (err-provision-KIND, hint-provision-KIND; src/error/provision.rs)

err-in-manifest = { $file }, line { $line }: { $cause }
err-provision-syntax = { $message }
hint-provision-syntax = the manifest's keys and sections are in docs/admins.md ("Provisioning many tokens")
err-provision-no-tokens-listed = the manifest lists no token
hint-provision-no-tokens-listed = add a [[token]] entry for each token (serial = "…" or blank = true), or give --count N with --station
err-provision-entry-without-token = this [[token]] entry says neither which token nor that any blank one will do
hint-provision-entry-without-token = add serial = "…" (the serial `tokenward tokens` shows) or blank = true
err-provision-serial-and-blank = this [[token]] entry names a serial and says blank = true
hint-provision-serial-and-blank = keep one of them: the serial for a token you know, blank = true for the next blank token
err-provision-duplicate-serial = serial { $serial } is named again (first on line { $first_line })
hint-provision-duplicate-serial = each token gets one [[token]] entry; remove the second
err-provision-no-label = this token has no label and [defaults] gives no label pattern
hint-provision-no-label = add label = "…" to the entry, or label = "Staff {"{"}n:02{"}"}" to [defaults]
err-provision-bad-pattern = the pattern has a placeholder tokenward does not know: { $placeholder }
hint-provision-bad-pattern = use {"{"}n{"}"} (the token's number in the run), {"{"}n:02{"}"} (with leading zeros), {"{"}serial{"}"} or {"{"}label{"}"}
err-provision-no-pin-source = no { $field ->
    [so_pin] SO PIN
   *[other] user PIN
} for this token
hint-provision-no-pin-source = add { $field } = {"{"} generate = 10 {"}"}, {"{"} file = "…" {"}"} or {"{"} env = "…" {"}"} to [defaults] or to the entry
err-provision-generated-length = a generated { $field ->
    [so_pin] SO PIN
   *[other] user PIN
} of { $length } characters is outside what the PIN policy and the token allow ({ $min } to { $max })
hint-provision-generated-length = set generate = N with N from { $min } to { $max }
err-provision-no-pin-sheet = PINs are generated, but the manifest says nowhere to put them
hint-provision-no-pin-sheet = add pin_sheet = {"{"} age_recipient = "age1…" {"}"} to [defaults] (make a key pair with `age-keygen -o admin.key`)
err-provision-empty-pin-sheet = pin_sheet says neither age_recipient nor file
hint-provision-empty-pin-sheet = give age_recipient = "age1…" (encrypted; recommended) or file = "pins.csv" (readable by anyone who gets the file)
err-provision-bad-recipient = the age recipient is not valid: { $reason }
hint-provision-bad-recipient = copy the "public key: age1…" line `age-keygen` printed
err-provision-no-subject = a certificate request is to be written for this token, but it has no subject
hint-provision-no-subject = add subject = "CN=…" to the entry, or a subject pattern such as subject = "CN={"{"}label{"}"}" to [defaults]
err-provision-no-csr-dir = this token has a subject, but there is no csr_dir to write its certificate request to
hint-provision-no-csr-dir = add csr_dir = "csr" to [defaults]
err-provision-not-blank = token "{ $label }" (serial { $serial }) is already initialised
hint-provision-not-blank = to erase it and everything on it, add reinitialise = true to its [[token]] entry, with current_so_pin; otherwise remove the entry
err-provision-reinitialise-without-serial = reinitialise = true, but the entry names no serial
hint-provision-reinitialise-without-serial = only a token named by its serial can be erased; add serial = "…"
err-provision-no-current-so-pin = reinitialise = true needs the token's current SO PIN
hint-provision-no-current-so-pin = add current_so_pin = {"{"} file = "…" {"}"} or {"{"} env = "…" {"}"} to the entry or to [defaults]
err-provision-token-absent = token { $serial } is not plugged in
hint-provision-token-absent = plug it in, or remove its entry; nothing was changed on any token
err-provision-no-blank-token = no blank token is plugged in for this entry
hint-provision-no-blank-token = plug in a blank token and run the command again: tokens already done are skipped
err-provision-pins-in-sheet = this token was initialised in an earlier run with generated PINs, which only its PIN sheet { $sheet } holds
hint-provision-pins-in-sheet = give --identity FILE (the age key that opens the PIN sheet) so tokenward can log in and finish it
err-provision-sheet-not-opened = the PIN sheet { $sheet } could not be opened: { $reason }
hint-provision-sheet-not-opened = give the age identity file that belongs to the manifest's age_recipient
err-provision-report-mismatch = the report { $report } was made from a different manifest
hint-provision-report-mismatch = give the manifest it was made from, or --report with another file
err-provision-cert-matches-no-token = the certificate in { $file } belongs to no token of this manifest
hint-provision-cert-matches-no-token = check that it was issued for one of the requests in csr_dir
err-provision-tokens-failed = { $failed } { $failed ->
    [one] token failed
   *[other] tokens failed
}; { $done } done, { $not_started } not started
hint-provision-tokens-failed = the table says what was done on each; run the same command again to finish them (done tokens are skipped)

## tokenward provision: screens

provision-progress = {"{"}spinner{"}"} provisioning {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}msg{"}"}
column-serial = SERIAL
column-done = DONE
provision-status = { $status ->
    [done] done
    [already_done] done earlier
    [failed] FAILED
   *[not_started] not started
}
provision-step = { $step ->
    [initialised] initialised
    [key_generated] key generated
    [csr_written] request written
   *[certificate_imported] certificate imported
}
provision-failure = Token { $number } "{ $label }": { $problem }
provision-rolled-back = { $what ->
    [key_pair] the key pair made in the failed step was removed again
   *[other] { $what } was removed again
}
provision-summary = { $done } done, { $already } done earlier, { $failed } failed, { $not_started } not started
provision-pin-sheet = Generated PINs: { $path } { $encrypted ->
    [yes] (open it with `age -d -i YOUR-AGE-KEY { $path }`)
   *[no] (plain text: hand the PINs over, then delete the file)
}
provision-report-file = Report: { $path } (a second run skips the tokens done)
provision-cert-placed = { $file }: { $status ->
    [already_present] already on
   *[imported] put on
} token "{ $label }" (serial { $serial })
provision-cert-unplaced = { $file }: its key is on no token of this manifest
provision-station-waiting = Plug in the next token ({ $left } to go); waiting… (Ctrl-C to stop)
provision-station-working = Working on "{ $label }"…
provision-station-result = "{ $label }" (serial { $serial }): { $status ->
    [done] done
    [already_done] done earlier
    [failed] FAILED
   *[other] not started
}{ $done ->
    [none] {""}
   *[other] {" "}({ $done })
}
