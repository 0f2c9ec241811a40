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
err-token-not-found = нет токена, подходящего под { $selector }
hint-token-not-found = выберите один из подключённых токенов: --token и его URI, название или серийный номер
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
hint-ambiguous-token = выберите один: --token и его URI, название или серийный номер
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
hint-object-not-found = укажите один из них: URI, название, идентификатор (hex) или начало отпечатка
err-ambiguous-object = { $what ->
    [certificate] подходят несколько сертификатов ({ $count })
   *[key] подходят несколько закрытых ключей ({ $count })
}
hint-ambiguous-object = выберите один: URI, название, идентификатор (hex) или начало отпечатка
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
err-file-exists = { $path } уже существует
hint-file-exists = добавьте --force, чтобы заменить его
err-no-such-folder = каталога для { $path } нет
hint-no-such-folder = сначала создайте каталог или укажите другой путь
err-not-a-regular-file = { $path } — не обычный файл
hint-not-a-regular-file = укажите путь к обычному файлу
err-no-terminal-to-confirm = эта команда удаляет данные, а терминала для подтверждения нет
hint-no-terminal-to-confirm = добавьте --yes
err-not-confirmed = не подтверждено; ничего не удалено
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
tokens-slot = Слот { $id }: { $description }
tokens-slot-silent = Слот { $id }: (без описания: слот не отвечает)
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
tokens-blank = чистый (не инициализирован)
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

state-not-initialized = не инициализирован (выполните `tokenward token init`)
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
