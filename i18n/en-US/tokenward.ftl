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
