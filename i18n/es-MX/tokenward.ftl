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
prompt-password-of = Contraseña del archivo de clave { $file }:

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
spinner-generating-key = Creando la clave { $kind } en el token (en una tarjeta puede tardar un minuto)…
spinner-deriving-key = Protegiendo el archivo de la clave con la contraseña…
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
err-default-token-absent = el token predeterminado { $selector } no está conectado
err-token-not-found = ningún token coincide con { $selector }
hint-default-token-absent = conecte ese token, o haga predeterminado uno de los tokens conectados con `tokenward tokens select`, o indique uno con --token
hint-token-not-found = elija uno de los tokens conectados con --token y su nombre o número de serie (bastan los primeros caracteres del número), o haga de uno el predeterminado con `tokenward tokens select`
err-ambiguous-token = { $given ->
    [yes] { $count } tokens coinciden con { $selector }
   *[no] hay { $count } tokens conectados
}
err-ambiguous-one-card = { $given ->
    [yes] { $count } tokens coinciden con { $selector }: es una sola tarjeta (número de serie { $serial }) que su módulo muestra como { $count } tokens
   *[no] hay { $count } tokens: es una sola tarjeta (número de serie { $serial }) que su módulo muestra como { $count } tokens
}
hint-ambiguous-token = elija uno con --token y su nombre o número de serie (bastan los primeros caracteres del número), o haga de uno el predeterminado con `tokenward tokens select`
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
hint-object-not-found = { $what ->
    [certificate] indique uno de estos por su ID, por ejemplo --cert { $example }, o hágalo el predeterminado con `tokenward certs select { $example }`
   *[key] indique uno de estos por su ID, por ejemplo --key { $example }
}
err-ambiguous-object = { $what ->
    [certificate] coinciden { $count } certificados
   *[key] coinciden { $count } claves privadas
}
hint-ambiguous-object = { $what ->
    [certificate] indique uno por su ID, por ejemplo --cert { $example }, o hágalo el predeterminado con `tokenward certs select { $example }`
   *[key] indique uno por su ID, por ejemplo --key { $example }
}
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
err-several-sources = indique { secret-the } de una sola forma: --{ $kind }-file, --{ $kind }-env o --{ $kind }-stdin
err-variable-not-set = la variable de entorno { $variable } indicada para { secret-the } no está definida
err-secret-file-not-text = el archivo { $path } ({ secret-the }) no contiene texto
hint-secret-file-not-text = guárdelo como UTF-8
err-stdin-ended = la entrada estándar terminó antes de recibir { secret-the }

## tokenward tokens

tokens-no-slots = No hay ranuras: el módulo no ve ningún lector ni token. Conecte su token o inserte la tarjeta; si ya está conectado, revise su controlador con `tokenward modules`.
tokens-one-card = Una sola tarjeta en el lector «{ $reader }», que se muestra como { $count } tokens con el mismo número de serie: elija uno por su nombre.
tokens-slot = { $description } (id { $id })
tokens-slot-silent = id { $id } (sin descripción: la ranura no responde)
field-slot = Ranura
tokens-heading = Token "{ $label }", número de serie { $serial }
tokens-heading-default = Token "{ $label }", número de serie { $serial } (el predeterminado)
tokens-heading-blank = Token en blanco: { $model }
tokens-heading-unreadable = Un token que no se puede leer
tokens-heading-empty = Ranura vacía
tokens-blank-next = todavía no está preparado para usarse: pida ayuda a quien se lo entregó (un administrador lo prepara con `tokenward token init`)
tokens-selected = El token "{ $label }" (número de serie { $serial }) es ahora el predeterminado para todos los comandos; --token sigue eligiendo otro. Guardado en { $config }.
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

state-not-initialized = en blanco (sin inicializar)
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
cert-valid-until = { $date } ({ $days } { $days ->
    [one] día
   *[other] días
})
cert-expired-on = VENCIDO el { $date }
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
candidate-certificate = { $name } (huella { $fingerprint })
candidate-unreadable-certificate = un certificado que no se puede leer
candidate-private-key = clave privada
candidate-public-key = clave pública

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
sign-kept = { $count } { $count ->
    [one] firma ya existía y es válida: se conservó
   *[other] firmas ya existían y son válidas: se conservaron
}
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
mechanisms-heading = El token «{ $token }» ofrece { $count } mecanismo(s):
mechanisms-heading-used = tokenward usa { $count } de los { $total } mecanismos que ofrece el token «{ $token }»:
mechanisms-used-for = tokenward lo usa para: { $uses }
mechanisms-no-info = el módulo no dio sus detalles ({ $error })
column-key-sizes = TAMAÑOS DE CLAVE
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

## Errores por tipo: err-GRUPO-TIPO (qué pasó) y hint-GRUPO-TIPO (qué hacer)

