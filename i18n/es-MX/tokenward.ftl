# Las palabras de tokenward para las personas, en español de México.
# Glosario: docs/glossary.md.

## Solicitudes: nombran el secreto y el token.

prompt-user-pin = NIP actual del token «{ $token }» (número de serie { $serial }):
prompt-factory-pin = NIP de fábrica del token «{ $token }» (número de serie { $serial }), el que le dieron con el token:
prompt-so-pin = NIP de administrador del token «{ $token }» (número de serie { $serial }):
prompt-new-user-pin = NIP nuevo ({ $rule }):
prompt-new-so-pin = NIP de administrador nuevo ({ $rule }):
prompt-repeat-user-pin = Escriba otra vez el NIP nuevo:
prompt-repeat-so-pin = Escriba otra vez el NIP de administrador nuevo:
prompt-new-password = Contraseña nueva del archivo:
prompt-repeat-password = Escriba otra vez la contraseña nueva:
prompt-recovery-key = Clave de recuperación del correo de recuperación:
prompt-pin = NIP:
prompt-generic-so-pin = NIP de administrador:
prompt-password = Contraseña del archivo:

rule-standard = al menos { $min } letras latinas y dígitos
rule-standard-max = de { $min } a { $max } letras latinas y dígitos
rule-digits = de { $min } a { $max } dígitos

rule-description = { $bounded ->
    [yes] de { $min } a { $max } caracteres, letras latinas y dígitos, al menos uno de cada uno
   *[no] al menos { $min } caracteres, letras latinas y dígitos, al menos uno de cada uno
}
rule-description-profile = { $bounded ->
    [yes] perfil { $name } (definido por el administrador para este modelo de token): de { $min } a { $max } dígitos
   *[no] perfil { $name } (definido por el administrador para este modelo de token): al menos { $min } dígitos
}

entries-differ = los dos valores no coinciden; escriba el nuevo otra vez
new-secret-gave-up = los tres intentos no sirvieron; no se cambió nada en el token y puede ejecutar el comando de nuevo cuando esté listo

secret-file-blanks = aviso: { $file } (para --{ $what }-file) empieza o termina con un espacio o una línea en blanco; también se envían

## Confirmaciones: «yes» se acepta en todos los idiomas.

pin-pad = Escriba { $who ->
    [so] el NIP de administrador
   *[user] el NIP
} del token «{ $token }» en el teclado del lector.

## tokenward doctor

doctor-blockers = Le impide trabajar ahora
doctor-warnings = Requiere atención
doctor-ok = Revisado y en orden
doctor-fix = Qué hacer
doctor-all-fine = Todo lo revisado está en orden.

## Errores: qué pasó y luego qué hacer. El JSON conserva las palabras en inglés.

spinner-looking-for-tokens = Buscando tokens…
warning-label = aviso
error-label = error
cancelled = cancelado; no se cambió nada

secret-noun = { $kind ->
    [new-pin] NIP nuevo
    [so-pin] NIP de administrador
    [password] contraseña
    [recovery-key] clave de recuperación
   *[pin] NIP
}
secret-the = { $kind ->
    [new-pin] el NIP nuevo
    [so-pin] el NIP de administrador
    [password] la contraseña
    [recovery-key] la clave de recuperación
   *[pin] el NIP
}
pin-noun = { $who ->
    [so] NIP de administrador
   *[user] NIP
}

