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