err-input-file-exists = { $path } ya existe
err-input-no-such-folder = la carpeta de { $path } no existe
err-input-not-a-regular-file = { $path } no es un archivo normal
err-input-file-too-large = { $path } pesa más de { $max } bytes
err-input-whole-file-too-large = { $path } pesa más de { $max } bytes, lo máximo que tokenward lee completo: una firma Ed25519 en bruto (o una firma CMS sin atributos firmados) cubre el archivo entero, no un resumen de él
err-input-control-character = { $what_id ->
    [label] la etiqueta
   *[other] el valor «{ $what }»
} tiene un carácter de control ({ $character }) en la posición { $position }
err-input-path-not-utf8 = la ruta { $path } no está en UTF-8
err-input-not-hex = { $flag } «{ $value }» no es hexadecimal
err-input-not-text = { $path } no es un archivo de texto UTF-8
err-input-bad-certificate-file = { $path }: { $reason }
err-input-no-certificate-in-file = el archivo de { $flag } no contiene ningún certificado
err-input-not-a-key-file = { $path } no es un archivo PKCS#12 (.p12/.pfx) ni un archivo de clave privada (PEM o DER PKCS#8)
err-input-not-cms = { $path } no es una firma CMS
err-input-bad-pem = { $path }: PEM dañado ({ $reason })
err-input-signature-broken-pem = el archivo de firma es un PEM dañado ({ $reason })
err-input-signature-not-cms = el archivo de firma no es una firma CMS/PKCS#7 ({ $reason })
err-input-cms-not-signed-data = el archivo CMS contiene datos de tipo { $content_type }, no una firma
err-input-cms-damaged = la firma CMS está dañada ({ $reason })
err-input-conflict = { $given } no se puede combinar con { $with ->
    [pkcs12-file] un archivo PKCS#12, que lleva su propio certificado
    [format-pkcs12] --format pkcs12 (un archivo PKCS#12 siempre es binario)
    [user-pin-change] el cambio del NIP de usuario (sirven para conservar la recuperación cuando cambia el NIP de administrador: agregue --so)
   *[other] { $with }
}
err-input-der-holds-one = en DER cabe un solo certificado
err-input-several-files = se indicaron varios archivos
err-input-is-directory = { $path } es una carpeta
err-input-out-with-several = --out indica un solo archivo de firma
err-input-no-trust-anchor = no se indicó ningún certificado de CA de confianza
err-input-ca-without-cert = --ca verifica la cadena del certificado del firmante
err-input-unknown-mechanism = mecanismo desconocido «{ $name }»
err-input-unknown-name = «{ $given }» no es un valor válido ({ $what_id ->
    [key-type] tipo de clave
    [program] programa
    [signature-format] formato de firma
    [key-file-format] formato del archivo de clave
    [key-derivation] protección de la clave
   *[other] { $what }
}); use uno de: { $allowed }
err-input-no-terminal-to-confirm = esto borra datos y no hay una terminal donde confirmarlo
err-input-not-confirmed = no se confirmó; no se borró nada
err-input-answer-unreadable = no se pudo leer la respuesta: { $reason }
err-input-certificate-not-named = indique el certificado que será el predeterminado
err-input-certificate-unreadable = ese certificado no se puede leer ({ $reason })
err-input-no-key-for-certificate = ninguna clave del token «{ $token }» corresponde al certificado «{ $subject }»
err-input-no-certificate-for-cms = una firma CMS lleva el certificado del firmante, y ningún certificado del token corresponde a la clave «{ $key }»
err-input-chain-for-raw = una firma simple no lleva certificados: --chain es para firmas CMS
err-input-no-issuer-in-chain-file = ninguno de los certificados dados con --chain emitió «{ $subject }» (su emisor es «{ $issuer }»)
err-input-label-empty = la etiqueta { $what ->
    [token] del token
   *[key] de la clave
} no puede quedar vacía
err-input-id-not-allowed = este token solo acepta los identificadores de clave { $allowed }, no { $id }
err-input-no-free-key-slot = todos los lugares para claves de este token están ocupados (identificadores { $allowed })
err-input-label-too-long = la etiqueta del token mide { $bytes } bytes; PKCS#11 permite { $max } (una letra acentuada ocupa 2)
err-input-object-label-too-long = la etiqueta mide { $bytes } bytes; los tokens aceptan { $max } como máximo (una letra acentuada ocupa 2)
hint-input-object-label-too-long = indique una --label más corta; no se escribió nada en el token
err-input-no-blank-token = no hay ningún token en blanco
err-input-several-blank-tokens = hay { $count } tokens en blanco
err-input-already-initialised = el token «{ $label }» (número de serie { $serial }) ya está inicializado; inicializarlo de nuevo DESTRUYE todas sus claves y certificados
err-input-label-not-confirmed = para volver a inicializarlo hay que escribir otra vez la etiqueta actual
err-input-label-mismatch = la etiqueta escrita no coincide con la del token «{ $label }»; no se cambió nada
err-input-not-an-email = «{ $given }» no es una dirección de correo

err-key-malformed = { $what_id ->
    [broken-ec-key] clave EC dañada
    [broken-ec-parameters] parámetros EC dañados
    [broken-ed25519-key] clave Ed25519 dañada
    [broken-pem-block] bloque PEM dañado
    [broken-rsa-key] clave RSA dañada
    [broken-rsa-public-key] clave pública RSA dañada
    [broken-encrypted-key] clave cifrada dañada
    [not-a-pkcs-8-private-key] no es una clave privada PKCS#8
    [not-a-public-key] no es una clave pública
   *[other] { $what }
} ({ $reason })
err-key-no-curve = la clave EC no indica su curva
err-key-no-public-point = el archivo de clave EC no trae su clave pública
err-key-algorithm-unsupported = tokenward no importa claves de este algoritmo ({ $oid }); importa RSA, EC y Ed25519
err-key-public-algorithm-unsupported = las claves públicas del algoritmo { $oid } no se admiten (se admiten RSA, EC y Ed25519)
err-key-pem-not-text = el archivo PEM no es texto
err-key-needs-password = la clave está cifrada
err-key-kdf-too-costly = el archivo de clave pide { $asked }, más de lo que tokenward ejecuta ({ $limit })
err-key-pair-mismatch = la clave pública del archivo no corresponde a su clave privada
err-key-no-private-key = el archivo no contiene ninguna clave privada (se buscó un bloque PEM PRIVATE KEY)
err-key-pkcs12-without-key = el archivo PKCS#12 no contiene clave privada (solo certificados)
err-key-pkcs12-several-keys = el archivo PKCS#12 contiene más de una clave privada
err-key-pkcs12-unreadable = el archivo no se puede leer como PKCS#12 ({ $reason })
err-key-certificate-unreadable = un certificado del archivo de clave no se puede leer: { $reason }
err-key-public-half-missing = la parte pública de la clave «{ $label }» no está en el token (no hay clave pública con el identificador { $id }), así que no se puede mostrar ni usar
err-key-public-key-hidden = la clave «{ $label }» no muestra su clave pública
err-key-type-unsupported = la clave «{ $label }» es de un tipo que tokenward no maneja (maneja RSA, EC P-256/P-384 y Ed25519)
err-key-not-private = «{ $label }» es una clave pública; para firmar se necesita la clave privada
err-key-sign-forbidden = la clave «{ $label }» no tiene permitido firmar (el token la marca con CKA_SIGN false)
err-key-always-authenticate = la clave «{ $label }» pide el NIP antes de cada firma (CKA_ALWAYS_AUTHENTICATE); tokenward todavía no firma en lote con esas claves
err-key-mechanism-mismatch = una clave { $key } no puede hacer firmas { $mechanism }
err-key-cannot-sign = tokenward no puede firmar con una clave { $key }
err-key-not-for-cms = las firmas CMS usan RSA PKCS#1 v1.5, ECDSA o Ed25519, no { $mechanism }

err-request-bad-template = la plantilla de la solicitud no es válida: { $reason }
err-request-unknown-attribute = atributo del sujeto desconocido «{ $name }»
err-request-lone-backslash = el sujeto termina con una diagonal invertida suelta
err-request-not-name-value = «{ $part }» en el sujeto no tiene la forma NOMBRE=VALOR
err-request-empty-value = { $name } en el sujeto no tiene valor
err-request-empty-subject = el sujeto está vacío
err-request-not-printable = { $attribute } solo admite letras latinas, dígitos y signos de puntuación simples: «{ $value }»
err-request-bad-country = C (país) es un código de dos letras como MX o RU, no «{ $value }»
err-request-san-without-kind = al nombre alternativo «{ $text }» le falta su tipo
err-request-san-not-ascii = «{ $value }» debe estar en ASCII en un nombre alternativo
err-request-not-an-ip = «{ $value }» no es una dirección IP
err-request-unknown-san-kind = tipo de nombre alternativo desconocido «{ $kind }»
err-request-unknown-key-usage = uso de clave desconocido «{ $name }»
err-request-unknown-extended-key-usage = uso extendido de clave desconocido «{ $name }»
national-id-name = { $attribute }
err-request-bad-national-id = { national-id-name } «{ $value }» no es válido: { $why ->
    [length] tiene un número equivocado de caracteres
    [digits] debe tener solo dígitos
    [checksum] su dígito verificador no coincide, así que hay un carácter mal escrito
   *[format] no está escrito como se escribe un { $attribute }
}
hint-request-bad-national-id = revíselo contra el documento del que viene; una CA rechaza una solicitud con un { $attribute } equivocado
err-request-no-subject = una solicitud de certificado necesita un sujeto
err-request-build = no se pudo armar la solicitud de certificado: { $reason }

err-verify-raw-mismatch = la firma { $mechanism } no corresponde a los datos ni a la clave pública { $key }
err-verify-signer-mismatch = la firma no corresponde a la clave pública de { $signer }
err-verify-digest-differs = el resumen { $digest } del archivo es distinto del firmado: el archivo cambió, o la firma es de otro archivo
err-verify-digest-unsupported = la firma usa el algoritmo de resumen { $oid }, que tokenward no acepta (SHA-256, SHA-384, SHA-512)
err-verify-algorithm-unsupported = tokenward no verifica el algoritmo de firma { $algorithm } con una clave { $key }
err-verify-no-signer = el archivo CMS no tiene firmante
err-verify-signer-certificate-missing = el certificado del firmante no viene en la firma ni se indicó con --cert
err-verify-content-type-not-data = el contenido firmado no es de datos simples
err-verify-no-message-digest = la firma no tiene el atributo con el resumen del mensaje
err-verify-chain-unreadable = un certificado de la cadena no se puede leer: { $reason }
err-verify-path-invalid = la cadena de certificados no es válida: { $reason } (en el certificado { $depth } de la cadena, contando el del firmante como 0)
err-verify-signer-may-not-sign = el certificado del firmante no permite firmar (su uso de clave no incluye digitalSignature ni nonRepudiation)
err-verify-certificate-key-differs = la firma es válida para la clave del token, no para el certificado

err-identity-provider-refused = el proveedor rechazó el inicio de sesión: { $error }{ $description ->
    [none] {""}
   *[other] {" "}({ $description })
}
err-identity-no-code = el proveedor no envió el código de autorización
err-identity-exchange-failed = el proveedor no cambió el inicio de sesión por un token de acceso: { $reason }
err-identity-no-id-token = el proveedor no envió el token de identidad (ID token)
err-identity-id-token-invalid = el token de identidad no es válido: { $reason }
err-identity-no-email = el proveedor no dio la dirección de correo de la cuenta (ni en el token de identidad ni en su servicio userinfo)
err-identity-user-info-failed = el servicio userinfo del proveedor no respondió con los datos de la cuenta: { $reason }
err-identity-user-info-other-subject = el servicio userinfo del proveedor describe otra cuenta distinta de la que inició sesión (su sujeto no coincide con el del token de identidad)
err-identity-email-not-verified = el proveedor no ha verificado la dirección { $email }
err-identity-wrong-account = { $enrolled ->
    [yes] inició sesión como { $email }, pero la recuperación de este token está configurada para { $expected }
   *[no] inició sesión como { $email }, pero pidió configurar la recuperación para { $expected }; no se configuró nada
}
err-identity-mail-scope-missing = no se concedió el permiso para enviar correo desde su cuenta

err-recovery-key-length = una clave de recuperación tiene { $expected } letras y dígitos (sin contar los guiones); esta tiene { $got }
err-recovery-key-character = el carácter { $position } no se usa en las claves de recuperación (letras A-Z y dígitos 2-7)
err-recovery-key-checksum = su suma de verificación no coincide, así que al menos un carácter está mal

err-not-enrolled-nothing-to-revoke = el token «{ $token }» no tiene recuperación configurada; no hay nada que revocar
err-not-enrolled-no-recovery = el token «{ $token }» no tiene recuperación configurada
err-not-enrolled-other-token = los datos de recuperación del token «{ $token }» se hicieron para otro token (número de serie { $serial }); no sirven para restablecer el NIP de este token

err-recovery-issuer-not-url = recovery.issuer «{ $issuer }» no es una URL: { $reason }
err-recovery-no-client = la recuperación necesita un cliente OAuth: configure recovery.client_id (y client_secret)
err-recovery-blob-version = estos datos de recuperación son de la versión { $version }, que esta versión de tokenward no puede leer
err-recovery-blob-damaged = los datos de recuperación del token están dañados{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
err-recovery-stale-so-pin = la copia de recuperación del NIP de administrador ya no sirve: el token la rechazó (el NIP de administrador cambió después de configurar la recuperación)
err-recovery-other-issuer = la recuperación de este token se configuró con el proveedor { $enrolled }, no con el configurado { $configured }
err-recovery-so-pin-doubtful = el token reporta un intento fallido del NIP de administrador, así que la recuperación no prueba su copia (puede estar desactualizada, y cada intento acerca el bloqueo)
err-recovery-not-stored-after-mail = no se pudieron guardar los datos de recuperación en el token: { $cause }

err-internal-random = falló el generador de números aleatorios del sistema operativo
err-internal-encode = no se pudo codificar { $what }: { $reason }
err-internal-token-answer = el token devolvió { $what }
err-internal-crypto = falló: { $what }
err-internal-csr-refused = el token se negó a firmar la solicitud de certificado
err-internal-new-key-invisible = la clave nueva no aparece en el token
err-internal-read-back-differs = los datos de recuperación escritos en el token no se leyeron igual; se volvieron a borrar
err-internal-token-lost = el token se inicializó, pero no se vuelve a encontrar (etiqueta «{ $label }»)
err-internal-json = no se pudo escribir el JSON: { $reason }
err-internal-signal = no se pudo atrapar Ctrl-C: { $value }

err-existing-label = ya hay en el token un objeto con la etiqueta «{ $label }»
err-existing-id = ya hay en el token un objeto con el identificador { $id }
err-existing-key = esta clave ya está en el token como «{ $label }» (identificador { $id }); no se importó nada

err-uri-scheme = no es un URI PKCS#11: debe empezar con «pkcs11:» (se recibió «{ $value }»)
err-uri-missing-equals = URI PKCS#11 incorrecto: el atributo «{ $value }» no tiene «=»
err-uri-duplicate = URI PKCS#11 incorrecto: el atributo «{ $value }» aparece dos veces
err-uri-bad-value = URI PKCS#11 incorrecto: el atributo «{ $attribute }» tiene un valor incorrecto «{ $value }»: { $reason }
err-uri-pin-source-and-value = URI PKCS#11 incorrecto: no se pueden dar pin-source y pin-value a la vez

hint-input-file-exists = agregue --force para reemplazarlo
hint-input-no-such-folder = cree primero la carpeta o indique otra ruta
hint-input-control-character = indique { $what_id ->
    [label] la etiqueta
   *[other] el valor
} sin ese carácter (con --label, si venía de un archivo)
hint-input-path-not-utf8 = elija un nombre de archivo en UTF-8
hint-input-not-a-regular-file = indique la ruta de un archivo normal
hint-input-file-too-large = revise que sea el archivo correcto
hint-input-whole-file-too-large = fírmelo como CMS, el formato por omisión (sin --format raw): esa firma cubre un resumen calculado mientras se lee el archivo, sea cual sea su tamaño
hint-input-not-hex = indique el identificador en dígitos hexadecimales, por ejemplo { $flag } 01a2
hint-input-not-text = guárdelo como texto UTF-8
hint-input-no-certificate-in-file = indique un certificado en formato PEM o DER
hint-input-bad-certificate-file = indique un certificado en formato PEM o DER
hint-input-signature-not-cms = para una firma simple indique --cert o --pubkey
hint-input-not-cms = para una firma simple indique el --cert o la --pubkey del firmante
hint-input-der-holds-one = para una cadena use PEM (quite --der)
hint-input-several-files = agregue --batch para firmarlos todos con un solo inicio de sesión
hint-input-is-directory = agregue --batch para firmar los archivos que contiene
hint-input-out-with-several = con varios archivos, cada firma queda junto a su archivo
hint-input-ca-without-cert = indique el --cert del firmante
hint-input-no-trust-anchor = indique los certificados de CA en los que confía con --ca ARCHIVO (se puede repetir)
hint-input-unknown-mechanism = tokenward conoce { $known }
hint-input-no-terminal-to-confirm = agregue --yes
hint-input-certificate-not-named = indique su etiqueta, identificador, inicio de la huella o URI (vea `tokenward certs list`)
hint-input-certificate-unreadable = no puede ser el predeterminado; elija otro
hint-input-no-key-for-certificate = importe primero su clave (por ejemplo, con su archivo PKCS#12), o agregue --ca para un certificado de CA. No se importó nada
hint-input-no-certificate-for-cms = impórtelo (`tokenward certs import`) o use --format raw
hint-input-chain-for-raw = quite --chain, o firme como CMS (el formato predeterminado)
hint-input-no-issuer-in-chain-file = dé el archivo con el certificado de «{ $issuer }» (su autoridad certificadora lo publica), o quite --chain para tomar los emisores del token
hint-input-label-empty = indique una etiqueta con --label
hint-input-id-not-allowed = indique uno de { $allowed } con --id, u omita --id para usar uno libre
hint-input-no-free-key-slot = borre una clave que ya no necesite (`tokenward keys delete`) o indique su identificador con --id para reemplazarla
hint-input-label-too-long = acórtela
hint-input-no-blank-token = para volver a inicializar un token (destruyendo sus claves) indíquelo con --token y agregue --force
hint-input-several-blank-tokens = indique cuál inicializar con --token (un URI con slot-id, de `tokenward tokens`)
hint-input-already-initialised = si eso es lo que quiere, agregue --force
hint-input-label-not-confirmed = agregue --confirm-label "{ $label }"
hint-input-not-an-email = indique la dirección de Gmail que recibirá la clave de recuperación

hint-key-no-public-point = expórtela de nuevo con OpenSSL (`openssl pkey -in KEY -out NEW`)
hint-key-needs-password = indique su contraseña con --password-file, --password-env o --password-stdin
hint-key-pkcs12-without-key = los certificados se importan con `tokenward certs import`
hint-key-pkcs12-several-keys = tokenward importa una clave a la vez (sepárelas con openssl pkcs12)
hint-key-not-for-cms = para esa clave use --format raw
hint-key-pair-mismatch = el archivo está dañado o se armó con dos claves distintas; exporte la clave de nuevo. No se escribió nada
hint-key-kdf-too-costly = exporte la clave de nuevo con la configuración habitual (por ejemplo, `openssl pkcs8 -topk8 -v2 aes-256-cbc`)

hint-request-unknown-attribute = use CN, O, OU, C, L, ST, street, SN, GN, title, emailAddress, serialNumber, INN, INNLE, OGRN, OGRNIP, SNILS, RFC, CURP o un OID con puntos
hint-request-not-name-value = escríbalo así: "CN=Hernández Juan, O=Contadores SC, C=MX"
hint-request-empty-subject = indique al menos CN=NOMBRE
hint-request-san-without-kind = escriba email:DIRECCIÓN, dns:NOMBRE, ip:DIRECCIÓN o uri:URI
hint-request-unknown-san-kind = use email, dns, ip o uri
hint-request-unknown-key-usage = use digital_signature, non_repudiation, key_encipherment, data_encipherment, key_agreement, key_cert_sign o crl_sign
hint-request-unknown-extended-key-usage = use client_auth, server_auth, email_protection, code_signing, time_stamping, ocsp_signing o un OID con puntos
hint-request-no-subject = indique --subject "CN=…" o una plantilla que lo tenga

hint-verify-path-invalid = el certificado del firmante no lleva a una CA de su confianza: indique la --ca correcta (y los intermedios con --chain), o pregunte a quien le envió el archivo

hint-identity-email-not-verified = verifíquela primero con su proveedor
hint-identity-wrong-account = inicie sesión con { $expected }
hint-identity-mail-scope-missing = tokenward lo necesita para enviarle la clave de recuperación; concédalo al iniciar sesión de nuevo

hint-recovery-no-client = docs/recovery.md explica cómo crear uno
hint-recovery-blob-version = actualice tokenward
hint-recovery-stale-so-pin = no se intentará nada más; pida a su administrador que restablezca el NIP con el NIP de administrador, y luego configure la recuperación de nuevo
hint-recovery-so-pin-doubtful = consulte a su administrador: un NIP de administrador correcto, escrito una vez, borra el aviso; luego configure la recuperación de nuevo si el NIP de administrador cambió
hint-recovery-not-stored-after-mail = el correo de recuperación que acaba de llegar trae una clave que no sirve para nada: bórrelo y vuelva a ejecutar enroll
hint-recovery-other-issuer = para usarla, configure recovery.issuer = { $enrolled }, o vuelva a configurar la recuperación con el proveedor configurado

hint-internal-token-lost = ejecute `tokenward tokens` y fije el NIP de usuario con `tokenward pin unblock`

hint-existing-label = elija otra --label (vea `tokenward objects --login`)
hint-existing-id = elija otro --id u omítalo para usar uno al azar

## Otros errores

err-module-not-pkcs11 = { $path } no es una biblioteca PKCS#11 ({ $reason })
hint-module-not-pkcs11 = indique en --module el archivo PKCS#11 del fabricante (.so/.dll/.dylib)
err-module-init = el módulo PKCS#11 { $path } no arrancó (C_Initialize devolvió { $rv })
err-needs-so-pin = este token permite { $what_id ->
    [deleting-keys] borrar claves
    [deleting-certificates] borrar certificados
    [generating-keys] generar claves
    [importing-certificates] importar certificados
    [importing-keys] importar claves
   *[other] esta acción ({ $what })
} solo con el NIP de administrador (en una tarjeta OpenPGP: el admin PIN)
hint-needs-so-pin = no se cambió nada en el token; indique el NIP de administrador con --so-pin-file ARCHIVO, --so-pin-env VARIABLE o --so-pin-stdin
err-needs-module-setting = el módulo del token no permite { $what_id ->
    [setting-the-user-pin-with-the-so-pin] fijar el NIP de usuario con el NIP de administrador
   *[other] esta acción ({ $what })
} a menos que su configuración diga `{ $setting }`
hint-needs-module-setting = no se cambió nada en el token; { $place } (docs/module-quirks.md)
err-pkcs11 = { $headline } ({ $rv } en C_{ $function })
err-cryptoki = error de la biblioteca PKCS#11: { $detail }
err-password-too-short = la contraseña es demasiado corta ({ $length ->
    [one] { $length } carácter
   *[other] { $length } caracteres
})
hint-password-too-short = use al menos { $min ->
    [one] { $min } carácter
   *[other] { $min } caracteres
}
err-mechanism-unsupported = este token no puede hacer { $wanted }; ofrece: { $supported ->
    [none] nada de lo que usa tokenward
   *[other] { $supported }
}
err-cert-key-mismatch = el certificado «{ $subject }» no corresponde a esta clave (sus claves públicas son distintas)
hint-cert-key-mismatch = revise que eligió el par de archivos correcto. No se importó nada
err-not-extractable = la clave privada «{ $label }» no puede salir del token: el token la marca como no extraíble, que es como la protege
hint-not-extractable = para usar la clave en otro programa, deje que ese programa la use en el token: `tokenward export-config --for openssl|gnutls|nss|java|ssh --key "{ $label }"`
err-rolled-back = { $cause }. { $how ->
    [nothing] Aún no se había escrito nada en el token
    [all] Los objetos escritos antes de la falla ({ $written }) se borraron de nuevo: el token quedó como estaba
   *[some] De los { $written } objetos escritos antes de la falla solo se pudieron borrar { $removed }: revise el token con `tokenward objects --login`
}
err-batch-stopped = { $cause }. { $signed } firmados, { $skipped } omitidos, { $failed } fallidos, { $not_started } sin empezar; cada firma escrita está completa, los demás archivos no tienen firma
err-verification = la verificación falló: { $detail }
err-sign-in-not-proven = el inicio de sesión no comprobó la cuenta: { $detail }
err-sign-in-denied = se canceló el inicio de sesión o se rechazaron los permisos en el navegador; no se cambió nada
hint-sign-in-denied = vuelva a ejecutar el comando y permita que tokenward envíe correo desde su cuenta
err-sign-in-timeout = el inicio de sesión no se completó en { $seconds } segundos; no se cambió nada
hint-sign-in-timeout = vuelva a ejecutar el comando y termine el inicio de sesión en el navegador (el tiempo permitido es recovery.sign_in_timeout_seconds)
err-network = error de red: { $what }: { $detail }
err-mail-failed = no se pudo enviar el correo de recuperación: { $detail }
hint-mail-failed = { $nothing_stored ->
    [yes] no se guardó nada en el token, así que no existe ninguna clave de recuperación; { mail-failed-what }
   *[no] { mail-failed-what }
}
mail-failed-what = { $status ->
    [denied] inicie sesión de nuevo y permita que tokenward envíe correo desde su cuenta
    [limited] el servicio de correo limita cuánto se envía; vuelva a ejecutar el comando en una hora
    [down] vuelva a ejecutar el comando cuando el servicio de correo responda
   *[refused] el servicio de correo no acepta este mensaje; consulte a su administrador
}
err-mistyped-recovery-key = esa clave de recuperación está mal escrita: { $detail }. No se intentó nada
hint-recovery-key-checksum = compárela otra vez con el correo de recuperación
err-wrong-recovery-key = esa clave de recuperación no abre los datos de recuperación de este token: no es la clave del último correo de recuperación de este token. No se cambió nada
hint-not-enrolled-no-recovery = `tokenward recovery enroll` la configura; pida a su administrador que restablezca el NIP con el NIP de administrador
err-no-config-location = no se conoce ninguna carpeta de configuración
hint-no-config-location = indique --config ARCHIVO
err-state-invalid = el archivo donde tokenward guarda sus elecciones no es válido: { $path }: { $reason }
hint-state-invalid = es un archivo propio de tokenward: corrija esa línea o elimine { $path } (el token y el certificado predeterminados se olvidan entonces: elíjalos de nuevo con `tokenward tokens select` y `tokenward certs select`)
err-config-invalid = la configuración no es válida: { $reason }
config-default-cert-not-fingerprint = default_cert "{ $value }" no es una huella SHA-256: indique los 64 dígitos hexadecimales del certificado que `tokenward --config /dev/null certs show` muestra tras "SHA-256" (`--config /dev/null` deja este archivo de lado)
config-default-cert-id-not-hex = default_cert_id "{ $value }" no es un CKA_ID en hexadecimal: indique los dígitos que `tokenward --config /dev/null certs show` muestra tras "ID" (`--config /dev/null` deja este archivo de lado)
err-variable-not-text = la variable de entorno { $variable } contiene bytes que no son texto; { secret-the } debe ser texto
err-secret-empty = no se recibió nada para { secret-the } desde { $source }
secret-source = { $kind ->
    [file] el archivo { $name }
    [variable] la variable { $name }
    [stdin] la entrada estándar
   *[prompt] la solicitud
}
err-stdin-failed = no se pudo leer { secret-the } de la entrada estándar: { $reason }

## Códigos de retorno de PKCS#11: ckr-ID (qué pasó) y ckr-ID-fix (qué hacer)

ckr-pin-incorrect = NIP incorrecto
ckr-pin-incorrect-fix = revise el NIP; cada intento fallido acerca el bloqueo del token (`tokenward pin status` muestra los intentos que quedan)
ckr-pin-locked = NIP bloqueado
ckr-pin-locked-fix = demasiados intentos fallidos; pida a su administrador que ejecute `tokenward pin unblock` con el NIP de administrador
ckr-pin-expired = el NIP venció
ckr-pin-expired-fix = cambie el NIP con `tokenward pin change`
ckr-pin-invalid = el token no aceptó el NIP
ckr-pin-invalid-fix = el token rechazó los caracteres o la longitud del NIP nuevo; `tokenward tokens` muestra la longitud mínima y máxima del NIP del token
ckr-user-not-logged-in = no ha iniciado sesión
ckr-user-not-logged-in-fix = esto requiere iniciar sesión; indique el NIP con --pin-file, --pin-env o --pin-stdin, o escríbalo cuando se le pida
ckr-user-already-logged-in = ya hay una sesión iniciada
ckr-user-already-logged-in-fix = cierre los otros programas que usan el token y repita
ckr-user-pin-not-initialized = el NIP de usuario no está fijado
ckr-user-pin-not-initialized-fix = el token aún no tiene NIP de usuario; un administrador lo fija con `tokenward pin unblock` (NIP de administrador) o `tokenward token init`
ckr-user-type-invalid = ese tipo de inicio de sesión no se admite
ckr-user-type-invalid-fix = este token no admite ese tipo de inicio de sesión
ckr-token-not-present = no hay token en el lector
ckr-token-not-present-fix = conecte el token (o inserte la tarjeta) y repita
ckr-token-not-recognized = token no reconocido
ckr-token-not-recognized-fix = el lector ve una tarjeta pero ningún controlador la entiende; revise que esté instalado el módulo PKCS#11 correcto (`tokenward modules` lista los módulos encontrados)
ckr-token-write-protected = el token está protegido contra escritura
ckr-token-write-protected-fix = no se puede cambiar nada en él; busque un interruptor de protección contra escritura o consulte a quien emitió el token
ckr-device-memory = el token está lleno
ckr-device-memory-fix = no queda espacio en el token; borre los objetos que ya no necesite
ckr-device-error = error del dispositivo del token
ckr-device-error-fix = desconecte el token, conéctelo de nuevo y repita; si sigue fallando, el token puede estar dañado
ckr-session-handle-invalid = se perdió la sesión
ckr-session-handle-invalid-fix = el token se reinició o se desconectó durante la operación; repita
ckr-session-read-only-exists = otro programa tiene abierto el token
ckr-session-read-only-exists-fix = cierre los otros programas que usan el token (navegadores, programas de firma) y repita
ckr-session-count = demasiadas sesiones
ckr-session-count-fix = cierre los otros programas que usan el token y repita
ckr-slot-id-invalid = la ranura desapareció
ckr-slot-id-invalid-fix = se desconectó el lector o el token; conéctelo y repita
ckr-mechanism-invalid = el token no admite esta operación
ckr-mechanism-invalid-fix = el token no ofrece este algoritmo; elija otro tipo de clave u otro mecanismo
ckr-key-type-inconsistent = la clave no sirve para esto
ckr-key-type-inconsistent-fix = elija una clave que permita esta operación
ckr-attribute-sensitive = el token protege ese valor
ckr-attribute-sensitive-fix = el token no deja salir ese valor
ckr-attribute-read-only = el token no permite este cambio
ckr-attribute-read-only-fix = la política del token prohíbe este cambio
ckr-template-incomplete = el token rechazó el objeto
ckr-template-incomplete-fix = el token no acepta este tipo de objeto; vea docs/module-quirks.md
ckr-cryptoki-not-initialized = el módulo no está inicializado
ckr-cryptoki-not-initialized-fix = es un error de tokenward; por favor, repórtelo
ckr-function-not-supported = este token no lo admite
ckr-function-not-supported-fix = el módulo del token no implementa esta función
ckr-arguments-bad = falló la operación con el token
ckr-arguments-bad-fix = el token rechazó los valores que recibió (algunos tokens solo permiten ciertos identificadores o tamaños de clave); repetir la misma solicitud no servirá: vea docs/module-quirks.md para este token
ckr-failed = falló la operación con el token
ckr-failed-fix = si vuelve a pasar, desconecte el token, conéctelo de nuevo y revise qué muestra `tokenward tokens`
ckr-misplaced-pin = el token rechazó la operación
ckr-misplaced-pin-fix = el token respondió con un error de NIP aunque no se envió ningún NIP; esos tokens suelen pedir para esto el NIP de administrador: indíquelo con --so-pin-file, --so-pin-env o --so-pin-stdin (vea docs/module-quirks.md)

## Avisos: warn-warning-TIPO (src/warning.rs)

warn-warning-uri-pin-value = el URI lleva el NIP mismo (pin-value): cualquiera que vea el comando o el script ve el NIP; use pin-source=ARCHIVO, --pin-file o --pin-env
warn-warning-uri-unknown-attribute = tokenward no conoce el atributo de URI «{ $name }» (RFC 7512 define token, manufacturer, serial, model, object, id, type, slot-*, library-*), así que ningún token ni objeto coincide con él
warn-warning-card-names-keys = esta tarjeta nombra sus claves por sí misma: la clave nueva se llama «{ $name }», no «{ $label }»
warn-warning-plain-pin-sheet = los NIP generados están en texto sin cifrar en { $path } (0600, los pueden leer usted y root): entréguelos y luego borre el archivo; un age_recipient en pin_sheet cifra la hoja
warn-warning-pin-must-change-unsupported = el módulo no puede marcar el NIP para cambiarlo en el primer uso: pida a cada titular que ejecute `tokenward pin change`
warn-warning-factory-pin = el token «{ $token }» todavía tiene su NIP de fábrica, que otros pueden conocer: fije el suyo con `tokenward pin change`
warn-warning-several-certificates-claim = { $count } certificados del token reclaman la clave «{ $key }»; se usa «{ $chosen }» (identificador { $id }). Se pueden agregar certificados a un token sin su NIP: revise los demás con `tokenward certs list --login`
warn-warning-recovery-removed = la recuperación del NIP del token «{ $token }» guardaba el NIP de administrador anterior, así que se borró; configúrela de nuevo con `tokenward recovery enroll`
warn-warning-reseal-failed = no se pudieron volver a sellar los datos de recuperación con el NIP de administrador nuevo ({ $cause })
warn-warning-audit-unwritable = no se pudo escribir el registro de auditoría: { $cause }
warn-warning-certificate-expired = el certificado «{ $name }» venció el { $not_after }: se guardó en el token, pero las firmas hechas con él no serán aceptadas; solicite uno nuevo a su autoridad certificadora
warn-warning-certificate-not-yet-valid = el certificado «{ $name }» es válido solo a partir del { $not_before }: se guardó en el token, pero las firmas hechas con él antes de esa fecha no serán aceptadas (si esa fecha ya pasó, revise el reloj de esta computadora)

## Lo que revisó verify: checked-verify-TIPO (src/sign/checked.rs)

field-not-checked = No revisado
verify-unchecked-path = la cadena de certificados (indique --ca para revisarla)
checked-verify-digest-matches = el resumen { $digest } del archivo coincide con el firmado
checked-verify-signer-key = la firma es válida con la clave pública de «{ $signer }»
checked-verify-raw-signature = la firma { $mechanism } es válida con la clave pública { $key }
checked-verify-path = la cadena de certificados hasta una CA de confianza es válida al { $at } (no se revisó la revocación): { $chain }
checked-verify-path-not-checked = no se revisó la cadena de certificados (indique --ca para revisarla)

## export-config: los pasos (step-export-config-TIPO) y para qué es cada archivo
## (purpose-export-config-TIPO)

config-intro = Para usar la clave «{ $key }» del token «{ $token }» desde { $program }, sin que salga nunca del token:
config-wrote-to = Se escribió en { $dir }:
config-add-out = Agregue --out CARPETA para escribir estos archivos.
step-export-config-openssl-engine = Motor (libp11, paquete de Debian libengine-pkcs11-openssl{ $installed ->
    [yes] {""}
   *[no] , no instalado aquí
}): OPENSSL_CONF={ $dir }/openssl-engine.cnf openssl pkeyutl -engine pkcs11 -keyform engine -inkey '{ $uri }' -sign -in DIGEST -out SIG
step-export-config-openssl-provider = Proveedor (pkcs11-provider{ $installed ->
    [yes] {""}
   *[no] , no instalado aquí
}): OPENSSL_CONF={ $dir }/openssl-provider.cnf openssl pkeyutl -sign -inkey '{ $uri }' -in DIGEST -out SIG
step-export-config-openssl-pin = Los dos piden el NIP cuando lo necesitan; agregue ;pin-source=file:/ruta al URI solo en scripts cuyo archivo de NIP esté protegido.
step-export-config-gnutls-register = Registre el módulo una vez: copie { $dir }/{ $file } a ~/.config/pkcs11/modules/ (para usted) o a /etc/pkcs11/modules/ (para todos).
step-export-config-gnutls-uri = Luego los programas de GnuTLS toman la clave por su URI: '{ $uri }'
step-export-config-gnutls-check = Para revisar: p11tool --provider { $module } --login --list-privkeys '{ $uri }'
step-export-config-nss-run = Ejecute: sh { $dir }/nss-add-module.sh (o indique una carpeta de base de datos NSS; para un perfil de Firefox, cierre Firefox antes).
step-export-config-nss-names = NSS nombra la clave por la etiqueta del token y del certificado: «{ $token }:{ $key }»; revíselo con certutil -d sql:$HOME/.pki/nssdb -L -h '{ $token }'
step-export-config-java-list = Listar la clave: keytool -list -keystore NONE -storetype PKCS11 -providerClass sun.security.pkcs11.SunPKCS11 -providerArg { $dir }/sunpkcs11.cfg
step-export-config-java-certificate = Java ve una clave solo junto con su certificado en el token (una PrivateKeyEntry); importe antes el certificado si `tokenward certs list` no lo muestra.
step-export-config-java-slot = El número de ranura es el del módulo; si el token pasa a otro lector, vuelva a ejecutar export-config.
step-export-config-ssh-public = La clave pública para el authorized_keys del servidor: ssh-keygen -D { $module }
step-export-config-ssh-use = Para una vez: ssh -I { $module } usuario@servidor; siempre: agregue { $dir }/ssh_config a ~/.ssh/config; o cárguela en el agente: ssh-add -s { $module }
purpose-export-config-openssl-engine = OpenSSL con el motor pkcs11 de libp11
purpose-export-config-openssl-provider = OpenSSL 3 con el pkcs11-provider
purpose-export-config-p11kit-module = registro del módulo en p11-kit, lo leen los programas de GnuTLS
purpose-export-config-nss-script = registra el módulo en una base de datos NSS
purpose-export-config-sun-pkcs11 = configuración del proveedor SunPKCS11 de Java
purpose-export-config-ssh-config = la línea PKCS11Provider para ~/.ssh/config

## Archivos escritos, certificados, estado de la recuperación, importaciones interrumpidas

wrote-file = Se escribió { $path }.
certs-exported = Se { $count ->
    [one] escribió { $count } certificado
   *[other] escribieron { $count } certificados
} en { $path }: { $names }.
cert-deleted = Se borró el certificado «{ $name }».
cert-path-ok = Cadena de certificados correcta: { $subject }
field-path = Cadena
field-valid-at = Válida al
field-revocation = Revocación
revocation-not-checked = no se revisó (sin consulta de CRL ni OCSP)
recovery-status-none = La recuperación no está configurada en el token «{ $token }». Para configurarla: tokenward recovery enroll --email DIRECCIÓN
recovery-status-title = Recuperación del token «{ $token }»
field-set-up = Configurada
recovery-status-enrolled = { $enrolled ->
    [yes] sí
   *[no] no (los datos que tiene son de otro token)
}
column-account = CUENTA
column-since = DESDE
column-for-this-token = PARA ESTE TOKEN
recovery-for-this-token = { $mine ->
    [yes] sí
   *[no] no (número de serie { $serial })
}
recovery-unreadable = ilegible
recovery-several-entries = Hay varias entradas: una ejecución anterior se interrumpió. La próxima recuperación deja solo la clave más nueva.
key-import-interrupted = Se interrumpió la importación de la clave «{ $label }» (identificador { $id }): su clave pública { $public ->
    [yes] está
   *[no] falta
}, su certificado { $certificate ->
    [yes] está
   *[no] falta
}, su clave privada { $private ->
    [yes] está
   *[no] falta
} (inicie sesión para verla). Ejecute de nuevo el mismo `tokenward keys import` para terminarla.
warn-warning-recovery-key-not-made = no se pudo crear una clave de recuperación nueva ({ $cause }); su clave de recuperación anterior sigue sirviendo
warn-warning-recovery-not-stored = no se pudieron guardar en el token los datos de recuperación nuevos ({ $cause }); su clave de recuperación anterior sigue sirviendo{ $notice ->
    [none] {""}
   *[other] ; tampoco se pudo enviar el aviso de restablecimiento ({ $notice })
}
warn-warning-recovery-not-mailed = no se pudo enviar por correo la clave de recuperación nueva ({ $cause }); su clave de recuperación anterior sigue sirviendo
warn-warning-old-recovery-left = no se pudieron borrar { $count } objetos de recuperación antiguos; la próxima recuperación los borra

## Por qué no se puede cumplir la regla del NIP en un token: why-pin-rule-TIPO (src/pin/policy.rs)

why-pin-rule-token-max-below-rule = el token acepta NIP de { $token_max } caracteres como máximo, pero la regla del NIP pide al menos { $rule_min }
why-pin-rule-token-min-above-rule = el token necesita NIP de al menos { $token_min } caracteres, pero la regla del NIP permite { $rule_max } como máximo

## Una línea de comandos que clap rechazó

usage-unknown-argument = opción inesperada «{ $arg }»
usage-unknown-command = comando desconocido «{ $command }»
usage-invalid-value = «{ $value }» no es un valor válido para { $arg }{ $valid ->
    [none] {""}
   *[other] ; valores posibles: { $valid }
}
usage-missing-argument = falta una opción obligatoria: { $arg }
usage-missing-command = indique un comando
usage-conflict = { $arg } no se puede usar junto con { $prior }
usage-wrong-number = número de valores incorrecto para { $arg }
usage-no-equals = { $arg } lleva su valor después de «=»
usage-did-you-mean = ¿quiso decir { $suggestion }?
usage-more = Para más información, ejecute: tokenward --help

## tokenward setup

setup-step = { $step ->
    [check_computer] Revisar la computadora
    [choose_token] Elegir el token
    [choose_certificate] Elegir el certificado
    [set_pin] Fijar su propio NIP
    [programs] Usarlo desde sus programas
   *[check_signing] Comprobar que funciona
}
setup-step-why = { $step ->
    [check_computer] ¿Está todo lo que el token necesita: el servicio de tarjetas, el controlador, el token mismo?
    [choose_token] Qué token configurar, cuando hay varios conectados.
    [choose_certificate] El certificado con el que firma (su e.firma); será el predeterminado.
    [set_pin] El NIP con el que llegó el token puede conocerlo alguien más: cámbielo por uno que solo usted sepa.
    [programs] Su navegador, su correo y otros programas aprenden a usar el token.
   *[check_signing] Una firma de prueba hecha en el token y revisada en esta computadora.
}
setup-outcome = { $reason ->
    [ok] todo en orden
    [one_token] hay un solo token: { $details }
    [chosen] elegido: { $details }
    [already_default] se conserva: { $details } (ya era el predeterminado)
    [factory_pin] quedó su propio NIP; el NIP de fábrica ya no abre el token
    [own_pin] el token ya tiene su propio NIP
    [asked] se cambió el NIP
    [not_asked] se conservó el NIP de fábrica (cámbielo después con `tokenward pin change`)
    [configured] configurado: { $details }
   *[none_chosen] no eligió ningún programa
}
setup-status = { $status ->
    [done] hecho{ $reason ->
        [already_default] {" "}(ya lo estaba)
       *[other] {""}
    }
    [skipped] omitido ({ $reason ->
        [one_token] hay un solo token
        [own_pin] el NIP ya es suyo
        [not_asked] usted conservó el NIP
        [none_chosen] no eligió ningún programa
       *[other] { $reason }
    })
   *[failed] falló
}
setup-waiting = Conecte su token o inserte la tarjeta; esperando… (Ctrl-C para salir)
setup-token-item = «{ $label }» (número de serie { $serial })
setup-choose-token = ¿Qué token quiere configurar?
setup-pick-hint = ↑/↓ para moverse, Enter para elegir (o escriba su número); Ctrl-C para salir
setup-pick-many-hint = ↑/↓ para moverse, Espacio para marcar (o escriba los números), Enter al terminar; Ctrl-C para salir
setup-choose-certificate = ¿Con qué certificado firma?
setup-cert-item = { $name } — emitido por { $issuer } — { $days ->
    [one] le queda { $days } día
   *[other] le quedan { $days } días
}{ $ids ->
    [none] {""}
   *[other] {" "}— { $ids }
}{ $default ->
    [yes] {" "}(el predeterminado ahora)
   *[no] {""}
}
setup-factory-pin = El token todavía tiene su NIP de fábrica: primero el de fábrica, luego el nuevo, dos veces.
setup-change-own-pin = El token ya tiene su propio NIP. ¿Quiere cambiarlo ahora? [sí/no]
setup-choose-programs = ¿Qué programas deben usar el token?
setup-program = { $program ->
    [firefox] Firefox y Thunderbird
    [chromium] Chromium y Chrome
    [openssl] Programas basados en OpenSSL
    [java] Programas de Java
    [ssh] SSH
   *[other] Otro programa (la dirección y el controlador para pegar)
}
setup-program-done = { $program ->
    [firefox] Firefox y Thunderbird
    [chromium] Chromium y Chrome
    [openssl] Programas basados en OpenSSL
    [java] Programas de Java
    [ssh] SSH
   *[other] Otro programa
}{ $already ->
    [yes] : ya estaba configurado en
   *[no] {""}:
}
setup-restart = Reinicie { $program ->
    [firefox] Firefox y Thunderbird
   *[other] Chromium y Chrome
} si están abiertos: verán el token después de reiniciarse.
setup-summary = Resumen
setup-next-sign = Lo siguiente: firme un documento con `tokenward sign ARCHIVO`.
setup-next-recovery = Puede configurar la recuperación del NIP: `tokenward recovery enroll --email DIRECCIÓN`, para poder restablecer un NIP olvidado.
setup-cancelled = cancelado; pasos ya hechos: { $done ->
    [none] ninguno
   *[other] { $done }
}. No se cambió nada más; ejecute `tokenward setup` otra vez para seguir.

err-setup-blocked = { $words }
err-setup-no-usable-certificate = ningún certificado del token «{ $token }» puede firmar: { $why ->
    [no_certificate] el token no tiene certificados
    [expired] todos los certificados vencieron o aún no son válidos
    [no_key] ningún certificado tiene su clave privada en el token
    [list_only] sus claves son de un tipo que tokenward muestra pero no usa (GOST)
   *[not_for_signing] ninguno es para firmar
}
hint-setup-no-usable-certificate = pida un certificado nuevo a quien le dio el token; `tokenward certs list` muestra los certificados que tiene
err-setup-no-profile = no se encontró ningún perfil de { $program ->
    [firefox] Firefox o Thunderbird
   *[other] { $program }
} en esta computadora
hint-setup-no-profile = abra el programa una vez (así crea su perfil) y ejecute `tokenward setup` otra vez
err-setup-signing-failed = la comprobación de firma falló
hint-setup-signing-failed = `tokenward check` muestra qué mecanismo falló

## tokenward provision: errors (err-provision-KIND, hint-provision-KIND; src/error/provision.rs)

err-in-manifest = { $file }, línea { $line }: { $cause }
err-provision-syntax = { $message }
hint-provision-syntax = las claves y secciones del manifiesto están en docs/admins.md («Provisioning many tokens»)
err-provision-no-tokens-listed = el manifiesto no incluye ningún token
hint-provision-no-tokens-listed = agregue una entrada [[token]] por cada token (serial = "…" o blank = true), o indique --count N junto con --station
err-provision-entry-without-token = esta entrada [[token]] no dice qué token usar ni que sirve cualquier token en blanco
hint-provision-entry-without-token = agregue serial = "…" (el número de serie que muestra `tokenward tokens`) o blank = true
err-provision-serial-and-blank = esta entrada [[token]] indica un número de serie y además blank = true
hint-provision-serial-and-blank = deje solo uno: el número de serie para un token conocido, o blank = true para el siguiente token en blanco
err-provision-duplicate-serial = el número de serie { $serial } aparece otra vez (la primera, en la línea { $first_line })
hint-provision-duplicate-serial = cada token lleva una sola entrada [[token]]; elimine la segunda
err-provision-no-label = este token no tiene etiqueta y [defaults] no da un patrón de etiqueta
hint-provision-no-label = agregue label = "…" a la entrada, o label = "Personal {"{"}n:02{"}"}" a [defaults]
err-provision-bad-pattern = el patrón tiene un marcador que tokenward no conoce: { $placeholder }
hint-provision-bad-pattern = use {"{"}n{"}"} (el número del token en la ejecución), {"{"}n:02{"}"} (con ceros a la izquierda), {"{"}serial{"}"} o {"{"}label{"}"}
err-provision-no-pin-source = falta el { $field ->
    [so_pin] PIN de administrador (SO)
   *[other] PIN de usuario
} de este token
hint-provision-no-pin-source = agregue { $field } = {"{"} generate = 10 {"}"}, {"{"} file = "…" {"}"} o {"{"} env = "…" {"}"} a [defaults] o a la entrada
err-provision-generated-length = un { $field ->
    [so_pin] PIN de administrador (SO)
   *[other] PIN de usuario
} generado de { $length } caracteres no cabe en lo que permiten la política de PIN y el token (de { $min } a { $max })
hint-provision-generated-length = use generate = N, con N de { $min } a { $max }
err-provision-no-pin-sheet = se generan PIN, pero el manifiesto no dice dónde guardarlos
hint-provision-no-pin-sheet = agregue pin_sheet = {"{"} age_recipient = "age1…" {"}"} a [defaults] (cree un par de claves con `age-keygen -o admin.key`)
err-provision-empty-pin-sheet = pin_sheet no indica ni age_recipient ni file
hint-provision-empty-pin-sheet = indique age_recipient = "age1…" (cifrada; recomendado) o file = "pins.csv" (la puede leer cualquiera que obtenga el archivo)
err-provision-bad-recipient = el destinatario age no es válido: { $reason }
hint-provision-bad-recipient = copie la línea «public key: age1…» que mostró `age-keygen`
err-provision-no-subject = hay que escribir una solicitud de certificado para este token, pero no tiene sujeto (subject)
hint-provision-no-subject = agregue subject = "CN=…" a la entrada, o un patrón como subject = "CN={"{"}label{"}"}" a [defaults]
err-provision-no-csr-dir = este token tiene sujeto, pero no hay csr_dir donde escribir su solicitud de certificado
hint-provision-no-csr-dir = agregue csr_dir = "csr" a [defaults]
err-provision-not-blank = el token «{ $label }» (número de serie { $serial }) ya está inicializado
hint-provision-not-blank = para borrarlo con todo lo que contiene, agregue reinitialise = true y current_so_pin a su entrada [[token]]; si no, elimine la entrada
err-provision-reinitialise-without-serial = dice reinitialise = true, pero la entrada no indica número de serie
hint-provision-reinitialise-without-serial = solo se puede borrar un token indicado por su número de serie; agregue serial = "…"
err-provision-no-current-so-pin = reinitialise = true necesita el PIN de administrador (SO) actual del token
hint-provision-no-current-so-pin = agregue current_so_pin = {"{"} file = "…" {"}"} o {"{"} env = "…" {"}"} a la entrada o a [defaults]
err-provision-token-absent = el token { $serial } no está conectado
hint-provision-token-absent = conéctelo o elimine su entrada; no se cambió ningún token
err-provision-no-blank-token = no hay ningún token en blanco conectado para esta entrada
hint-provision-no-blank-token = conecte un token en blanco y vuelva a ejecutar el comando: los tokens ya terminados se omiten
err-provision-pins-in-sheet = este token se inicializó en una ejecución anterior con PIN generados, que solo están en su hoja de PIN { $sheet }
hint-provision-pins-in-sheet = indique --identity ARCHIVO (la clave age que abre la hoja de PIN) para que tokenward pueda iniciar sesión y terminarlo
err-provision-sheet-not-opened = no se pudo abrir la hoja de PIN { $sheet }: { $reason }
hint-provision-sheet-not-opened = indique el archivo de identidad age que corresponde al age_recipient del manifiesto
err-provision-report-mismatch = el informe { $report } se hizo con otro manifiesto
hint-provision-report-mismatch = indique el manifiesto con que se hizo, u otro archivo con --report
err-provision-cert-matches-no-token = el certificado de { $file } no corresponde a ningún token de este manifiesto
hint-provision-cert-matches-no-token = compruebe que se emitió para una de las solicitudes de csr_dir
err-provision-tokens-failed = { $failed } { $failed ->
    [one] token falló
   *[other] tokens fallaron
}; { $done } terminados, { $not_started } sin empezar
hint-provision-tokens-failed = la tabla dice qué se hizo en cada uno; vuelva a ejecutar el mismo comando para terminarlos (los terminados se omiten)

## tokenward provision: screens

provision-progress = {"{"}spinner{"}"} preparando {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}msg{"}"}
column-serial = NÚMERO DE SERIE
column-done = HECHO
provision-status = { $status ->
    [done] terminado
    [already_done] terminado antes
    [failed] FALLÓ
   *[not_started] sin empezar
}
provision-step = { $step ->
    [initialised] inicializado
    [key_generated] clave generada
    [csr_written] solicitud escrita
   *[certificate_imported] certificado guardado
}
provision-failure = Token { $number } «{ $label }»: { $problem }
provision-rolled-back = { $what ->
    [key_pair] el par de claves creado en el paso fallido se eliminó de nuevo
   *[other] { $what } se eliminó de nuevo
}
provision-summary = { $done } terminados, { $already } terminados antes, { $failed } fallaron, { $not_started } sin empezar
provision-pin-sheet = NIP generados: { $path } { $encrypted ->
    [yes] (ábrala con `age -d -i SU-CLAVE-AGE { $path }`)
   *[no] (texto sin cifrar: entregue los NIP y luego borre el archivo)
}
provision-report-file = Informe: { $path } (una segunda ejecución omite los tokens terminados)
provision-cert-placed = { $file }: { $status ->
    [already_present] ya estaba en
   *[imported] guardado en
} el token «{ $label }» (número de serie { $serial })
provision-cert-unplaced = { $file }: su clave no está en ningún token de este manifiesto
provision-station-waiting = Conecte el siguiente token (faltan { $left }); esperando… (Ctrl-C para terminar)
provision-station-working = Preparando «{ $label }»…
provision-station-result = «{ $label }» (número de serie { $serial }): { $status ->
    [done] terminado
    [already_done] terminado antes
    [failed] FALLÓ
   *[other] sin empezar
}{ $done ->
    [none] {""}
   *[other] {" "}({ $done })
}