err-no-module = no se encontró ningún módulo PKCS#11 (se buscó en { $searched } lugares)
hint-no-module = instale el controlador de su token o indique su módulo con --module RUTA o con la variable TOKENWARD_MODULE
err-module-missing = el módulo PKCS#11 { $path } no existe
hint-module-missing = revise la ruta o ejecute `tokenward modules` para ver los módulos que hay en esta computadora
err-no-token = no se encontró ningún token
hint-no-token = conecte su token o inserte la tarjeta y ejecute el comando de nuevo (`tokenward tokens` muestra lo que ve la computadora)
err-card-not-recognised = hay una tarjeta en el lector { $reader }, pero ningún módulo PKCS#11 de esta computadora la reconoce
hint-card-not-recognised = instale el controlador (módulo PKCS#11) de quien emitió la tarjeta o indíquelo con --module RUTA; `tokenward doctor` muestra lo que ve la computadora
err-card-held = otro programa está usando la tarjeta del lector { $reader }, así que tokenward no puede usarla
hint-card-held = cierre los otros programas que usan la tarjeta (GnuPG: `gpgconf --kill scdaemon`) o saque la tarjeta y vuelva a insertarla
err-token-not-found = ningún token coincide con { $selector }
hint-token-not-found = elija uno de los tokens conectados con --token seguido de su URI, nombre o número de serie
err-ambiguous-token = { $given ->
    [yes] { $count } tokens coinciden con { $selector }
   *[no] hay { $count } tokens conectados
}
err-ambiguous-one-card = { $given ->
    [yes] { $count } tokens coinciden con { $selector }: es una sola tarjeta (número de serie { $serial }) que su módulo muestra como { $count } tokens
   *[no] hay { $count } tokens: es una sola tarjeta (número de serie { $serial }) que su módulo muestra como { $count } tokens
}
hint-ambiguous-token = elija uno con --token seguido de su URI, nombre o número de serie
hint-ambiguous-one-card = elija uno por su nombre, por ejemplo --token { $label }

err-wrong-pin = { pin-noun } incorrecto: el token lo rechazó. Antes de este intento: { $before }; ahora: { $after }
err-wrong-pin-silent = { pin-noun } incorrecto: el token lo rechazó. El token no informa cuántos intentos quedan, así que unos cuantos errores más podrían bloquearlo
pin-state-locked = bloqueado
pin-state-final-try = queda un intento: el siguiente NIP incorrecto lo bloquea
pin-state-count-low = se escribió un NIP incorrecto después del último correcto (el token no dice cuántos intentos quedan)
pin-state-no-wrong = ningún intento fallido
pin-state-final-only = no se informa (este token solo avisa cuando queda un intento)
pin-state-not-reported = este token no lo informa
hint-layout = revise la distribución del teclado (letras latinas) y el Bloq Mayús
advice-tries-unknown = revise el { pin-noun } antes de volver a escribirlo; no hay forma de saber cuántos intentos quedan (con OpenSC, `pkcs15-tool --list-pins` los muestra)
advice-user-locked = pida a su administrador que ejecute `tokenward pin unblock` con el NIP de administrador
advice-so-locked = el NIP de administrador está bloqueado: solo reinicializar el token (lo que destruye sus claves) o quien emitió el token pueden ayudar
advice-final-try = revise el NIP con cuidado antes de escribirlo: un error más lo bloquea
err-pin-locked = el { pin-noun } está bloqueado por demasiados intentos fallidos, así que no se envió
hint-so-pin-locked = solo reinicializar el token (lo que destruye sus claves) o quien emitió el token pueden ayudar
err-final-try = al { pin-noun } le queda un intento: uno incorrecto ahora lo bloquea, así que no se envió
hint-final-try = si está seguro, ejecute el comando de nuevo con --final-try
err-mismatch = { $kind ->
    [new-pin] las dos veces que escribió el NIP nuevo no coinciden
    [so-pin] las dos veces que escribió el NIP de administrador no coinciden
    [password] las dos veces que escribió la contraseña no coinciden
    [recovery-key] las dos veces que escribió la clave de recuperación no coinciden
   *[pin] las dos veces que escribió el NIP no coinciden
}; no se cambió nada

err-policy = { $violation }; no se cambió nada en el token
new-pin-noun = { $who ->
    [so] el NIP de administrador nuevo
   *[user] el NIP nuevo
}
policy-too-short = { new-pin-noun } es demasiado corto: tiene { $got } { $got ->
    [one] carácter
   *[other] caracteres
} y { $by ->
    [token] este token
   *[policy] la política
} pide al menos { $min }
policy-too-long = { new-pin-noun } es demasiado largo: tiene { $got } { $got ->
    [one] carácter
   *[other] caracteres
} y { $by ->
    [token] este token
   *[policy] la política
} permite como máximo { $max }
policy-bad-character = el carácter { $position } de { new-pin-noun } es { $kind ->
    [cyrillic] una letra cirílica (las cirílicas а, о, с, е, р se parecen a las latinas, pero no lo son); cambie el teclado a la distribución latina
    [accented] una letra con acento (como é, ñ, ü); use letras latinas sin acento A-Z, a-z
    [space] un espacio; no se permiten espacios
    [symbol] un signo de puntuación o un símbolo; solo se permiten letras A-Z, a-z y dígitos 0-9
    [other-letter] una letra que no es latina; use A-Z, a-z
    [other-digit] un dígito que no es 0-9
    [control] un carácter de control invisible
   *[letter] una letra; el NIP de este token solo lleva dígitos 0-9
}
policy-no-letter = { new-pin-noun } necesita al menos una letra latina (A-Z o a-z)
policy-no-digit = { new-pin-noun } necesita al menos un dígito (0-9)
policy-no-upper = { new-pin-noun } necesita al menos una letra mayúscula (A-Z)
policy-no-lower = { new-pin-noun } necesita al menos una letra minúscula (a-z)

err-wrong-password = contraseña incorrecta { $what ->
    [key] del archivo .key
   *[p12] del archivo PKCS#12
}: no se pudo abrir
hint-wrong-password = revise la contraseña (y la distribución del teclado); no se cambió nada en el token
err-token-removed = { $rv ->
    [none] el token se desconectó (o dejó de responder) mientras tokenward lo usaba (su clave ya no se ve)
   *[other] el token se desconectó (o dejó de responder) mientras tokenward lo usaba ({ $rv })
}
hint-token-removed = conéctelo de nuevo y repita el comando
err-object-not-found = { $what ->
    [certificate] ningún certificado coincide con { $selector }
   *[key] ninguna clave privada coincide con { $selector }
}
err-object-not-found-none = { $what ->
    [certificate] el token no tiene ningún certificado
   *[key] el token no tiene ninguna clave privada
}
hint-object-not-found = indique uno de estos por su URI, nombre, id (hex) o el inicio de su huella digital
err-ambiguous-object = { $what ->
    [certificate] coinciden { $count } certificados
   *[key] coinciden { $count } claves privadas
}
hint-ambiguous-object = elija uno por su URI, nombre, id (hex) o el inicio de su huella digital
err-write-protected = el token está protegido contra escritura: no se puede cambiar nada en él
hint-write-protected = revise si tiene un interruptor de protección o pregunte a quien emitió el token
err-no-terminal = se necesita { secret-the }, pero no hay una terminal donde pedirlo
hint-no-terminal = páselo con --{ $kind }-file ARCHIVO, --{ $kind }-env VARIABLE o --{ $kind }-stdin
err-non-latin-login = { secret-the } tiene { $letter ->
    [cyrillic] una letra cirílica
    [accented] una letra con acento
   *[other] una letra que no es latina
} (carácter { $position }): seguramente el teclado está en otra distribución. No se envió nada al token y no se gastó ningún intento
hint-non-latin-login = cambie el teclado a la distribución latina (inglés o español) y escriba el NIP de nuevo; si el NIP de verdad tiene esas letras (lo puso otro programa), agregue --pin-as-typed

err-pcsc-not-installed = el servicio de tarjetas inteligentes (pcscd) no está instalado
err-pcsc-not-running = el servicio de tarjetas inteligentes (pcscd) no está funcionando
err-pcsc-failed = falló el servicio de tarjetas inteligentes: { $detail }
hint-pcsc-not-installed = instálelo: `sudo apt install pcscd` (Debian, Ubuntu) o `sudo dnf install pcsc-lite` (Fedora)
hint-pcsc-start = { $systemd ->
    [yes] inícielo: `sudo systemctl enable --now pcscd.socket`
   *[no] inícielo: `sudo pcscd`
}
hint-pcsc-restart = reinicie el servicio ({ $start }) y luego ejecute `tokenward doctor`

err-io = no se pudo { $action ->
    [read] leer
    [write] escribir
    [create] crear
   *[other] abrir
} { $path }: { $reason }
io-not-found = no existe ese archivo o carpeta
io-permission-denied = permiso denegado
io-already-exists = el archivo ya existe
io-is-a-directory = es una carpeta
io-storage-full = no queda espacio en el disco
err-file-exists = { $path } ya existe
hint-file-exists = agregue --force para reemplazarlo
err-no-such-folder = la carpeta de { $path } no existe
hint-no-such-folder = cree primero la carpeta o indique otra ruta
err-not-a-regular-file = { $path } no es un archivo normal
hint-not-a-regular-file = indique la ruta de un archivo normal
err-no-terminal-to-confirm = esto borra datos y no hay una terminal donde confirmarlo
hint-no-terminal-to-confirm = agregue --yes
err-not-confirmed = no se confirmó; no se borró nada
err-several-sources = indique { secret-the } de una sola forma: --{ $kind }-file, --{ $kind }-env o --{ $kind }-stdin
err-variable-not-set = la variable de entorno { $variable } indicada para { secret-the } no está definida
err-secret-file-not-text = el archivo { $path } ({ secret-the }) no contiene texto
hint-secret-file-not-text = guárdelo como UTF-8
err-stdin-ended = la entrada estándar terminó antes de recibir { secret-the }

## tokenward tokens

tokens-no-slots = No hay ranuras: el módulo no ve ningún lector ni token. Conecte su token o inserte la tarjeta; si ya está conectado, revise su controlador con `tokenward modules`.
tokens-one-card = Una sola tarjeta en el lector «{ $reader }», que se muestra como { $count } tokens con el mismo número de serie: elija uno por su nombre.
tokens-slot = Ranura { $id }: { $description }
tokens-slot-silent = Ranura { $id }: (sin descripción: la ranura no responde)
field-token = Token
field-state = Estado
field-serial = Número de serie
field-manufacturer = Fabricante
field-model = Modelo
field-versions = Versiones
field-pin-length = Longitud del NIP
field-public-memory = Memoria pública
field-private-memory = Memoria privada
field-uri = URI
field-module = Módulo
field-pin-rule = Regla del NIP
field-next = Siguiente paso
tokens-blank = en blanco (sin inicializar)
tokens-versions = hardware { $hardware }, firmware { $firmware }
tokens-pin-length = de { $min } a { $max } caracteres
tokens-rule-impossible = no se puede cumplir en este token: { $why }; un administrador puede definir un perfil de NIP para este modelo (docs/admins.md)
tokens-next-factory = ponga su propio NIP en lugar del de fábrica: `tokenward pin change`
tokens-unreadable = conectado, pero no se puede leer: { $error }
tokens-none = ninguno (conecte un token o inserte una tarjeta)
memory-free-of = { $free } libres de { $total }
memory-total = { $total } en total
memory-free = { $free } libres
memory-not-reported = no se informa

state-not-initialized = sin inicializar (ejecute `tokenward token init`)
state-user-pin-locked = NIP bloqueado
state-user-pin-final-try = NIP: último intento
state-user-pin-count-low = NIP: se escribió uno incorrecto
state-so-pin-locked = NIP de administrador bloqueado
state-so-pin-final-try = NIP de administrador: último intento
state-so-pin-count-low = NIP de administrador: se escribió uno incorrecto
state-user-pin-not-set = NIP sin definir
state-user-pin-to-be-changed = hay que cambiar el NIP (tiene el de fábrica)
state-so-pin-to-be-changed = hay que cambiar el NIP de administrador
state-write-protected = protegido contra escritura
state-pin-pad = el NIP se escribe en el teclado del lector
state-ready = listo
state-login-required = hay que escribir el NIP

## tokenward pin

pin-status-heading = Token «{ $token }» (número de serie { $serial })
field-user-pin = NIP
field-so-pin = NIP de administrador
field-pin-rule-problem = Problema con la regla
field-note = Nota
field-before = Antes
field-now = Ahora
field-factory-pin = NIP de fábrica
field-pin-recovery = Recuperación del NIP
pin-user-not-set = todavía no se define (lo define un administrador con `tokenward pin unblock`)
pin-length-on-token = de { $min } a { $max } caracteres en este token
pin-rule-impossible = { $why }: ningún NIP nuevo puede cumplir la regla en este token; un administrador puede definir un perfil de NIP para este modelo de token (docs/admins.md)
pin-must-change = hay que cambiar el NIP: ejecute `tokenward pin change`
pin-changed = Se cambió el { pin-noun } del token «{ $token }».
pin-unblocked = Se puso un NIP nuevo en el token «{ $token }»; ya está desbloqueado.
pin-factory-gone = ya no sirve: ahora solo el NIP nuevo abre el token
pin-factory-still = el token todavía pide cambiar el NIP
pin-recovery-resealed = sellada de nuevo con el NIP de administrador nuevo; la clave de recuperación del correo sigue sirviendo
pin-recovery-removed = eliminada (guardaba el NIP de administrador anterior); configúrela de nuevo con `tokenward recovery enroll`

## tokenward certs list

certs-none = No hay certificados en el token «{ $token }».
certs-none-filtered = Ningún certificado del token «{ $token }» cumple los filtros.
certs-heading = Certificados en el token «{ $token }» (número de serie { $serial }):
column-certificate = CERTIFICADO
column-validity = VIGENCIA
column-key-on-token = CLAVE EN EL TOKEN
column-id = ID
certs-unreadable = certificado ilegible «{ $label }»
certs-default-mark = * el certificado predeterminado (tokenward certs select)
certs-keys-hidden = Las claves privadas no se ven hasta que escriba el NIP; agregue --login para relacionarlas también.
cert-note = emitido por { $issuer }; { $algorithm }; { $usage }
cert-valid = vigente, { $days ->
    [one] queda { $days } día
   *[other] quedan { $days } días
}
cert-expired = VENCIDO hace { $days } { $days ->
    [one] día
   *[other] días
}
cert-not-yet-valid = vigente a partir del { $date }
key-yes = sí
key-yes-unconfirmed = sí (escriba el NIP para confirmarlo)
key-by-id = solo por id
key-no = no
key-list-only = { $base }; solo para consulta ({ $algorithm })
usage-any-use = cualquier uso
candidates-tokens = Los tokens conectados:
candidates-serial = número de serie
candidates-objects = En el token:

## Key usages

usage-digital-signature = firma digital
usage-non-repudiation = no repudio
usage-key-encipherment = cifrado de claves
usage-data-encipherment = cifrado de datos
usage-key-agreement = acuerdo de claves
usage-key-cert-sign = firma de certificados
usage-crl-sign = firma de CRL
usage-encipher-only = solo cifrado
usage-decipher-only = solo descifrado
usage-any = cualquiera
usage-server-auth = servidor TLS
usage-client-auth = cliente TLS
usage-code-signing = firma de código
usage-email-protection = protección de correo
usage-time-stamping = sellado de tiempo
usage-ocsp-signing = firma OCSP
usage-smart-card-logon = inicio de sesión con tarjeta
usage-cryptopro-user = usuario de CryptoPro

## Preguntas antes de borrar algo

confirm-delete-certificate = ¿Eliminar el certificado «{ $name }» del token «{ $token }»? Su clave se queda. Escriba sí para confirmar:{" "}
confirm-delete-key = { $cert ->
    [stays] ¿Eliminar la clave «{ $label }» del token «{ $token }» (su certificado se queda; agregue --with-cert para quitarlo también)? Lo que se firmó con ella o se cifró para ella ya no podrá usarse con ella. Escriba sí para confirmar:{" "}
    [goes] ¿Eliminar la clave «{ $label }» y su certificado «{ $certificate }» del token «{ $token }»? Lo que se firmó con ella o se cifró para ella ya no podrá usarse con ella. Escriba sí para confirmar:{" "}
   *[none] ¿Eliminar la clave «{ $label }» del token «{ $token }»? Lo que se firmó con ella o se cifró para ella ya no podrá usarse con ella. Escriba sí para confirmar:{" "}
}
confirm-remove-recovery = ¿Quitar la recuperación del NIP del token «{ $token }»? Un NIP olvidado solo podrá restablecerse con el NIP de administrador. Escriba sí para confirmar:{" "}
confirm-delete = ¿Eliminarlo? Escriba sí para confirmar:{" "}

## El correo de recuperación (en el idioma de quien lo activó)

mail-key-subject = Su clave de recuperación de tokenward
mail-rotated-subject = Se restableció el NIP de su token; su nueva clave de recuperación de tokenward
mail-reset-subject = Se restableció el NIP de su token
mail-reason-enrolled = Usted activó la recuperación del NIP de su token con esta cuenta.
mail-reason-reset =
    El NIP de su token se acaba de restablecer con su clave de recuperación. Si no fue usted,
    comuníquese ahora con su administrador.
mail-reason-rotated =
    El NIP de su token se acaba de restablecer con su clave de recuperación. Si no fue usted,
    comuníquese ahora con su administrador. Su clave de recuperación anterior ya no sirve; esta es la nueva.
mail-key-body =
    { $reason }

    Su clave de recuperación de tokenward para el token «{ $token }» (número de serie { $serial }):

        { $key }

    Guarde este correo. Si olvida el NIP del token, ejecute `tokenward recovery recover`,
    entre con esta misma cuenta y escriba esta clave. Cualquiera que tenga esta clave y el
    token puede restablecer su NIP, así que no reenvíe este correo.

## La página que muestra el navegador después de entrar

page-signed-in = Listo, ya entró. Puede cerrar esta ventana y volver a tokenward.
page-cancelled = Se canceló la entrada. Puede cerrar esta ventana y volver a tokenward.
page-not-ours = Esta respuesta no es de la entrada que tokenward está esperando. Termine de entrar desde la dirección que muestra tokenward.
page-bad-request = tokenward no entiende esta solicitud.
page-not-found = No se encontró.

## tokenward doctor: cada hallazgo por su id (docs/json.md) y a qué se refiere

about-reader = lector «{ $name }»
about-token = token «{ $label }» (número de serie { $serial })
about-slot = ranura «{ $description }»
about-slot-id = ranura { $id }
about-certificate = certificado «{ $name }»
finding-module-failed = el módulo PKCS#11 no se carga: { $error }
finding-module-failed-fix = reinstale el controlador del token o quite el módulo de la configuración
finding-token-unreadable = el token no responde: { $error }
finding-no-token = no hay ningún token conectado
finding-no-token-fix = conecte su token o inserte la tarjeta
finding-pcsc-running = el servicio de tarjetas inteligentes (pcscd) está funcionando
finding-no-reader = el servicio de tarjetas inteligentes no ve ningún lector ni token USB
finding-no-reader-fix = conecte el token (o el lector); si ya está conectado, pruebe otro puerto USB
finding-reader-empty = no hay tarjeta en este lector
finding-card-mute = hay una tarjeta en el lector, pero no responde
finding-card-mute-fix = saque la tarjeta y vuelva a insertarla, con el chip por delante y hacia arriba
finding-card-held = otro programa ocupa la tarjeta y ningún otro programa puede usarla
finding-card-not-recognised = { $named ->
    [yes] hay una tarjeta ({ $name }) en el lector, pero ningún módulo PKCS#11 de esta computadora la reconoce
   *[no] hay una tarjeta en el lector, pero ningún módulo PKCS#11 de esta computadora la reconoce
}
finding-card-not-recognised-fix = instale el controlador (módulo PKCS#11) de quien emitió la tarjeta o indíquelo con --module RUTA
finding-card-recognised = { $named ->
    [yes] { $module } lee la tarjeta { $name }
   *[no] { $module } lee la tarjeta
}
finding-token-not-initialised = el token está en blanco: todavía no tiene NIP, claves ni certificados
finding-token-not-initialised-fix = pregunte a quien se lo dio; un administrador lo prepara con `tokenward token init`
finding-user-pin-locked = el NIP está bloqueado (demasiados intentos fallidos)
finding-user-pin-locked-fix = pida a su administrador que lo desbloquee con `tokenward pin unblock` y el NIP de administrador
finding-user-pin-final-try = un NIP incorrecto más bloquea el token
finding-user-pin-final-try-fix = asegúrese del NIP antes de escribirlo; su administrador puede restablecerlo
finding-user-pin-count-low = se escribió un NIP incorrecto después del último correcto
finding-so-pin-locked = el NIP de administrador está bloqueado: el NIP ya no se puede desbloquear
finding-so-pin-locked-fix = solo quien emitió el token (o reinicializarlo, lo que destruye sus claves) puede ayudar
finding-so-pin-final-try = un NIP de administrador incorrecto más lo bloquea para siempre
finding-factory-pin = el token todavía tiene el NIP de fábrica
finding-factory-pin-fix = ponga uno suyo: `tokenward pin change`
finding-pin-policy-impossible = la regla del NIP no se puede cumplir en este token: { $why }
finding-pin-policy-impossible-fix = un administrador puede definir en la configuración un perfil de NIP para este modelo de token (docs/admins.md)
finding-token-ready = el token está listo
finding-cert-unreadable = el certificado «{ $label }» no se puede leer: { $error }
finding-cert-expired = el certificado venció hace { $days } { $days ->
    [one] día
   *[other] días
}
finding-cert-expired-fix = pida un certificado nuevo a su autoridad certificadora (para la e.firma, el SAT)
finding-clock-before-cert = el certificado es vigente solo a partir del { $date }: puede que el reloj de esta computadora esté mal
finding-clock-before-cert-fix = revise la fecha y la hora de la computadora
finding-cert-expiring = el certificado vence en { $days } { $days ->
    [one] día
   *[other] días
}
finding-cert-expiring-fix = pida a tiempo la renovación a su autoridad certificadora

## tokenward sign y verify

sign-one = Se firmó { $file } con la clave «{ $key }» ({ $mechanism }, { $kind }): { $signature }
sign-many = Se { $count ->
    [one] firmó { $count } archivo
   *[other] firmaron { $count } archivos
} con la clave «{ $key }» ({ $mechanism }) en { $seconds } s; cada firma está junto a su archivo (.{ $extension }).
sign-progress = {"{"}spinner{"}"} firmando {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}per_sec{"}"} faltan {"{"}eta{"}"}
verify-ok = Firma correcta: { $file } está firmado
field-signed-by = Firmado por
field-signed-at = Fecha de firma
field-checked = Revisado

## tokenward certs show, select; tokenward check

cert-show-heading = Certificado «{ $label }» del token «{ $token }»
cert-show-unreadable = certificado ilegible: { $error }
cert-not-restricted = sin restricción
cert-selected = El certificado predeterminado del token «{ $token }» ahora es «{ $name }» (SHA-256 { $fingerprint }…).
field-status = Estado
field-subject = Titular
field-issuer = Emisor
field-valid-from = Vigente desde
field-valid-until = Vigente hasta
field-key = Clave
field-signature = Firma
field-key-usage = Uso de la clave
field-extended-usage = Uso extendido
field-alt-names = Otros nombres
field-can-sign = Puede firmar
field-ca = Autoridad
field-warning = Aviso
field-key-uri = URI de la clave
check-heading = Prueba de firma de la clave «{ $key }» ({ $kind }) en el token «{ $token }»
check-certificate = Certificado: { $certificate }
check-no-certificate = Ningún certificado del token corresponde a esta clave; las firmas se revisan con la propia clave pública.
column-mechanism = MECANISMO
column-result = RESULTADO
column-sign-time = TIEMPO DE FIRMA
check-pass = pass
check-fail = FALLA
check-all-good = El token firma correctamente con todos los mecanismos; cada firma se revisó con { $against ->
    [token_public_key] la clave pública del token
   *[certificate] el certificado
}.
check-problems = Problemas
problem-certificate-key-mismatch = el certificado y la clave no corresponden: las firmas hechas con esta clave no se validarán con este certificado
problem-certificate-expired = el certificado está vencido: las firmas hechas con él serán rechazadas; pida uno nuevo a su autoridad certificadora
problem-certificate-not-yet-valid = el certificado todavía no es vigente (revise la fecha de la computadora)
problem-certificate-forbids-signing = el uso de la clave del certificado no permite firmar
problem-key-cannot-sign = el token no permite que esta clave firme
problem-signature-failed = falló al menos una firma
problem-no-mechanism = la clave y el token no tienen ningún mecanismo de firma en común

## tokenward readers, watch, objects, modules

readers-none = No hay lectores: el servicio de tarjetas inteligentes funciona, pero no ve ninguno. Conecte el lector o el token; `tokenward doctor` revisa lo demás.
readers-heading = Lector: { $name }
readers-no-card = ninguna (inserte una tarjeta o conecte el token)
readers-card-mute = insertada, pero no responde (sáquela y vuelva a insertarla)
readers-card-unknown = insertada (no está en la lista de pcsc-tools)
readers-served-unknown = no se sabe mientras otro programa ocupe la tarjeta
readers-served-none = ningún módulo PKCS#11 de esta computadora reconoce esta tarjeta
readers-held = otro programa la ocupa en exclusiva (`tokenward doctor` dice cuál)
readers-shared = abierta en otro programa (compartida)
readers-free = libre
readers-pin-pad = sí: los NIP se escriben en el teclado del lector
field-card = Tarjeta
field-served-by = La atiende
field-in-use = En uso
field-pin-pad = Teclado para el NIP
watch-reader-added = lector conectado
watch-reader-removed = lector desconectado
watch-card-inserted = tarjeta insertada
watch-card-inserted-named = tarjeta insertada: { $name }
watch-card-removed = tarjeta retirada
objects-none = El token «{ $token }» no tiene objetos.
objects-none-public = El token «{ $token }» no tiene objetos que se vean sin escribir el NIP (pruebe con --login).
objects-unreadable = ilegible ({ $error })
objects-private-hidden = Los objetos privados no se ven hasta que escriba el NIP (agregue --login).
column-kind = TIPO
column-label = NOMBRE
column-key = CLAVE
column-flags = BANDERAS
modules-none = No se encontró ningún módulo PKCS#11. Instale el controlador de su token o indique su módulo con --module RUTA.
column-module = MÓDULO
column-found-by = ENCONTRADO POR
column-status = ESTADO
column-library = BIBLIOTECA
modules-loaded = cargado; { $tokens } token(s) en { $slots } ranura(s)
modules-not-installed = no instalado
modules-failed = no se carga
class-certificate = certificado
class-public-key = clave pública
class-private-key = clave privada
class-secret-key = clave secreta
class-data = datos

## tokenward keys, token init, recovery

key-generated = Par de claves nuevo ({ $kind }) en el token «{ $token }»
field-label = Nombre
field-private-key = Clave privada
field-certificate = Certificado
field-issuers-added = Emisores agregados
key-extractable = se puede exportar (cifrada) con `tokenward keys export-private`
key-stays = se queda en el token: no se puede copiar
key-next-csr = genere una solicitud de certificado: tokenward keys csr --key { $label } --subject "CN=…"
key-imported = { $resumed ->
    [yes] Se terminó la importación interrumpida de la clave ({ $kind }) en el token «{ $token }»
   *[no] Clave importada ({ $kind }) en el token «{ $token }»
}
key-no-certificate = ninguno (agregue uno con `tokenward certs import`)
key-stored = guardada de forma que no se puede leer de vuelta ni exportar
key-deleted = { $cert ->
    [yes] Se eliminó la clave «{ $label }» y su certificado.
   *[no] Se eliminó la clave «{ $label }».
}
confirm-reinitialise = Esto destruye todas las claves y certificados del token «{ $token }». Escriba su nombre para confirmar:
token-initialised = El token se inicializó con el nombre «{ $label }».
recovery-sign-in = Para continuar, entre con su cuenta de { $provider } en el navegador. Si no se abrió ninguna ventana del navegador, abra esta dirección:
recovery-enrolled =
    La recuperación está activa para el token «{ $token }». Se envió una clave de recuperación a { $email } desde esa misma cuenta; guarde ese correo.
    Si algún día olvida el NIP: tokenward recovery recover
recovery-pin-reset = Se restableció el NIP del token «{ $token }»; de ahora en adelante use su NIP nuevo.
recovery-key-rotated = Su clave de recuperación anterior ya no sirve: se envió una nueva a { $email }.
recovery-key-kept = No se pudo reemplazar su clave de recuperación, así que la anterior sigue sirviendo.
recovery-revoked = Se quitó la recuperación del token «{ $token }». La clave del correo ya no sirve; puede borrar ese correo.
