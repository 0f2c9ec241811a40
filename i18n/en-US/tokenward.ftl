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
