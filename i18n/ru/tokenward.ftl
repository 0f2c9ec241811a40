# Слова tokenward для людей, по-русски. Словарь терминов: docs/glossary.md.

## Запросы: в них названы секрет и токен.

prompt-user-pin = Текущий PIN-код пользователя токена «{ $token }» (серийный номер { $serial }):
prompt-factory-pin = Заводской PIN-код пользователя токена «{ $token }» (серийный номер { $serial }), с которым его выдали:
prompt-so-pin = PIN-код администратора токена «{ $token }» (серийный номер { $serial }):
prompt-new-user-pin = Новый PIN-код пользователя ({ $rule }):
prompt-new-so-pin = Новый PIN-код администратора ({ $rule }):
prompt-repeat-user-pin = Повторите новый PIN-код пользователя:
prompt-repeat-so-pin = Повторите новый PIN-код администратора:
prompt-new-password = Новый пароль файла:
prompt-repeat-password = Повторите новый пароль:
prompt-recovery-key = Ключ восстановления из письма о восстановлении:
prompt-pin = PIN-код:
prompt-generic-so-pin = PIN-код администратора:
prompt-password = Пароль файла:
prompt-password-of = Пароль файла ключа { $file }:

rule-standard = не меньше { $min } латинских букв и цифр
rule-standard-max = от { $min } до { $max } латинских букв и цифр
rule-digits = от { $min } до { $max } цифр

rule-description = { $bounded ->
    [yes] от { $min } до { $max } символов, латинские буквы и цифры, хотя бы по одной
   *[no] не меньше { $min } символов, латинские буквы и цифры, хотя бы по одной
}
rule-description-profile = { $bounded ->
    [yes] профиль { $name } (задан администратором для этой модели токена): от { $min } до { $max } цифр
   *[no] профиль { $name } (задан администратором для этой модели токена): не меньше { $min } цифр
}

entries-differ = введённые значения не совпадают; введите новое ещё раз
new-secret-gave-up = три попытки ввода не удались; на токене ничего не изменилось, команду можно запустить снова, когда будете готовы

secret-file-blanks = внимание: { $file } (для --{ $what }-file) начинается или заканчивается пробелом или пустой строкой; они тоже будут отправлены

## Подтверждения: «yes» принимается на любом языке.

pin-pad = Введите { $who ->
    [so] PIN-код администратора
   *[user] PIN-код
} токена «{ $token }» на клавиатуре считывателя.

## tokenward doctor

doctor-blockers = Мешает работать сейчас
doctor-warnings = Требует внимания
doctor-ok = Проверено, всё в порядке
doctor-fix = Что сделать
doctor-all-fine = Всё, что проверено, в порядке.

## Ошибки: что случилось, затем что делать. В JSON остаются английские слова.

spinner-looking-for-tokens = Поиск токенов…
spinner-generating-key = Создание ключа { $kind } на токене (на карте это может занять минуту)…
spinner-deriving-key = Защита файла ключа паролем…
warning-label = внимание
error-label = ошибка
cancelled = отменено; ничего не изменилось

secret-noun = { $kind ->
    [new-pin] новый PIN-код
    [so-pin] PIN-код администратора
    [password] пароль
    [recovery-key] ключ восстановления
   *[pin] PIN-код
}
secret-the = { secret-noun }
pin-noun = { $who ->
    [so] PIN-код администратора
   *[user] PIN-код
}

