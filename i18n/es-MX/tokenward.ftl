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