err-no-module = не найден ни один модуль PKCS#11 (проверено мест: { $searched })
hint-no-module = установите драйвер токена или укажите его модуль: --module ПУТЬ или переменная TOKENWARD_MODULE
err-module-missing = модуля PKCS#11 { $path } не существует
hint-module-missing = проверьте путь или запустите `tokenward modules`, чтобы увидеть модули, найденные на этом компьютере
err-no-token = токен не найден
hint-no-token = подключите токен или вставьте карту и запустите команду снова (`tokenward tokens` покажет, что видит компьютер)
err-card-not-recognised = в считывателе { $reader } есть карта, но ни один модуль PKCS#11 на этом компьютере её не распознаёт
hint-card-not-recognised = установите драйвер (модуль PKCS#11) от того, кто выдал карту, или укажите его: --module ПУТЬ; `tokenward doctor` покажет, что видит компьютер
err-card-held = карту в считывателе { $reader } заняла другая программа, поэтому tokenward не может с ней работать
hint-card-held = закройте другие программы, которые работают с картой (для GnuPG: `gpgconf --kill scdaemon`), или выньте карту и вставьте её снова
err-default-token-absent = токен по умолчанию { $selector } не подключён
err-token-not-found = нет токена, подходящего под { $selector }
hint-default-token-absent = подключите этот токен или сделайте токеном по умолчанию один из подключённых: `tokenward tokens select`, либо укажите его в --token
hint-token-not-found = выберите один из подключённых токенов: --token и его название или серийный номер (достаточно первых символов номера) — или сделайте один токеном по умолчанию: `tokenward tokens select`
err-ambiguous-token = { $given ->
    [yes] под { $selector } подходят несколько токенов ({ $count })
   *[no] подключено несколько токенов ({ $count })
}
err-ambiguous-one-card = { $given ->
    [yes] под { $selector } подходят { $count } { $count ->
        [one] токен
        [few] токена
       *[many] токенов
    }, но это одна карта (серийный номер { $serial }), которую её модуль показывает как несколько токенов
   *[no] найдено { $count } { $count ->
        [one] токен
        [few] токена
       *[many] токенов
    }, но это одна карта (серийный номер { $serial }), которую её модуль показывает как несколько токенов
}
hint-ambiguous-token = выберите один: --token и его название или серийный номер (достаточно первых символов номера) — или сделайте один токеном по умолчанию: `tokenward tokens select`
hint-ambiguous-one-card = выберите один по названию, например --token { $label }

err-wrong-pin = неверный { pin-noun }: токен его не принял. До этой попытки: { $before }; сейчас: { $after }
err-wrong-pin-silent = неверный { pin-noun }: токен его не принял. Токен не сообщает, сколько попыток осталось, поэтому ещё несколько неверных вводов могут его заблокировать
pin-state-locked = заблокирован
pin-state-final-try = осталась одна попытка: следующий неверный PIN-код заблокирует его
pin-state-count-low = после последнего верного ввода был неверный (токен не сообщает, сколько попыток осталось)
pin-state-no-wrong = неверных попыток не было
pin-state-final-only = не сообщается (этот токен предупреждает, только когда остаётся одна попытка)
pin-state-not-reported = этот токен не сообщает
hint-layout = проверьте раскладку клавиатуры (нужны латинские буквы) и Caps Lock
advice-tries-unknown = проверьте { pin-noun }, прежде чем вводить его снова: узнать, сколько попыток осталось, нельзя (с OpenSC их показывает `pkcs15-tool --list-pins`)
advice-user-locked = попросите администратора выполнить `tokenward pin unblock` с PIN-кодом администратора
advice-so-locked = PIN-код администратора заблокирован: помочь может только повторная инициализация токена (она уничтожит его ключи) или тот, кто выдал токен
advice-final-try = внимательно проверьте PIN-код, прежде чем вводить его: ещё одна ошибка заблокирует его
err-pin-locked = { $who ->
    [so] PIN-код администратора заблокирован
   *[user] PIN-код заблокирован
} после слишком большого числа неверных попыток, поэтому он не отправлялся
hint-so-pin-locked = помочь может только повторная инициализация токена (она уничтожит его ключи) или тот, кто выдал токен
err-final-try = у { $who ->
    [so] PIN-кода администратора
   *[user] PIN-кода
} осталась одна попытка: неверный ввод сейчас заблокирует его, поэтому он не отправлялся
hint-final-try = если вы в нём уверены, запустите команду снова с --final-try
err-mismatch = два ввода { $kind ->
    [new-pin] нового PIN-кода
    [so-pin] PIN-кода администратора
    [password] пароля
    [recovery-key] ключа восстановления
   *[pin] PIN-кода
} не совпали; ничего не изменилось

err-policy = { $violation }; на токене ничего не изменилось
new-pin-noun = { $who ->
    [so] новый PIN-код администратора
   *[user] новый PIN-код пользователя
}
policy-too-short = { new-pin-noun } слишком короткий: { $got } { $got ->
    [one] символ
    [few] символа
   *[many] символов
}, а { $by ->
    [token] этот токен
   *[policy] политика
} требует не меньше { $min }
policy-too-long = { new-pin-noun } слишком длинный: { $got } { $got ->
    [one] символ
    [few] символа
   *[many] символов
}, а { $by ->
    [token] этот токен
   *[policy] политика
} допускает не больше { $max }
policy-bad-character = { $position }-й символ: { $kind ->
    [cyrillic] русская буква (русские а, о, с, е, р похожи на латинские, но это другие буквы); переключите клавиатуру на английскую (латинскую) раскладку
    [accented] буква с диакритическим знаком (например, é, ñ, ü); используйте обычные латинские буквы A-Z, a-z
    [space] пробел; пробелы не допускаются
    [symbol] знак препинания или символ; допускаются только буквы A-Z, a-z и цифры 0-9
    [other-letter] нелатинская буква; используйте A-Z, a-z
    [other-digit] цифра, но не из 0-9
    [control] невидимый управляющий символ
   *[letter] буква, а PIN-код этого токена состоит только из цифр 0-9
} (в поле «{ new-pin-noun }»)
policy-no-letter = в { $who ->
    [so] новом PIN-коде администратора
   *[user] новом PIN-коде пользователя
} нужна хотя бы одна латинская буква (A-Z или a-z)
policy-no-digit = в { $who ->
    [so] новом PIN-коде администратора
   *[user] новом PIN-коде пользователя
} нужна хотя бы одна цифра (0-9)
policy-no-upper = в { $who ->
    [so] новом PIN-коде администратора
   *[user] новом PIN-коде пользователя
} нужна хотя бы одна заглавная буква (A-Z)
policy-no-lower = в { $who ->
    [so] новом PIN-коде администратора
   *[user] новом PIN-коде пользователя
} нужна хотя бы одна строчная буква (a-z)

err-wrong-password = неверный пароль { $what ->
    [key] файла ключа
   *[p12] файла PKCS#12
}: его не удалось открыть
hint-wrong-password = проверьте пароль (и раскладку клавиатуры); на токене ничего не изменилось
err-token-removed = { $rv ->
    [none] токен отключили (или он перестал отвечать), пока tokenward с ним работал (его ключ больше не виден)
   *[other] токен отключили (или он перестал отвечать), пока tokenward с ним работал ({ $rv })
}
hint-token-removed = подключите его снова и повторите команду
err-object-not-found = { $what ->
    [certificate] нет сертификата, подходящего под { $selector }
   *[key] нет закрытого ключа, подходящего под { $selector }
}
err-object-not-found-none = { $what ->
    [certificate] на токене нет ни одного сертификата
   *[key] на токене нет ни одного закрытого ключа
}
hint-object-not-found = { $what ->
    [certificate] укажите один из них по идентификатору, например --cert { $example }, или сделайте его сертификатом по умолчанию: `tokenward certs select { $example }`
   *[key] укажите один из них по идентификатору, например --key { $example }
}
err-ambiguous-object = { $what ->
    [certificate] подходят несколько сертификатов ({ $count })
   *[key] подходят несколько закрытых ключей ({ $count })
}
hint-ambiguous-object = { $what ->
    [certificate] укажите один по идентификатору, например --cert { $example }, или сделайте его сертификатом по умолчанию: `tokenward certs select { $example }`
   *[key] укажите один по идентификатору, например --key { $example }
}
err-write-protected = токен защищён от записи: на нём ничего нельзя изменить
hint-write-protected = проверьте переключатель защиты от записи или обратитесь к тому, кто выдал токен
err-no-terminal = нужен { secret-noun }, но нет терминала, где его можно спросить
hint-no-terminal = передайте его так: --{ $kind }-file ФАЙЛ, --{ $kind }-env ПЕРЕМЕННАЯ или --{ $kind }-stdin
err-non-latin-login = в { $kind ->
    [so-pin] PIN-коде администратора
   *[pin] PIN-коде
} есть { $letter ->
    [cyrillic] русская буква
    [accented] буква с диакритическим знаком
   *[other] нелатинская буква
} ({ $position }-й символ): похоже, клавиатура переключена на русскую или другую нелатинскую раскладку. На токен ничего не отправлено, попытка не потрачена
hint-non-latin-login = переключите клавиатуру на английскую (латинскую) раскладку и введите PIN-код снова; если в PIN-коде действительно есть такие буквы (его задала другая программа), добавьте --pin-as-typed

err-pcsc-not-installed = служба смарт-карт (pcscd) не установлена
err-pcsc-not-running = служба смарт-карт (pcscd) не запущена
err-pcsc-failed = сбой службы смарт-карт: { $detail }
hint-pcsc-not-installed = установите её: `sudo apt install pcscd` (Debian, Ubuntu) или `sudo dnf install pcsc-lite` (Fedora)
hint-pcsc-start = { $systemd ->
    [yes] запустите её: `sudo systemctl enable --now pcscd.socket`
   *[no] запустите её: `sudo pcscd`
}
hint-pcsc-restart = перезапустите службу ({ $start }), затем выполните `tokenward doctor`

err-io = не удалось { $action ->
    [read] прочитать
    [write] записать
    [create] создать
   *[other] открыть
} { $path }: { $reason }
io-not-found = такого файла или каталога нет
io-permission-denied = нет доступа
io-already-exists = файл уже существует
io-is-a-directory = это каталог
io-storage-full = на диске не осталось места
err-several-sources = { $kind ->
    [new-pin] новый PIN-код
    [so-pin] PIN-код администратора
    [password] пароль
    [recovery-key] ключ восстановления
   *[pin] PIN-код
} можно передать только одним способом: --{ $kind }-file, --{ $kind }-env или --{ $kind }-stdin
err-variable-not-set = переменная окружения { $variable }, указанная для { $kind ->
    [new-pin] нового PIN-кода
    [so-pin] PIN-кода администратора
    [password] пароля
    [recovery-key] ключа восстановления
   *[pin] PIN-кода
}, не задана
err-secret-file-not-text = в файле { $path } ({ secret-noun }) не текст
hint-secret-file-not-text = сохраните его в кодировке UTF-8
err-stdin-ended = стандартный ввод закончился раньше, чем был передан { secret-noun }

## tokenward tokens

tokens-no-slots = Слотов нет: модуль не видит ни считывателя, ни токена. Подключите токен или вставьте карту; если он подключён, проверьте его драйвер командой `tokenward modules`.
tokens-one-card = В считывателе «{ $reader }» одна карта, которая показана как { $count } { $count ->
    [one] токен
    [few] токена
   *[many] токенов
} с одним серийным номером: выберите нужный по названию.
tokens-slot = { $description } (номер { $id })
tokens-slot-silent = номер { $id } (без описания: слот не отвечает)
field-slot = Слот
tokens-heading = Токен «{ $label }», серийный номер { $serial }
tokens-heading-default = Токен «{ $label }», серийный номер { $serial } (по умолчанию)
tokens-heading-blank = Чистый токен: { $model }
tokens-heading-unreadable = Токен, который не читается
tokens-heading-empty = Пустой слот
tokens-blank-next = он ещё не подготовлен к работе: обратитесь к тем, кто его выдал (администратор готовит его командой `tokenward token init`)
tokens-selected = Токен «{ $label }» (серийный номер { $serial }) теперь используется по умолчанию во всех командах; другой по-прежнему выбирается через --token. Сохранено в { $config }.
field-token = Токен
field-state = Состояние
field-serial = Серийный номер
field-manufacturer = Производитель
field-model = Модель
field-versions = Версии
field-pin-length = Длина PIN-кода
field-public-memory = Открытая память
field-private-memory = Закрытая память
field-uri = URI
field-module = Модуль
field-pin-rule = Правило PIN-кода
field-next = Дальше
tokens-versions = аппаратная { $hardware }, прошивка { $firmware }
tokens-pin-length = от { $min } до { $max } символов
tokens-rule-impossible = на этом токене выполнить нельзя: { $why }; администратор может задать профиль PIN-кода для этой модели (docs/admins.md)
tokens-next-factory = задайте свой PIN-код вместо заводского: `tokenward pin change`
tokens-unreadable = подключён, но не читается: { $error }
tokens-none = нет (подключите токен или вставьте карту)
memory-free-of = свободно { $free } из { $total }
memory-total = всего { $total }
memory-free = свободно { $free }
memory-not-reported = не сообщается

state-not-initialized = чистый (не инициализирован)
state-user-pin-locked = PIN-код пользователя заблокирован
state-user-pin-final-try = PIN-код пользователя: последняя попытка
state-user-pin-count-low = PIN-код пользователя: был неверный ввод
state-so-pin-locked = PIN-код администратора заблокирован
state-so-pin-final-try = PIN-код администратора: последняя попытка
state-so-pin-count-low = PIN-код администратора: был неверный ввод
state-user-pin-not-set = PIN-код пользователя не задан
state-user-pin-to-be-changed = нужно сменить PIN-код пользователя (стоит заводской)
state-so-pin-to-be-changed = нужно сменить PIN-код администратора
state-write-protected = защищён от записи
state-pin-pad = PIN-код вводится на клавиатуре считывателя
state-ready = готов
state-login-required = нужен вход по PIN-коду

## tokenward pin

pin-status-heading = Токен «{ $token }» (серийный номер { $serial })
field-user-pin = PIN-код пользователя
field-so-pin = PIN-код администратора
field-pin-rule-problem = Проблема с правилом
field-note = Важно
field-before = Было
field-now = Стало
field-factory-pin = Заводской PIN-код
field-pin-recovery = Восстановление PIN-кода
pin-user-not-set = ещё не задан (его задаёт администратор командой `tokenward pin unblock`)
pin-length-on-token = от { $min } до { $max } символов на этом токене
pin-rule-impossible = { $why }: ни один новый PIN-код не может выполнить правило на этом токене; администратор может задать профиль PIN-кода для этой модели токена (docs/admins.md)
pin-must-change = PIN-код пользователя нужно сменить: выполните `tokenward pin change`
pin-changed = { $who ->
    [so] PIN-код администратора
   *[user] PIN-код пользователя
} токена «{ $token }» изменён.
pin-unblocked = На токене «{ $token }» задан новый PIN-код пользователя; токен разблокирован.
pin-factory-gone = больше не действует: теперь токен открывает только новый PIN-код
pin-factory-still = токен всё ещё просит сменить PIN-код
pin-recovery-resealed = снова запечатано новым PIN-кодом администратора; ключ восстановления из письма по-прежнему действует
pin-recovery-removed = удалено (в нём был старый PIN-код администратора); настройте его заново: `tokenward recovery enroll`

## tokenward certs list

certs-none = На токене «{ $token }» нет сертификатов.
certs-none-filtered = На токене «{ $token }» нет сертификатов, подходящих под условия.
certs-heading = Сертификаты на токене «{ $token }» (серийный номер { $serial }):
column-certificate = СЕРТИФИКАТ
column-validity = СРОК ДЕЙСТВИЯ
column-key-on-token = КЛЮЧ НА ТОКЕНЕ
column-id = ИДЕНТИФИКАТОР
certs-unreadable = нечитаемый сертификат «{ $label }»
certs-default-mark = * сертификат по умолчанию (tokenward certs select)
certs-keys-hidden = Закрытые ключи не видны до входа по PIN-коду; добавьте --login, чтобы сопоставить и их.
cert-note = выдан: { $issuer }; { $algorithm }; { $usage }
cert-valid = действует, { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[many] осталось { $days } дней
}
cert-expired = ИСТЁК { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
} назад
cert-valid-until = { $date } ({ $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
})
cert-expired-on = ИСТЁК { $date }
cert-not-yet-valid = начнёт действовать { $date }
key-yes = да
key-yes-unconfirmed = да (войдите по PIN-коду, чтобы убедиться)
key-by-id = только по идентификатору
key-no = нет
key-list-only = { $base }; только для просмотра ({ $algorithm })
usage-any-use = любое назначение
candidates-tokens = Подключённые токены:
candidates-serial = серийный номер
candidates-objects = На токене:
candidate-certificate = { $name } (отпечаток { $fingerprint })
candidate-unreadable-certificate = сертификат, который не удаётся прочитать
candidate-private-key = закрытый ключ
candidate-public-key = открытый ключ

## Key usages

usage-digital-signature = электронная подпись
usage-non-repudiation = неотрекаемость
usage-key-encipherment = шифрование ключей
usage-data-encipherment = шифрование данных
usage-key-agreement = согласование ключей
usage-key-cert-sign = подпись сертификатов
usage-crl-sign = подпись списков отзыва
usage-encipher-only = только шифрование
usage-decipher-only = только расшифрование
usage-any = любое
usage-server-auth = TLS-сервер
usage-client-auth = TLS-клиент
usage-code-signing = подпись программ
usage-email-protection = защита почты
usage-time-stamping = метки времени
usage-ocsp-signing = подпись ответов OCSP
usage-smart-card-logon = вход по смарт-карте
usage-cryptopro-user = пользователь КриптоПро

## Вопросы перед удалением

confirm-delete-certificate = Удалить сертификат «{ $name }» с токена «{ $token }»? Ключ останется. Для подтверждения введите «да»:{" "}
confirm-delete-key = { $cert ->
    [stays] Удалить ключ «{ $label }» с токена «{ $token }» (сертификат останется; чтобы удалить и его, добавьте --with-cert)? Всё, что подписано им или зашифровано для него, больше нельзя будет с ним использовать. Для подтверждения введите «да»:{" "}
    [goes] Удалить ключ «{ $label }» и его сертификат «{ $certificate }» с токена «{ $token }»? Всё, что подписано им или зашифровано для него, больше нельзя будет с ним использовать. Для подтверждения введите «да»:{" "}
   *[none] Удалить ключ «{ $label }» с токена «{ $token }»? Всё, что подписано им или зашифровано для него, больше нельзя будет с ним использовать. Для подтверждения введите «да»:{" "}
}
confirm-remove-recovery = Отключить восстановление PIN-кода на токене «{ $token }»? Забытый PIN-код тогда можно будет сбросить только PIN-кодом администратора. Для подтверждения введите «да»:{" "}
confirm-delete = Удалить? Для подтверждения введите «да»:{" "}

## Письмо о восстановлении (на языке того, кто его настроил)

mail-key-subject = Ваш ключ восстановления tokenward
mail-rotated-subject = PIN-код вашего токена сброшен; ваш новый ключ восстановления tokenward
mail-reset-subject = PIN-код вашего токена сброшен
mail-reason-enrolled = Вы настроили восстановление PIN-кода вашего токена с этим аккаунтом.
mail-reason-reset =
    PIN-код вашего токена только что сброшен с помощью ключа восстановления. Если это были не вы,
    немедленно свяжитесь с администратором.
mail-reason-rotated =
    PIN-код вашего токена только что сброшен с помощью ключа восстановления. Если это были не вы,
    немедленно свяжитесь с администратором. Старый ключ восстановления больше не действует; вот новый.
mail-key-body =
    { $reason }

    Ваш ключ восстановления tokenward для токена «{ $token }» (серийный номер { $serial }):

        { $key }

    Сохраните это письмо. Если забудете PIN-код токена, выполните `tokenward recovery recover`,
    войдите в этот же аккаунт и введите этот ключ. Любой, у кого есть и этот ключ, и токен,
    может сбросить его PIN-код, поэтому никому не пересылайте это письмо.

## Страница, которую браузер показывает после входа

page-signed-in = Вход выполнен. Окно можно закрыть и вернуться в tokenward.
page-cancelled = Вход отменён. Окно можно закрыть и вернуться в tokenward.
page-not-ours = Этот ответ не относится ко входу, которого ждёт tokenward. Завершите вход по адресу, который показывает tokenward.
page-bad-request = tokenward не понимает этот запрос.
page-not-found = Не найдено.

## tokenward doctor: каждая находка по её id (docs/json.md), затем то, к чему она относится

about-reader = считыватель «{ $name }»
about-token = токен «{ $label }» (серийный номер { $serial })
about-slot = слот «{ $description }»
about-slot-id = слот { $id }
about-certificate = сертификат «{ $name }»
finding-module-failed = модуль PKCS#11 не загружается: { $error }
finding-module-failed-fix = переустановите драйвер токена или уберите этот модуль из настроек
finding-token-unreadable = токен не отвечает: { $error }
finding-no-token = ни один токен не подключён
finding-no-token-fix = подключите токен или вставьте карту
finding-pcsc-running = служба смарт-карт (pcscd) работает
finding-no-reader = служба смарт-карт не видит ни считывателя, ни USB-токена
finding-no-reader-fix = подключите токен (или считыватель); если он подключён, попробуйте другой USB-порт
finding-reader-empty = в этом считывателе нет карты
finding-card-mute = в считывателе есть карта, но она не отвечает
finding-card-mute-fix = выньте карту и вставьте её снова — чипом вперёд и вверх
finding-card-held = карту заняла другая программа, и больше никто не может ею пользоваться
finding-card-not-recognised = { $named ->
    [yes] в считывателе карта ({ $name }), но ни один модуль PKCS#11 на этом компьютере её не распознаёт
   *[no] в считывателе есть карта, но ни один модуль PKCS#11 на этом компьютере её не распознаёт
}
finding-card-not-recognised-fix = установите драйвер (модуль PKCS#11) от того, кто выдал карту, или укажите его: --module ПУТЬ
finding-card-recognised = { $named ->
    [yes] карту { $name } читает { $module }
   *[no] карту читает { $module }
}
finding-token-not-initialised = токен чистый: на нём ещё нет PIN-кода, ключей и сертификатов
finding-token-not-initialised-fix = обратитесь к тому, кто его выдал; подготовить его может администратор командой `tokenward token init`
finding-user-pin-locked = PIN-код пользователя заблокирован (слишком много неверных попыток)
finding-user-pin-locked-fix = попросите администратора разблокировать его командой `tokenward pin unblock` с PIN-кодом администратора
finding-user-pin-final-try = ещё один неверный PIN-код заблокирует токен
finding-user-pin-final-try-fix = прежде чем вводить PIN-код, убедитесь, что он верный; администратор может его сбросить
finding-user-pin-count-low = после последнего верного ввода PIN-кода был неверный
finding-so-pin-locked = PIN-код администратора заблокирован: разблокировать PIN-код пользователя больше нельзя
finding-so-pin-locked-fix = помочь может только тот, кто выдал токен (или повторная инициализация, которая уничтожит ключи)
finding-so-pin-final-try = ещё один неверный PIN-код администратора заблокирует его навсегда
finding-factory-pin = на токене всё ещё заводской PIN-код
finding-factory-pin-fix = задайте свой: `tokenward pin change`
finding-pin-policy-impossible = правило PIN-кода на этом токене выполнить нельзя: { $why }
finding-pin-policy-impossible-fix = администратор может задать в настройках профиль PIN-кода для этой модели токена (docs/admins.md)
finding-token-ready = токен готов к работе
finding-cert-unreadable = сертификат «{ $label }» не читается: { $error }
finding-cert-expired = срок действия сертификата истёк { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
} назад
finding-cert-expired-fix = получите новый сертификат в удостоверяющем центре
finding-clock-before-cert = сертификат начнёт действовать только { $date }: возможно, на этом компьютере неверно установлены часы
finding-clock-before-cert-fix = проверьте дату и время на компьютере
finding-cert-expiring = срок действия сертификата истекает через { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}
finding-cert-expiring-fix = заранее продлите сертификат в удостоверяющем центре

## tokenward sign и verify

sign-one = Файл { $file } подписан ключом «{ $key }» ({ $mechanism }, { $kind }): { $signature }
sign-kept = Уже есть и верны, оставлены подписи: { $count }
sign-many = Подписано { $count } { $count ->
    [one] файл
    [few] файла
   *[many] файлов
} ключом «{ $key }» ({ $mechanism }) за { $seconds } с; каждая подпись лежит рядом со своим файлом (.{ $extension }).
sign-progress = {"{"}spinner{"}"} подпись {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}per_sec{"}"} осталось {"{"}eta{"}"}
verify-ok = Подпись верна: файл { $file } подписан
field-signed-by = Подписал
field-signed-at = Время подписи
field-checked = Проверено

## tokenward certs show, select; tokenward check

cert-show-heading = Сертификат «{ $label }» на токене «{ $token }»
cert-show-unreadable = сертификат не читается: { $error }
cert-not-restricted = без ограничений
cert-selected = Сертификат по умолчанию токена «{ $token }» теперь «{ $name }» (SHA-256 { $fingerprint }…).
field-status = Состояние
field-subject = Владелец
field-issuer = Издатель
field-valid-from = Действует с
field-valid-until = Действует до
field-key = Ключ
field-signature = Подпись
field-key-usage = Назначение ключа
field-extended-usage = Расширенное назначение
field-alt-names = Другие имена
field-can-sign = Может подписывать
field-ca = УЦ
field-warning = Внимание
field-key-uri = URI ключа
check-heading = Проверка подписи ключом «{ $key }» ({ $kind }) на токене «{ $token }»
check-certificate = Сертификат: { $certificate }
check-no-certificate = Ни один сертификат на токене не относится к этому ключу; подписи проверяются по открытому ключу самого ключа.
column-mechanism = МЕХАНИЗМ
column-result = РЕЗУЛЬТАТ
column-sign-time = ВРЕМЯ ПОДПИСИ
check-pass = pass
check-fail = ОШИБКА
check-all-good = Токен правильно подписывает всеми механизмами; каждая подпись проверена по { $against ->
    [token_public_key] открытому ключу на токене
   *[certificate] сертификату
}.
check-problems = Проблемы
problem-certificate-key-mismatch = сертификат и ключ не подходят друг другу: подписи этим ключом не пройдут проверку по этому сертификату
problem-certificate-expired = срок действия сертификата истёк: подписи с ним будут отклонены; получите новый в удостоверяющем центре
problem-certificate-not-yet-valid = сертификат ещё не начал действовать (проверьте дату на компьютере)
problem-certificate-forbids-signing = назначение ключа в сертификате не разрешает подпись
problem-key-cannot-sign = токен не разрешает этому ключу подписывать
problem-signature-failed = по крайней мере одна подпись не удалась
problem-no-mechanism = у ключа и токена нет общего механизма подписи

## tokenward readers, watch, objects, modules

readers-none = Считывателей нет: служба смарт-карт работает, но не видит ни одного. Подключите считыватель или токен; остальное проверит `tokenward doctor`.
readers-heading = Считыватель: { $name }
readers-no-card = нет (вставьте карту или подключите токен)
readers-card-mute = вставлена, но не отвечает (выньте её и вставьте снова)
readers-card-unknown = вставлена (её нет в списке pcsc-tools)
readers-served-unknown = неизвестно, пока карту занимает другая программа
readers-served-none = ни один модуль PKCS#11 на этом компьютере не распознаёт эту карту
readers-held = её монопольно заняла другая программа (`tokenward doctor` назовёт какая)
readers-shared = открыта в другой программе (совместно)
readers-free = свободна
readers-pin-pad = да: PIN-коды вводятся на клавиатуре считывателя
field-card = Карта
field-served-by = Обслуживает
field-in-use = Занята
field-pin-pad = Клавиатура для PIN-кода
watch-reader-added = считыватель подключён
watch-reader-removed = считыватель отключён
watch-card-inserted = карта вставлена
watch-card-inserted-named = карта вставлена: { $name }
watch-card-removed = карта вынута
objects-none = На токене «{ $token }» нет объектов.
objects-none-public = На токене «{ $token }» нет объектов, видимых без входа по PIN-коду (попробуйте --login).
objects-unreadable = не читается ({ $error })
objects-private-hidden = Закрытые объекты не видны до входа по PIN-коду (добавьте --login).
mechanisms-heading = Токен «{ $token }» поддерживает механизмов: { $count }
mechanisms-heading-used = tokenward использует механизмов: { $count } из { $total }, которые поддерживает токен «{ $token }»:
mechanisms-used-for = tokenward использует его для: { $uses }
mechanisms-no-info = модуль не сообщил о нём подробностей ({ $error })
column-key-sizes = РАЗМЕРЫ КЛЮЧА
column-kind = ВИД
column-label = НАЗВАНИЕ
column-key = КЛЮЧ
column-flags = ФЛАГИ
modules-none = Не найден ни один модуль PKCS#11. Установите драйвер токена или укажите его модуль: --module ПУТЬ.
column-module = МОДУЛЬ
column-found-by = КАК НАЙДЕН
column-status = СОСТОЯНИЕ
column-library = БИБЛИОТЕКА
modules-loaded = загружен; токенов: { $tokens }, слотов: { $slots }
modules-not-installed = не установлен
modules-failed = не загружается
class-certificate = сертификат
class-public-key = открытый ключ
class-private-key = закрытый ключ
class-secret-key = секретный ключ
class-data = данные

## tokenward keys, token init, recovery

key-generated = Новая пара ключей ({ $kind }) на токене «{ $token }»
field-label = Название
field-private-key = Закрытый ключ
field-certificate = Сертификат
field-issuers-added = Добавлено издателей
key-extractable = можно экспортировать (в зашифрованном виде) командой `tokenward keys export-private`
key-stays = остаётся на токене: скопировать его нельзя
key-next-csr = создайте запрос на сертификат: tokenward keys csr --key { $label } --subject "CN=…"
key-imported = { $resumed ->
    [yes] Прерванный импорт ключа ({ $kind }) на токен «{ $token }» завершён
   *[no] Ключ ({ $kind }) импортирован на токен «{ $token }»
}
key-no-certificate = нет (добавьте его командой `tokenward certs import`)
key-stored = записан так, что его нельзя прочитать обратно или экспортировать
key-deleted = { $cert ->
    [yes] Ключ «{ $label }» и его сертификат удалены.
   *[no] Ключ «{ $label }» удалён.
}
confirm-reinitialise = Это уничтожит все ключи и сертификаты на токене «{ $token }». Для подтверждения введите его название:
token-initialised = Токен инициализирован с названием «{ $label }».
recovery-sign-in = Чтобы продолжить, войдите в браузере в свой аккаунт { $provider }. Если окно браузера не открылось, откройте этот адрес:
recovery-enrolled =
    Восстановление для токена «{ $token }» настроено. Ключ восстановления отправлен на { $email } с этого же аккаунта; сохраните это письмо.
    Если PIN-код когда-нибудь забудется: tokenward recovery recover
recovery-pin-reset = PIN-код токена «{ $token }» сброшен; теперь пользуйтесь новым PIN-кодом.
recovery-key-rotated = Старый ключ восстановления больше не действует: новый отправлен на { $email }.
recovery-key-kept = Ключ восстановления заменить не удалось, поэтому старый по-прежнему действует.
recovery-revoked = Восстановление на токене «{ $token }» отключено. Ключ из письма больше не действует; письмо можно удалить.

## Ошибки по видам: err-ГРУППА-ВИД (что случилось) и hint-ГРУППА-ВИД (что делать)

err-input-file-exists = { $path } уже существует
err-input-no-such-folder = каталога для { $path } нет
err-input-not-a-regular-file = { $path } — не обычный файл
err-input-file-too-large = { $path } больше { $max } байт
err-input-whole-file-too-large = { $path } больше { $max } байт — это предел того, что tokenward читает целиком: подпись Ed25519 без CMS (или подпись CMS без подписанных атрибутов) охватывает весь файл, а не его хэш
err-input-control-character = в { $what_id ->
    [label] метке
   *[other] значении «{ $what }»
} есть управляющий символ ({ $character }) на позиции { $position }
err-input-path-not-utf8 = путь { $path } записан не в UTF-8
err-input-not-hex = { $flag } «{ $value }» — не шестнадцатеричное число
err-input-not-text = { $path } — не текстовый файл в UTF-8
err-input-bad-certificate-file = { $path }: { $reason }
err-input-no-certificate-in-file = в файле { $flag } нет сертификата
err-input-not-a-key-file = { $path } — не файл PKCS#12 (.p12/.pfx) и не файл закрытого ключа (PEM или DER PKCS#8)
err-input-not-cms = { $path } — не подпись CMS
err-input-bad-pem = { $path }: повреждённый PEM ({ $reason })
err-input-signature-broken-pem = файл подписи — повреждённый PEM ({ $reason })
err-input-signature-not-cms = файл подписи — не подпись CMS/PKCS#7 ({ $reason })
err-input-cms-not-signed-data = в файле CMS содержимое типа { $content_type }, а не подпись
err-input-cms-damaged = подпись CMS повреждена ({ $reason })
err-input-conflict = { $given } нельзя сочетать { $with ->
    [pkcs12-file] с файлом PKCS#12: он несёт собственный сертификат
    [format-pkcs12] с --format pkcs12 (файл PKCS#12 всегда двоичный)
    [user-pin-change] со сменой PIN-кода пользователя (ключ восстановления сохраняет восстановление при смене PIN-кода администратора: добавьте --so)
   *[other] с { $with }
}
err-input-der-holds-one = в формате DER помещается только один сертификат
err-input-several-files = указано несколько файлов
err-input-is-directory = { $path } — каталог
err-input-out-with-several = --out задаёт один файл подписи
err-input-no-trust-anchor = не указан доверенный сертификат УЦ
err-input-ca-without-cert = --ca проверяет цепочку сертификата подписавшего
err-input-unknown-mechanism = неизвестный механизм «{ $name }»
err-input-unknown-name = «{ $given }» — недопустимое значение ({ $what_id ->
    [key-type] тип ключа
    [program] программа
    [signature-format] формат подписи
    [key-file-format] формат файла ключа
    [key-derivation] способ защиты ключа
   *[other] { $what }
}); допустимы: { $allowed }
err-input-no-terminal-to-confirm = эта команда удаляет данные, а терминала для подтверждения нет
err-input-not-confirmed = не подтверждено; ничего не удалено
err-input-answer-unreadable = не удалось прочитать ответ: { $reason }
err-input-certificate-not-named = укажите сертификат, который сделать основным
err-input-certificate-unreadable = этот сертификат не читается ({ $reason })
err-input-no-key-for-certificate = на токене «{ $token }» нет ключа от сертификата «{ $subject }»
err-input-no-certificate-for-cms = подпись CMS несёт сертификат подписавшего, а на токене нет сертификата к ключу «{ $key }»
err-input-chain-for-raw = «сырая» подпись не несёт сертификатов: --chain — для подписей CMS
err-input-no-issuer-in-chain-file = ни один из сертификатов, указанных в --chain, не выдал «{ $subject }» (его издатель — «{ $issuer }»)
err-input-label-empty = метка { $what ->
    [token] токена
   *[key] ключа
} не может быть пустой
err-input-id-not-allowed = этот токен принимает только идентификаторы ключей { $allowed }, а не { $id }
err-input-no-free-key-slot = все места для ключей на этом токене заняты (идентификаторы { $allowed })
err-input-label-too-long = метка токена занимает { $bytes } байт; PKCS#11 допускает { $max } (русская буква занимает 2 байта)
err-input-object-label-too-long = метка занимает { $bytes } байт, а токены принимают не больше { $max } (русская буква занимает 2 байта)
hint-input-object-label-too-long = укажите --label короче; на токен ничего не записано
err-input-no-blank-token = чистого (неинициализированного) токена нет
err-input-several-blank-tokens = подключено несколько чистых токенов: { $count }
err-input-already-initialised = токен «{ $label }» (серийный номер { $serial }) уже инициализирован; повторная инициализация УНИЧТОЖИТ все ключи и сертификаты на нём
err-input-label-not-confirmed = для повторной инициализации нужно ещё раз ввести текущую метку токена
err-input-label-mismatch = введённая метка не совпадает с меткой токена «{ $label }»; ничего не изменено
err-input-not-an-email = «{ $given }» — не адрес электронной почты

err-key-malformed = { $what_id ->
    [broken-ec-key] повреждённый ключ EC
    [broken-ec-parameters] повреждённые параметры EC
    [broken-ed25519-key] повреждённый ключ Ed25519
    [broken-pem-block] повреждённый блок PEM
    [broken-rsa-key] повреждённый ключ RSA
    [broken-rsa-public-key] повреждённый открытый ключ RSA
    [broken-encrypted-key] повреждённый зашифрованный ключ
    [not-a-pkcs-8-private-key] не закрытый ключ PKCS#8
    [not-a-public-key] не открытый ключ
   *[other] { $what }
} ({ $reason })
err-key-no-curve = в ключе EC не указана кривая
err-key-no-public-point = в файле ключа EC нет открытого ключа
err-key-algorithm-unsupported = алгоритм ключа ({ $oid }) tokenward не импортирует (поддерживаются RSA, EC, Ed25519)
err-key-public-algorithm-unsupported = открытые ключи алгоритма { $oid } не поддерживаются (поддерживаются RSA, EC и Ed25519)
err-key-pem-not-text = файл PEM — не текст
err-key-needs-password = ключ зашифрован
err-key-kdf-too-costly = файл ключа требует { $asked }, больше, чем tokenward выполняет ({ $limit })
err-key-pair-mismatch = открытый ключ в файле не подходит к закрытому ключу
err-key-no-private-key = в файле нет закрытого ключа (искался блок PEM PRIVATE KEY)
err-key-pkcs12-without-key = в файле PKCS#12 нет закрытого ключа (только сертификаты)
err-key-pkcs12-several-keys = в файле PKCS#12 больше одного закрытого ключа
err-key-pkcs12-unreadable = файл не читается как PKCS#12 ({ $reason })
err-key-certificate-unreadable = сертификат в файле ключа не читается: { $reason }
err-key-public-half-missing = открытой части ключа «{ $label }» на токене нет (нет открытого ключа с идентификатором { $id }), поэтому его нельзя показать или использовать
err-key-public-key-hidden = ключ «{ $label }» не показывает свой открытый ключ
err-key-type-unsupported = ключ «{ $label }» такого типа, с которым tokenward не работает (работает с RSA, EC P-256/P-384 и Ed25519)
err-key-not-private = «{ $label }» — открытый ключ, а для подписи нужен закрытый
err-key-sign-forbidden = ключу «{ $label }» подписывать запрещено (токен отмечает его CKA_SIGN false)
err-key-always-authenticate = ключ «{ $label }» требует PIN-код перед каждой подписью (CKA_ALWAYS_AUTHENTICATE); пакетная подпись такими ключами пока не поддерживается
err-key-mechanism-mismatch = ключ { $key } не может делать подписи { $mechanism }
err-key-cannot-sign = tokenward не умеет подписывать ключом { $key }
err-key-not-for-cms = подписи CMS делаются с RSA PKCS#1 v1.5, ECDSA или Ed25519, а не с { $mechanism }

err-request-bad-template = шаблон запроса неверен: { $reason }
err-request-unknown-attribute = неизвестный атрибут субъекта «{ $name }»
err-request-lone-backslash = субъект заканчивается одиночной обратной косой чертой
err-request-not-name-value = «{ $part }» в субъекте записано не как ИМЯ=ЗНАЧЕНИЕ
err-request-empty-value = у { $name } в субъекте нет значения
err-request-empty-subject = субъект пуст
err-request-not-printable = { $attribute } может содержать только латинские буквы, цифры и простые знаки препинания: «{ $value }»
err-request-bad-country = C (страна) — двухбуквенный код, например RU или MX, а не «{ $value }»
err-request-san-without-kind = у альтернативного имени «{ $text }» не указан вид
err-request-san-not-ascii = «{ $value }» в альтернативном имени должно быть в ASCII
err-request-not-an-ip = «{ $value }» — не IP-адрес
err-request-unknown-san-kind = неизвестный вид альтернативного имени «{ $kind }»
err-request-unknown-key-usage = неизвестное назначение ключа «{ $name }»
err-request-unknown-extended-key-usage = неизвестное расширенное назначение ключа «{ $name }»
national-id-name = { $attribute ->
    [INN] ИНН
    [INNLE] ИНН организации
    [OGRN] ОГРН
    [OGRNIP] ОГРНИП
    [SNILS] СНИЛС
   *[other] { $attribute }
}
err-request-bad-national-id = { national-id-name } «{ $value }» указан неверно: { $why ->
    [length] не то число символов
    [digits] должен состоять только из цифр
    [checksum] не сходится контрольное число, значит, какой-то символ введён с ошибкой
   *[format] записан не так, как записывается { national-id-name }
}
hint-request-bad-national-id = сверьте его с документом: удостоверяющий центр не примет запрос с такой ошибкой
err-request-no-subject = запросу на сертификат нужен субъект
err-request-build = не удалось собрать запрос на сертификат: { $reason }

err-verify-raw-mismatch = подпись { $mechanism } не соответствует данным и открытому ключу { $key }
err-verify-signer-mismatch = подпись не соответствует открытому ключу { $signer }
err-verify-digest-differs = хэш { $digest } файла отличается от подписанного: файл изменён, или подпись сделана для другого файла
err-verify-digest-unsupported = подпись использует алгоритм хэширования { $oid }, который tokenward не принимает (SHA-256, SHA-384, SHA-512)
err-verify-algorithm-unsupported = алгоритм подписи { $algorithm } с ключом { $key } tokenward не проверяет
err-verify-no-signer = в файле CMS нет подписавшего
err-verify-signer-certificate-missing = сертификата подписавшего нет ни в подписи, ни в --cert
err-verify-content-type-not-data = подписанное содержимое — не простые данные
err-verify-no-message-digest = в подписи нет атрибута с хэшем сообщения
err-verify-chain-unreadable = сертификат в цепочке не читается: { $reason }
err-verify-path-invalid = цепочка сертификатов недействительна: { $reason } (сертификат { $depth } в цепочке, сертификат подписавшего — 0)
err-verify-signer-may-not-sign = сертификат подписавшего не разрешает подпись (в его назначении нет ни digitalSignature, ни nonRepudiation)
err-verify-certificate-key-differs = подпись верна для ключа на токене, но не для сертификата

err-identity-provider-refused = провайдер отказал во входе: { $error }{ $description ->
    [none] {""}
   *[other] {" "}({ $description })
}
err-identity-no-code = провайдер не прислал код авторизации
err-identity-exchange-failed = провайдер не обменял вход на токен доступа: { $reason }
err-identity-no-id-token = провайдер не прислал ID-токен
err-identity-id-token-invalid = ID-токен недействителен: { $reason }
err-identity-no-email = провайдер не сообщил адрес почты учётной записи (ни в ID-токене, ни через userinfo)
err-identity-user-info-failed = сервис userinfo провайдера не сообщил данные учётной записи: { $reason }
err-identity-user-info-other-subject = сервис userinfo провайдера описывает не ту учётную запись, которой выполнен вход (субъект отличается от ID-токена)
err-identity-email-not-verified = провайдер не подтвердил адрес { $email }
err-identity-wrong-account = { $enrolled ->
    [yes] вы вошли как { $email }, а восстановление на этом токене настроено для { $expected }
   *[no] вы вошли как { $email }, а просили настроить восстановление для { $expected }; ничего не настроено
}
err-identity-mail-scope-missing = разрешение отправлять письма от вашего имени не выдано

err-recovery-key-length = в ключе восстановления { $expected } букв и цифр (без дефисов), а в этом { $got }
err-recovery-key-character = символ { $position } не встречается в ключах восстановления (буквы A-Z и цифры 2-7)
err-recovery-key-checksum = контрольная сумма не сходится, значит, хотя бы один символ неверен

err-not-enrolled-nothing-to-revoke = на токене «{ $token }» восстановление не настроено; отзывать нечего
err-not-enrolled-no-recovery = на токене «{ $token }» восстановление не настроено
err-not-enrolled-other-token = данные восстановления на токене «{ $token }» сделаны для другого токена (серийный номер { $serial }); PIN-код этого токена ими не сбросить

err-recovery-issuer-not-url = recovery.issuer «{ $issuer }» — не URL: { $reason }
err-recovery-no-client = для восстановления нужен клиент OAuth: задайте recovery.client_id (и client_secret) в настройках
err-recovery-blob-version = данные восстановления версии { $version }, эта версия tokenward их не читает
err-recovery-blob-damaged = данные восстановления на токене повреждены{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
}
err-recovery-stale-so-pin = сохранённая копия PIN-кода администратора устарела: токен её не принял (PIN-код администратора сменили после настройки восстановления)
err-recovery-other-issuer = восстановление на этом токене настроено через провайдера { $enrolled }, а в настройках указан { $configured }
err-recovery-so-pin-doubtful = токен сообщает о неверной попытке ввода PIN-кода администратора, поэтому восстановление не пробует свою копию (она может быть устаревшей, а каждая попытка приближает блокировку)
err-recovery-not-stored-after-mail = данные восстановления не удалось записать на токен: { $cause }

err-internal-random = генератор случайных чисел операционной системы дал сбой
err-internal-encode = не удалось закодировать { $what }: { $reason }
err-internal-token-answer = токен вернул { $what }
err-internal-crypto = сбой: { $what }
err-internal-csr-refused = токен отказался подписать запрос на сертификат
err-internal-new-key-invisible = новый ключ не виден на токене
err-internal-read-back-differs = данные восстановления, записанные на токен, прочитались иначе; они снова удалены
err-internal-token-lost = токен инициализирован, но его не удаётся найти снова (метка «{ $label }»)
err-internal-json = не удалось записать JSON: { $reason }
err-internal-signal = не удалось перехватить Ctrl-C: { $value }

err-existing-label = объект с меткой «{ $label }» уже есть на токене
err-existing-id = объект с идентификатором { $id } уже есть на токене
err-existing-key = этот ключ уже есть на токене под меткой «{ $label }» (идентификатор { $id }); ничего не импортировано

err-uri-scheme = это не URI PKCS#11: он должен начинаться с «pkcs11:» (получено «{ $value }»)
err-uri-missing-equals = неверный URI PKCS#11: у атрибута «{ $value }» нет «=»
err-uri-duplicate = неверный URI PKCS#11: атрибут «{ $value }» указан дважды
err-uri-bad-value = неверный URI PKCS#11: у атрибута «{ $attribute }» неверное значение «{ $value }»: { $reason }
err-uri-pin-source-and-value = неверный URI PKCS#11: pin-source и pin-value нельзя указывать вместе

hint-input-file-exists = добавьте --force, чтобы заменить его
hint-input-no-such-folder = сначала создайте каталог или укажите другой путь
hint-input-control-character = укажите { $what_id ->
    [label] метку
   *[other] значение
} без него (через --label, если оно взято из файла)
hint-input-path-not-utf8 = выберите имя файла в UTF-8
hint-input-not-a-regular-file = укажите путь к обычному файлу
hint-input-file-too-large = проверьте, тот ли это файл
hint-input-whole-file-too-large = подпишите его в формате CMS, он выбран по умолчанию (без --format raw): такая подпись охватывает хэш, вычисленный при чтении файла, какого бы размера он ни был
hint-input-not-hex = укажите идентификатор шестнадцатеричными цифрами, например { $flag } 01a2
hint-input-not-text = сохраните его как текст в UTF-8
hint-input-no-certificate-in-file = укажите сертификат в формате PEM или DER
hint-input-bad-certificate-file = укажите сертификат в формате PEM или DER
hint-input-signature-not-cms = для «сырой» подписи укажите --cert или --pubkey
hint-input-not-cms = для «сырой» подписи укажите --cert или --pubkey подписавшего
hint-input-der-holds-one = для цепочки используйте PEM (уберите --der)
hint-input-several-files = добавьте --batch, чтобы подписать их все за один вход
hint-input-is-directory = добавьте --batch, чтобы подписать файлы в нём
hint-input-out-with-several = при нескольких файлах каждая подпись ложится рядом со своим файлом
hint-input-ca-without-cert = укажите --cert подписавшего
hint-input-no-trust-anchor = укажите сертификаты УЦ, которым вы доверяете, через --ca ФАЙЛ (можно несколько раз)
hint-input-unknown-mechanism = tokenward знает { $known }
hint-input-no-terminal-to-confirm = добавьте --yes
hint-input-certificate-not-named = укажите его метку, идентификатор, начало отпечатка или URI (см. `tokenward certs list`)
hint-input-certificate-unreadable = он не может быть основным; выберите другой
hint-input-no-key-for-certificate = сначала импортируйте его ключ (например, из его файла PKCS#12) или добавьте --ca для сертификата УЦ. Ничего не импортировано
hint-input-no-certificate-for-cms = импортируйте его (`tokenward certs import`) или используйте --format raw
hint-input-chain-for-raw = уберите --chain или подпишите в формате CMS (он по умолчанию)
hint-input-no-issuer-in-chain-file = укажите файл с сертификатом «{ $issuer }» (его публикует ваш удостоверяющий центр) или уберите --chain, чтобы взять издателей с токена
hint-input-label-empty = укажите метку через --label
hint-input-id-not-allowed = укажите один из { $allowed } через --id или не указывайте --id, чтобы занять свободный
hint-input-no-free-key-slot = удалите ненужный ключ (`tokenward keys delete`) или укажите его идентификатор через --id, чтобы заменить его
hint-input-label-too-long = сократите её
hint-input-no-blank-token = чтобы инициализировать токен заново (с уничтожением ключей), укажите его через --token и добавьте --force
hint-input-several-blank-tokens = укажите, какой инициализировать, через --token (URI со slot-id из `tokenward tokens`)
hint-input-already-initialised = если вы этого и хотите, добавьте --force
hint-input-label-not-confirmed = добавьте --confirm-label "{ $label }"
hint-input-not-an-email = укажите адрес Gmail, на который придёт ключ восстановления

hint-key-no-public-point = экспортируйте его заново с помощью OpenSSL (`openssl pkey -in KEY -out NEW`)
hint-key-needs-password = укажите его пароль через --password-file, --password-env или --password-stdin
hint-key-pkcs12-without-key = сертификаты импортируются командой `tokenward certs import`
hint-key-pkcs12-several-keys = tokenward импортирует по одному ключу (разделите файл с помощью openssl pkcs12)
hint-key-not-for-cms = для него используйте --format raw
hint-key-pair-mismatch = файл повреждён или собран из двух ключей; экспортируйте ключ заново. Ничего не записано
hint-key-kdf-too-costly = экспортируйте ключ заново с обычными настройками (например, `openssl pkcs8 -topk8 -v2 aes-256-cbc`)

hint-request-unknown-attribute = используйте CN, O, OU, C, L, ST, street, SN, GN, title, emailAddress, serialNumber, INN, INNLE, OGRN, OGRNIP, SNILS, RFC, CURP или OID через точки
hint-request-not-name-value = пишите так: "CN=Иванов Иван, O=ООО Ромашка, C=RU"
hint-request-empty-subject = укажите хотя бы CN=ИМЯ
hint-request-san-without-kind = пишите email:АДРЕС, dns:ИМЯ, ip:АДРЕС или uri:URI
hint-request-unknown-san-kind = используйте email, dns, ip или uri
hint-request-unknown-key-usage = используйте digital_signature, non_repudiation, key_encipherment, data_encipherment, key_agreement, key_cert_sign или crl_sign
hint-request-unknown-extended-key-usage = используйте client_auth, server_auth, email_protection, code_signing, time_stamping, ocsp_signing или OID через точки
hint-request-no-subject = укажите --subject "CN=…" или шаблон с субъектом

hint-verify-path-invalid = сертификат подписавшего не ведёт к УЦ, которому вы доверяете: укажите нужный --ca (и промежуточные через --chain) или уточните у отправителя файла

hint-identity-email-not-verified = сначала подтвердите его у своего провайдера
hint-identity-wrong-account = войдите как { $expected }
hint-identity-mail-scope-missing = оно нужно tokenward, чтобы прислать вам ключ восстановления; разрешите его при следующем входе

hint-recovery-no-client = как его создать, описано в docs/recovery.md
hint-recovery-blob-version = обновите tokenward
hint-recovery-stale-so-pin = больше попыток не будет; попросите администратора сбросить PIN-код с помощью PIN-кода администратора, а потом настройте восстановление заново
hint-recovery-so-pin-doubtful = обратитесь к администратору: один правильный ввод PIN-кода администратора снимает предупреждение; если PIN-код администратора меняли, настройте восстановление заново
hint-recovery-not-stored-after-mail = в только что пришедшем письме о восстановлении ключ ни к чему не подходит: удалите письмо и снова выполните enroll
hint-recovery-other-issuer = чтобы им воспользоваться, задайте recovery.issuer = { $enrolled } или настройте восстановление заново с указанным провайдером

hint-internal-token-lost = выполните `tokenward tokens` и задайте PIN-код пользователя командой `tokenward pin unblock`

hint-existing-label = выберите другую --label (см. `tokenward objects --login`)
hint-existing-id = выберите другой --id или не указывайте его, чтобы получить случайный

## Другие ошибки

err-module-not-pkcs11 = { $path } — не библиотека PKCS#11 ({ $reason })
hint-module-not-pkcs11 = укажите в --module файл PKCS#11 от производителя (.so/.dll/.dylib)
err-module-init = модуль PKCS#11 { $path } не запустился (C_Initialize вернул { $rv })
err-needs-so-pin = этот токен разрешает { $what_id ->
    [deleting-keys] удалять ключи
    [deleting-certificates] удалять сертификаты
    [generating-keys] создавать ключи
    [importing-certificates] импортировать сертификаты
    [importing-keys] импортировать ключи
   *[other] это действие ({ $what })
} только с PIN-кодом администратора (на карте OpenPGP — admin PIN)
hint-needs-so-pin = на токене ничего не изменено; укажите PIN-код администратора через --so-pin-file ФАЙЛ, --so-pin-env ПЕРЕМЕННАЯ или --so-pin-stdin
err-needs-module-setting = модуль токена не разрешает { $what_id ->
    [setting-the-user-pin-with-the-so-pin] задавать PIN-код пользователя PIN-кодом администратора
   *[other] это действие ({ $what })
}, пока в его настройках нет `{ $setting }`
hint-needs-module-setting = на токене ничего не изменено; { $place } (docs/module-quirks.md)
err-pkcs11 = { $headline } ({ $rv } в C_{ $function })
err-cryptoki = ошибка библиотеки PKCS#11: { $detail }
err-password-too-short = пароль слишком короткий ({ $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[many] { $length } символов
})
hint-password-too-short = используйте не меньше { $min ->
    [one] { $min } символа
   *[other] { $min } символов
}
err-mechanism-unsupported = этот токен не умеет { $wanted }; он предлагает: { $supported ->
    [none] ничего из того, чем пользуется tokenward
   *[other] { $supported }
}
err-cert-key-mismatch = сертификат «{ $subject }» не от этого ключа (их открытые ключи различаются)
hint-cert-key-mismatch = проверьте, ту ли пару файлов вы выбрали. Ничего не импортировано
err-not-extractable = закрытый ключ «{ $label }» не может покинуть токен: токен отмечает его неизвлекаемым — так он защищает ключ
hint-not-extractable = чтобы пользоваться ключом в другой программе, пусть она работает с ним на токене: `tokenward export-config --for openssl|gnutls|nss|java|ssh --key "{ $label }"`
err-rolled-back = { $cause }. { $how ->
    [nothing] На токен ещё ничего не было записано
    [all] Объекты, записанные до сбоя ({ $written }), снова удалены: токен такой же, как был
   *[some] Из { $written } объектов, записанных до сбоя, удалось удалить только { $removed }: проверьте токен командой `tokenward objects --login`
}
err-batch-stopped = { $cause }. Подписано: { $signed }, пропущено: { $skipped }, сбой: { $failed }, не начато: { $not_started }; все записанные подписи полные, у остальных файлов подписей нет
err-verification = проверка не прошла: { $detail }
err-sign-in-not-proven = вход не подтвердил учётную запись: { $detail }
err-sign-in-denied = вход отменён или разрешения отклонены в браузере; ничего не изменено
hint-sign-in-denied = выполните команду снова и разрешите tokenward отправлять письма от вашего имени
err-sign-in-timeout = вход не завершён за { $seconds } с; ничего не изменено
hint-sign-in-timeout = выполните команду снова и завершите вход в браузере (время задаётся в recovery.sign_in_timeout_seconds)
err-network = ошибка сети: { $what }: { $detail }
err-mail-failed = письмо о восстановлении не удалось отправить: { $detail }
hint-mail-failed = { $nothing_stored ->
    [yes] на токен ничего не записано, так что ключа восстановления нет; { mail-failed-what }
   *[no] { mail-failed-what }
}
mail-failed-what = { $status ->
    [denied] войдите снова и разрешите tokenward отправлять письма от вашего имени
    [limited] почтовый сервис ограничивает число писем; выполните команду снова через час
    [down] выполните команду снова, когда почтовый сервис начнёт отвечать
   *[refused] почтовый сервис не принимает это письмо; обратитесь к администратору
}
err-mistyped-recovery-key = ключ восстановления введён с ошибкой: { $detail }. Ничего не проверялось
hint-recovery-key-checksum = сверьте его с письмом о восстановлении ещё раз
err-wrong-recovery-key = этот ключ восстановления не открывает данные восстановления токена: это не ключ из последнего письма о восстановлении для этого токена. Ничего не изменено
hint-not-enrolled-no-recovery = его настраивает `tokenward recovery enroll`; попросите администратора сбросить PIN-код с помощью PIN-кода администратора
err-no-config-location = неизвестно, где хранить настройки
hint-no-config-location = укажите --config ФАЙЛ
err-state-invalid = файл, в котором tokenward хранит ваш выбор, повреждён: { $path }: { $reason }
hint-state-invalid = это собственный файл tokenward: исправьте эту строку или удалите { $path } (токен и сертификат по умолчанию тогда забудутся: выберите их снова командами `tokenward tokens select` и `tokenward certs select`)
err-config-invalid = настройки неверны: { $reason }
config-default-cert-not-fingerprint = default_cert «{ $value }» — не отпечаток SHA-256: укажите 64 шестнадцатеричные цифры сертификата, которые `tokenward --config /dev/null certs show` выводит после «SHA-256» (`--config /dev/null` не читает этот файл)
config-default-cert-id-not-hex = default_cert_id «{ $value }» — не CKA_ID в шестнадцатеричном виде: укажите цифры, которые `tokenward --config /dev/null certs show` выводит после «ИДЕНТИФИКАТОР» (`--config /dev/null` не читает этот файл)
err-variable-not-text = в переменной окружения { $variable } не текст; { secret-noun } должен быть текстом
err-secret-empty = { secret-noun } из { $source } пуст
secret-source = { $kind ->
    [file] файла { $name }
    [variable] переменной { $name }
    [stdin] стандартного ввода
   *[prompt] ответа на запрос
}
err-stdin-failed = не удалось прочитать { secret-noun } со стандартного ввода: { $reason }

## Коды возврата PKCS#11: ckr-ID (что случилось) и ckr-ID-fix (что делать)

ckr-pin-incorrect = неверный PIN-код
ckr-pin-incorrect-fix = проверьте PIN-код; каждая неверная попытка приближает блокировку токена (`tokenward pin status` показывает, сколько попыток осталось)
ckr-pin-locked = PIN-код заблокирован
ckr-pin-locked-fix = слишком много неверных попыток; попросите администратора выполнить `tokenward pin unblock` с PIN-кодом администратора
ckr-pin-expired = срок действия PIN-кода истёк
ckr-pin-expired-fix = смените PIN-код командой `tokenward pin change`
ckr-pin-invalid = токен не принял PIN-код
ckr-pin-invalid-fix = токен отверг символы или длину нового PIN-кода; `tokenward tokens` показывает наименьшую и наибольшую длину PIN-кода токена
ckr-user-not-logged-in = вход не выполнен
ckr-user-not-logged-in-fix = для этого нужен вход; укажите PIN-код через --pin-file, --pin-env или --pin-stdin либо введите его по запросу
ckr-user-already-logged-in = вход уже выполнен
ckr-user-already-logged-in-fix = закройте другие программы, работающие с токеном, и повторите
ckr-user-pin-not-initialized = PIN-код пользователя не задан
ckr-user-pin-not-initialized-fix = у токена ещё нет PIN-кода пользователя; его задаёт администратор командой `tokenward pin unblock` (PIN-код администратора) или `tokenward token init`
ckr-user-type-invalid = такой вид входа не поддерживается
ckr-user-type-invalid-fix = этот токен не поддерживает такой вид входа
ckr-token-not-present = в считывателе нет токена
ckr-token-not-present-fix = подключите токен (или вставьте карту) и повторите
ckr-token-not-recognized = токен не распознан
ckr-token-not-recognized-fix = считыватель видит карту, но ни один драйвер её не понимает; проверьте, установлен ли нужный модуль PKCS#11 (`tokenward modules` показывает найденные модули)
ckr-token-write-protected = токен защищён от записи
ckr-token-write-protected-fix = на нём ничего нельзя изменить; проверьте переключатель защиты от записи или обратитесь к выпустившему токен
ckr-device-memory = память токена заполнена
ckr-device-memory-fix = на токене не осталось места; удалите ненужные объекты
ckr-device-error = ошибка устройства токена
ckr-device-error-fix = отключите токен, подключите снова и повторите; если ошибка повторяется, токен, возможно, повреждён
ckr-session-handle-invalid = сеанс потерян
ckr-session-handle-invalid-fix = токен сбросили или отключили во время операции; повторите
ckr-session-read-only-exists = токен открыт другой программой
ckr-session-read-only-exists-fix = закройте другие программы, работающие с токеном (браузеры, программы подписи), и повторите
ckr-session-count = слишком много сеансов
ckr-session-count-fix = закройте другие программы, работающие с токеном, и повторите
ckr-slot-id-invalid = слот исчез
ckr-slot-id-invalid-fix = считыватель или токен отключили; подключите и повторите
ckr-mechanism-invalid = токен не поддерживает эту операцию
ckr-mechanism-invalid-fix = токен не предлагает этот алгоритм; выберите другой тип ключа или механизм
ckr-key-type-inconsistent = ключ нельзя использовать для этого
ckr-key-type-inconsistent-fix = выберите ключ, которому разрешена эта операция
ckr-attribute-sensitive = значение защищено токеном
ckr-attribute-sensitive-fix = токен не выпускает это значение наружу
ckr-attribute-read-only = токен не разрешает это изменение
ckr-attribute-read-only-fix = политика токена запрещает это изменение
ckr-template-incomplete = токен отверг объект
ckr-template-incomplete-fix = токен не принимает такой объект; см. docs/module-quirks.md
ckr-cryptoki-not-initialized = модуль не инициализирован
ckr-cryptoki-not-initialized-fix = это ошибка в tokenward; пожалуйста, сообщите о ней
ckr-function-not-supported = токен это не поддерживает
ckr-function-not-supported-fix = модуль токена не реализует эту функцию
ckr-arguments-bad = операция с токеном не удалась
ckr-arguments-bad-fix = токен отверг переданные значения (некоторые токены допускают только определённые идентификаторы или размеры ключей); повтор того же запроса не поможет: см. docs/module-quirks.md для этого токена
ckr-failed = операция с токеном не удалась
ckr-failed-fix = если это повторится, отключите токен, подключите снова и посмотрите, что показывает `tokenward tokens`
ckr-misplaced-pin = токен отказался выполнить операцию
ckr-misplaced-pin-fix = токен ответил ошибкой PIN-кода, хотя PIN-код не отправлялся; такие токены обычно требуют для этого PIN-код администратора: укажите его через --so-pin-file, --so-pin-env или --so-pin-stdin (см. docs/module-quirks.md)

## Предупреждения: warn-warning-ВИД (src/warning.rs)

warn-warning-uri-pin-value = в URI записан сам PIN-код (pin-value): его увидит любой, кто видит команду или сценарий; используйте pin-source=ФАЙЛ, --pin-file или --pin-env
warn-warning-uri-unknown-attribute = атрибут URI «{ $name }» tokenward не знает (RFC 7512 определяет token, manufacturer, serial, model, object, id, type, slot-*, library-*), поэтому ему не соответствует ни один токен или объект
warn-warning-card-names-keys = эта карта сама называет свои ключи: новый ключ называется «{ $name }», а не «{ $label }»
warn-warning-plain-pin-sheet = сгенерированные PIN-коды записаны открытым текстом в { $path } (0600, их можете прочесть вы и root): передайте их и удалите файл; age_recipient в pin_sheet зашифрует лист
warn-warning-pin-must-change-unsupported = модуль не умеет требовать смены PIN-кода пользователя при первом входе: попросите каждого владельца выполнить `tokenward pin change`
warn-warning-factory-pin = у токена «{ $token }» всё ещё заводской PIN-код, который могут знать другие: задайте свой командой `tokenward pin change`
warn-warning-several-certificates-claim = на ключ «{ $key }» претендуют несколько сертификатов на токене ({ $count }); используется «{ $chosen }» (идентификатор { $id }). Сертификат можно добавить на токен без PIN-кода: проверьте остальные командой `tokenward certs list --login`
warn-warning-recovery-removed = восстановление PIN-кода на токене «{ $token }» хранило старый PIN-код администратора, поэтому оно удалено; настройте его заново командой `tokenward recovery enroll`
warn-warning-reseal-failed = данные восстановления не удалось заново запечатать новым PIN-кодом администратора ({ $cause })
warn-warning-audit-unwritable = журнал аудита не записан: { $cause }
warn-warning-certificate-expired = срок действия сертификата «{ $name }» истёк { $not_after }: он записан на токен, но подписи с ним не примут; запросите новый в удостоверяющем центре
warn-warning-certificate-not-yet-valid = сертификат «{ $name }» действует только с { $not_before }: он записан на токен, но подписи с ним до этого времени не примут (если эта дата уже прошла, проверьте часы компьютера)

## Что проверил verify: checked-verify-ВИД (src/sign/checked.rs)

field-not-checked = Не проверено
verify-unchecked-path = цепочка сертификатов (укажите --ca, чтобы проверить её)
checked-verify-digest-matches = хэш { $digest } файла совпадает с подписанным
checked-verify-signer-key = подпись верна для открытого ключа «{ $signer }»
checked-verify-raw-signature = подпись { $mechanism } верна для открытого ключа { $key }
checked-verify-path = цепочка сертификатов до доверенного УЦ действительна на { $at } (отзыв не проверялся): { $chain }
checked-verify-path-not-checked = цепочка сертификатов не проверялась (укажите --ca, чтобы проверить её)

## export-config: шаги (step-export-config-ВИД) и назначение файлов (purpose-export-config-ВИД)

config-intro = Чтобы пользоваться ключом «{ $key }» на токене «{ $token }» из { $program } так, чтобы он никогда не покидал токен:
config-wrote-to = Записано в { $dir }:
config-add-out = Добавьте --out КАТАЛОГ, чтобы записать эти файлы.
step-export-config-openssl-engine = Движок (libp11, пакет Debian libengine-pkcs11-openssl{ $installed ->
    [yes] {""}
   *[no] , здесь не установлен
}): OPENSSL_CONF={ $dir }/openssl-engine.cnf openssl pkeyutl -engine pkcs11 -keyform engine -inkey '{ $uri }' -sign -in DIGEST -out SIG
step-export-config-openssl-provider = Провайдер (pkcs11-provider{ $installed ->
    [yes] {""}
   *[no] , здесь не установлен
}): OPENSSL_CONF={ $dir }/openssl-provider.cnf openssl pkeyutl -sign -inkey '{ $uri }' -in DIGEST -out SIG
step-export-config-openssl-pin = Оба спросят PIN-код, когда он понадобится; добавляйте ;pin-source=file:/путь к URI только в сценариях с защищённым файлом PIN-кода.
step-export-config-gnutls-register = Один раз зарегистрируйте модуль: скопируйте { $dir }/{ $file } в ~/.config/pkcs11/modules/ (для себя) или в /etc/pkcs11/modules/ (для всех).
step-export-config-gnutls-uri = Затем программы на GnuTLS берут ключ по его URI: '{ $uri }'
step-export-config-gnutls-check = Проверка: p11tool --provider { $module } --login --list-privkeys '{ $uri }'
step-export-config-nss-run = Выполните: sh { $dir }/nss-add-module.sh (или укажите каталог базы NSS; для профиля Firefox сначала закройте Firefox).
step-export-config-nss-names = NSS называет ключ по метке токена и сертификата: «{ $token }:{ $key }»; проверка: certutil -d sql:$HOME/.pki/nssdb -L -h '{ $token }'
step-export-config-java-list = Показать ключ: keytool -list -keystore NONE -storetype PKCS11 -providerClass sun.security.pkcs11.SunPKCS11 -providerArg { $dir }/sunpkcs11.cfg
step-export-config-java-certificate = Java видит ключ только вместе с его сертификатом на токене (PrivateKeyEntry); если `tokenward certs list` его не показывает, сначала импортируйте сертификат.
step-export-config-java-slot = Номер слота задаёт модуль; если токен переедет в другой считыватель, выполните export-config снова.
step-export-config-ssh-public = Открытый ключ для authorized_keys на сервере: ssh-keygen -D { $module }
step-export-config-ssh-use = Один раз: ssh -I { $module } user@host; всегда: добавьте { $dir }/ssh_config в ~/.ssh/config; или загрузите в агент: ssh-add -s { $module }
purpose-export-config-openssl-engine = OpenSSL с движком pkcs11 из libp11
purpose-export-config-openssl-provider = OpenSSL 3 с pkcs11-provider
purpose-export-config-p11kit-module = регистрация модуля в p11-kit, её читают программы на GnuTLS
purpose-export-config-nss-script = регистрирует модуль в базе NSS
purpose-export-config-sun-pkcs11 = настройка провайдера Java SunPKCS11
purpose-export-config-ssh-config = строка PKCS11Provider для ~/.ssh/config

## Записанные файлы, сертификаты, состояние восстановления, прерванный импорт

wrote-file = Записан файл { $path }.
certs-exported = В { $path } { $count ->
    [one] записан { $count } сертификат
    [few] записано { $count } сертификата
   *[many] записано { $count } сертификатов
}: { $names }.
cert-deleted = Сертификат «{ $name }» удалён.
cert-path-ok = Цепочка сертификатов в порядке: { $subject }
field-path = Цепочка
field-valid-at = Действительна на
field-revocation = Отзыв
revocation-not-checked = не проверялся (CRL и OCSP не запрашивались)
recovery-status-none = На токене «{ $token }» восстановление не настроено. Настроить: tokenward recovery enroll --email АДРЕС
recovery-status-title = Восстановление на токене «{ $token }»
field-set-up = Настроено
recovery-status-enrolled = { $enrolled ->
    [yes] да
   *[no] нет (данные на нём принадлежат другому токену)
}
column-account = УЧЁТНАЯ ЗАПИСЬ
column-since = С
column-for-this-token = ДЛЯ ЭТОГО ТОКЕНА
recovery-for-this-token = { $mine ->
    [yes] да
   *[no] нет (серийный номер { $serial })
}
recovery-unreadable = не читается
recovery-several-entries = Записей несколько: предыдущий запуск был прерван. Следующее восстановление оставит только самый новый ключ.
key-import-interrupted = Импорт ключа «{ $label }» (идентификатор { $id }) был прерван: открытый ключ { $public ->
    [yes] на месте
   *[no] отсутствует
}, сертификат { $certificate ->
    [yes] на месте
   *[no] отсутствует
}, закрытый ключ { $private ->
    [yes] на месте
   *[no] отсутствует
} (чтобы его увидеть, нужен вход). Чтобы завершить импорт, выполните ту же команду `tokenward keys import` ещё раз.
warn-warning-recovery-key-not-made = новый ключ восстановления создать не удалось ({ $cause }); старый ключ восстановления по-прежнему действует
warn-warning-recovery-not-stored = новые данные восстановления не удалось записать на токен ({ $cause }); старый ключ восстановления по-прежнему действует{ $notice ->
    [none] {""}
   *[other] ; письмо о сбросе тоже не удалось отправить ({ $notice })
}
warn-warning-recovery-not-mailed = новый ключ восстановления не удалось отправить письмом ({ $cause }); старый ключ восстановления по-прежнему действует
warn-warning-old-recovery-left = не удалось удалить старые объекты восстановления ({ $count }); их удалит следующее восстановление

## Почему правило PIN-кода на токене невыполнимо: why-pin-rule-ВИД (src/pin/policy.rs)

why-pin-rule-token-max-below-rule = токен принимает PIN-коды не длиннее { $token_max ->
    [one] { $token_max } символа
   *[other] { $token_max } символов
}, а правило требует не меньше { $rule_min ->
    [one] { $rule_min } символа
   *[other] { $rule_min } символов
}
why-pin-rule-token-min-above-rule = токену нужны PIN-коды не короче { $token_min ->
    [one] { $token_min } символа
   *[other] { $token_min } символов
}, а правило допускает не больше { $rule_max ->
    [one] { $rule_max } символа
   *[other] { $rule_max } символов
}

## Командная строка, которую не принял clap

usage-unknown-argument = неизвестный параметр «{ $arg }»
usage-unknown-command = неизвестная команда «{ $command }»
usage-invalid-value = «{ $value }» — недопустимое значение для { $arg }{ $valid ->
    [none] {""}
   *[other] ; допустимые значения: { $valid }
}
usage-missing-argument = не указан обязательный параметр: { $arg }
usage-missing-command = укажите команду
usage-conflict = { $arg } нельзя использовать вместе с { $prior }
usage-wrong-number = неверное число значений у { $arg }
usage-no-equals = у { $arg } значение пишется после «=»
usage-did-you-mean = возможно, вы имели в виду { $suggestion }?
usage-more = Подробнее: tokenward --help

## tokenward setup

setup-step = { $step ->
    [check_computer] Проверка компьютера
    [choose_token] Выбор токена
    [choose_certificate] Выбор сертификата
    [set_pin] Свой PIN-код
    [programs] Работа из ваших программ
   *[check_signing] Проверка подписи
}
setup-step-why = { $step ->
    [check_computer] Есть ли всё, что нужно токену: служба смарт-карт, драйвер, сам токен?
    [choose_token] Какой токен настроить, если подключено несколько.
    [choose_certificate] Сертификат, которым вы подписываете; он станет основным.
    [set_pin] PIN-код, с которым выдан токен, могут знать другие: замените его своим.
    [programs] Браузер, почта и другие программы научатся работать с токеном.
   *[check_signing] Пробная подпись на токене, проверенная на этом компьютере.
}
setup-outcome = { $reason ->
    [ok] всё в порядке
    [one_token] токен один: { $details }
    [chosen] выбран: { $details }
    [already_default] оставлен: { $details } (он уже основной)
    [factory_pin] задан ваш PIN-код; заводской PIN-код токен больше не открывает
    [own_pin] у токена уже ваш PIN-код
    [asked] PIN-код сменён
    [not_asked] заводской PIN-код оставлен (смените его позже: `tokenward pin change`)
    [configured] настроено: { $details }
   *[none_chosen] программы не выбраны
}
setup-status = { $status ->
    [done] сделано{ $reason ->
        [already_default] {" "}(уже было)
       *[other] {""}
    }
    [skipped] пропущено ({ $reason ->
        [one_token] токен один
        [own_pin] PIN-код уже ваш
        [not_asked] вы оставили PIN-код
        [none_chosen] программы не выбраны
       *[other] { $reason }
    })
   *[failed] не удалось
}
setup-waiting = Подключите токен или вставьте карту; ожидание… (Ctrl-C — выйти)
setup-token-item = «{ $label }» (серийный номер { $serial })
setup-choose-token = Какой токен настроить?
setup-pick-hint = ↑/↓ — выбор, Enter — подтвердить (или введите номер); Ctrl-C — выйти
setup-pick-many-hint = ↑/↓ — выбор, пробел — отметить (или введите номера), Enter — готово; Ctrl-C — выйти
setup-choose-certificate = Каким сертификатом вы подписываете?
setup-cert-item = { $name } — выдан { $issuer } — { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[many] осталось { $days } дней
}{ $ids ->
    [none] {""}
   *[other] {" "}— { $ids }
}{ $default ->
    [yes] {" "}(сейчас основной)
   *[no] {""}
}
setup-factory-pin = У токена всё ещё заводской PIN-код: сначала заводской, затем новый — дважды.
setup-change-own-pin = У токена уже ваш PIN-код. Сменить его сейчас? [да/нет]
setup-choose-programs = Какие программы должны пользоваться токеном?
setup-program = { $program ->
    [firefox] Firefox и Thunderbird
    [chromium] Chromium и Chrome
    [openssl] Программы на OpenSSL
    [java] Программы на Java
    [ssh] SSH
   *[other] Другая программа (адрес и драйвер, чтобы вставить вручную)
}
setup-program-done = { $program ->
    [firefox] Firefox и Thunderbird
    [chromium] Chromium и Chrome
    [openssl] Программы на OpenSSL
    [java] Программы на Java
    [ssh] SSH
   *[other] Другая программа
}{ $already ->
    [yes] : уже настроено в
   *[no] {""}:
}
setup-restart = Перезапустите { $program ->
    [firefox] Firefox и Thunderbird
   *[other] Chromium и Chrome
}, если они открыты: токен появится после перезапуска.
setup-summary = Итог
setup-next-sign = Дальше: подпишите документ командой `tokenward sign ФАЙЛ`.
setup-next-recovery = Можно настроить восстановление PIN-кода: `tokenward recovery enroll --email АДРЕС` — тогда забытый PIN-код можно будет сбросить.
setup-cancelled = прервано; уже сделанные шаги: { $done ->
    [none] ни одного
   *[other] { $done }
}. Больше ничего не изменено; чтобы продолжить, снова выполните `tokenward setup`.

err-setup-blocked = { $words }
err-setup-no-usable-certificate = ни одним сертификатом на токене «{ $token }» подписать нельзя: { $why ->
    [no_certificate] на токене нет сертификатов
    [expired] срок действия всех сертификатов истёк или ещё не начался
    [no_key] ни к одному сертификату нет закрытого ключа на токене
    [list_only] их ключи такого вида, который tokenward показывает, но не использует (ГОСТ)
   *[not_for_signing] ни один из них не предназначен для подписи
}
hint-setup-no-usable-certificate = попросите новый сертификат у того, кто выдал токен; `tokenward certs list` показывает сертификаты на нём
err-setup-no-profile = на этом компьютере не найден профиль { $program ->
    [firefox] Firefox или Thunderbird
   *[other] { $program }
}
hint-setup-no-profile = один раз запустите программу (она создаст профиль), затем снова выполните `tokenward setup`
err-setup-signing-failed = проверка подписи не прошла
hint-setup-signing-failed = `tokenward check` покажет, какой механизм не сработал

## tokenward provision: errors (err-provision-KIND, hint-provision-KIND; src/error/provision.rs)

err-in-manifest = { $file }, строка { $line }: { $cause }
err-provision-syntax = { $message }
hint-provision-syntax = ключи и разделы манифеста описаны в docs/admins.md («Provisioning many tokens»)
err-provision-no-tokens-listed = в манифесте нет ни одного токена
hint-provision-no-tokens-listed = добавьте запись [[token]] для каждого токена (serial = "…" или blank = true) или укажите --count N вместе с --station
err-provision-entry-without-token = в этой записи [[token]] не сказано, какой токен взять, и не сказано, что подойдёт любой чистый
hint-provision-entry-without-token = добавьте serial = "…" (серийный номер из `tokenward tokens`) или blank = true
err-provision-serial-and-blank = в этой записи [[token]] указан серийный номер и при этом blank = true
hint-provision-serial-and-blank = оставьте что-то одно: серийный номер для известного токена или blank = true для следующего чистого
err-provision-duplicate-serial = серийный номер { $serial } указан повторно (впервые в строке { $first_line })
hint-provision-duplicate-serial = у каждого токена одна запись [[token]]; удалите вторую
err-provision-no-label = у токена нет метки, и в [defaults] нет шаблона метки
hint-provision-no-label = добавьте label = "…" в запись или label = "Сотрудник {"{"}n:02{"}"}" в [defaults]
err-provision-bad-pattern = в шаблоне есть неизвестная подстановка: { $placeholder }
hint-provision-bad-pattern = используйте {"{"}n{"}"} (номер токена в запуске), {"{"}n:02{"}"} (с ведущими нулями), {"{"}serial{"}"} или {"{"}label{"}"}
err-provision-no-pin-source = для этого токена не задан { $field ->
    [so_pin] PIN администратора (SO)
   *[other] PIN пользователя
}
hint-provision-no-pin-source = добавьте { $field } = {"{"} generate = 10 {"}"}, {"{"} file = "…" {"}"} или {"{"} env = "…" {"}"} в [defaults] или в запись
err-provision-generated-length = { $field ->
    [so_pin] PIN администратора (SO)
   *[other] PIN пользователя
} длиной { $length } символов не допускается политикой PIN и токеном (от { $min } до { $max })
hint-provision-generated-length = задайте generate = N, где N от { $min } до { $max }
err-provision-no-pin-sheet = PIN-коды генерируются, но в манифесте не сказано, куда их записать
hint-provision-no-pin-sheet = добавьте pin_sheet = {"{"} age_recipient = "age1…" {"}"} в [defaults] (пару ключей создаёт `age-keygen -o admin.key`)
err-provision-empty-pin-sheet = в pin_sheet нет ни age_recipient, ни file
hint-provision-empty-pin-sheet = укажите age_recipient = "age1…" (зашифрованный лист; рекомендуется) или file = "pins.csv" (его прочтёт любой, кому попадёт файл)
err-provision-bad-recipient = получатель age указан неверно: { $reason }
hint-provision-bad-recipient = скопируйте строку «public key: age1…», которую вывела `age-keygen`
err-provision-no-subject = для токена нужно создать запрос на сертификат, но у него не задан субъект (subject)
hint-provision-no-subject = добавьте subject = "CN=…" в запись или шаблон, например subject = "CN={"{"}label{"}"}", в [defaults]
err-provision-no-csr-dir = у токена задан субъект, но нет csr_dir, куда записать запрос на сертификат
hint-provision-no-csr-dir = добавьте csr_dir = "csr" в [defaults]
err-provision-not-blank = токен «{ $label }» (серийный номер { $serial }) уже инициализирован
hint-provision-not-blank = чтобы стереть его вместе со всем содержимым, добавьте reinitialise = true и current_so_pin в его запись [[token]]; иначе удалите запись
err-provision-reinitialise-without-serial = указано reinitialise = true, но в записи нет серийного номера
hint-provision-reinitialise-without-serial = стереть можно только токен, названный по серийному номеру; добавьте serial = "…"
err-provision-no-current-so-pin = для reinitialise = true нужен текущий PIN администратора (SO) токена
hint-provision-no-current-so-pin = добавьте current_so_pin = {"{"} file = "…" {"}"} или {"{"} env = "…" {"}"} в запись или в [defaults]
err-provision-token-absent = токен { $serial } не подключён
hint-provision-token-absent = подключите его или удалите его запись; ни один токен не изменён
err-provision-no-blank-token = для этой записи не подключён ни один чистый токен
hint-provision-no-blank-token = подключите чистый токен и запустите команду ещё раз: готовые токены будут пропущены
err-provision-pins-in-sheet = токен инициализирован в прошлом запуске со сгенерированными PIN-кодами, которые есть только в листе PIN-кодов { $sheet }
hint-provision-pins-in-sheet = укажите --identity ФАЙЛ (ключ age, которым открывается лист PIN-кодов), чтобы tokenward мог войти и закончить работу
err-provision-sheet-not-opened = не удалось открыть лист PIN-кодов { $sheet }: { $reason }
hint-provision-sheet-not-opened = укажите файл ключа age, который соответствует age_recipient из манифеста
err-provision-report-mismatch = отчёт { $report } составлен по другому манифесту
hint-provision-report-mismatch = укажите манифест, по которому он составлен, или другой файл в --report
err-provision-cert-matches-no-token = сертификат из { $file } не подходит ни к одному токену этого манифеста
hint-provision-cert-matches-no-token = проверьте, что он выпущен по одному из запросов из csr_dir
err-provision-tokens-failed = сбой на токенах: { $failed }; готово: { $done }, не начато: { $not_started }
hint-provision-tokens-failed = в таблице видно, что сделано на каждом; запустите ту же команду ещё раз, чтобы закончить (готовые токены будут пропущены)

## tokenward provision: screens

provision-progress = {"{"}spinner{"}"} подготовка {"{"}pos{"}"}/{"{"}len{"}"} [{"{"}bar:30{"}"}] {"{"}msg{"}"}
column-serial = СЕРИЙНЫЙ НОМЕР
column-done = СДЕЛАНО
provision-status = { $status ->
    [done] готово
    [already_done] готово ранее
    [failed] СБОЙ
   *[not_started] не начат
}
provision-step = { $step ->
    [initialised] инициализирован
    [key_generated] ключ создан
    [csr_written] запрос записан
   *[certificate_imported] сертификат записан
}
provision-failure = Токен { $number } «{ $label }»: { $problem }
provision-rolled-back = { $what ->
    [key_pair] пара ключей, созданная на неудавшемся шаге, снова удалена
   *[other] { $what }: снова удалено
}
provision-summary = готово: { $done }, готово ранее: { $already }, сбой: { $failed }, не начато: { $not_started }
provision-pin-sheet = Сгенерированные PIN-коды: { $path } { $encrypted ->
    [yes] (откройте его командой `age -d -i ВАШ-КЛЮЧ-AGE { $path }`)
   *[no] (открытый текст: передайте PIN-коды и удалите файл)
}
provision-report-file = Отчёт: { $path } (при повторном запуске готовые токены пропускаются)
provision-cert-placed = { $file }: { $status ->
    [already_present] уже есть на токене
   *[imported] записан на токен
} «{ $label }» (серийный номер { $serial })
provision-cert-unplaced = { $file }: его ключа нет ни на одном токене этого манифеста
provision-station-waiting = Подключите следующий токен (осталось: { $left }); ожидание… (Ctrl-C — остановить)
provision-station-working = Подготовка «{ $label }»…
provision-station-result = «{ $label }» (серийный номер { $serial }): { $status ->
    [done] готово
    [already_done] готово ранее
    [failed] СБОЙ
   *[other] не начат
}{ $done ->
    [none] {""}
   *[other] {" "}({ $done })
}
